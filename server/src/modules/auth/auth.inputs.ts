import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsEmailAddress } from '../../graphql/email-address.validator';

const EMAIL_MESSAGE = 'Enter an email address in the correct format, like name@example.com';
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

@InputType()
export class RegisterVolunteerInput {
  @Field() @MaxLength(60, { message: 'Partnership slug must be 60 characters or fewer.' })
  partnershipSlug!: string;

  /** Blank (spaces too) is the service's "Enter your full name", reported with these. */
  @Field() @MaxLength(200, { message: 'Full name must be 200 characters or fewer' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'Your name cannot contain control characters.' })
  name!: string;

  @Field() @IsEmailAddress()
  email!: string;

  /** Checked by the password policy, which gives a better message than a length rule. */
  @Field() password!: string;

  @Field(() => ID, { nullable: true, description: 'A voluntary-sector organisation; omitted: an independent volunteer.' })
  @IsOptional() @IsUUID('all', { message: 'Choose an organisation from the list.' })
  organisationId?: string;
}

@InputType()
export class SignInInput {
  @Field() @MaxLength(254, { message: EMAIL_MESSAGE }) email!: string;
  @Field() @MaxLength(1024, { message: 'The password is too long.' }) password!: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field() @IsEmailAddress()
  email!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token from the link in the email.' }) @MaxLength(100, { message: 'This reset link is not valid. Ask for a new one' })
  token!: string;

  @Field() password!: string;
}

@InputType()
export class ConfirmRegistrationInput {
  @Field({ description: 'The token from the link in the registration email.' }) @MaxLength(100, { message: 'This link is not valid.' })
  token!: string;
}
