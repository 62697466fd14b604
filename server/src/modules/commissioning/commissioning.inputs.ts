import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CreateCourseInput } from '../catalogue/course-publishing.inputs';
import { DeliveryMode } from '../catalogue/catalogue.enums';

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const KEY = /^[\x21-\x7e]{1,200}$/;
const KEY_MESSAGE = 'Idempotency key must be 1 to 200 visible ASCII characters';
const MONEY = 'Pounds and pence, e.g. "1250.00". At most 2 decimal places.';

@InputType({ description: 'One way the course could be delivered: a partner organisation (internal) or a provider outside the partnership (external), with its quote.' })
export class DeliveryOptionInput {
  @Field(() => ID, { nullable: true, description: 'An internal option: the partner organisation that would deliver it.' })
  @IsOptional() @IsUUID('all', { message: 'Choose an organisation of the partnership' })
  providerOrganisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'An external option: the provider\'s name.' })
  @IsOptional() @Length(1, 200, { message: 'Enter the provider\'s name (up to 200 characters)' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The name cannot contain control characters' })
  providerName?: string | null;

  @Field({ description: `The quote for the whole programme. ${MONEY} "0" when it costs nothing.` })
  @MaxLength(40, { message: 'Enter the quote in pounds, like 4800.00' })
  quotedCost!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000, { message: 'The notes must be 2,000 characters or fewer' })
  notes?: string | null;
}

@InputType({ description: 'A joint course proposed against training needs, for partners to pledge seats and money to.' })
export class ProposeCommissioningInput {
  @Field(() => ID, { nullable: true, description: 'The proposing organisation. Omit for the one you lead (your own first).' })
  @IsOptional() @IsUUID('all', { message: 'Choose an organisation you lead' })
  organisationId?: string | null;

  @Field() @Length(1, 200, { message: 'Enter the title (up to 200 characters)' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The title cannot contain control characters' })
  title!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000, { message: 'The summary must be 4,000 characters or fewer' })
  summary?: string | null;

  @Field(() => [ID], { description: 'The needs it answers: open or grouped needs of the partnership.' })
  @ArrayMinSize(1, { message: 'Choose at least one need' }) @ArrayMaxSize(50, { message: 'Choose at most 50 needs' })
  @IsUUID('all', { each: true, message: 'Choose needs of the partnership' })
  needIds!: string[];

  @Field(() => ID, { nullable: true, description: 'An existing course of the catalogue; or give newCourse.' })
  @IsOptional() @IsUUID('all', { message: 'Choose a course from the catalogue' })
  courseId?: string | null;

  @Field(() => CreateCourseInput, { nullable: true, description: 'A new course, kept as a draft until approval publishes it; checked as createCourse checks it.' })
  @IsOptional() @ValidateNested()
  newCourse?: CreateCourseInput | null;

  @Field(() => [DeliveryOptionInput])
  @ArrayMinSize(1, { message: 'Give at least one delivery option' }) @ArrayMaxSize(10, { message: 'Give at most 10 delivery options' })
  @ValidateNested({ each: true })
  deliveryOptions!: DeliveryOptionInput[];

  @Field(() => Int) @Min(1, { message: 'Plan at least 1 session' }) @Max(200, { message: 'Plan at most 200 sessions' })
  sessionsPlanned!: number;

  @Field(() => Int) @Min(1, { message: 'Plan at least 1 seat a session' }) @Max(10_000, { message: 'Plan at most 10,000 seats a session' })
  seatsPerSession!: number;

  @Field({ description: `The whole programme's estimated cost. ${MONEY}` })
  @MaxLength(40, { message: 'Enter the estimated cost in pounds, like 4800.00' })
  estimatedCost!: string;

  @Field({ description: 'UK financial year the money comes from, e.g. "2026/27".' })
  @Matches(/^\d{4}\/\d{2}$/, { message: 'Write the financial year like 2026/27' })
  financialYear!: string;

  @Field({ description: 'Pledges close then; an undecided proposal lapses and its pledges are released.' })
  pledgeDeadline!: Date;
}

@InputType({ description: 'Seats and/or money pledged to an open proposal, for an organisation the caller leads.' })
export class PledgeInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a proposal' })
  proposalId!: string;

  @Field(() => ID, { nullable: true, description: 'The pledging organisation. Omit for the one you lead (your own first).' })
  @IsOptional() @IsUUID('all', { message: 'Choose an organisation you lead' })
  organisationId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats the organisation will fill. Omit for money only.' })
  @IsOptional() @Min(1, { message: 'Pledge at least 1 seat, or leave seats empty' }) @Max(10_000_000, { message: 'Pledge fewer seats' })
  seats?: number | null;

  @Field(() => String, { nullable: true, description: `Money towards the cost, from streamId. ${MONEY} Omit for seats only.` })
  @IsOptional() @MaxLength(40, { message: 'Enter the amount in pounds, like 1250.00' })
  amount?: string | null;

  @Field(() => ID, { nullable: true, description: 'With amount: a stream of the proposal\'s financial year that the organisation manages or funds.' })
  @IsOptional() @IsUUID('all', { message: 'Choose one of your organisation\'s funding streams' })
  streamId?: string | null;

  @Field(() => String, { nullable: true, description: 'Repeating a request with the same key returns the first result.' })
  @IsOptional() @Matches(KEY, { message: KEY_MESSAGE })
  idempotencyKey?: string | null;
}

@InputType()
export class WithdrawPledgeInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a pledge' })
  pledgeId!: string;

  @Field(() => String, { nullable: true, description: 'Repeating a request with the same key returns the first result.' })
  @IsOptional() @Matches(KEY, { message: KEY_MESSAGE })
  idempotencyKey?: string | null;
}

@InputType({ description: 'One session an approval schedules; its capacity is the proposal\'s seats per session.' })
export class ApprovedSessionInput {
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field(() => DeliveryMode) deliveryMode!: DeliveryMode;
  @Field(() => ID, { nullable: true, description: 'Required unless ONLINE: a venue of the partnership.' })
  @IsOptional() @IsUUID('all', { message: 'Choose a venue' })
  venueId?: string | null;
}

@InputType({ description: 'Approving publishes the course, schedules its sessions with allocations matching the pledges and moves the pledged money onto them.' })
export class ApproveProposalInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a proposal' })
  proposalId!: string;

  @Field(() => [ApprovedSessionInput], { description: 'Exactly the sessions the proposal plans.' })
  @ArrayMinSize(1, { message: 'Give the dates of every planned session' }) @ArrayMaxSize(200, { message: 'Give at most 200 sessions' })
  @ValidateNested({ each: true })
  sessions!: ApprovedSessionInput[];

  @Field(() => ID, { nullable: true, description: 'The delivery option chosen.' })
  @IsOptional() @IsUUID('all', { message: 'Choose one of the proposal\'s delivery options' })
  deliveryOptionId?: string | null;

  @Field(() => String, { nullable: true, description: `When the pledges fall short of the estimated cost: the shortfall accepted, exactly. ${MONEY}` })
  @IsOptional() @MaxLength(40, { message: 'Enter the shortfall in pounds, like 250.00' })
  shortfallAccepted?: string | null;

  @Field(() => String, { nullable: true, description: 'Why: required with a shortfall.' })
  @IsOptional() @Length(1, 2000, { message: 'Enter the reason in 2,000 characters or fewer' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The reason cannot contain control characters' })
  reason?: string | null;
}

@InputType({ description: 'Declining releases every pledge.' })
export class DeclineProposalInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a proposal' })
  proposalId!: string;

  @Field() @Length(1, 2000, { message: 'Enter the reason in 2,000 characters or fewer' })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'The reason cannot contain control characters' })
  reason!: string;
}
