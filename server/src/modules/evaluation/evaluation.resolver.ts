import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { isUuid } from '../../graphql/uuid';
import { Booking } from '../bookings/booking.type';
import type { BookingEntity } from '../bookings/booking.entity';
import { PartnershipService } from '../partnerships/partnership.service';
import { bookingEvaluationOf, impactReviewOf, parties, readBookingEvaluation, reviewsToRecord } from './booking-evaluation.read';
import { EvaluationFilter, RecordImpactReviewInput, SubmitFeedbackInput } from './evaluation.inputs';
import { evaluationScope, impactReviewRole, requireEvaluationReader, requireEvaluationWriter } from './evaluation.policy';
import { EvaluationReportService } from './evaluation-report.service';
import { BookingEvaluation, EvaluationReport, FeedbackPayload, ImpactReview, ImpactReviewPayload } from './evaluation.types';
import { FeedbackService } from './feedback.service';
import { feedbackGivenLoader } from './feedback-given.loader';
import { ImpactReviewService } from './impact-review.service';


/** Evaluation: the learner's feedback, the impact review, and the reports that add them up. */
@Resolver()
export class EvaluationResolver {
  @Mutation(() => FeedbackPayload, { description: 'The booked person, once per booking they attended: a rating 1–5, would-you-recommend 0–10 and what worked and what could be better.' })
  async submitFeedback(@Arg('input', () => SubmitFeedbackInput, { validate: false }) input: SubmitFeedbackInput, @Ctx() ctx: Context): Promise<FeedbackPayload> {
    const viewer = requireEvaluationWriter(ctx.viewer);
    return new FeedbackService(ctx.dataSource).submit(viewer, input, ctx.now, await inputErrors(input));
  }

  @Mutation(() => ImpactReviewPayload, { description: 'The learner for themselves, or their line manager for them, once each: whether the learning from a course attended is being applied, with an example.' })
  async recordImpactReview(@Arg('input', () => RecordImpactReviewInput, { validate: false }) input: RecordImpactReviewInput, @Ctx() ctx: Context): Promise<ImpactReviewPayload> {
    const viewer = requireEvaluationWriter(ctx.viewer);
    return new ImpactReviewService(ctx.dataSource).record(viewer, input, ctx.now, await inputErrors(input));
  }

  @Query(() => BookingEvaluation, { nullable: true, description: 'What the feedback and impact review forms show about a booking: for its learner and their line manager; null for anyone else.' })
  async bookingEvaluation(@Arg('bookingId', () => ID) bookingId: string, @Ctx() ctx: Context): Promise<BookingEvaluation | null> {
    const viewer = requireEvaluationWriter(ctx.viewer);
    if (!isUuid(bookingId)) return null;
    const row = await readBookingEvaluation(ctx.dataSource.manager, viewer.partnershipId, bookingId);
    return row && impactReviewRole(viewer, parties(row)) ? bookingEvaluationOf(viewer, row) : null;
  }

  @Query(() => [ImpactReview], { description: 'The impact reviews due that the viewer has still to record: their own, and their reports\' as line manager. At most 100, oldest first.' })
  async impactReviewsToRecord(@Ctx() ctx: Context): Promise<ImpactReview[]> {
    const viewer = requireEvaluationWriter(ctx.viewer);
    return (await reviewsToRecord(ctx.dataSource.manager, viewer, ctx.now)).flatMap((row) => impactReviewOf(viewer, row) ?? []);
  }

  @Query(() => EvaluationReport, {
    description: 'Feedback and impact per course, provider, organisation and sector: the steering group and administrators the partnership; an L&D lead their organisation\'s staff and the courses it provides; a provider coordinator their courses. Cells under 5 responses show counts only.',
  })
  async evaluationReport(@Arg('partnershipSlug') partnershipSlug: string,
    @Arg('filter', () => EvaluationFilter, { nullable: true }) filter: EvaluationFilter | null, @Ctx() ctx: Context): Promise<EvaluationReport> {
    requireEvaluationReader(ctx.viewer);
    const partnership = await new PartnershipService(ctx.dataSource).requireBySlug(partnershipSlug);
    const scope = evaluationScope(ctx.viewer, partnership.id);
    const words = scope.everything ? 'The whole partnership'
      : scope.staffOfOrganisationIds.length ? 'Your organisation\'s staff and the courses it provides' : 'The courses your organisation provides';
    return new EvaluationReportService(ctx.dataSource).report(scope, words, filter, ctx.now);
  }
}

/** My bookings' link to the feedback form. */
@Resolver(() => Booking)
export class BookingFeedbackResolver {
  @FieldResolver(() => Boolean, { description: 'The viewer attended this booking and has not yet given feedback on it.' })
  async awaitingFeedback(@Root() booking: BookingEntity, @Ctx() ctx: Context): Promise<boolean> {
    if (!ctx.viewer || booking.personId !== ctx.viewer.personId || booking.status !== 'attended') return false;
    return !(await feedbackGivenLoader(ctx).load(booking.id));
  }
}
