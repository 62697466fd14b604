import { describe, expect, it } from '@jest/globals';
import { buildSessionIcs, escapeIcsText, foldIcsLine, icsFileName, icsUtc } from './session-ics';

describe('buildSessionIcs', () => {
  const ics = buildSessionIcs({
    id: 'abc-123',
    title: 'Safeguarding Adults; Level 2, in person',
    startsAt: '2026-12-08T09:30:00.000Z',
    endsAt: '2026-07-08T15:00:00+01:00',
    location: 'Town Hall, Bridge Street\nPeterborough',
  }, new Date('2026-01-02T03:04:05.678Z'));
  const lines = ics.split('\r\n');

  it('is one VEVENT in a VCALENDAR, with CRLF line ends', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('names the session in the UID and gives times in UTC', () => {
    expect(lines).toContain('UID:session-abc-123@partnership-portal');
    expect(lines).toContain('DTSTAMP:20260102T030405Z');
    expect(lines).toContain('DTSTART:20261208T093000Z');
    expect(lines).toContain('DTEND:20260708T140000Z');
  });

  it('escapes commas, semicolons and newlines in text', () => {
    expect(lines).toContain('SUMMARY:Safeguarding Adults\\; Level 2\\, in person');
    expect(lines).toContain('LOCATION:Town Hall\\, Bridge Street\\nPeterborough');
  });
});

describe('helpers', () => {
  it('escapes backslashes first', () => {
    expect(escapeIcsText('a\\b,c;d\r\ne')).toBe('a\\\\b\\,c\\;d\\ne');
  });

  it('refuses a date that is not one', () => {
    expect(() => icsUtc('nonsense')).toThrow(RangeError);
  });

  it('folds long lines at 75 octets', () => {
    const folded = foldIcsLine(`SUMMARY:${'x'.repeat(200)}`);
    const parts = folded.split('\r\n');
    expect(parts.length).toBe(3);
    expect(parts[0]).toHaveLength(75);
    expect(parts[1].startsWith(' ')).toBe(true);
    expect(parts.every((part) => new TextEncoder().encode(part).length <= 75)).toBe(true);
    expect(parts.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(`SUMMARY:${'x'.repeat(200)}`);
  });

  it('makes a file name from the title', () => {
    expect(icsFileName('Safeguarding Adults Level 2')).toBe('safeguarding-adults-level-2.ics');
    expect(icsFileName('***')).toBe('session.ics');
  });
});
