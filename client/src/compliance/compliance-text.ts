import type { ComplianceStatus, OverdueBookingOutcome } from '../gql/graphql';

type TagColour = 'green' | 'blue' | 'yellow' | 'orange' | 'red' | 'grey';

/** Each status in words and the NHS.UK tag colour it wears; most urgent first. */
export const COMPLIANCE_STATUS: Record<ComplianceStatus, { text: string; tag: TagColour }> = {
  OVERDUE: { text: 'Overdue', tag: 'red' },
  NEVER_DONE: { text: 'Never done', tag: 'grey' },
  EXPIRING_30: { text: 'Expires within 30 days', tag: 'orange' },
  EXPIRING_60: { text: 'Expires within 60 days', tag: 'yellow' },
  EXPIRING_90: { text: 'Expires within 90 days', tag: 'blue' },
  COMPLIANT: { text: 'Compliant', tag: 'green' },
};

export const COMPLIANCE_STATUSES = Object.keys(COMPLIANCE_STATUS) as ComplianceStatus[];

export const OUTCOME_TEXT: Record<OverdueBookingOutcome, string> = {
  CONFIRMED: 'Booked',
  REQUESTED: 'Requested, waiting for approval',
  WAITLISTED: 'On the waiting list',
  REFUSED: 'Not booked',
};

/** "15 January 2027" from YYYY-MM-DD. */
export function calendarDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export function sessionDate(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit',
    timeZone: 'Europe/London' }).format(new Date(instant));
}

export function percentText(percent: number | null | undefined): string {
  return percent == null ? 'Not needed' : `${percent.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
}

/** What a cell says beside its tag: when it was done and when it expires. */
export function cellDetail(cell: { status: ComplianceStatus; completedOn?: string | null; expiresOn?: string | null; daysLeft?: number | null }): string {
  if (!cell.expiresOn) return 'No completion recorded';
  if (cell.status === 'OVERDUE') return `Expired ${calendarDate(cell.expiresOn)}`;
  return `Expires ${calendarDate(cell.expiresOn)}`;
}

