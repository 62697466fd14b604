import type { BookingNoticeData } from './booking-notice-data';
import { bookingInvite, inviteMethodFor, inviteUid, parseMailbox } from './booking-invite';
import { renderBookingEmail, whenText } from './render-booking-email';

/** The email and its invite are pure: plain data and a clock in, text out. */
const settings = { publicUrl: 'https://portal.example', mailFrom: 'Partnership Portal <no-reply@portal.example>' };
const now = new Date('2026-06-01T10:00:00Z');

function notice(overrides: Partial<BookingNoticeData> = {}): BookingNoticeData {
  return {
    kind: 'confirmed', bookingId: '11111111-2222-4333-8444-555555555555', status: 'confirmed', sequence: 0, invited: false,
    waitlistPosition: null,
    person: { name: 'Amira Khan', email: 'amira@example.org' },
    course: { title: 'Safeguarding Adults Level 2' },
    // 09:30–12:30 in London during British Summer Time.
    session: { id: '99999999-8888-4777-8666-555555555555', startsAt: new Date('2026-07-01T08:30:00Z'),
      endsAt: new Date('2026-07-01T11:30:00Z'), deliveryMode: 'in_person' },
    venue: { name: 'Town Hall', address: 'Bridge Street', town: 'Peterborough', postcode: 'PE1 1HF' },
    partnership: { name: 'Greater Peterborough', slug: 'greater-peterborough', timeZone: 'Europe/London' },
    ...overrides,
  };
}

/** Unfolds RFC 5545 content lines and returns them. */
function icsLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}
const line = (ics: string, name: string) => icsLines(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('whenText', () => {
  it('writes UK wall-clock times in summer and in winter', () => {
    expect(whenText(new Date('2026-07-01T08:30:00Z'), new Date('2026-07-01T11:30:00Z'))).toBe('Wednesday 1 July 2026, 09:30 to 12:30');
    expect(whenText(new Date('2026-12-01T09:30:00Z'), new Date('2026-12-01T12:30:00Z'))).toBe('Tuesday 1 December 2026, 09:30 to 12:30');
  });

  it('writes both days when a session runs past midnight', () => {
    expect(whenText(new Date('2026-07-01T20:00:00Z'), new Date('2026-07-02T07:00:00Z')))
      .toBe('Wednesday 1 July 2026, 21:00 to Thursday 2 July 2026, 08:00');
  });
});

describe('renderBookingEmail', () => {
  it('confirms a booking with the session, the place, the seat and a link', () => {
    const email = renderBookingEmail(notice(), settings);
    expect(email.subject).toBe('Booking confirmed: Safeguarding Adults Level 2, 1 July 2026');
    expect(email.text).toContain('Dear Amira Khan,');
    expect(email.text).toContain('When:       Wednesday 1 July 2026, 09:30 to 12:30 (UK time)');
    expect(email.text).toContain('Where:      Town Hall, Bridge Street, Peterborough PE1 1HF');
    expect(email.text).toContain('Your place: confirmed');
    expect(email.text).toContain('https://portal.example/p/greater-peterborough/sessions/99999999-8888-4777-8666-555555555555');
    expect(email.text).toContain('invite.ics');
  });

  it('says Online for an online session, and gives the waiting list position without an invite', () => {
    const email = renderBookingEmail(notice({ kind: 'waitlisted', status: 'waitlisted', waitlistPosition: 3, venue: null,
      session: { ...notice().session, deliveryMode: 'online' } }), settings);
    expect(email.subject).toMatch(/^On the waiting list: /);
    expect(email.text).toContain('Where:      Online');
    expect(email.text).toContain('Your place: number 3 on the waiting list');
    expect(email.text).not.toContain('invite.ics');
  });

  it('has a subject for every change', () => {
    const subjects = (['confirmed', 'requested', 'approved', 'declined', 'waitlisted', 'promoted', 'cancelled', 'session_changed',
      'session_cancelled'] as const).map((kind) => renderBookingEmail(notice({ kind }), settings).subject.split(':')[0]);
    expect(subjects).toEqual(['Booking confirmed', 'Place requested', 'Request approved', 'Request declined', 'On the waiting list',
      'A place has come up', 'Booking cancelled', 'Session changed', 'Session cancelled']);
  });
});

describe('inviteMethodFor', () => {
  it('requests while a place is held, cancels only what was invited, and sends nothing for the waiting list', () => {
    expect(inviteMethodFor({ kind: 'confirmed', status: 'confirmed', invited: false })).toBe('REQUEST');
    expect(inviteMethodFor({ kind: 'requested', status: 'requested', invited: false })).toBe('REQUEST');
    expect(inviteMethodFor({ kind: 'approved', status: 'confirmed', invited: true })).toBe('REQUEST');
    expect(inviteMethodFor({ kind: 'promoted', status: 'confirmed', invited: false })).toBe('REQUEST');
    expect(inviteMethodFor({ kind: 'session_changed', status: 'confirmed', invited: true })).toBe('REQUEST');
    expect(inviteMethodFor({ kind: 'session_changed', status: 'waitlisted', invited: false })).toBeNull();
    expect(inviteMethodFor({ kind: 'waitlisted', status: 'waitlisted', invited: false })).toBeNull();
    expect(inviteMethodFor({ kind: 'cancelled', status: 'cancelled', invited: true })).toBe('CANCEL');
    expect(inviteMethodFor({ kind: 'cancelled', status: 'cancelled', invited: false })).toBeNull();
    expect(inviteMethodFor({ kind: 'declined', status: 'declined', invited: true })).toBe('CANCEL');
    expect(inviteMethodFor({ kind: 'session_cancelled', status: 'confirmed', invited: true })).toBe('CANCEL');
  });
});

describe('bookingInvite', () => {
  it('makes a REQUEST with a stable UID, the SEQUENCE, UTC times, the venue and the organiser', () => {
    const { method, ics } = bookingInvite(notice(), settings, now)!;
    expect(method).toBe('REQUEST');
    expect(line(ics, 'METHOD')).toBe('METHOD:REQUEST');
    expect(line(ics, 'UID')).toBe(`UID:${inviteUid('11111111-2222-4333-8444-555555555555')}`);
    expect(line(ics, 'SEQUENCE')).toBe('SEQUENCE:0');
    expect(line(ics, 'DTSTAMP')).toBe('DTSTAMP:20260601T100000Z');
    expect(line(ics, 'DTSTART')).toBe('DTSTART:20260701T083000Z');
    expect(line(ics, 'DTEND')).toBe('DTEND:20260701T113000Z');
    expect(line(ics, 'STATUS')).toBe('STATUS:CONFIRMED');
    expect(line(ics, 'LOCATION')).toBe('LOCATION:Town Hall\\, Bridge Street\\, Peterborough PE1 1HF');
    expect(line(ics, 'ORGANIZER')).toBe('ORGANIZER;CN="Partnership Portal":MAILTO:no-reply@portal.example');
    expect(line(ics, 'ATTENDEE')).toMatch(/CN="Amira Khan":mailto:amira@example.org$/i);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });

  it('holds a requested place as TENTATIVE, and cancels with the same UID and a higher SEQUENCE', () => {
    const held = bookingInvite(notice({ kind: 'requested', status: 'requested' }), settings, now)!;
    expect(line(held.ics, 'STATUS')).toBe('STATUS:TENTATIVE');
    const cancelled = bookingInvite(notice({ kind: 'cancelled', status: 'cancelled', sequence: 1, invited: true }), settings, now)!;
    expect(cancelled.method).toBe('CANCEL');
    expect(line(cancelled.ics, 'METHOD')).toBe('METHOD:CANCEL');
    expect(line(cancelled.ics, 'STATUS')).toBe('STATUS:CANCELLED');
    expect(line(cancelled.ics, 'SEQUENCE')).toBe('SEQUENCE:1');
    expect(line(cancelled.ics, 'UID')).toBe(line(held.ics, 'UID'));
  });

  it('says Online for an online session, and makes no invite for the waiting list', () => {
    const online = bookingInvite(notice({ venue: null, session: { ...notice().session, deliveryMode: 'online' } }), settings, now)!;
    expect(line(online.ics, 'LOCATION')).toBe('LOCATION:Online');
    expect(bookingInvite(notice({ kind: 'waitlisted', status: 'waitlisted' }), settings, now)).toBeNull();
  });

  it('reads the organiser from a bare address too', () => {
    expect(parseMailbox('no-reply@portal.example')).toEqual({ email: 'no-reply@portal.example' });
    expect(parseMailbox('"Portal, Bookings" <bookings@portal.example>')).toEqual({ name: 'Portal, Bookings', email: 'bookings@portal.example' });
  });
});
