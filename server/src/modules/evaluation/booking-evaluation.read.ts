import type { EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { impactReviewRole } from './evaluation.policy';
import { ImpactReviewRole, type BookingEvaluation, type Feedback, type ImpactReview, type ImpactReviewAnswer } from './evaluation.types';

/** One booking with what evaluation knows of it, in one statement (its person's current line manager included). */
export interface BookingEvaluationRow {
  booking_id: string; partnership_id: string; person_id: string; status: string; person_name: string; line_manager_id: string | null;
  course_title: string; starts_at: Date; ends_at: Date;
  scheduled: boolean; review_due_at: Date | null;
  learner_applying: boolean | null; learner_example: string | null; learner_reviewed_at: Date | null;
  manager_applying: boolean | null; manager_example: string | null; manager_reviewed_at: Date | null;
  rating: number | null; recommend: number | null; what_worked: string | null; what_to_improve: string | null; submitted_at: Date | null;
}

const SELECT = `
  SELECT b.id AS booking_id, b.partnership_id, b.person_id, b.status, p.name AS person_name, p.line_manager_id,
    c.title AS course_title, s.starts_at, s.ends_at,
    be.booking_id IS NOT NULL AS scheduled, be.review_due_at,
    be.learner_applying, be.learner_example, be.learner_reviewed_at, be.manager_applying, be.manager_example, be.manager_reviewed_at,
    f.rating, f.recommend, f.what_worked, f.what_to_improve, f.submitted_at
  FROM booking b
  JOIN person p ON p.id = b.person_id
  JOIN training_session s ON s.id = b.session_id
  JOIN course c ON c.id = s.course_id
  LEFT JOIN booking_evaluation be ON be.booking_id = b.id
  LEFT JOIN feedback f ON f.booking_id = b.id`;

/** `lock`: the booking's row FOR UPDATE, so two answers for one booking are taken one after the other. */
export async function readBookingEvaluation(manager: EntityManager, partnershipId: string, bookingId: string,
  lock = false): Promise<BookingEvaluationRow | null> {
  const rows: BookingEvaluationRow[] = await manager.query(
    `${SELECT} WHERE b.id = $1 AND b.partnership_id = $2${lock ? ' FOR UPDATE OF b' : ''}`, [bookingId, partnershipId]);
  return rows[0] ?? null;
}

/** The reviews the viewer has to record: their own and their reports', due and not answered by them. */
export async function reviewsToRecord(manager: EntityManager, viewer: Viewer, now: Date): Promise<BookingEvaluationRow[]> {
  return manager.query(
    `${SELECT} WHERE b.partnership_id = $1 AND b.status = 'attended' AND be.review_due_at <= $3
       AND ((b.person_id = $2 AND be.learner_reviewed_at IS NULL) OR (p.line_manager_id = $2 AND be.manager_reviewed_at IS NULL))
     ORDER BY be.review_due_at, b.id LIMIT 100`, [viewer.partnershipId, viewer.personId, now]);
}

export const parties = (row: BookingEvaluationRow) => ({ partnershipId: row.partnership_id, personId: row.person_id, managerPersonId: row.line_manager_id });

export function feedbackOf(row: BookingEvaluationRow): Feedback | null {
  if (row.rating === null || row.submitted_at === null) return null;
  return { bookingId: row.booking_id, rating: row.rating, wouldRecommend: row.recommend!, whatWorked: row.what_worked,
    whatToImprove: row.what_to_improve, submittedAt: row.submitted_at };
}

const answer = (applying: boolean | null, example: string | null, at: Date | null): ImpactReviewAnswer | null =>
  (applying === null || at === null ? null : { applying, example: example ?? '', recordedAt: at });

/** The review as the viewer may see it: null for anyone but the learner and their line manager, or before it is scheduled. */
export function impactReviewOf(viewer: Viewer, row: BookingEvaluationRow): ImpactReview | null {
  const role = impactReviewRole(viewer, parties(row));
  if (!role || !row.scheduled || !row.review_due_at) return null;
  return {
    bookingId: row.booking_id, courseTitle: row.course_title, personName: row.person_name, sessionEndsAt: row.ends_at, dueAt: row.review_due_at,
    viewerRole: role === 'learner' ? ImpactReviewRole.LEARNER : ImpactReviewRole.MANAGER,
    learner: answer(row.learner_applying, row.learner_example, row.learner_reviewed_at),
    manager: answer(row.manager_applying, row.manager_example, row.manager_reviewed_at),
  };
}

export function bookingEvaluationOf(viewer: Viewer, row: BookingEvaluationRow): BookingEvaluation {
  const own = viewer.personId === row.person_id;
  const feedback = own ? feedbackOf(row) : null;
  return {
    bookingId: row.booking_id, courseTitle: row.course_title, sessionStartsAt: row.starts_at, sessionEndsAt: row.ends_at,
    attended: row.status === 'attended', canGiveFeedback: own && row.status === 'attended' && row.rating === null,
    feedback, impactReview: impactReviewOf(viewer, row),
  };
}
