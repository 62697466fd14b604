/**
 * Calendar arithmetic for the demo: sessions start at UK working hours (09:30, 13:30 London
 * time) and are stored as UTC instants. The British Summer Time rule is coded here rather than
 * read from Intl so that the result cannot depend on the ICU data of the machine.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Days since 1970-01-01 (UTC) of an instant. */
export function dayNumber(instant: Date): number {
  return Math.floor(instant.getTime() / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekend(day: number): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** Christmas Day, Boxing Day and New Year's Day: no training is scheduled on them. */
export function isPublicHoliday(day: number): boolean {
  const date = new Date(day * DAY_MS);
  const monthDay = `${date.getUTCMonth() + 1}-${date.getUTCDate()}`;
  return monthDay === '12-25' || monthDay === '12-26' || monthDay === '1-1';
}

export function isNonWorkingDay(day: number): boolean {
  return isWeekend(day) || isPublicHoliday(day);
}

function lastSundayOf(year: number, monthIndex: number): number {
  const lastDay = dayNumber(new Date(Date.UTC(year, monthIndex + 1, 0)));
  return lastDay - weekday(lastDay);
}

/**
 * Whether London keeps BST on this day, for times after 01:00 UTC (the changeover instant):
 * from the last Sunday of March to the day before the last Sunday of October.
 */
export function isBritishSummerTime(day: number): boolean {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  return day >= lastSundayOf(year, 2) && day < lastSundayOf(year, 9);
}

/** The UTC instant of a London wall-clock time (after 01:00) on the given day. */
export function londonTime(day: number, hours: number, minutes: number): Date {
  const offsetMs = isBritishSummerTime(day) ? HOUR_MS : 0;
  return new Date(day * DAY_MS + hours * HOUR_MS + minutes * MINUTE_MS - offsetMs);
}

export function addMs(instant: Date, ms: number): Date {
  return new Date(instant.getTime() + ms);
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
