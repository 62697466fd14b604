/**
 * UK financial years as the funding pages use them: written "2025/26" by the API and
 * "2025-26" in addresses (a slash would be a path separator in the export links). A year
 * runs from the partnership's start month (April) to the month before, UK time.
 */

const LABEL = /^(\d{4})\/(\d{2})$/;
const PARAM = /^(\d{4})-(\d{2})$/;

const londonYearMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric' });

function labelStarting(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

function isConsecutive(first: string, second: string): boolean {
  return (Number(first) + 1) % 100 === Number(second);
}

/** The financial year an instant falls in, as read on a London calendar: 23 November 2026 → "2026/27". */
export function financialYearOf(instant: Date, startMonth = 4): string {
  const parts = Object.fromEntries(londonYearMonth.formatToParts(instant).map((part) => [part.type, part.value]));
  const year = Number(parts.year);
  return labelStarting(Number(parts.month) >= startMonth ? year : year - 1);
}

/** "2025/26" → "2025-26"; null for anything that is not a financial year. */
export function yearToParam(label: string): string | null {
  const match = LABEL.exec(label);
  return match && isConsecutive(match[1], match[2]) ? `${match[1]}-${match[2]}` : null;
}

/** "2025-26" → "2025/26"; null for anything else (a hand-edited address). */
export function yearFromParam(param: string | null | undefined): string | null {
  const match = PARAM.exec(param ?? '');
  return match && isConsecutive(match[1], match[2]) ? `${match[1]}/${match[2]}` : null;
}

/** The year before: "2026/27" → "2025/26". */
export function previousYear(label: string): string {
  return labelStarting(Number(label.slice(0, 4)) - 1);
}

/** The years to offer: those with streams, the current one and the one shown, newest first, each once. */
export function yearOptions(streamYears: readonly string[], current: string, shown: string): string[] {
  return [...new Set([...streamYears, current, shown])].filter((label) => yearToParam(label)).sort().reverse();
}

/** "2025/26" → "1 April 2025 to 31 March 2026", for a year that starts in April. */
export function yearSpanText(label: string, startMonth = 4): string {
  const start = Number(label.slice(0, 4));
  const month = (index: number) => new Date(Date.UTC(2000, index, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  const lastMonthIndex = (startMonth + 10) % 12;
  const lastDay = new Date(Date.UTC(start + 1, lastMonthIndex + 1, 0)).getUTCDate();
  return `1 ${month(startMonth - 1)} ${start} to ${lastDay} ${month(lastMonthIndex)} ${startMonth === 1 ? start : start + 1}`;
}
