/**
 * UK financial years run 1 April to 31 March and are written "2026/27". The start month is a
 * partnership setting (default April). Dates are read in UTC: the year boundary falls at
 * midnight in April, when the UK is on BST, so "1 April" means 2026-03-31T23:00Z onwards.
 */
export interface FinancialYear {
  label: string;
  startYear: number;
  /** First instant of the year, UK time. */
  start: Date;
  /** First instant of the following year (exclusive end). */
  end: Date;
}

const LABEL = /^(\d{4})\/(\d{2})$/;

function ukMidnight(year: number, monthIndex: number): Date {
  // Europe/London is UTC+1 from the last Sunday of March to the last Sunday of October.
  const utc = Date.UTC(year, monthIndex, 1);
  const offsetHours = isBritishSummerTime(new Date(utc + 12 * 3600_000)) ? 1 : 0;
  return new Date(utc - offsetHours * 3600_000);
}

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

export function isBritishSummerTime(instant: Date): boolean {
  const year = instant.getUTCFullYear();
  const t = instant.getTime();
  return t >= lastSundayUtc(year, 2) && t < lastSundayUtc(year, 9);
}

export function financialYearStarting(startYear: number, startMonth = 4): FinancialYear {
  const next = (startYear + 1) % 100;
  return {
    label: `${startYear}/${String(next).padStart(2, '0')}`,
    startYear,
    start: ukMidnight(startYear, startMonth - 1),
    end: ukMidnight(startYear + 1, startMonth - 1),
  };
}

export function financialYearOf(instant: Date, startMonth = 4): FinancialYear {
  const year = instant.getUTCFullYear();
  const candidate = financialYearStarting(year, startMonth);
  return instant < candidate.start ? financialYearStarting(year - 1, startMonth) : candidate;
}

/** Parses "2026/27"; null for anything else, including non-consecutive years like "2025/27". */
export function parseFinancialYear(label: string, startMonth = 4): FinancialYear | null {
  const match = LABEL.exec(label);
  if (!match) return null;
  const startYear = Number(match[1]);
  if ((startYear + 1) % 100 !== Number(match[2])) return null;
  return financialYearStarting(startYear, startMonth);
}

/** Quarter 1–4 of the financial year the instant falls in. */
export function financialQuarterOf(instant: Date, startMonth = 4): 1 | 2 | 3 | 4 {
  const year = financialYearOf(instant, startMonth);
  for (const quarter of [1, 2, 3] as const) {
    const boundary = ukMidnight(year.startYear + Math.floor((startMonth - 1 + quarter * 3) / 12),
      (startMonth - 1 + quarter * 3) % 12);
    if (instant < boundary) return quarter;
  }
  return 4;
}

/** The quarter of `year` an instant is counted in: instants before the year count in Q1, after it in Q4. */
export function quarterWithin(year: FinancialYear, instant: Date, startMonth = 4): 1 | 2 | 3 | 4 {
  if (instant < year.start) return 1;
  if (instant >= year.end) return 4;
  return financialQuarterOf(instant, startMonth);
}
