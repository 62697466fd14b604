import type { EntityManager } from 'typeorm';

/** Weeks after a session its impact review is due when the course sets no months. */
export const DEFAULT_IMPACT_REVIEW_DAYS = 42;

/**
 * In the register's transaction: each attended booking's feedback request is due at 08:00 in the
 * partnership's time zone on the day after the session ends, and its impact review the course's
 * 1–3 months after the session ends (six weeks when the course sets none). One statement; a
 * booking already scheduled keeps its dates.
 */
export async function scheduleEvaluations(manager: EntityManager, bookingIds: readonly string[]): Promise<void> {
  if (!bookingIds.length) return;
  await manager.query(
    `INSERT INTO booking_evaluation (booking_id, partnership_id, person_id, manager_person_id, feedback_due_at, review_due_at)
     SELECT b.id, b.partnership_id, b.person_id, p.line_manager_id,
       ((s.ends_at AT TIME ZONE pa.time_zone)::date + 1 + time '08:00') AT TIME ZONE pa.time_zone,
       CASE WHEN c.impact_review_months IS NULL THEN s.ends_at + make_interval(days => ${DEFAULT_IMPACT_REVIEW_DAYS})
            ELSE s.ends_at + make_interval(months => c.impact_review_months) END
     FROM booking b
     JOIN training_session s ON s.id = b.session_id
     JOIN course c ON c.id = s.course_id
     JOIN partnership pa ON pa.id = b.partnership_id
     JOIN person p ON p.id = b.person_id
     WHERE b.id = ANY($1::uuid[]) AND b.status = 'attended'
     ON CONFLICT (booking_id) DO NOTHING`, [bookingIds]);
}
