import { graphql } from '../gql/gql';

export const LearningRecordQuery = graphql(`
  query LearningRecord($personId: ID) {
    learningRecord(personId: $personId) {
      person {
        id
        name
        organisationName
      }
      viewerMayConfirm
      completions {
        bookingId
        courseTitle
        providerName
        completedAt
        hours
        learningCategory
        ksfDimensions
        mandatorySubjectName
        mandatoryLevel
        accreditation
        certificateUrl
      }
      informalLearning {
        id
        kind
        learnedOn
        hours
        description
        learningCategory
        evidenceUrl
        evidenceFile {
          id
          fileName
          downloadUrl
        }
        confirmedAt
        confirmedByName
      }
      balance {
        totalHours
        categories {
          category
          hours
          share
          target
        }
      }
    }
  }
`);

export const LogInformalLearningMutation = graphql(`
  mutation LogInformalLearning($input: LogInformalLearningInput!) {
    logInformalLearning(input: $input) {
      entry {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ConfirmInformalLearningMutation = graphql(`
  mutation ConfirmInformalLearning($input: ConfirmInformalLearningInput!) {
    confirmInformalLearning(input: $input) {
      entry {
        id
        confirmedAt
        confirmedByName
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
