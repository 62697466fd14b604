import type { LedgerEntryKind, RecordLedgerEntryInput } from '../gql/graphql';
import { isPounds, tooLong, tooLongMessage } from '../ui/field-checks';
import type { FieldError } from '../ui/form-errors';
import { isRealCalendarDate, londonMidnight } from '../ui/uk-date-time';
import { stripPound } from './funding-stream-form';

/** What the "Record an entry" form holds while it is filled in: text, as typed. */
export interface EntryForm {
  streamId: string;
  kind: LedgerEntryKind | '';
  amount: string;
  reason: string;
  occurredOn: { day: string; month: string; year: string };
  organisationId: string;
  reversesEntryId: string;
}

export type EntryField = 'streamId' | 'kind' | 'amount' | 'reason' | 'occurredAt' | 'organisationId' | 'reversesEntryId';

export const ENTRY_FIELDS: EntryField[] = ['streamId', 'kind', 'amount', 'reason', 'occurredAt', 'organisationId', 'reversesEntryId'];

export const ENTRY_INPUT_IDS: Record<EntryField, string> = {
  streamId: 'entry-stream', kind: 'kind-BUDGET', amount: 'entry-amount', reason: 'entry-reason', occurredAt: 'occurred-at-day',
  organisationId: 'entry-organisation', reversesEntryId: 'entry-reverses',
};

export function emptyEntryForm(streamId = ''): EntryForm {
  return { streamId, kind: '', amount: '', reason: '', occurredOn: { day: '', month: '', year: '' }, organisationId: '', reversesEntryId: '' };
}

/** Which kinds name an organisation, and whether they must. */
export function organisationNeed(kind: LedgerEntryKind | ''): 'required' | 'optional' | 'none' {
  if (kind === 'CONTRIBUTION') return 'required';
  if (kind === 'ALLOCATION' || kind === 'COMMITMENT' || kind === 'RELEASE' || kind === 'SPEND') return 'optional';
  return 'none';
}

/**
 * The API's input from the form, or what must be filled in first. The date is a day on the UK
 * calendar (midnight in London); left blank, the API takes now. Every field's problem is told at
 * once (blanks, an amount that is not a number, a reason too long, a date that is not one); the
 * API checks the rest (a negative amount, the date inside the stream's year, the reversed entry)
 * and links its messages here.
 */
export function entryInputFrom(form: EntryForm, idempotencyKey: string): { input: RecordLedgerEntryInput | null; errors: Array<FieldError<EntryField>> } {
  const errors: Array<FieldError<EntryField>> = [];
  if (!form.streamId) errors.push({ field: 'streamId', message: 'Select the funding stream' });
  if (!form.kind) errors.push({ field: 'kind', message: 'Select what kind of entry it is' });
  if (!form.amount.trim()) errors.push({ field: 'amount', message: 'Enter the amount, like 480.00' });
  else if (!isPounds(form.amount)) errors.push({ field: 'amount', message: 'Amount must be a number, like 480.00' });
  if (!form.reason.trim()) errors.push({ field: 'reason', message: 'Enter the reason, such as an invoice number or a decision' });
  else if (tooLong(form.reason, 1000)) errors.push({ field: 'reason', message: tooLongMessage('Reason', 1000) });
  if (organisationNeed(form.kind) === 'required' && !form.organisationId) {
    errors.push({ field: 'organisationId', message: 'Select the partner that contributed' });
  }
  if (form.kind === 'ADJUSTMENT' && !form.reversesEntryId) errors.push({ field: 'reversesEntryId', message: 'Select the entry the adjustment reverses' });
  const { day, month, year } = form.occurredOn;
  const anyDate = [day, month, year].some((part) => part.trim());
  let occurredAt: string | null = null;
  if (anyDate && form.kind !== 'ADJUSTMENT') {
    const date = { day: Number(day), month: Number(month), year: Number(year) };
    if (![day, month, year].every((part) => /^\d+$/.test(part.trim())) || !isRealCalendarDate(date)) {
      errors.push({ field: 'occurredAt', message: 'Enter a real date, like 14 3 2026' });
    } else {
      occurredAt = londonMidnight(date).toISOString();
    }
  }
  if (errors.length || !form.kind) return { input: null, errors };
  const organisationId = organisationNeed(form.kind) === 'none' ? null : form.organisationId || null;
  return {
    input: {
      streamId: form.streamId,
      kind: form.kind,
      amount: stripPound(form.amount),
      reason: form.reason.trim(),
      occurredAt,
      organisationId,
      reversesEntryId: form.kind === 'ADJUSTMENT' ? form.reversesEntryId : null,
      idempotencyKey,
    },
    errors: [],
  };
}
