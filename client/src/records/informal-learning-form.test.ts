import { describe, expect, it } from '@jest/globals';
import { EMPTY_INFORMAL_LEARNING_FORM, informalLearningInputFrom, type InformalLearningForm } from './informal-learning-form';

const today = { year: 2026, month: 3, day: 4 };
const form = (values: Partial<InformalLearningForm> = {}): InformalLearningForm => ({
  ...EMPTY_INFORMAL_LEARNING_FORM, kind: 'SHADOWING', learnedOn: { day: '4', month: '3', year: '2026' }, hours: '2.5', description: 'Shadowed a nurse', ...values,
});
const fields = (f: InformalLearningForm) => informalLearningInputFrom(f, today).errors.map((e) => e.field);

describe('the informal learning form', () => {
  it('makes the input from a filled form', () => {
    expect(informalLearningInputFrom(form({ evidenceUrl: ' https://example.org/a ' }), today)).toEqual({
      input: { kind: 'SHADOWING', learnedOn: '2026-03-04', hours: 2.5, description: 'Shadowed a nurse', evidenceUrl: 'https://example.org/a' }, errors: [] });
  });

  it('reports every blank field at once', () => {
    expect(fields(EMPTY_INFORMAL_LEARNING_FORM)).toEqual(['kind', 'learnedOn', 'hours', 'description']);
  });

  it('refuses tomorrow, 0 hours, 1,000 hours, 3 decimal places, a bad link and a file over 5 MB', () => {
    expect(fields(form({ learnedOn: { day: '5', month: '3', year: '2026' } }))).toEqual(['learnedOn']);
    expect(fields(form({ learnedOn: { day: '30', month: '2', year: '2026' } }))).toEqual(['learnedOn']);
    expect(fields(form({ hours: '0' }))).toEqual(['hours']);
    expect(fields(form({ hours: '1000' }))).toEqual(['hours']);
    expect(fields(form({ hours: '999.99' }))).toEqual([]);
    expect(fields(form({ hours: '1.005' }))).toEqual(['hours']);
    expect(fields(form({ evidenceUrl: 'not a link' }))).toEqual(['evidenceUrl']);
    expect(fields(form({ file: { name: 'a.pdf', size: 5 * 1024 * 1024 + 1 } }))).toEqual(['evidenceFileId']);
  });
});
