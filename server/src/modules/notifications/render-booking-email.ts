import { sessionLink, whereText, type BookingNoticeData, type NoticeSettings } from './booking-notice-data';
import { inviteMethodFor } from './booking-invite';

/**
 * The plain-text email about a change to a booking. Dates are written the UK way in the
 * partnership's time zone (Europe/London), so a person reads the wall-clock time they travel to.
 */
export interface RenderedEmail {
  subject: string;
  text: string;
}

/** Formatters are costly to build and are the same for every email of a zone: built once per zone and kind. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, kind: 'day' | 'time' | 'short'): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = kind === 'day' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
      : kind === 'time' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { day: 'numeric', month: 'long', year: 'numeric' };
    try {
      format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      // An unknown zone name: the partnership is in the UK.
      format = formatter('Europe/London', kind);
    }
    formatters.set(key, format);
  }
  return format;
}

/** "Wednesday 1 July 2026, 09:30 to 12:30" (both ends written in full when they fall on different days). */
export function whenText(startsAt: Date, endsAt: Date, zone = 'Europe/London'): string {
  const day = formatter(zone, 'day');
  const time = formatter(zone, 'time');
  const startDay = day.format(startsAt).replace(',', '');
  const endDay = day.format(endsAt).replace(',', '');
  if (startDay === endDay) return `${startDay}, ${time.format(startsAt)} to ${time.format(endsAt)}`;
  return `${startDay}, ${time.format(startsAt)} to ${endDay}, ${time.format(endsAt)}`;
}

/** Short date for subjects: "1 July 2026". */
function shortDay(instant: Date, zone: string): string {
  return formatter(zone, 'short').format(instant);
}

function placeText(data: BookingNoticeData): string {
  if (data.kind === 'session_cancelled') return 'cancelled with the session';
  switch (data.status) {
    case 'confirmed': return 'confirmed';
    case 'requested': return 'held for you, waiting for approval';
    case 'waitlisted': return data.waitlistPosition ? `number ${data.waitlistPosition} on the waiting list` : 'on the waiting list';
    case 'declined': return 'declined';
    case 'cancelled': return 'cancelled';
    default: return data.status.replace(/_/g, ' ');
  }
}

/** The subject's opening words and the first paragraph, per change. */
function headline(data: BookingNoticeData): { subject: string; opening: string } {
  const held = data.status === 'requested';
  switch (data.kind) {
    case 'confirmed':
      return { subject: 'Booking confirmed', opening: 'Your place is booked.' };
    case 'requested':
      return { subject: 'Place requested', opening: 'We are holding a place for you. It needs approval before it is confirmed; we will email you when it is decided.' };
    case 'approved':
      return { subject: 'Request approved', opening: 'Your request has been approved: your place is confirmed.' };
    case 'declined':
      return { subject: 'Request declined', opening: 'Your request for a place has been declined, and the place has been given back.' };
    case 'waitlisted':
      return { subject: 'On the waiting list', opening: 'The session is full, so you are on its waiting list. If a place comes up it is offered in turn, and we will email you.' };
    case 'promoted':
      return held
        ? { subject: 'A place has come up', opening: 'A place has come up and we are holding it for you. It needs approval before it is confirmed.' }
        : { subject: 'A place has come up', opening: 'A place has come up and it is yours: your booking is confirmed.' };
    case 'cancelled':
      return { subject: 'Booking cancelled', opening: 'Your booking has been cancelled.' };
    case 'session_changed':
      return { subject: 'Session changed', opening: 'The details of this session have changed. Please check the date, time and place below.' };
    case 'session_cancelled':
      return { subject: 'Session cancelled', opening: 'This session has been cancelled by its provider. We are sorry for the trouble.' };
  }
}

export function renderBookingEmail(data: BookingNoticeData, settings: NoticeSettings): RenderedEmail {
  const zone = data.partnership.timeZone || 'Europe/London';
  const { subject, opening } = headline(data);
  const method = inviteMethodFor(data);
  const lines = [
    `Dear ${data.person.name},`,
    '',
    opening,
    '',
    `Course:     ${data.course.title}`,
    `When:       ${whenText(data.session.startsAt, data.session.endsAt, zone)} (UK time)`,
    `Where:      ${whereText(data)}`,
    `Your place: ${placeText(data)}`,
    `Reference:  ${data.bookingId}`,
    '',
    `See the session and your booking: ${sessionLink(data, settings)}`,
  ];
  if (method === 'REQUEST') lines.push('', 'The invitation attached (invite.ics) puts the session in your calendar, or updates it there.');
  if (method === 'CANCEL') lines.push('', 'The cancellation attached (invite.ics) takes the session out of your calendar.');
  lines.push('', data.partnership.name, '');
  return {
    subject: `${subject}: ${data.course.title}, ${shortDay(data.session.startsAt, zone)}`,
    text: lines.join('\n'),
  };
}
