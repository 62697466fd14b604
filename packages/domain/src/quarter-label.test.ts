import { financialYearStarting } from './financial-year';
import { quarterLabel } from './quarter-label';

describe('quarter labels', () => {
  it('names the months of each quarter of an April year', () => {
    const year = financialYearStarting(2025);
    expect([1, 2, 3, 4].map((q) => quarterLabel(year, q as 1 | 2 | 3 | 4))).toEqual([
      'Q1 (Apr–Jun 2025)', 'Q2 (Jul–Sep 2025)', 'Q3 (Oct–Dec 2025)', 'Q4 (Jan–Mar 2026)',
    ]);
  });

  it('names both years when a quarter crosses the new year', () => {
    const year = financialYearStarting(2025, 3);
    expect(quarterLabel(year, 4, 3)).toBe('Q4 (Dec 2025–Feb 2026)');
    expect(quarterLabel(financialYearStarting(2025, 1), 1, 1)).toBe('Q1 (Jan–Mar 2025)');
  });
});
