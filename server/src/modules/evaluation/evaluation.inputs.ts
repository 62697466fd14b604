import { Field, Float, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';

/** Free text is checked by the domain rule (2,000 characters); this cap only keeps a huge string from being parsed twice. */
const TEXT_CAP = 100_000;

@InputType({ description: 'The learner\'s feedback on a course they attended (Kirkpatrick level 1). Once per booking.' })
export class SubmitFeedbackInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a course you attended' })
  bookingId!: string;

  @Field(() => Float, { description: 'How good the course was: a whole number from 1 to 5 (a Float so that 4.5 is a field error, not a refused request).' })
  rating!: number;

  @Field(() => Float, { description: 'How likely they are to recommend it, 0 (not at all) to 10 (extremely): a whole number, for the Net Promoter Score.' })
  wouldRecommend!: number;

  @Field(() => String, { nullable: true, description: 'What worked well. At most 2,000 characters.' })
  @IsOptional() @MaxLength(TEXT_CAP, { message: 'What worked well must be 2,000 characters or fewer' })
  whatWorked?: string | null;

  @Field(() => String, { nullable: true, description: 'What could be better. At most 2,000 characters.' })
  @IsOptional() @MaxLength(TEXT_CAP, { message: 'What could be better must be 2,000 characters or fewer' })
  whatToImprove?: string | null;
}

@InputType({ description: 'The learner or their line manager: whether the learning from a course is being applied, with an example (Kirkpatrick level 3).' })
export class RecordImpactReviewInput {
  @Field(() => ID) @IsUUID('all', { message: 'Choose a course to review' })
  bookingId!: string;

  @Field({ description: 'Whether the learning is being applied at work.' })
  applying!: boolean;

  @Field({ description: 'An example of it being applied (or why not). 1 to 2,000 characters.' })
  @MaxLength(TEXT_CAP, { message: 'The example must be 2,000 characters or fewer' })
  example!: string;
}

@InputType({ description: 'Narrows an evaluation report; every condition given must hold.' })
export class EvaluationFilter {
  @Field(() => Date, { nullable: true, description: 'Sessions that ended on or after this.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Sessions that ended before this.' }) to?: Date | null;
  @Field(() => ID, { nullable: true, description: 'Only this provider\'s courses.' })
  @IsOptional() @IsUUID('all', { message: 'Choose a provider of the partnership' })
  providerOrganisationId?: string | null;
}
