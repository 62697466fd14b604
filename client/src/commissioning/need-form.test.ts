import { describe, expect, it } from '@jest/globals';
import { EMPTY_NEED_FORM, needInputFrom, type NeedForm } from './need-form';

const TODAY = { year: 2026, month: 12, day: 3 };
const filled = (values: Partial<NeedForm> = {}): NeedForm => ({
  ...EMPTY_NEED_FORM, scope: 'ORGANISATION', topic: ' Moving and handling ', peopleCount: '1,200', audience: 'STAFF', priority: 'HIGH',
  wantedBy: { day: '31', month: '3', year: '2027' }, ...values,
});
const fieldsOf = (form: NeedForm) => needInputFrom(form, TODAY).errors.map((e) => e.field);

describe('needInputFrom', () => {
  it('makes the API\'s input from a filled-in form', () => {
    expect(needInputFrom(filled({ mandatorySubject: 'moving-and-handling', ksfDimension: 'c3' }), TODAY)).toEqual({
      input: { scope: 'ORGANISATION', topic: 'Moving and handling', detail: null, mandatorySubject: 'moving-and-handling', ksfDimension: 'C3',
        peopleCount: 1200, audience: 'STAFF', priority: 'HIGH', wantedBy: '2027-03-31' },
      errors: [],
    });
  });

  it('tells every blank field at once', () => {
    expect(fieldsOf(EMPTY_NEED_FORM)).toEqual(['scope', 'topic', 'peopleCount', 'audience', 'priority', 'wantedBy']);
  });

  it.each([
    ['0', 'The number of people must be 1 or more'],
    ['-3', 'The number of people must be 1 or more'],
    ['2.5', 'The number of people must be a whole number, like 12'],
    ['a dozen', 'The number of people must be a whole number, like 12'],
    ['1000000', 'The number of people must be 100,000 or fewer'],
  ])('refuses %p people', (peopleCount, message) => {
    expect(needInputFrom(filled({ peopleCount }), TODAY).errors).toEqual([{ field: 'peopleCount', message }]);
  });

  it('asks no number for a need from a 1:1, which is one person', () => {
    expect(needInputFrom(filled({ scope: 'PERSON', peopleCount: '' }), TODAY).input?.peopleCount).toBeNull();
  });

  it.each([
    [{ day: '30', month: '2', year: '2027' }, 'The date the training is wanted by must be a real date, like 31 3 2027'],
    [{ day: '2', month: '12', year: '2026' }, 'The date the training is wanted by must be today or in the future'],
    [{ day: '', month: '3', year: '' }, 'The date the training is wanted by must be a real date, like 31 3 2027'],
  ])('refuses the wanted-by date %p', (wantedBy, message) => {
    expect(needInputFrom(filled({ wantedBy }), TODAY).errors).toEqual([{ field: 'wantedBy', message }]);
  });

  it('takes today as the wanted-by date', () => {
    expect(needInputFrom(filled({ wantedBy: { day: '3', month: '12', year: '2026' } }), TODAY).input?.wantedBy).toBe('2026-12-03');
  });

  it('checks the lengths and the KSF code the API checks', () => {
    expect(fieldsOf(filled({ topic: 'x'.repeat(201), detail: 'y'.repeat(2001), ksfDimension: 'Core 3' }))).toEqual(['topic', 'detail', 'ksfDimension']);
  });
});
