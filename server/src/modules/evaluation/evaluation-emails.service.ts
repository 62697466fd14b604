import type { DataSource, EntityManager } from 'typeorm';
import type { NoticeSettings } from '../notifications/booking-notice-data';
import { queueEmail } from '../notifications/outbox-writer';
import { feedbackRequestEmail, impactReviewReminderEmail } from './render-evaluation-email';

export const FEEDBACK_REQUEST_KIND = 'feedback_request';
export const IMPACT_REVIEW_DUE_KIND = 'impact_review_due';
/** At most this many of each kind a run; the next run takes the rest. */
const BATCH = 500;

interface Claimed {
  booking_id: string; partnership_id: string; to_person_id: string; to_address: string; to_name: string; learner_name: string;
  course_title: string; starts_at: Date; time_zone: string;
}

const FACTS = `
  SELECT claimed.booking_id, claimed.partnership_id, recipient.id AS to_person_id, recipient.email AS to_address, recipient.name AS to_name,
    learner.name AS learner_name, c.title AS course_title, s.starts_at, pa.time_zone
  FROM claimed
  JOIN booking b ON b.id = claimed.booking_id
  JOIN person learner ON learner.id = b.person_id
  JOIN person recipient ON recipient.id = claimed.recipient_id
  JOIN training_session s ON s.id = b.session_id
  JOIN course c ON c.id = s.course_id
  JOIN partnership pa ON pa.id = b.partnership_id`;

/**
 * Claims each due row by a conditional UPDATE of its *_requested_at / *_reminded_at column
 * (rows another runner holds are skipped, rows it claimed are no longer due), so every email
 * goes once across replicas, and queues the emails in the same transaction.
 */
const CLAIM_FEEDBACK = `
  WITH due AS (
    SELECT be.booking_id FROM booking_evaluation be JOIN booking b ON b.id = be.booking_id
    WHERE be.feedback_requested_at IS NULL AND be.feedback_due_at <= $1 AND b.status = 'attended'
      AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.booking_id = be.booking_id)
    ORDER BY be.feedback_due_at LIMIT ${BATCH} FOR UPDATE OF be SKIP LOCKED
  ), claimed AS (
    UPDATE booking_evaluation be SET feedback_requested_at = $1 FROM due WHERE be.booking_id = due.booking_id
    RETURNING be.booking_id, be.partnership_id, be.person_id AS recipient_id
  )${FACTS}`;

const CLAIM_LEARNER_REMINDERS = `
  WITH due AS (
    SELECT be.booking_id FROM booking_evaluation be JOIN booking b ON b.id = be.booking_id
    WHERE be.review_due_at <= $1 AND be.learner_reviewed_at IS NULL AND be.learner_reminded_at IS NULL AND b.status = 'attended'
    ORDER BY be.review_due_at LIMIT ${BATCH} FOR UPDATE OF be SKIP LOCKED
  ), claimed AS (
    UPDATE booking_evaluation be SET learner_reminded_at = $1 FROM due WHERE be.booking_id = due.booking_id
    RETURNING be.booking_id, be.partnership_id, be.person_id AS recipient_id
  )${FACTS}`;

/** The line manager is the learner's now (whoever manages them answers for the review), remembered on the row. */
const CLAIM_MANAGER_REMINDERS = `
  WITH due AS (
    SELECT be.booking_id, p.line_manager_id FROM booking_evaluation be JOIN booking b ON b.id = be.booking_id JOIN person p ON p.id = be.person_id
    WHERE be.review_due_at <= $1 AND be.manager_reviewed_at IS NULL AND be.manager_reminded_at IS NULL AND b.status = 'attended'
      AND p.line_manager_id IS NOT NULL
    ORDER BY be.review_due_at LIMIT ${BATCH} FOR UPDATE OF be SKIP LOCKED
  ), claimed AS (
    UPDATE booking_evaluation be SET manager_reminded_at = $1, manager_person_id = due.line_manager_id
    FROM due WHERE be.booking_id = due.booking_id
    RETURNING be.booking_id, be.partnership_id, be.manager_person_id AS recipient_id
  )${FACTS}`;

export async function sendEvaluationEmails(dataSource: DataSource, now: Date, notices: NoticeSettings): Promise<{ feedbackRequests: number; reminders: number }> {
  return dataSource.transaction(async (manager) => {
    const feedback: Claimed[] = await manager.query(CLAIM_FEEDBACK, [now]);
    for (const row of feedback) {
      await queue(manager, row, FEEDBACK_REQUEST_KIND, feedbackRequestEmail({ personName: row.to_name, courseTitle: row.course_title,
        sessionStartsAt: row.starts_at, timeZone: row.time_zone, link: `${notices.publicUrl}/bookings/${row.booking_id}/feedback` }));
    }
    const learners: Claimed[] = await manager.query(CLAIM_LEARNER_REMINDERS, [now]);
    const managers: Claimed[] = await manager.query(CLAIM_MANAGER_REMINDERS, [now]);
    for (const [row, forReport] of [...learners.map((r) => [r, null] as const), ...managers.map((r) => [r, r.learner_name] as const)]) {
      await queue(manager, row, IMPACT_REVIEW_DUE_KIND, impactReviewReminderEmail({ personName: row.to_name, courseTitle: row.course_title,
        sessionStartsAt: row.starts_at, timeZone: row.time_zone, link: `${notices.publicUrl}/impact-reviews/${row.booking_id}`, forReport }));
    }
    return { feedbackRequests: feedback.length, reminders: learners.length + managers.length };
  });
}

function queue(manager: EntityManager, row: Claimed, kind: string, email: { subject: string; text: string }) {
  return queueEmail(manager, { partnershipId: row.partnership_id, personId: row.to_person_id, bookingId: row.booking_id, kind,
    to: row.to_address, subject: email.subject, text: email.text });
}
