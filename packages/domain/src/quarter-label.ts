import type { FinancialYear } from './financial-year';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Q1 (Apr–Jun 2025)": a quarter of a financial year with the months it covers, so that a reader
 * need not know when the partnership's year starts. A quarter that crosses a new year names both
 * years ("Q4 (Dec 2025–Feb 2026)").
 */
export function quarterLabel(year: FinancialYear, quarter: 1 | 2 | 3 | 4, startMonth = 4): string {
  const first = startMonth - 1 + (quarter - 1) * 3;
  const last = first + 2;
  const firstYear = year.startYear + Math.floor(first / 12);
  const lastYear = year.startYear + Math.floor(last / 12);
  const from = MONTHS[first % 12];
  const to = MONTHS[last % 12];
  return firstYear === lastYear ? `Q${quarter} (${from}–${to} ${firstYear})` : `Q${quarter} (${from} ${firstYear}–${to} ${lastYear})`;
}
