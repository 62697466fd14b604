import { calendarDateIn, parseCalendarDate, peopleCountProblem, wantedByProblem } from './training-need-rules';

describe('peopleCountProblem', () => {
  it.each([
    [12, null], [1, null], [100_000, null],
    [undefined, 'REQUIRED'], [null, 'REQUIRED'], [Number.NaN, 'REQUIRED'],
    [2.5, 'NOT_WHOLE'], [0, 'OUT_OF_RANGE'], [-3, 'OUT_OF_RANGE'], [100_001, 'OUT_OF_RANGE'], [1e20, 'OUT_OF_RANGE'],
  ])('%p → %p', (count, code) => {
    expect(peopleCountProblem(count as number)?.code ?? null).toBe(code);
  });
});

describe('wantedByProblem', () => {
  const today = '2026-12-03';
  it.each([
    ['2026-12-03', null], ['2027-03-31', null], ['2031-12-03', null],
    ['', 'REQUIRED'], ['  ', 'REQUIRED'], [null, 'REQUIRED'],
    ['31/03/2027', 'MALFORMED_DATE'], ['2027-02-30', 'MALFORMED_DATE'], ['2027-13-01', 'MALFORMED_DATE'], ['next week', 'MALFORMED_DATE'],
    ['2026-12-02', 'DATE_PAST'], ['2031-12-04', 'DATE_TOO_FAR'],
  ])('%p → %p', (text, code) => {
    expect(wantedByProblem(text, today)?.code ?? null).toBe(code);
  });

  it('reads a leap day as real only in a leap year', () => {
    expect(parseCalendarDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseCalendarDate('2027-02-29')).toBeNull();
  });
});

describe('calendarDateIn', () => {
  it("gives London's date, which is a day ahead of UTC just after midnight in summer", () => {
    expect(calendarDateIn('Europe/London', new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(calendarDateIn('Europe/London', new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });
});
