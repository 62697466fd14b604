import { financialQuarterOf, financialYearOf, isBritishSummerTime, parseFinancialYear } from './financial-year';

describe('financial years', () => {
  it('starts at midnight UK time on 1 April (BST)', () => {
    const year = parseFinancialYear('2026/27')!;
    expect(year.start.toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(year.end.toISOString()).toBe('2027-03-31T23:00:00.000Z');
  });

  it('places instants either side of the boundary', () => {
    expect(financialYearOf(new Date('2026-03-31T22:59:59Z')).label).toBe('2025/26');
    expect(financialYearOf(new Date('2026-03-31T23:00:00Z')).label).toBe('2026/27');
    expect(financialYearOf(new Date('2027-01-15T12:00:00Z')).label).toBe('2026/27');
  });

  it('writes the century turn as "2099/00"', () => {
    expect(financialYearOf(new Date('2099-06-01T00:00:00Z')).label).toBe('2099/00');
    expect(parseFinancialYear('2099/00')?.startYear).toBe(2099);
  });

  it.each(['2025/27', '2025-26', '25/26', '2025/2026', '', 'abcd/ef'])('refuses %p', (label) => {
    expect(parseFinancialYear(label)).toBeNull();
  });

  it('gives quarters from April', () => {
    expect(financialQuarterOf(new Date('2026-04-01T09:00:00Z'))).toBe(1);
    expect(financialQuarterOf(new Date('2026-06-30T21:00:00Z'))).toBe(1);
    expect(financialQuarterOf(new Date('2026-07-01T09:00:00Z'))).toBe(2);
    expect(financialQuarterOf(new Date('2026-12-31T12:00:00Z'))).toBe(3);
    expect(financialQuarterOf(new Date('2027-03-31T12:00:00Z'))).toBe(4);
  });

  it('knows British Summer Time', () => {
    expect(isBritishSummerTime(new Date('2026-03-29T00:59:00Z'))).toBe(false);
    expect(isBritishSummerTime(new Date('2026-03-29T01:00:00Z'))).toBe(true);
    expect(isBritishSummerTime(new Date('2026-10-25T00:59:00Z'))).toBe(true);
    expect(isBritishSummerTime(new Date('2026-10-25T01:00:00Z'))).toBe(false);
  });
});
