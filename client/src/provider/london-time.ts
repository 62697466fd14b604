import { UK_TIME_ZONE } from '../ui/uk-date-time';

/**
 * A date and a wall-clock time in the UK (what a provider types) to the instant the API takes,
 * and back. The offset is read from the time zone database at that moment, so a session on the
 * day the clocks change is still at the time typed.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function londonFields(instant: Date): { date: string; time: string; asUtc: number } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
    asUtc: Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)),
  };
}

/** "2026-07-01" and "09:30" (UK time) → the ISO instant; null when either is not a real date or time. */
export function londonInstant(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wanted).getUTCDate() !== day) return null;
  // Two passes: the offset at the first guess, then at the corrected instant (they differ only near a change of the clocks).
  let instant = wanted;
  for (let pass = 0; pass < 2; pass += 1) instant = wanted - (londonFields(new Date(instant)).asUtc - instant);
  return new Date(instant).toISOString();
}

/** An instant as the UK date and time a form shows. */
export function londonDateAndTime(instant: string): { date: string; time: string } {
  const { date, time } = londonFields(new Date(instant));
  return { date, time };
}
