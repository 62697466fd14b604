import { newToken, tokenHash } from './session-token';

/**
 * Emails about accounts, written to the outbox and delivered by the send_email job like every
 * other. The password-reset email's link is made by the delivery job, not when it is asked for: the outbox (which administrators can read) never holds
 * a usable token, and each delivery attempt mints its own single-use reset.
 */
export const PASSWORD_RESET_KIND = 'password_reset';
const TOKEN_PLACEHOLDER = '{{reset-token}}';
const CONFIRM_PLACEHOLDER = '{{confirm-token}}';

export function passwordResetEmail(values: { name: string; publicUrl: string; ttlMinutes: number }): { subject: string; text: string } {
  const link = `${values.publicUrl}/reset-password?token=${TOKEN_PLACEHOLDER}`;
  return {
    subject: 'Reset your Partnership Portal password',
    text: `Hello ${values.name},\n\nSomeone asked to reset the password for this email address. If it was you, choose a new password here:\n\n${link}\n\nThe link works once, for ${values.ttlMinutes} minutes. If it was not you, ignore this email: your password has not changed.\n`,
  };
}

type Query = (sql: string, params: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;

/**
 * Makes the reset the email's link opens and puts its token in the text; null when the person
 * has been disabled since asking (there is nothing to reset).
 */
export async function withResetLink(query: Query, email: { person_id: string | null; text: string }, ttlMinutes: number): Promise<string | null> {
  if (!email.person_id) return null;
  const token = newToken();
  const { rows } = await query(
    `INSERT INTO password_reset (partnership_id, person_id, token_hash, expires_at)
     SELECT partnership_id, id, $2, now() + $3::int * interval '1 minute' FROM person WHERE id = $1 AND disabled_at IS NULL RETURNING id`,
    [email.person_id, tokenHash(token), ttlMinutes]);
  return rows.length ? email.text.replaceAll(TOKEN_PLACEHOLDER, token) : null;
}

export const INVITATION_KIND = 'invitation';

/**
 * To someone an administrator added (an organisation's L&D lead, an imported member of staff or
 * volunteer), who has no password yet. Its link is made at delivery like a reset's (withResetLink),
 * a single-use password reset with the invitation's longer life, and opens /accept-invitation.
 */
export function invitationEmail(values: { name: string; partnershipName: string; inviterName: string; publicUrl: string; ttlHours: number }) {
  const link = `${values.publicUrl}/accept-invitation?token=${TOKEN_PLACEHOLDER}`;
  const days = values.ttlHours % 24 === 0 ? `${values.ttlHours / 24} day${values.ttlHours === 24 ? '' : 's'}` : `${values.ttlHours} hours`;
  return {
    subject: `You have been added to the ${values.partnershipName} learning portal`,
    text: `Hello ${values.name},\n\nYou have been added to the ${values.partnershipName} learning portal by ${values.inviterName}. To start, choose your password here:\n\n${link}\n\nThe link works once, for ${days}. After that, ask for a new one at ${values.publicUrl}/forgot-password.\n`,
  };
}

export const REGISTRATION_ATTEMPTED_KIND = 'registration_attempted';

/** To the owner of an address someone tried to register again: they may have forgotten they have an account. */
export function registrationAttemptedEmail(values: { name: string; publicUrl: string }): { subject: string; text: string } {
  return {
    subject: 'Someone tried to register with your email address',
    text: `Hello ${values.name},\n\nSomeone tried to register a new Partnership Portal account with this email address. You already have an account, so no new one was made.\n\nIf it was you, sign in here:\n\n${values.publicUrl}/sign-in\n\nIf you have forgotten your password, ask for a reset link here:\n\n${values.publicUrl}/forgot-password\n\nIf it was not you, you need do nothing: your account and password have not changed.\n`,
  };
}

export const REGISTRATION_CONFIRM_KIND = 'registration_confirm';

/** To a new address: the link that turns the registration into an account and signs in. */
export function registrationConfirmEmail(values: { name: string; publicUrl: string; partnershipSlug: string; ttlHours: number }) {
  const link = `${values.publicUrl}/p/${encodeURIComponent(values.partnershipSlug)}/confirm-registration?token=${CONFIRM_PLACEHOLDER}`;
  return {
    subject: 'Confirm your email address to finish registering',
    text: `Hello ${values.name},\n\nTo finish registering as a volunteer on the Partnership Portal, confirm this email address here:\n\n${link}\n\nThe link works once, for ${values.ttlHours} hours. If you did not register, ignore this email: no account is made.\n`,
  };
}

/**
 * Makes the link of a registration's confirmation email (a new token each delivery attempt: the
 * last one sent is the one that works); null when the registration has expired or been used.
 */
export async function withConfirmLink(query: Query, email: { registration_id: string | null; text: string }): Promise<string | null> {
  if (!email.registration_id) return null;
  const token = newToken();
  const { rows } = await query(
    `UPDATE volunteer_registration SET token_hash = $2 WHERE id = $1 AND confirmed_at IS NULL AND expires_at > now() RETURNING id`,
    [email.registration_id, tokenHash(token)]);
  return rows.length ? email.text.replaceAll(CONFIRM_PLACEHOLDER, token) : null;
}
