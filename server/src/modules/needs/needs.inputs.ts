import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CourseAudience } from '../catalogue/catalogue.enums';
import { TrainingNeedPriority, TrainingNeedScope, TrainingNeedStatus } from './needs.enums';

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
/** The catalogue's KSF codes (course-publishing.inputs.ts), so a need and a course name a dimension alike. */
const KSF_DIMENSION = /^[A-Z]{1,3}[0-9]{1,2}$/;

@InputType({ description: 'A training need: an organisation\'s (its L&D lead), a team\'s (its line manager) or one person\'s, from their 1:1.' })
export class RaiseTrainingNeedInput {
  @Field(() => TrainingNeedScope) scope!: TrainingNeedScope;

  @Field(() => ID, { nullable: true, description: 'ORGANISATION needs: the organisation. Omit when you lead one organisation only. TEAM and PERSON needs are the raiser\'s organisation\'s.' })
  @IsOptional() @IsUUID('all', { message: 'Choose the organisation the need is for' })
  organisationId?: string | null;

  @Field({ description: 'What the training is about, e.g. "Moving and handling people". At most 200 characters.' })
  @Length(1, 200, { message: 'Enter the topic (up to 200 characters)' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The topic cannot contain control characters' })
  topic!: string;

  @Field(() => String, { nullable: true, description: 'Why it is needed, who for, anything a provider should know. At most 2,000 characters.' })
  @IsOptional() @MaxLength(2000, { message: 'The detail must be 2,000 characters or fewer' })
  detail?: string | null;

  @Field(() => String, { nullable: true, description: 'The code of the mandatory subject it is for, e.g. moving-and-handling.' })
  @IsOptional() @MaxLength(60, { message: 'Choose a mandatory subject from the list' })
  mandatorySubject?: string | null;

  @Field(() => String, { nullable: true, description: 'The NHS KSF dimension it develops, e.g. C3 or HWB5.' })
  @IsOptional() @Matches(KSF_DIMENSION, { message: 'Write the KSF dimension like C3 or HWB5' })
  ksfDimension?: string | null;

  @Field(() => Float, { nullable: true, description: 'How many people need it: a whole number from 1 to 100,000 (a Float so that 2.5 is a field error, not a refused request). PERSON needs: omit, it is 1.' })
  peopleCount?: number | null;

  @Field(() => CourseAudience, { description: 'Staff, volunteers or both.' }) audience!: CourseAudience;
  @Field(() => TrainingNeedPriority) priority!: TrainingNeedPriority;

  @Field({ description: 'The date it is wanted by, YYYY-MM-DD: today or later.' })
  @MaxLength(40, { message: 'The date the training is wanted by must be a real date, like 2027-03-31' })
  wantedBy!: string;
}

@InputType()
export class WithdrawTrainingNeedInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a training need' }) needId!: string;

  @Field({ description: 'Why it is withdrawn, kept with the need. At most 1,000 characters.' })
  @Length(1, 1000, { message: 'Enter why the need is withdrawn (up to 1,000 characters)' })
  @Matches(/\S/, { message: 'Enter why the need is withdrawn (up to 1,000 characters)' })
  reason!: string;
}

@InputType({ description: 'An L&D lead marks their organisation\'s need met by a course the partnership already has.' })
export class MeetTrainingNeedInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a training need' }) needId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'Choose the course that meets the need' }) courseId!: string;
}

@InputType({ description: 'Narrows the training needs listed; every condition given must hold.' })
export class TrainingNeedFilter {
  @Field(() => [TrainingNeedStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional() @ArrayMaxSize(5, { message: 'Give each status at most once.' })
  status?: TrainingNeedStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this organisation\'s needs.' })
  @IsOptional() @IsUUID('all', { message: 'Organisation id is not a valid id.' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only needs for this mandatory subject (its code).' })
  @IsOptional() @MaxLength(60, { message: 'Choose a mandatory subject from the list.' })
  mandatorySubject?: string | null;
}

export const NEEDS_DEFAULT_PAGE = 20;
export const NEEDS_MAX_PAGE = 100;

@ArgsType()
export class TrainingNeedsArgs {
  @Field(() => String) @Length(1, 100, { message: 'Name a partnership.' }) partnershipSlug!: string;

  @Field(() => TrainingNeedFilter, { nullable: true }) @IsOptional() @ValidateNested()
  filter?: TrainingNeedFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: NEEDS_DEFAULT_PAGE })
  @Min(1, { message: 'first must be at least 1.' }) @Max(NEEDS_MAX_PAGE, { message: `first must be at most ${NEEDS_MAX_PAGE}.` })
  first!: number;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(400, { message: 'The cursor is not one this server gave.' })
  after?: string | null;
}
