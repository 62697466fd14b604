import { addMonths, complianceStatus, complianceToday, countsAsCompliant, daysBetween, reminderThreshold, renewalPeriodProblem,
  satisfiesLevel, type CompletionFact, type RequiredSubject } from './compliance-status';
import { calendarDateIn } from './training-need-rules';

/** Noon in London on a calendar day (BST or GMT alike). */
const londonNoon = (date: string) => new Date(`${date}T11:00:00Z`);
const fire: RequiredSubject = { subject: 'fire-safety', level: null, renewalMonths: 12 };
const done = (completedOn: string, subject = 'fire-safety', level: number | null = null): CompletionFact => ({ completedOn, subject, level });

describe('complianceStatus at every boundary (completed 2026-01-15, expires 2027-01-15)', () => {
  const completion = [done('2026-01-15')];
  it.each([
    ['2026-10-16', 'COMPLIANT', 91],
    ['2026-10-17', 'EXPIRING_90', 90],
    ['2026-11-15', 'EXPIRING_90', 61],
    ['2026-11-16', 'EXPIRING_60', 60],
    ['2026-12-15', 'EXPIRING_60', 31],
    ['2026-12-16', 'EXPIRING_30', 30],
    ['2027-01-14', 'EXPIRING_30', 1],
    ['2027-01-15', 'OVERDUE', 0],
    ['2027-06-01', 'OVERDUE', -137],
  ])('on %s: %s (%p days left)', (today, state, daysLeft) => {
    const result = complianceStatus(fire, completion, londonNoon(today));
    expect(result).toEqual({ state, completedOn: '2026-01-15', expiresOn: '2027-01-15', daysLeft });
  });

  it('is never done with no completion, or only completions of other subjects', () => {
    expect(complianceStatus(fire, [], londonNoon('2026-06-01')).state).toBe('NEVER_DONE');
    expect(complianceStatus(fire, [done('2026-01-01', 'resuscitation', 1)], londonNoon('2026-06-01'))).toEqual(
      { state: 'NEVER_DONE', completedOn: null, expiresOn: null, daysLeft: null });
  });

  it('takes the latest completion, and ignores one dated after today', () => {
    const result = complianceStatus(fire, [done('2024-03-01'), done('2026-05-01'), done('2025-07-01'), done('2026-07-01')], londonNoon('2026-06-01'));
    expect(result.completedOn).toBe('2026-05-01');
    expect(result.state).toBe('COMPLIANT');
  });
});

describe('levels: a higher level satisfies a lower one, never the reverse', () => {
  const level2: RequiredSubject = { subject: 'safeguarding-adults', level: 2, renewalMonths: 36 };
  const today = londonNoon('2026-06-01');
  it.each([
    [1, 'NEVER_DONE'], [2, 'COMPLIANT'], [3, 'COMPLIANT'],
  ])('a level %p completion for a level 2 requirement: %s', (level, state) => {
    expect(complianceStatus(level2, [done('2026-01-01', 'safeguarding-adults', level)], today).state).toBe(state);
  });
  it('a level 3 completion counts for level 1; other subjects never count', () => {
    expect(satisfiesLevel({ subject: 'safeguarding-adults', level: 3 }, { subject: 'safeguarding-adults', level: 1 })).toBe(true);
    expect(satisfiesLevel({ subject: 'safeguarding-children', level: 3 }, { subject: 'safeguarding-adults', level: 1 })).toBe(false);
    // A subject without levels is level 1.
    expect(satisfiesLevel({ subject: 'resuscitation', level: null }, { subject: 'resuscitation', level: 1 })).toBe(true);
    expect(satisfiesLevel({ subject: 'resuscitation', level: null }, { subject: 'resuscitation', level: 2 })).toBe(false);
  });
  it('the newest counting completion decides even when an older one was of a higher level', () => {
    const result = complianceStatus(level2, [done('2023-01-01', 'safeguarding-adults', 3), done('2025-01-01', 'safeguarding-adults', 2)], today);
    expect(result.expiresOn).toBe('2028-01-01');
  });
});

describe('calendar months and leap days', () => {
  it.each([
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', 120, '2036-01-15'],
  ])('%s + %p months = %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });
  it('counts calendar days across a leap day and the clock changes', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
  });
  it('a leap-day completion with 12 months is overdue from 28 February', () => {
    const result = complianceStatus(fire, [done('2024-02-29')], londonNoon('2025-02-28'));
    expect(result).toMatchObject({ expiresOn: '2025-02-28', state: 'OVERDUE', daysLeft: 0 });
    expect(complianceStatus(fire, [done('2024-02-29')], londonNoon('2025-02-27')).state).toBe('EXPIRING_30');
  });
});

describe('dates are Europe/London dates', () => {
  it('turns at London midnight, not UTC midnight, in summer time', () => {
    // 23:30 UTC on 14 July 2027 is 00:30 on 15 July in London (BST).
    expect(complianceToday(new Date('2027-07-14T23:30:00Z'))).toBe('2027-07-15');
    const required = { ...fire };
    const result = complianceStatus(required, [done('2026-07-15')], new Date('2027-07-14T23:30:00Z'));
    expect(result.state).toBe('OVERDUE');
    expect(complianceStatus(required, [done('2026-07-15')], new Date('2027-07-14T22:59:00Z')).state).toBe('EXPIRING_30');
  });
  it('agrees with calendarDateIn, the needs rule\'s London date', () => {
    for (const instant of ['2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z', '2027-10-31T00:30:00Z', '2027-10-31T01:30:00Z']) {
      expect(complianceToday(new Date(instant))).toBe(calendarDateIn('Europe/London', new Date(instant)));
    }
  });
  it('in winter London is UTC', () => {
    expect(complianceToday(new Date('2027-01-14T23:30:00Z'))).toBe('2027-01-14');
    expect(complianceToday(new Date('2027-01-15T00:00:00Z'))).toBe('2027-01-15');
  });
});

describe('renewalPeriodProblem', () => {
  it.each([
    [12, null], [1, null], [120, null],
    [0, 'OUT_OF_RANGE'], [-1, 'OUT_OF_RANGE'], [121, 'OUT_OF_RANGE'], [1e9, 'OUT_OF_RANGE'],
    [2.5, 'NOT_WHOLE'], [null, 'REQUIRED'], [Number.NaN, 'REQUIRED'],
  ])('%p → %p', (months, code) => {
    expect(renewalPeriodProblem(months as number)?.code ?? null).toBe(code);
  });
});

describe('reminders and percentages', () => {
  const result = (daysLeft: number | null) => ({ state: 'COMPLIANT' as const, completedOn: null, expiresOn: null, daysLeft });
  it.each([[null, null], [90, null], [61, null], [60, '60_days'], [31, '60_days'], [30, '30_days'], [1, '30_days'], [0, 'overdue'], [-5, 'overdue']])(
    '%p days left → %p', (daysLeft, threshold) => {
      expect(reminderThreshold(result(daysLeft as number | null))).toBe(threshold);
    });
  it('counts done and unexpired as compliant', () => {
    expect(['COMPLIANT', 'EXPIRING_90', 'EXPIRING_60', 'EXPIRING_30'].every((s) => countsAsCompliant(s as never))).toBe(true);
    expect(countsAsCompliant('OVERDUE') || countsAsCompliant('NEVER_DONE')).toBe(false);
  });
});
