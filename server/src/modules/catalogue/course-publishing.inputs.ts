import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Sector } from '../organisations/organisation.enums';
import { Accreditation, CourseAudience, CourseVisibility, LearningCategory, LearningMethod } from './catalogue.enums';

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const KSF_DIMENSION = /^[A-Z]{1,3}[0-9]{1,2}$/;
export const MAX_DURATION_HOURS = 8760;
const COST_DESCRIPTION = 'Pounds and pence, e.g. "45.00"; "0" for a free course. At most 2 decimal places.';

/** The fields a course is made of; a new course needs the required ones, an edit any of them. */
@InputType({ description: 'A new course in the catalogue, provided by the caller\'s organisation (or, for an administrator, the one named).' })
export class CreateCourseInput {
  @Field(() => ID, { nullable: true, description: 'The providing organisation. Omit when you coordinate for one organisation only.' })
  @IsOptional() @IsUUID('all', { message: 'Choose the organisation that provides the course' })
  providerOrganisationId?: string | null;

  @Field() @Length(1, 200, { message: 'Enter the title (up to 200 characters)' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The title cannot contain control characters' })
  title!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000, { message: 'The summary must be 4,000 characters or fewer' })
  summary?: string | null;

  @Field(() => [String], { nullable: true, description: 'What a learner will be able to do, one outcome each.' })
  @IsOptional() @ArrayMaxSize(30, { message: 'List at most 30 learning outcomes' })
  @MaxLength(500, { each: true, message: 'Each learning outcome must be 500 characters or fewer' })
  learningOutcomes?: string[] | null;

  @Field(() => LearningMethod) method!: LearningMethod;

  @Field(() => LearningCategory, { nullable: true, description: 'Omit (or null) to take the category the method implies.' })
  learningCategory?: LearningCategory | null;

  @Field(() => Float, { description: 'Hours of learning, e.g. 3.5.' })
  @Min(0.25, { message: 'The duration must be at least a quarter of an hour' })
  @Max(MAX_DURATION_HOURS, { message: `The duration must be at most ${MAX_DURATION_HOURS.toLocaleString('en-GB')} hours` })
  durationHours!: number;

  @Field(() => Accreditation, { nullable: true, description: 'Default: NONE.' }) accreditation?: Accreditation | null;

  @Field(() => Int, { nullable: true }) @IsOptional()
  @Min(0, { message: 'CPD points must be 0 or more' }) @Max(1000, { message: 'CPD points must be 1,000 or fewer' })
  cpdPoints?: number | null;

  @Field(() => [String], { nullable: true, description: 'NHS KSF dimensions, e.g. C1, HWB2.' })
  @IsOptional() @ArrayMaxSize(30, { message: 'List at most 30 KSF dimensions' })
  @Matches(KSF_DIMENSION, { each: true, message: 'Write each KSF dimension like C1 or HWB2' })
  ksfDimensions?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The code of the mandatory subject it satisfies, e.g. fire-safety.' })
  @IsOptional() @MaxLength(60, { message: 'Choose a mandatory subject from the list' })
  mandatorySubject?: string | null;

  @Field(() => CourseAudience) audience!: CourseAudience;

  @Field(() => [Sector], { nullable: true, description: 'Empty or omitted: every sector.' })
  @IsOptional() @ArrayMaxSize(20, { message: 'List at most 20 sectors' })
  eligibleSectors?: Sector[] | null;

  @Field(() => CourseVisibility) visibility!: CourseVisibility;

  @Field(() => ID, { nullable: true, description: 'Required when visibility is ORGANISATION: whose people see it.' })
  @IsOptional() @IsUUID('all', { message: 'Choose the organisation whose people see the course' })
  visibilityOrganisationId?: string | null;

  @Field({ description: COST_DESCRIPTION }) @MaxLength(40, { message: 'Enter the cost in pounds, like 45.00' })
  costPerPlace!: string;

  @Field(() => ID, { nullable: true, description: 'The funding stream that pays for its places.' })
  @IsOptional() @IsUUID('all', { message: 'Choose a funding stream of the partnership' })
  fundingStreamId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Commissioned or offered jointly. Default: false.' }) isJoint?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'When its impact review is due: 1 to 3 months after the session. Omit (or null) for the default, six weeks.' })
  @IsOptional() @Min(1, { message: 'The impact review must be 1 to 3 months after the course' }) @Max(3, { message: 'The impact review must be 1 to 3 months after the course' })
  impactReviewMonths?: number | null;
}

@InputType({ description: 'Changes to a course: omitted fields stay as they are.' })
export class UpdateCourseInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose one of your courses' })
  courseId!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200, { message: 'Enter the title (up to 200 characters)' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The title cannot contain control characters' })
  title?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000, { message: 'The summary must be 4,000 characters or fewer' })
  summary?: string | null;

  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(30, { message: 'List at most 30 learning outcomes' })
  @MaxLength(500, { each: true, message: 'Each learning outcome must be 500 characters or fewer' })
  learningOutcomes?: string[] | null;

  @Field(() => LearningMethod, { nullable: true }) method?: LearningMethod | null;

  @Field(() => LearningCategory, { nullable: true, description: 'Omit to keep; null to take the category the method implies.' })
  learningCategory?: LearningCategory | null;

  @Field(() => Float, { nullable: true }) @IsOptional()
  @Min(0.25, { message: 'The duration must be at least a quarter of an hour' })
  @Max(MAX_DURATION_HOURS, { message: `The duration must be at most ${MAX_DURATION_HOURS.toLocaleString('en-GB')} hours` })
  durationHours?: number | null;

  @Field(() => Accreditation, { nullable: true }) accreditation?: Accreditation | null;

  @Field(() => Int, { nullable: true, description: 'Omit to keep; null to clear.' }) @IsOptional()
  @Min(0, { message: 'CPD points must be 0 or more' }) @Max(1000, { message: 'CPD points must be 1,000 or fewer' })
  cpdPoints?: number | null;

  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(30, { message: 'List at most 30 KSF dimensions' })
  @Matches(KSF_DIMENSION, { each: true, message: 'Write each KSF dimension like C1 or HWB2' })
  ksfDimensions?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Omit to keep; null to clear.' })
  @IsOptional() @MaxLength(60, { message: 'Choose a mandatory subject from the list' })
  mandatorySubject?: string | null;

  @Field(() => CourseAudience, { nullable: true }) audience?: CourseAudience | null;

  @Field(() => [Sector], { nullable: true }) @IsOptional() @ArrayMaxSize(20, { message: 'List at most 20 sectors' })
  eligibleSectors?: Sector[] | null;

  @Field(() => CourseVisibility, { nullable: true }) visibility?: CourseVisibility | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Choose the organisation whose people see the course' })
  visibilityOrganisationId?: string | null;

  @Field(() => String, { nullable: true, description: COST_DESCRIPTION }) @IsOptional()
  @MaxLength(40, { message: 'Enter the cost in pounds, like 45.00' })
  costPerPlace?: string | null;

  @Field(() => ID, { nullable: true, description: 'Omit to keep; null to clear.' }) @IsOptional()
  @IsUUID('all', { message: 'Choose a funding stream of the partnership' })
  fundingStreamId?: string | null;

  @Field(() => Boolean, { nullable: true }) isJoint?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'When its impact review is due: 1 to 3 months after the session. Omit to keep; null for the default, six weeks.' })
  @IsOptional() @Min(1, { message: 'The impact review must be 1 to 3 months after the course' }) @Max(3, { message: 'The impact review must be 1 to 3 months after the course' })
  impactReviewMonths?: number | null;
}

@InputType({ description: 'A place sessions are held.' })
export class CreateVenueInput {
  @Field(() => ID, { nullable: true, description: 'The organisation it belongs to. Omit when you coordinate for one organisation; administrators may omit it for a partnership venue.' })
  @IsOptional() @IsUUID('all', { message: 'Choose the organisation the venue belongs to' })
  organisationId?: string | null;

  @Field() @Length(1, 200, { message: 'Enter the venue\'s name (up to 200 characters)' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The name cannot contain control characters' })
  name!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500, { message: 'The address must be 500 characters or fewer' })
  address?: string | null;

  @Field() @Length(1, 100, { message: 'Enter the town (up to 100 characters)' })
  town!: string;

  @Field(() => String, { nullable: true }) @IsOptional()
  @Matches(/^$|^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$/, { message: 'Enter a real postcode, like PE3 9GZ' })
  postcode?: string | null;

  @Field(() => Float) @Min(-90, { message: 'The latitude must be between -90 and 90' }) @Max(90, { message: 'The latitude must be between -90 and 90' })
  latitude!: number;

  @Field(() => Float) @Min(-180, { message: 'The longitude must be between -180 and 180' }) @Max(180, { message: 'The longitude must be between -180 and 180' })
  longitude!: number;
}
