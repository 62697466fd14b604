import { describe, expect, it } from '@jest/globals';
import { financialYearOf, previousYear, yearFromParam, yearOptions, yearSpanText, yearToParam } from './financial-year';

describe('financialYearOf', () => {
  it('starts the year on 1 April, London time', () => {
    expect(financialYearOf(new Date('2026-11-23T12:00:00Z'))).toBe('2026/27');
    expect(financialYearOf(new Date('2026-03-31T22:59:59Z'))).toBe('2025/26');
    // Midnight on 1 April in London is 23:00 UTC the day before (summer time).
    expect(financialYearOf(new Date('2026-03-31T23:00:00Z'))).toBe('2026/27');
    expect(financialYearOf(new Date('2099-12-31T12:00:00Z'))).toBe('2099/00');
  });

  it('follows a partnership whose year starts in another month', () => {
    expect(financialYearOf(new Date('2026-02-10T12:00:00Z'), 1)).toBe('2026/27');
  });
});

describe('year labels and address parameters', () => {
  it('converts both ways and refuses what is not a year', () => {
    expect(yearToParam('2025/26')).toBe('2025-26');
    expect(yearFromParam('2025-26')).toBe('2025/26');
    expect(yearFromParam('2099-00')).toBe('2099/00');
    for (const bad of ['2025-27', '2025/26', '25-26', '', null, undefined]) expect(yearFromParam(bad)).toBeNull();
    expect(yearToParam('2025/27')).toBeNull();
  });

  it('names the year before', () => {
    expect(previousYear('2026/27')).toBe('2025/26');
    expect(previousYear('2000/01')).toBe('1999/00');
  });

  it('offers each year once, newest first', () => {
    expect(yearOptions(['2025/26', '2024/25', '2025/26'], '2026/27', '2025/26')).toEqual(['2026/27', '2025/26', '2024/25']);
    expect(yearOptions([], '2026/27', '2020/21')).toEqual(['2026/27', '2020/21']);
  });

  it('spells out the dates a year covers', () => {
    expect(yearSpanText('2025/26')).toBe('1 April 2025 to 31 March 2026');
    expect(yearSpanText('2026/27', 1)).toBe('1 January 2026 to 31 December 2026');
  });
});
