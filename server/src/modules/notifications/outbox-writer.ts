import type { EntityManager } from 'typeorm';
import { SEND_EMAIL_MAX_ATTEMPTS, SEND_EMAIL_TASK } from './send-email.task';

/** One email for the outbox: booking notices add their booking and invite facts. */
export interface OutboxEmail {
  partnershipId: string;
  /** Whom it is for: a person, or (before there is one) a volunteer's registration. */
  personId: string | null;
  registrationId?: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  bookingId?: string | null;
  inviteMethod?: 'REQUEST' | 'CANCEL' | null;
  /** What the delivery job builds the invite from (booking-notice-data.ts InviteFacts). */
  inviteFacts?: unknown;
}

/**
 * Writes the email and queues its delivery in one statement (graphile-worker's add_job is SQL),
 * in the caller's transaction: the email exists, and will be delivered, if and only if the change
 * that sends it commits. Every email of the portal goes this way.
 */
const QUEUE_EMAIL = `
  WITH email AS (
    INSERT INTO email_outbox (partnership_id, person_id, booking_id, kind, to_address, subject, text, ics_method, invite_facts,
      registration_id, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, clock_timestamp()) RETURNING id
  )
  SELECT email.id FROM email
  CROSS JOIN LATERAL graphile_worker.add_job('${SEND_EMAIL_TASK}', json_build_object('id', email.id),
    max_attempts => ${SEND_EMAIL_MAX_ATTEMPTS}) AS job`;

export async function queueEmail(manager: EntityManager, email: OutboxEmail): Promise<{ emailId: string }> {
  const [written]: Array<{ id: string }> = await manager.query(QUEUE_EMAIL, [email.partnershipId, email.personId, email.bookingId ?? null,
    email.kind, email.to, email.subject, email.text, email.inviteMethod ?? null,
    email.inviteFacts == null ? null : JSON.stringify(email.inviteFacts), email.registrationId ?? null]);
  return { emailId: written.id };
}

/**
 * Many emails of one kind (an import's invitations) in one statement: the rows by unnest, their
 * deliveries by one graphile_worker.add_jobs call, so ten thousand cost about what ten do.
 */
const QUEUE_EMAILS = `
  WITH email AS (
    INSERT INTO email_outbox (partnership_id, person_id, kind, to_address, subject, text, created_at)
    SELECT $1, u.person_id, $2, u.to_address, u.subject, u.text, clock_timestamp()
    FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) AS u(person_id, to_address, subject, text)
    RETURNING id
  )
  SELECT count(*)::int AS queued FROM graphile_worker.add_jobs(coalesce((SELECT array_agg(
    ROW('${SEND_EMAIL_TASK}', json_build_object('id', email.id), NULL, NULL, ${SEND_EMAIL_MAX_ATTEMPTS}, NULL, NULL, NULL)::graphile_worker.job_spec)
    FROM email), '{}'))`;

export async function queueEmails(manager: EntityManager, emails: {
  partnershipId: string; kind: string; items: ReadonlyArray<{ personId: string; to: string; subject: string; text: string }>;
}): Promise<number> {
  if (!emails.items.length) return 0;
  const [{ queued }]: Array<{ queued: number }> = await manager.query(QUEUE_EMAILS, [emails.partnershipId, emails.kind,
    emails.items.map((e) => e.personId), emails.items.map((e) => e.to), emails.items.map((e) => e.subject), emails.items.map((e) => e.text)]);
  return queued;
}
