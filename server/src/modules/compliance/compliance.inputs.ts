import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ComplianceStatus, PersonKind } from './compliance.enums';

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const KEY = /^[\x21-\x7e]+$/;
const SUBJECT_MESSAGE = 'Choose a mandatory subject from the list';
/** How many people one press of "Book the overdue" may book. */
export const MAX_OVERDUE_BOOKINGS = 200;

@ArgsType()
export class ComplianceMatrixArgs {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the organisations' })
  organisationId!: string;

  @Field(() => String, { nullable: true, description: 'Only this subject\'s column (a mandatory subject code).' })
  @IsOptional() @MaxLength(60, { message: SUBJECT_MESSAGE })
  subjectCode?: string | null;

  @Field(() => ComplianceStatus, { nullable: true, description: 'Only people with at least one subject in this status.' })
  @IsOptional()
  status?: ComplianceStatus | null;

  @Field(() => String, { nullable: true, description: 'Only people of this team.' })
  @IsOptional() @MaxLength(200, { message: 'Team must be 200 characters or fewer' })
  team?: string | null;
}

@ArgsType()
export class ComplianceSettingsArgs {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the organisations' })
  organisationId!: string;
}

@ArgsType()
export class TeamComplianceArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(60, { message: SUBJECT_MESSAGE })
  subjectCode?: string | null;

  @Field(() => ComplianceStatus, { nullable: true }) @IsOptional()
  status?: ComplianceStatus | null;
}

@InputType({ description: 'An organisation\'s own renewal period for one subject, in months (1 to 120).' })
export class SetRenewalPeriodInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the organisations' })
  organisationId!: string;

  @Field() @Length(1, 60, { message: SUBJECT_MESSAGE })
  subjectCode!: string;

  @Field(() => Float, { nullable: true, description: 'Whole months from 1 to 120 (a Float so that 2.5 is a field error); null goes back to the framework\'s default.' })
  renewalMonths?: number | null;
}

@InputType({ description: 'Who in an organisation needs a subject: everyone, or those matching every criterion given.' })
export class AddComplianceRequirementInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the organisations' })
  organisationId!: string;

  @Field() @Length(1, 60, { message: SUBJECT_MESSAGE })
  subjectCode!: string;

  @Field(() => PersonKind, { nullable: true, description: 'Staff or volunteers only; omit for both.' }) @IsOptional()
  personKind?: PersonKind | null;

  @Field(() => String, { nullable: true, description: 'Only people with this job title.' })
  @IsOptional() @Length(1, 200, { message: 'Job title must be 200 characters or fewer' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'Job title cannot contain control characters' })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Only people of this team.' })
  @IsOptional() @Length(1, 200, { message: 'Team must be 200 characters or fewer' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'Team cannot contain control characters' })
  team?: string | null;
}

@InputType()
export class RemoveComplianceRequirementInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the requirements' })
  requirementId!: string;
}

@InputType({ description: 'An organisation refusing another\'s completions of one subject, with the reason its matrix shows.' })
export class RefuseCompletionsInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the organisations' })
  organisationId!: string;

  @Field(() => ID) @IsUUID('all', { message: 'Choose the organisation whose completions you do not accept' })
  fromOrganisationId!: string;

  @Field() @Length(1, 60, { message: SUBJECT_MESSAGE })
  subjectCode!: string;

  @Field({ description: 'Shown in the matrix beside each refused completion. 1 to 500 characters.' })
  @Length(1, 500, { message: 'Enter the reason (up to 500 characters)' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The reason cannot contain control characters' })
  reason!: string;
}

@InputType()
export class AcceptCompletionsInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the organisations' })
  organisationId!: string;

  @Field(() => ID) @IsUUID('all', { message: 'Choose the organisation whose completions you accept again' })
  fromOrganisationId!: string;

  @Field() @Length(1, 60, { message: SUBJECT_MESSAGE })
  subjectCode!: string;
}

@InputType({ description: 'Book people of the organisation who need a subject onto its next suitable upcoming session, each through bookSession\'s rules.' })
export class BookOverdueInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of the organisations' })
  organisationId!: string;

  @Field({ description: 'The required subject (its code): sessions of this subject at this level or higher are suitable.' })
  @Length(1, 60, { message: SUBJECT_MESSAGE })
  subjectCode!: string;

  @Field(() => [ID], { description: `The people to book, 1 to ${MAX_OVERDUE_BOOKINGS}.` })
  @ArrayMinSize(1, { message: 'Choose at least one person to book' })
  @ArrayMaxSize(MAX_OVERDUE_BOOKINGS, { message: `Book at most ${MAX_OVERDUE_BOOKINGS} people at once` })
  @IsUUID('all', { each: true, message: 'Choose people from the matrix' })
  personIds!: string[];

  @Field(() => ID, { nullable: true, description: 'A session to book them on; omit for the next suitable one.' })
  @IsOptional() @IsUUID('all', { message: 'Choose a session from the list' })
  sessionId?: string | null;

  @Field({ nullable: true, description: 'Repeating the request with the same key books nothing more (each person\'s booking keeps its own key).' })
  @IsOptional() @Length(1, 150, { message: 'Idempotency key must be 1 to 150 visible ASCII characters' })
  @Matches(KEY, { message: 'Idempotency key must be 1 to 150 visible ASCII characters' })
  idempotencyKey?: string;
}
