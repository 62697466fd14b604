/**
 * A calendar invite (RFC 5545) for one session, built in the browser: one VEVENT with times in
 * UTC, so any calendar shows it in its own zone. The UID is the session's, so adding it twice
 * updates the same event rather than making two.
 */
export interface IcsSession {
  id: string;
  title: string;
  startsAt: string | Date;
  endsAt: string | Date;
  /** "Town Hall Training Suite, Bridge Street, Peterborough, PE1 1HF" or "Online". */
  location: string;
  description?: string;
  /** The session's page, for the calendar entry to link back to. */
  url?: string;
}

/** Text values: backslash, semicolon and comma are escaped, and line breaks become \n. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** "20261208T093000Z" */
export function icsUtc(instant: string | Date): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(instant)}`);
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1). */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length ? 74 : 75;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function sessionIcsUid(sessionId: string): string {
  return `session-${sessionId}@partnership-portal`;
}

export function buildSessionIcs(session: IcsSession, now: Date = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Partnership Portal//Bookings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${sessionIcsUid(session.id)}`,
    `DTSTAMP:${icsUtc(now)}`,
    `DTSTART:${icsUtc(session.startsAt)}`,
    `DTEND:${icsUtc(session.endsAt)}`,
    `SUMMARY:${escapeIcsText(session.title)}`,
    `LOCATION:${escapeIcsText(session.location)}`,
    ...(session.description ? [`DESCRIPTION:${escapeIcsText(session.description)}`] : []),
    ...(session.url ? [`URL:${session.url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}

/** A file name from the course title: "safeguarding-adults-level-2.ics". */
export function icsFileName(title: string): string {
  const slug = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${slug || 'session'}.ics`;
}
