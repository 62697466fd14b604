import { freeTextProblem, ratingProblem, recommendProblem, type EvaluationProblem } from '@portal/domain';
import type { DataSource } from 'typeorm';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import { Refusal, unlessRefused } from '../../graphql/refusal';
import type { UserError } from '../../graphql/user-error';
import { isUuid } from '../../graphql/uuid';
import type { Viewer } from '../auth/viewer';
import { feedbackOf, readBookingEvaluation } from './booking-evaluation.read';
import { userError } from './evaluation.errors';
import { canGiveFeedback } from './evaluation.policy';
import { scheduleEvaluations } from './evaluation-schedule';
import type { SubmitFeedbackInput } from './evaluation.inputs';
import type { Feedback } from './evaluation.types';

const NO_SUCH_BOOKING = 'There is no such course of yours to give feedback on';

/**
 * The learner's feedback on a course they attended: one transaction, every problem in one answer
 * and nothing written while any stands. Once per booking (the feedback's primary key; the
 * booking's row lock takes two at once one after the other, so the second is ALREADY_GIVEN).
 */
export class FeedbackService {
  constructor(private readonly dataSource: DataSource) {}

  async submit(viewer: Viewer, input: SubmitFeedbackInput, now: Date, inputProblems: readonly UserError[]): Promise<{ feedback: Feedback | null; userErrors: UserError[] }> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const errors: UserError[] = [];
      const rule = (field: string, problem: EvaluationProblem | null) => {
        if (problem) errors.push(userError(['input', field], problem.message, problem.code));
      };
      rule('rating', ratingProblem(input.rating));
      rule('wouldRecommend', recommendProblem(input.wouldRecommend));
      rule('whatWorked', freeTextProblem(input.whatWorked, 'What worked well'));
      rule('whatToImprove', freeTextProblem(input.whatToImprove, 'What could be better'));

      if (!refusedField(inputProblems, 'bookingId') && isUuid(input.bookingId)) {
        const row = await readBookingEvaluation(manager, viewer.partnershipId, input.bookingId, true);
        const field = ['input', 'bookingId'];
        if (!row || !canGiveFeedback(viewer, { partnershipId: row.partnership_id, personId: row.person_id, managerPersonId: null })) {
          errors.push(userError(field, NO_SUCH_BOOKING, 'NOT_FOUND'));
        } else if (row.status !== 'attended') {
          errors.push(userError(field, 'You can give feedback only on a course you attended', 'NOT_ATTENDED'));
        } else if (feedbackOf(row)) {
          errors.push(userError(field, 'You have already given feedback on this course', 'ALREADY_GIVEN'));
        } else if (!row.scheduled) await scheduleEvaluations(manager, [row.booking_id]);
      }
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));

      const [written] = await manager.query(
        `INSERT INTO feedback (booking_id, partnership_id, person_id, rating, recommend, what_worked, what_to_improve, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING booking_id AS "bookingId", rating, recommend AS "wouldRecommend", what_worked AS "whatWorked",
           what_to_improve AS "whatToImprove", submitted_at AS "submittedAt"`,
        [input.bookingId, viewer.partnershipId, viewer.personId, input.rating, input.wouldRecommend,
          input.whatWorked?.trim() || null, input.whatToImprove?.trim() || null, now]);
      return written as Feedback;
    }));
    return { feedback: result, userErrors };
  }
}
