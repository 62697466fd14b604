import { parseFinancialYear } from '@portal/domain';
import { financialYearFromPath, neutraliseFormula, percentFromShare, poundsFromPence, ukDate, ukDateTime } from './funding-export.format';

describe('poundsFromPence', () => {
  it.each([
    [0, '0.00'], [5, '0.05'], [-5, '-0.05'], [99, '0.99'], [100, '1.00'], [123456, '1234.56'], [-1250, '-12.50'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'], [-Number.MAX_SAFE_INTEGER, '-90071992547409.91'],
  ])('writes %d pence as %s', (pence, pounds) => {
    expect(poundsFromPence(pence)).toBe(pounds);
  });

  it('refuses what is not a whole number of pence', () => {
    expect(() => poundsFromPence(1.5)).toThrow(RangeError);
    expect(() => poundsFromPence(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'], ['+44 1733 000000', '\'+44 1733 000000'], ['-2+3', '\'-2+3'],
    ['@SUM(A1)', '\'@SUM(A1)'], ['\tindented', '\'\tindented'], ['\rreturn', '\'\rreturn'], ['-', '\'-'], ['+12', '\'+12'],
  ])('puts an apostrophe before %j', (text, written) => {
    expect(neutraliseFormula(text)).toBe(written);
  });

  it.each([['-12.50'], ['-3'], ['1234.56'], ['0'], ['Budget = spend'], [''], ['Peterborough CVS'], ['\'quoted']])('leaves %j as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('dates and years', () => {
  it('reads a financial year\'s first instant as 1 April on a UK calendar', () => {
    expect(ukDate(parseFinancialYear('2025/26')!.start)).toBe('2025-04-01');
    expect(ukDate(parseFinancialYear('2099/00')!.start)).toBe('2099-04-01');
  });

  it('turns the address form of a year into its label', () => {
    expect(financialYearFromPath('2025-26')).toBe('2025/26');
    for (const bad of ['2025/26', '2025', '25-26', '2025-2026', '']) expect(financialYearFromPath(bad)).toBeNull();
  });
});

describe('ukDateTime', () => {
  it('writes an instant as UK wall-clock time, in summer time and in winter', () => {
    expect(ukDateTime(new Date('2025-07-01T08:30:00Z'))).toBe('2025-07-01 09:30:00');
    expect(ukDateTime(new Date('2026-01-15T23:05:09Z'))).toBe('2026-01-15 23:05:09');
    // The first instant of a financial year is midnight on 1 April in London, 23:00 UTC the day before.
    expect(ukDateTime(new Date('2025-03-31T23:00:00Z'))).toBe('2025-04-01 00:00:00');
  });
});

describe('percentFromShare', () => {
  it.each([[0, '0.0'], [1, '100.0'], [2 / 3, '66.7'], [0.125, '12.5'], [0.0004, '0.0']])('writes %d as %s per cent', (share, text) => {
    expect(percentFromShare(share)).toBe(text);
  });
});
