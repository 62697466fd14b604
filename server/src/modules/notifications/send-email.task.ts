import type { Task } from 'graphile-worker';
import { isDeliverableEmail } from '@portal/domain';
import type { Logger } from '../../observability/logger';
import type { Mailer } from './mailer';
import { bookingInvite } from './booking-invite';
import { inviteFactsFromJson, type InviteFacts } from './booking-notice-data';
import { INVITATION_KIND, PASSWORD_RESET_KIND, REGISTRATION_CONFIRM_KIND, withConfirmLink, withResetLink } from '../auth/account-emails';

export const SEND_EMAIL_TASK = 'send_email';
/**
 * graphile-worker waits exp(attempts) seconds after each failure (3 s, 7 s, 20 s, 55 s … 2 h 15 m
 * before the tenth): ten attempts ride out an SMTP server that is down for about three hours.
 */
export const SEND_EMAIL_MAX_ATTEMPTS = 10;

interface OutboxRow {
  id: string; person_id: string | null; registration_id: string | null; kind: string; to_address: string; subject: string; text: string;
  ics: string | null; ics_method: 'REQUEST' | 'CANCEL' | null; invite_facts: InviteFacts | null;
}

/** Why an email can never be delivered, or null: a retry would only fail the same way. */
function undeliverable(email: OutboxRow): string | null {
  if (!isDeliverableEmail(email.to_address)) {
    return 'The address does not follow the portal\'s rule for email addresses (it was stored before the rule): correct it, then the person can be sent email.';
  }
  return null;
}

/** The invite built from the facts the booking's transaction kept, or why it cannot be. */
function buildInvite(email: OutboxRow): { ics: string } | { problem: string } {
  try {
    const facts = inviteFactsFromJson(email.invite_facts!);
    const invite = bookingInvite(facts.data, facts.settings, facts.madeAt);
    if (!invite) return { problem: 'No invite could be made from the booking\'s facts.' };
    return { ics: invite.ics };
  } catch (error) {
    return { problem: `The calendar invite could not be built: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Delivers one outbox row. The job is graphile-worker's, so one worker at a time holds it;
 * a row already sent (a job re-run after a crash between sending and recording) is skipped.
 * A booking email's invite is built here, from the facts its transaction kept, and stored on
 * the row before sending. A mail server's failure is recorded on the row and thrown, and
 * graphile-worker retries with backoff; an email that can never go (an address outside the
 * rule, an invite that cannot be built) is marked failed and not retried.
 */
export function sendEmailTask(deps: {
  mailer: Mailer; log: Logger; passwordResetTtlMinutes?: number; invitationTtlHours?: number;
  /**
   * Keep the text as sent, links included, on the outbox row: only with no mail server outside
   * production, where the outbox (/dev/mail) is the only place to read it.
   */
  keepSentText?: boolean;
}): Task {
  return async (payload, helpers) => {
    const id = (payload as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !UUID.test(id)) {
      deps.log.error({ payload }, 'send_email: no outbox id in the payload; dropped');
      return;
    }
    const { rows: [email] } = await helpers.query<OutboxRow>(
      `UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = NULL WHERE id = $1 AND sent_at IS NULL AND failed_at IS NULL
       RETURNING id, person_id, registration_id, kind, to_address, subject, text, ics, ics_method, invite_facts`, [id]);
    if (!email) return;
    let ics = email.ics;
    let problem = undeliverable(email);
    if (!problem && email.ics_method && ics === null) {
      const built = buildInvite(email);
      if ('problem' in built) problem = built.problem;
      else {
        ics = built.ics;
        await helpers.query('UPDATE email_outbox SET ics = $2 WHERE id = $1', [id, ics]);
      }
    }
    let { text } = email;
    if (!problem && email.kind === PASSWORD_RESET_KIND) {
      const withLink = await withResetLink(helpers.query, email, deps.passwordResetTtlMinutes ?? 60);
      if (withLink === null) problem = 'The person has been disabled since asking: there is no password to reset.';
      else text = withLink;
    }
    if (!problem && email.kind === INVITATION_KIND) {
      // A reset with the invitation's life: the person has no password yet, and choosing one signs them in.
      const withLink = await withResetLink(helpers.query, email, (deps.invitationTtlHours ?? 7 * 24) * 60);
      if (withLink === null) problem = 'The person has been disabled since being invited: there is no account to set a password for.';
      else text = withLink;
    }
    if (!problem && email.kind === REGISTRATION_CONFIRM_KIND) {
      const withLink = await withConfirmLink(helpers.query, email);
      if (withLink === null) problem = 'The registration has expired or been confirmed: there is nothing to confirm.';
      else text = withLink;
    }
    if (problem) {
      await helpers.query('UPDATE email_outbox SET failed_at = now(), last_error = left($2, 1000), next_attempt_at = NULL WHERE id = $1',
        [id, problem]);
      deps.log.warn({ emailId: id, error: problem }, 'email cannot be delivered; given up without retrying');
      return;
    }
    try {
      await deps.mailer.send({
        to: email.to_address, subject: email.subject, text,
        ...(ics && email.ics_method ? { calendar: { method: email.ics_method, content: ics } } : {}),
      });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const { attempts, max_attempts: maxAttempts } = helpers.job;
      // The same backoff graphile-worker applies, so the outbox says when the next try is due.
      await helpers.query(
        `UPDATE email_outbox SET last_error = $2,
           next_attempt_at = CASE WHEN $3::int < $4::int THEN now() + exp(least($3::int, 10)) * interval '1 second' END
         WHERE id = $1`, [id, message, attempts, maxAttempts]);
      deps.log.warn({ emailId: id, attempt: attempts, maxAttempts, error: message }, 'email not delivered; it will be retried');
      throw error;
    }
    if (deps.keepSentText && text !== email.text) await helpers.query('UPDATE email_outbox SET sent_at = now(), text = $2 WHERE id = $1', [id, text]);
    else await helpers.query('UPDATE email_outbox SET sent_at = now() WHERE id = $1', [id]);
  };
}
