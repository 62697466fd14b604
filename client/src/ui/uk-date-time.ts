/**
 * Dates and times as people in the partnership read them: UK wall-clock time (Europe/London,
 * whatever the device's own zone) in the NHS.UK style, e.g. "Tuesday 8 December 2026, 9:30am".
 * The API speaks UTC instants; calendar dates typed into forms mean London midnight.
 */
export const UK_TIME_ZONE = 'Europe/London';

/** A day on the calendar, with no time or zone: what a person types into a date input. */
export interface CalendarDate {
  year: number;
  /** 1 to 12 */
  month: number;
  day: number;
}

const wallClockParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  year: 'numeric', month: 'numeric', day: 'numeric',
  hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
});

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
});

const clockTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE, hour: 'numeric', minute: '2-digit', hourCycle: 'h12',
});

function partsOf(format: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** How far London's wall clock is ahead of UTC at this instant, in milliseconds (0 or 3,600,000). */
function londonOffsetMs(instantMs: number): number {
  const p = partsOf(wallClockParts, new Date(instantMs));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute),
    Number(p.second));
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** True when the numbers name a day that exists (no 31 June, 29 February only in leap years). */
export function isRealCalendarDate({ year, month, day }: CalendarDate): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** The instant the day starts in London. Clocks change at 1am, so midnight always exists once. */
export function londonMidnight(date: CalendarDate): Date {
  const asIfUtc = Date.UTC(date.year, date.month - 1, date.day);
  const offset = londonOffsetMs(asIfUtc - londonOffsetMs(asIfUtc));
  return new Date(asIfUtc - offset);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** "2026-12-08" for URLs: sortable and unambiguous. */
export function toIsoCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseIsoCalendarDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealCalendarDate(date) ? date : null;
}

/** "Tuesday 8 December 2026" */
export function formatUkDate(instant: string | Date): string {
  const p = partsOf(longDate, new Date(instant));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "16 Dec": a date in the same season, where the weekday and year would only crowd a sentence. */
export function formatShortUkDate(instant: string | Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, day: 'numeric', month: 'short' }).format(new Date(instant));
}

/** "9am", "9:30am", "midday", "midnight": the NHS.UK content style for times. */
export function formatUkTime(instant: string | Date): string {
  const p = partsOf(clockTime, new Date(instant));
  const period = (p.dayPeriod ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (p.hour === '12' && p.minute === '00') return period === 'am' ? 'midnight' : 'midday';
  return `${p.hour}${p.minute === '00' ? '' : `:${p.minute}`}${period}`;
}

/** "Tuesday 8 December 2026 at 5pm" */
export function formatUkDateTime(instant: string | Date): string {
  return `${formatUkDate(instant)} at ${formatUkTime(instant)}`;
}

/**
 * "Tuesday 8 December 2026, 9:30am to 12:30pm"; a session that runs past midnight names both
 * days: "Tuesday 8 December 2026, 9am to Wednesday 9 December 2026, 4pm".
 */
export function formatUkTimeRange(startsAt: string | Date, endsAt: string | Date): string {
  const startDay = formatUkDate(startsAt);
  const endDay = formatUkDate(endsAt);
  const start = `${startDay}, ${formatUkTime(startsAt)}`;
  return startDay === endDay
    ? `${start} to ${formatUkTime(endsAt)}`
    : `${start} to ${endDay}, ${formatUkTime(endsAt)}`;
}
