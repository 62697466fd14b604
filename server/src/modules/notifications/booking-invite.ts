import { createEvent, type EventAttributes } from 'ics';
import { isDeliverableEmail } from '@portal/domain';
import { sessionLink, whereText, type BookingNoticeData, type NoticeSettings } from './booking-notice-data';

/**
 * The iCalendar invite (RFC 5545/5546, iTIP) sent with a booking email. One event per booking:
 * its UID never changes, SEQUENCE rises with every notice, so a calendar that has the event
 * updates it (METHOD:REQUEST) or removes it (METHOD:CANCEL) instead of adding a second one.
 */
export type InviteMethod = 'REQUEST' | 'CANCEL';

export interface BookingInvite {
  method: InviteMethod;
  ics: string;
}

/** A stable identifier per booking, unique across deployments' domains by its suffix. */
export function inviteUid(bookingId: string): string {
  return `booking-${bookingId}@partnership-portal`;
}

const ENDS_ATTENDANCE = new Set(['cancelled', 'declined', 'session_cancelled']);
const HOLDS_PLACE = new Set(['confirmed', 'requested']);

/**
 * REQUEST while the person holds a place (confirmed, or requested and held for approval: the
 * event is then TENTATIVE, and approval turns it CONFIRMED); CANCEL when a place that had an
 * invite ends; nothing for the waiting list (there is nothing to put in a calendar yet).
 */
export function inviteMethodFor(data: Pick<BookingNoticeData, 'kind' | 'status' | 'invited'>): InviteMethod | null {
  if (ENDS_ATTENDANCE.has(data.kind)) return data.invited ? 'CANCEL' : null;
  if (data.kind === 'waitlisted') return null;
  return HOLDS_PLACE.has(data.status) ? 'REQUEST' : null;
}

/** `Name <address>` (or a bare address) as the invite's organiser. */
export function parseMailbox(from: string): { name?: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  if (match) return { ...(match[1] ? { name: match[1] } : {}), email: match[2] };
  return { email: from.trim() };
}

function eventStatus(method: InviteMethod, status: string): EventAttributes['status'] {
  if (method === 'CANCEL') return 'CANCELLED';
  return status === 'requested' ? 'TENTATIVE' : 'CONFIRMED';
}

/**
 * Throws when the invite cannot be made (an attendee address outside the portal's rule, which
 * only rows stored before the rule can have): call it where a failure costs one email, in the
 * delivery job, never in the transaction of a booking change.
 */
export function bookingInvite(data: BookingNoticeData, settings: NoticeSettings, now: Date): BookingInvite | null {
  const method = inviteMethodFor(data);
  if (!method) return null;
  if (!isDeliverableEmail(data.person.email)) {
    throw new Error(`could not build the invite for booking ${data.bookingId}: the attendee's address does not follow the portal's rule for email addresses`);
  }
  const link = sessionLink(data, settings);
  const attributes = {
    productId: '-//Partnership Portal//Booking invites//EN',
    method,
    uid: inviteUid(data.bookingId),
    sequence: data.sequence,
    // DTSTAMP: when this version of the event was made; ics would otherwise read the clock.
    timestamp: now.getTime(),
    start: data.session.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: data.session.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: data.course.title,
    description: `${data.course.title} (${data.partnership.name}).\nBooking reference ${data.bookingId}.\n${link}`,
    location: whereText(data),
    url: link,
    status: eventStatus(method, data.status),
    busyStatus: method === 'CANCEL' ? 'FREE' : 'BUSY',
    organizer: { name: data.partnership.name, ...parseMailbox(settings.mailFrom) },
    attendees: [{
      name: data.person.name, email: data.person.email, rsvp: false, role: 'REQ-PARTICIPANT',
      partstat: method === 'CANCEL' ? 'DECLINED' : data.status === 'requested' ? 'TENTATIVE' : 'ACCEPTED',
    }],
  } satisfies EventAttributes & { timestamp: number };
  const { error, value } = createEvent(attributes as EventAttributes);
  if (error || !value) throw new Error(`could not build the invite for booking ${data.bookingId}: ${error?.message ?? 'no output'}`);
  return { method, ics: value };
}
