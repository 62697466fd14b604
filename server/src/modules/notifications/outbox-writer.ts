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
