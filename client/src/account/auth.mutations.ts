import { graphql } from '../gql/gql';

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      viewer {
        id
        roles {
          role
        }
        partnership {
          id
          slug
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RegisterVolunteerMutation = graphql(`
  mutation RegisterVolunteer($input: RegisterVolunteerInput!) {
    registerVolunteer(input: $input) {
      viewer {
        id
        partnership {
          id
          slug
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      accepted
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      viewer {
        id
        partnership {
          id
          slug
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ConfirmRegistrationMutation = graphql(`
  mutation ConfirmRegistration($input: ConfirmRegistrationInput!) {
    confirmRegistration(input: $input) {
      viewer {
        id
        partnership {
          id
          slug
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
