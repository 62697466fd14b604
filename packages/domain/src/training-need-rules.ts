/**
 * What a training need's own fields must be, the same for the API and the client's form: the
 * number of people (a whole number from 1 to 100,000, the table's CHECK) and the date it is
 * wanted by (a real calendar date, YYYY-MM-DD, not before today in the partnership's calendar
 * and at most five years ahead).
 */
export const MAX_NEED_PEOPLE = 100_000;
export const MAX_NEED_YEARS_AHEAD = 5;

export interface NeedProblem {
  code: 'REQUIRED' | 'NOT_WHOLE' | 'OUT_OF_RANGE' | 'MALFORMED_DATE' | 'DATE_PAST' | 'DATE_TOO_FAR';
  message: string;
}

export function peopleCountProblem(count: number | null | undefined): NeedProblem | null {
  if (count === null || count === undefined || Number.isNaN(count)) return { code: 'REQUIRED', message: 'Enter the number of people' };
  if (!Number.isInteger(count)) return { code: 'NOT_WHOLE', message: 'The number of people must be a whole number, like 12' };
  if (count < 1) return { code: 'OUT_OF_RANGE', message: 'The number of people must be 1 or more' };
  if (count > MAX_NEED_PEOPLE) return { code: 'OUT_OF_RANGE', message: `The number of people must be ${MAX_NEED_PEOPLE.toLocaleString('en-GB')} or fewer` };
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD, or null. */
export function parseCalendarDate(text: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Today in a time zone, YYYY-MM-DD. */
export function calendarDateIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `today` is YYYY-MM-DD in the partnership's calendar (calendarDateIn). */
export function wantedByProblem(text: string | null | undefined, today: string): NeedProblem | null {
  if (!text || !text.trim()) return { code: 'REQUIRED', message: 'Enter the date the training is wanted by' };
  const date = parseCalendarDate(text);
  if (!date) return { code: 'MALFORMED_DATE', message: 'The date the training is wanted by must be a real date, like 2027-03-31' };
  const iso = text.trim();
  if (iso < today) return { code: 'DATE_PAST', message: 'The date the training is wanted by must be today or in the future' };
  const latest = `${String(Number(today.slice(0, 4)) + MAX_NEED_YEARS_AHEAD).padStart(4, '0')}${today.slice(4)}`;
  if (iso > latest) return { code: 'DATE_TOO_FAR', message: `The date the training is wanted by must be within ${MAX_NEED_YEARS_AHEAD} years` };
  return null;
}
