import { formatShortUkDate } from '../ui/uk-date-time';
import type { BookingStatus } from '../gql/graphql';

type TagColour = 'white' | 'grey' | 'green' | 'blue' | 'red' | 'orange' | 'yellow';

/** How each status reads to the person booked, and the colour of its tag. */
export const BOOKING_STATUS: Record<BookingStatus, { text: string; tag: TagColour }> = {
  CONFIRMED: { text: 'Confirmed', tag: 'green' },
  REQUESTED: { text: 'Waiting for approval', tag: 'yellow' },
  WAITLISTED: { text: 'On the waiting list', tag: 'blue' },
  DECLINED: { text: 'Declined', tag: 'red' },
  CANCELLED: { text: 'Cancelled', tag: 'grey' },
  ATTENDED: { text: 'Attended', tag: 'white' },
  NO_SHOW: { text: 'Did not attend', tag: 'orange' },
};

/** A booking that still holds (or waits for) a place, and so can be cancelled. */
export function isLiveBooking(status: BookingStatus): boolean {
  return status === 'CONFIRMED' || status === 'REQUESTED' || status === 'WAITLISTED';
}

/** "Confirmed", "On the waiting list (number 2)". */
export function bookingStatusText(status: BookingStatus, waitlistPosition?: number | null): string {
  const { text } = BOOKING_STATUS[status];
  return status === 'WAITLISTED' && waitlistPosition ? `${text} (number ${waitlistPosition})` : text;
}

/** What a booking means, in a sentence for the person who made it. */
export function bookingOutcomeText(status: BookingStatus, waitlistPosition?: number | null, who = 'You'): {
  title: string; body: string;
} {
  const has = who === 'You' ? 'have' : 'has';
  switch (status) {
    case 'CONFIRMED':
      return { title: 'Booking confirmed', body: `${who} ${has} a place on this session.` };
    case 'REQUESTED':
      return { title: 'Requested: waiting for approval', body: `${who === 'You' ? 'Your' : `${who}'s`} request has gone for approval. We will email when it is decided.` };
    case 'WAITLISTED':
      return {
        title: 'On the waiting list',
        body: `The session is full. ${who === 'You' ? 'You are' : `${who} is`} on the waiting list${waitlistPosition ? `, number ${waitlistPosition}` : ''}, and will get a place if one comes free.`,
      };
    case 'CANCELLED':
      return { title: 'Cancelled', body: 'This booking has been cancelled.' };
    default:
      return { title: BOOKING_STATUS[status].text, body: '' };
  }
}

/** "5 seats: 3 used, 2 left" */
export function allocationText(allocation: { seats: number; seatsTaken: number; seatsLeft: number; releaseAt: string; released: boolean }): string {
  const plural = (n: number) => `${n} ${n === 1 ? 'seat' : 'seats'}`;
  const on = formatShortUkDate(allocation.releaseAt);
  if (allocation.released) {
    // After the release the unused seats are the pool's: "0 left" would contradict the seats still offered.
    return `Your organisation held ${plural(allocation.seats)} (${allocation.seatsTaken} used). The unused seats returned to the shared pool on ${on}.`;
  }
  const unused = allocation.seatsLeft;
  return `Your organisation holds ${plural(allocation.seats)}: ${allocation.seatsTaken} used, ${unused} left.`
    + (unused ? ` ${unused} unused ${unused === 1 ? 'seat returns' : 'seats return'} to the pool on ${on}.` : '');
}

/** Upcoming (soonest first) and past (latest first) bookings. */
export function splitByTime<T extends { session: { startsAt: string } }>(bookings: readonly T[], now = Date.now()): {
  upcoming: T[]; past: T[];
} {
  const at = (b: T) => new Date(b.session.startsAt).getTime();
  const upcoming = bookings.filter((b) => at(b) >= now).sort((a, b) => at(a) - at(b));
  const past = bookings.filter((b) => at(b) < now).sort((a, b) => at(b) - at(a));
  return { upcoming, past };
}

/** A key for one press of a button: the API books (or cancels) once per key, whatever the retries. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
