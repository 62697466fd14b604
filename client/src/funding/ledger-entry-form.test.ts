import { describe, expect, it } from '@jest/globals';
import { emptyEntryForm, entryInputFrom, type EntryForm } from './ledger-entry-form';

const spend: EntryForm = { ...emptyEntryForm('stream-1'), kind: 'SPEND', amount: '£480.00', reason: ' Invoice 1043 ', organisationId: 'org-1' };

describe('entryInputFrom', () => {
  it('asks for the blanks first', () => {
    expect(entryInputFrom(emptyEntryForm(), 'key').errors.map((e) => e.field)).toEqual(['streamId', 'kind', 'amount', 'reason']);
    expect(entryInputFrom({ ...spend, kind: 'CONTRIBUTION', organisationId: '' }, 'key').errors.map((e) => e.field)).toEqual(['organisationId']);
    expect(entryInputFrom({ ...spend, kind: 'ADJUSTMENT' }, 'key').errors.map((e) => e.field)).toEqual(['reversesEntryId']);
  });

  it('sends a day as midnight in London, or no date for now', () => {
    expect(entryInputFrom(spend, 'key').input).toEqual({
      streamId: 'stream-1', kind: 'SPEND', amount: '480.00', reason: 'Invoice 1043', occurredAt: null, organisationId: 'org-1',
      reversesEntryId: null, idempotencyKey: 'key',
    });
    const dated = entryInputFrom({ ...spend, occurredOn: { day: '14', month: '7', year: '2025' } }, 'key').input;
    expect(dated?.occurredAt).toBe('2025-07-13T23:00:00.000Z');
    expect(entryInputFrom({ ...spend, occurredOn: { day: '31', month: '6', year: '2025' } }, 'key').errors.map((e) => e.field)).toEqual(['occurredAt']);
  });

  it('leaves out what the kind does not take', () => {
    const budget = entryInputFrom({ ...spend, kind: 'BUDGET' }, 'key').input;
    expect(budget?.organisationId).toBeNull();
    const adjustment = entryInputFrom({ ...spend, kind: 'ADJUSTMENT', reversesEntryId: 'entry-9', occurredOn: { day: 'x', month: '', year: '' } }, 'key');
    expect(adjustment.errors).toEqual([]);
    expect(adjustment.input).toMatchObject({ reversesEntryId: 'entry-9', occurredAt: null, organisationId: null });
  });

  it('tells every field\'s problem at once: an amount that is not a number, a reason too long, a date that is not one', () => {
    const { input, errors } = entryInputFrom({
      ...spend, amount: 'four hundred', reason: 'r'.repeat(1001), occurredOn: { day: '31', month: '2', year: '2026' },
    }, 'key');
    expect(input).toBeNull();
    expect(errors).toEqual([
      { field: 'amount', message: 'Amount must be a number, like 480.00' },
      { field: 'reason', message: 'Reason must be 1,000 characters or fewer' },
      { field: 'occurredAt', message: 'Enter a real date, like 14 3 2026' },
    ]);
  });
});
