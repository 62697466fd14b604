/**
 * Mandatory-training compliance for one person and one required subject.
 *
 * - A completion counts towards a required subject when it is of the same subject at the same
 *   or a higher level (safeguarding adults level 3 satisfies a level 2 requirement, never the
 *   reverse); a subject without levels is level 1 here.
 * - The latest counting completion decides. It expires `renewalMonths` calendar months after the
 *   day it was completed (in the partnership's time zone), the period being the one the person's
 *   organisation set for the required subject (else the framework's default). A completion on
 *   29 February with a 12-month period expires on 28 February; one on 31 August with 6 months
 *   on 28 (or 29) February.
 * - `expiresOn` is the first day it no longer counts: on that day the subject is OVERDUE.
 *   Before it, the days left are `expiresOn - today`: 1 to 30 EXPIRING_30, 31 to 60 EXPIRING_60,
 *   61 to 90 EXPIRING_90, more COMPLIANT.
 * - No counting completion at all: NEVER_DONE.
 */
export type ComplianceState = 'COMPLIANT' | 'EXPIRING_90' | 'EXPIRING_60' | 'EXPIRING_30' | 'OVERDUE' | 'NEVER_DONE';

/** Most urgent first: the order a list of people by status is shown in. */
export const COMPLIANCE_STATES: readonly ComplianceState[] = ['OVERDUE', 'NEVER_DONE', 'EXPIRING_30', 'EXPIRING_60', 'EXPIRING_90', 'COMPLIANT'];

export const COMPLIANCE_STATE_LABELS: Readonly<Record<ComplianceState, string>> = {
  COMPLIANT: 'Compliant',
  EXPIRING_90: 'Expires within 90 days',
  EXPIRING_60: 'Expires within 60 days',
  EXPIRING_30: 'Expires within 30 days',
  OVERDUE: 'Overdue',
  NEVER_DONE: 'Never done',
};

/** The framework's renewal periods are months; an organisation may set 1 to 120. */
export const RENEWAL_MONTHS_MIN = 1;
export const RENEWAL_MONTHS_MAX = 120;

export interface CompletionFact {
  /** YYYY-MM-DD, the day it was completed in the partnership's time zone. */
  completedOn: string;
  subject: string;
  /** null for a subject without levels (level 1). */
  level: number | null;
}

export interface RequiredSubject {
  subject: string;
  level: number | null;
  renewalMonths: number;
}

export interface ComplianceResult {
  state: ComplianceState;
  /** The completion that decided it, if any. */
  completedOn: string | null;
  expiresOn: string | null;
  /** expiresOn − today in days (0 or less when overdue); null when never done. */
  daysLeft: number | null;
}

const levelOf = (level: number | null) => level ?? 1;

/** Whether a completion of `done` counts towards `required`: same subject, same or higher level. */
export function satisfiesLevel(done: { subject: string; level: number | null }, required: { subject: string; level: number | null }): boolean {
  return done.subject === required.subject && levelOf(done.level) >= levelOf(required.level);
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** `date` plus whole calendar months, the day clamped to the month's last (29 February + 12 months = 28 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, Math.min(d, last));
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): calendar days, whatever the clocks did. */
export function daysBetween(from: string, to: string): number {
  const [a, b, c] = parts(from);
  const [x, y, z] = parts(to);
  return Math.round((Date.UTC(x, y - 1, z) - Date.UTC(a, b - 1, c)) / 86_400_000);
}

export function stateForDaysLeft(daysLeft: number): ComplianceState {
  if (daysLeft <= 0) return 'OVERDUE';
  if (daysLeft <= 30) return 'EXPIRING_30';
  if (daysLeft <= 60) return 'EXPIRING_60';
  if (daysLeft <= 90) return 'EXPIRING_90';
  return 'COMPLIANT';
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date where the partnership is (Europe/London), so the status turns at local midnight. */
export function complianceToday(now: Date, timeZone = 'Europe/London'): string {
  // Making a DateTimeFormat costs far more than using one: a matrix asks for thousands of cells.
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/**
 * The status of one required subject for one person, from all their completions (any partner's,
 * any subject: those that do not count are ignored; completions after today are not yet done).
 */
export function complianceStatus(required: RequiredSubject, completions: readonly CompletionFact[], now: Date, timeZone = 'Europe/London'): ComplianceResult {
  return complianceStatusOn(required, completions, complianceToday(now, timeZone));
}

/** The same, for a `today` (YYYY-MM-DD in the partnership's time zone) already worked out: one per matrix rather than one per cell. */
export function complianceStatusOn(required: RequiredSubject, completions: readonly CompletionFact[], today: string): ComplianceResult {
  let latest: string | null = null;
  for (const completion of completions) {
    if (!satisfiesLevel(completion, required) || completion.completedOn > today) continue;
    if (latest === null || completion.completedOn > latest) latest = completion.completedOn;
  }
  if (latest === null) return { state: 'NEVER_DONE', completedOn: null, expiresOn: null, daysLeft: null };
  const expiresOn = addMonths(latest, required.renewalMonths);
  const daysLeft = daysBetween(today, expiresOn);
  return { state: stateForDaysLeft(daysLeft), completedOn: latest, expiresOn, daysLeft };
}

/** Whether a state counts as compliant in a percentage: done and not yet expired. */
export function countsAsCompliant(state: ComplianceState): boolean {
  return state !== 'OVERDUE' && state !== 'NEVER_DONE';
}

export type RenewalPeriodProblem = { code: 'REQUIRED' | 'NOT_WHOLE' | 'OUT_OF_RANGE'; message: string };

/** An organisation's renewal period for a subject: a whole number of months, 1 to 120. */
export function renewalPeriodProblem(months: number | null | undefined): RenewalPeriodProblem | null {
  if (months == null || Number.isNaN(months)) return { code: 'REQUIRED', message: 'Enter the renewal period in months' };
  if (!Number.isInteger(months)) return { code: 'NOT_WHOLE', message: 'Renewal period must be a whole number of months' };
  if (months < RENEWAL_MONTHS_MIN || months > RENEWAL_MONTHS_MAX) {
    return { code: 'OUT_OF_RANGE', message: `Renewal period must be between ${RENEWAL_MONTHS_MIN} and ${RENEWAL_MONTHS_MAX} months` };
  }
  return null;
}

/** Which reminder a result calls for: 60 and 30 days before expiry, and once overdue. */
export type ReminderThreshold = '60_days' | '30_days' | 'overdue';

export function reminderThreshold(result: ComplianceResult): ReminderThreshold | null {
  if (result.daysLeft === null) return null;
  if (result.daysLeft <= 0) return 'overdue';
  if (result.daysLeft <= 30) return '30_days';
  if (result.daysLeft <= 60) return '60_days';
  return null;
}
