import nodemailer, { type Transporter } from 'nodemailer';
import { isDeliverableEmail } from '@portal/domain';
import type { Config } from '../../config';
import type { Logger } from '../../observability/logger';

export interface Email {
  to: string;
  subject: string;
  text: string;
  /** An iCalendar invite (METHOD:REQUEST or CANCEL), sent as a text/calendar alternative and as invite.ics. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

export interface Mailer {
  send: (email: Email) => Promise<void>;
}

/** Both parts carry the method: calendars offer "add" from the alternative, people open the attachment. */
function calendarParts(calendar: NonNullable<Email['calendar']>) {
  const contentType = `text/calendar; charset=utf-8; method=${calendar.method}`;
  return {
    alternatives: [{ contentType, content: calendar.content }],
    attachments: [{ filename: 'invite.ics', contentType, content: calendar.content }],
  };
}

/**
 * Real SMTP when SMTP_URL is set. Without it, outside production, each email is written to the
 * log (and every email stays readable in the outbox, at /dev/mail, links included) so a person running the
 * demo can still follow a link; in production it is an error, so the job retries.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'production'>, log: Logger): Mailer {
  if (!config.smtpUrl) {
    return {
      send: async ({ calendar, ...email }) => {
        if (config.production) throw new Error('SMTP_URL is not set: cannot send email');
        log.info({ email: { ...email, calendarMethod: calendar?.method ?? null } }, 'email (no SMTP_URL: written to the log instead of sent)');
      },
    };
  }
  // The defaults wait minutes for a server that does not answer: a job holding a lock that long helps no one.
  const transport: Transporter = nodemailer.createTransport({
    url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
  });
  return {
    send: async ({ calendar, ...email }) => {
      // The last guard of the one rule: no address outside it reaches a mail header.
      if (!isDeliverableEmail(email.to)) throw new Error('refused to send to an address outside the portal\'s rule for email addresses');
      await transport.sendMail({ from: config.mailFrom, ...email, ...(calendar ? calendarParts(calendar) : {}) });
    },
  };
}
