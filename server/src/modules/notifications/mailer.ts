import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config';
import type { Logger } from '../../observability/logger';

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send: (email: Email) => Promise<void>;
}

/**
 * Real SMTP when SMTP_URL is set. Without it, outside production, each email is written to the
 * log so a person running the demo can still follow a reset link; in production it is an error.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'production'>, log: Logger): Mailer {
  if (!config.smtpUrl) {
    return {
      send: async (email) => {
        if (config.production) throw new Error('SMTP_URL is not set: cannot send email');
        log.info({ email }, 'email (no SMTP_URL: written to the log instead of sent)');
      },
    };
  }
  const transport: Transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    send: async (email) => {
      await transport.sendMail({ from: config.mailFrom, ...email });
    },
  };
}
