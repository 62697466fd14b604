import type { FieldError } from '../ui/form-errors';
import { isPounds } from '../ui/field-checks';
import { londonInstant } from '../provider/london-time';

/**
 * The pledge and approval forms' own checks, each the API's rule or looser (the API judges the
 * rest: more seats than planned, what a stream has left, a session's times), every field at once.
 */
export type PledgeField = 'seats' | 'amount' | 'streamId';
export const PLEDGE_FIELDS: readonly PledgeField[] = ['seats', 'amount', 'streamId'];
export interface PledgeForm { seats: string; amount: string; streamId: string }
export interface PledgeInputValues { seats: number | null; amount: string | null; streamId: string | null }

export function pledgeInputFrom(form: PledgeForm): { input: PledgeInputValues | null; errors: Array<FieldError<PledgeField>> } {
  const errors: Array<FieldError<PledgeField>> = [];
  const seatsText = form.seats.trim().replace(/,/g, '');
  const amountText = form.amount.trim();
  if (!seatsText && !amountText) errors.push({ field: 'seats', message: 'Enter the seats your organisation will fill, the money it gives, or both' });
  if (seatsText && !/^\d+$/.test(seatsText)) errors.push({ field: 'seats', message: 'Seats must be a whole number, like 6' });
  else if (seatsText && Number(seatsText) < 1) errors.push({ field: 'seats', message: 'Pledge at least 1 seat, or leave seats empty' });
  if (amountText && !isPounds(amountText)) errors.push({ field: 'amount', message: 'Enter the amount in pounds, like 250.00' });
  if (amountText && !form.streamId) errors.push({ field: 'streamId', message: 'Choose the funding stream the money comes from' });
  if (!amountText && form.streamId) errors.push({ field: 'amount', message: 'Enter the amount to pledge from the stream, or choose seats only' });
  if (errors.length) return { input: null, errors };
  return { input: { seats: seatsText ? Number(seatsText) : null, amount: amountText || null, streamId: amountText ? form.streamId : null }, errors };
}

export interface SessionRowForm { date: string; startTime: string; endTime: string; venueId?: string }
export interface ApprovalForm { sessions: SessionRowForm[]; deliveryOptionId: string; shortfall: string; reason: string }
export type ApprovalField = 'deliveryOptionId' | 'shortfallAccepted' | 'reason' | 'sessions' | `sessions.${number}.startsAt` | `sessions.${number}.endsAt`;

export function approvalFields(count: number): ApprovalField[] {
  const each = Array.from({ length: count }, (_, i) => [`sessions.${i}.startsAt`, `sessions.${i}.endsAt`] as ApprovalField[]).flat();
  return ['deliveryOptionId', 'shortfallAccepted', 'reason', 'sessions', ...each];
}

export function approvalInputFrom(form: ApprovalForm, proposalId: string, options: { needsShortfall: boolean }): {
  input: { proposalId: string; sessions: Array<{ startsAt: string; endsAt: string; deliveryMode: 'ONLINE' | 'IN_PERSON'; venueId: string | null }>;
    deliveryOptionId: string | null;
    shortfallAccepted: string | null; reason: string | null } | null;
  errors: Array<FieldError<ApprovalField>>;
} {
  const errors: Array<FieldError<ApprovalField>> = [];
  const sessions = form.sessions.map((row, index) => {
    const startsAt = row.date && row.startTime ? londonInstant(row.date, row.startTime) : null;
    const endsAt = row.date && row.endTime ? londonInstant(row.date, row.endTime) : null;
    if (!startsAt) errors.push({ field: `sessions.${index}.startsAt`, message: `Enter the date and start time of session ${index + 1}` });
    if (!endsAt) errors.push({ field: `sessions.${index}.endsAt`, message: `Enter the end time of session ${index + 1}` });
    // A venue chosen makes it in person; none, online.
    return { startsAt: startsAt ?? '', endsAt: endsAt ?? '', deliveryMode: row.venueId ? 'IN_PERSON' as const : 'ONLINE' as const, venueId: row.venueId || null };
  });
  if (form.shortfall.trim() && !isPounds(form.shortfall)) errors.push({ field: 'shortfallAccepted', message: 'Enter the shortfall in pounds, like 250.00' });
  if (options.needsShortfall && !form.shortfall.trim()) {
    errors.push({ field: 'shortfallAccepted', message: 'The pledges do not cover the cost: enter the shortfall you accept' });
  }
  if (form.shortfall.trim() && !form.reason.trim()) errors.push({ field: 'reason', message: 'Say why the shortfall is accepted' });
  if (errors.length) return { input: null, errors };
  return { input: { proposalId, sessions, deliveryOptionId: form.deliveryOptionId || null, shortfallAccepted: form.shortfall.trim() || null,
    reason: form.reason.trim() || null }, errors };
}
