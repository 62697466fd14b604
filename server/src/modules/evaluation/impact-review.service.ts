import { freeTextProblem } from '@portal/domain';
import type { DataSource } from 'typeorm';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import { Refusal, unlessRefused } from '../../graphql/refusal';
import type { UserError } from '../../graphql/user-error';
import { isUuid } from '../../graphql/uuid';
import type { Viewer } from '../auth/viewer';
import { impactReviewOf, parties, readBookingEvaluation } from './booking-evaluation.read';
import { userError } from './evaluation.errors';
import { impactReviewRole } from './evaluation.policy';
import { scheduleEvaluations } from './evaluation-schedule';
import type { RecordImpactReviewInput } from './evaluation.inputs';
import type { ImpactReview } from './evaluation.types';

/**
 * One side of an impact review: the learner for themselves, or their line manager for them,
 * once each, with an example. One transaction under the booking's row lock; nothing written
 * while any problem stands.
 */
export class ImpactReviewService {
  constructor(private readonly dataSource: DataSource) {}

  async record(viewer: Viewer, input: RecordImpactReviewInput, now: Date, inputProblems: readonly UserError[]): Promise<{ impactReview: ImpactReview | null; userErrors: UserError[] }> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const errors: UserError[] = [];
      const example = freeTextProblem(input.example, 'An example', true);
      if (example) errors.push(userError(['input', 'example'], example.message, example.code));

      let role: 'learner' | 'manager' | null = null;
      if (!refusedField(inputProblems, 'bookingId') && isUuid(input.bookingId)) {
        const row = await readBookingEvaluation(manager, viewer.partnershipId, input.bookingId, true);
        const field = ['input', 'bookingId'];
        role = row ? impactReviewRole(viewer, parties(row)) : null;
        if (!row || !role) errors.push(userError(field, 'There is no such course for you to review', 'NOT_FOUND'));
        else if (row.status !== 'attended') errors.push(userError(field, 'Only a course that was attended has an impact review', 'NOT_ATTENDED'));
        else if ((role === 'learner' ? row.learner_reviewed_at : row.manager_reviewed_at) !== null) {
          errors.push(userError(field, role === 'learner' ? 'You have already recorded your review of this course'
            : 'You have already recorded your review of this course for them', 'ALREADY_REVIEWED'));
        } else if (!row.scheduled) await scheduleEvaluations(manager, [row.booking_id]);
      }
      if (errors.length || inputProblems.length || !role) throw new Refusal(withInputErrors(inputProblems, errors));

      await manager.query(role === 'learner'
        ? 'UPDATE booking_evaluation SET learner_applying = $2, learner_example = $3, learner_reviewed_at = $4 WHERE booking_id = $1'
        : 'UPDATE booking_evaluation SET manager_applying = $2, manager_example = $3, manager_reviewed_at = $4 WHERE booking_id = $1',
      [input.bookingId, input.applying, input.example.trim(), now]);
      return impactReviewOf(viewer, (await readBookingEvaluation(manager, viewer.partnershipId, input.bookingId))!);
    }));
    return { impactReview: result, userErrors };
  }
}
