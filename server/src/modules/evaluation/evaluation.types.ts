import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';

export enum ImpactReviewRole { LEARNER = 'learner', MANAGER = 'manager' }
registerEnumType(ImpactReviewRole, { name: 'ImpactReviewRole', description: 'Whose part of an impact review: the learner\'s own or their line manager\'s.' });

@ObjectType({ description: 'A learner\'s feedback on a course they attended. Seen by the learner only; reports add it up.' })
export class Feedback {
  @Field(() => ID) bookingId!: string;
  @Field(() => Int, { description: '1 to 5.' }) rating!: number;
  @Field(() => Int, { description: '0 to 10.' }) wouldRecommend!: number;
  @Field(() => String, { nullable: true }) whatWorked!: string | null;
  @Field(() => String, { nullable: true }) whatToImprove!: string | null;
  @Field() submittedAt!: Date;
}

@ObjectType()
export class FeedbackPayload {
  @Field(() => Feedback, { nullable: true }) feedback!: Feedback | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType({ description: 'One side\'s answer to an impact review.' })
export class ImpactReviewAnswer {
  @Field({ description: 'Whether the learning is being applied.' }) applying!: boolean;
  @Field() example!: string;
  @Field() recordedAt!: Date;
}

@ObjectType({ description: 'The level-3 review of one attended booking: the learner and their line manager each say whether the learning is being applied.' })
export class ImpactReview {
  @Field(() => ID) bookingId!: string;
  @Field() courseTitle!: string;
  @Field({ description: 'Who attended (the learner, or for their line manager one of their reports).' }) personName!: string;
  @Field() sessionEndsAt!: Date;
  @Field({ description: 'When the review is due.' }) dueAt!: Date;
  @Field(() => ImpactReviewRole, { description: 'Which part the viewer records.' }) viewerRole!: ImpactReviewRole;
  @Field(() => ImpactReviewAnswer, { nullable: true }) learner!: ImpactReviewAnswer | null;
  @Field(() => ImpactReviewAnswer, { nullable: true }) manager!: ImpactReviewAnswer | null;
}

@ObjectType()
export class ImpactReviewPayload {
  @Field(() => ImpactReview, { nullable: true }) impactReview!: ImpactReview | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType({ description: 'What the feedback and impact review forms need about one booking, for its learner (and their line manager).' })
export class BookingEvaluation {
  @Field(() => ID) bookingId!: string;
  @Field() courseTitle!: string;
  @Field() sessionStartsAt!: Date;
  @Field() sessionEndsAt!: Date;
  @Field({ description: 'The place was marked attended.' }) attended!: boolean;
  @Field({ description: 'The viewer is the learner and may give feedback now (attended, not given yet).' }) canGiveFeedback!: boolean;
  @Field(() => Feedback, { nullable: true, description: 'The learner\'s feedback, to the learner only.' }) feedback!: Feedback | null;
  @Field(() => ImpactReview, { nullable: true, description: 'Null until attendance schedules it.' }) impactReview!: ImpactReview | null;
}

@ObjectType({ description: 'One row of an evaluation report: a course, provider, organisation or sector (or the total). Under minimumCellSize responses only counts are shown.' })
export class EvaluationCell {
  @Field(() => ID, { description: 'The course, organisation or sector code; "total" for the whole; "none" for independent volunteers.' }) key!: string;
  @Field() label!: string;
  @Field(() => Int, { description: 'Attended places whose feedback was asked for (or given).' }) asked!: number;
  @Field(() => Int) responses!: number;
  @Field(() => Float, { nullable: true, description: 'responses / asked, 0..1.' }) responseRate!: number | null;
  @Field({ description: 'Fewer responses than minimumCellSize: figures that could identify someone, and free text, are withheld.' }) suppressed!: boolean;
  @Field(() => Float, { nullable: true, description: 'Mean rating 1–5, to two places.' }) meanRating!: number | null;
  @Field(() => Int, { nullable: true, description: 'Net Promoter Score, -100 to 100.' }) netPromoterScore!: number | null;
  @Field(() => Int, { description: 'Impact review answers (learner and line manager each count).' }) reviewAnswers!: number;
  @Field(() => Float, { nullable: true, description: 'Share of impact review answers saying the learning is applied, 0..1.' }) applyingRate!: number | null;
  @Field(() => [String], { description: 'What worked well, newest first, at most 20; empty when suppressed.' }) whatWorked!: string[];
  @Field(() => [String], { description: 'What could be better, newest first, at most 20; empty when suppressed.' }) whatToImprove!: string[];
}

@ObjectType({ description: 'Kirkpatrick level 1 and 3 outcomes, as the viewer may see them.' })
export class EvaluationReport {
  @Field({ description: 'What the figures add up, in words: the whole partnership, or an organisation\'s staff and courses.' }) scope!: string;
  @Field(() => Int, { description: 'A cell with fewer responses shows counts only.' }) minimumCellSize!: number;
  @Field(() => EvaluationCell) totals!: EvaluationCell;
  @Field(() => [EvaluationCell]) byCourse!: EvaluationCell[];
  @Field(() => [EvaluationCell]) byProvider!: EvaluationCell[];
  @Field(() => [EvaluationCell]) byOrganisation!: EvaluationCell[];
  @Field(() => [EvaluationCell]) bySector!: EvaluationCell[];
}
