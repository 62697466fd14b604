import type { Approver } from './approval-policy';
import type { BookingBlock } from './booking-eligibility';

/**
 * What pressing "book" on a session will do for this person, said before they press it, from the
 * same facts the booking itself decides by: their place if they hold one, why they cannot book,
 * whether a seat is free for them, who must approve, and where on the waiting list they would be.
 */
export type BookingAction =
  | 'SIGN_IN' | 'BOOK' | 'REQUEST' | 'JOIN_WAITING_LIST'
  | 'BOOKED' | 'REQUESTED' | 'WAITLISTED' | 'BOOKED_ON_ANOTHER_DATE' | 'NOT_BOOKABLE';

export interface BookingOptionFacts {
  signedIn: boolean;
  /** The person's live place on this session, if any. */
  myPlace: { status: 'confirmed' | 'requested' | 'waitlisted'; waitlistPosition: number | null } | null;
  /** The start of the person's live place on another session of the same course, if any. */
  otherDate: Date | null;
  block: BookingBlock | null;
  seatsLeftForMe: number;
  waitingNow: number;
  approvals: readonly Approver[];
}

export interface BookingOption {
  action: BookingAction;
  /** The button's words, or the statement that replaces it. */
  label: string;
  /** A sentence under it, when there is more to say. */
  detail: string | null;
  /** Whether pressing book is possible (BOOK, REQUEST, JOIN_WAITING_LIST). */
  canBook: boolean;
  /** JOIN_WAITING_LIST: the place the person would have; WAITLISTED: the place they have. */
  waitlistPosition: number | null;
}

const BLOCK_WORDS: Record<BookingBlock, { label: string; detail: string | null }> = {
  DISABLED: { label: 'Your account is disabled', detail: 'Ask your L&D lead or the partnership administrator.' },
  SESSION_CANCELLED: { label: 'This session is cancelled', detail: null },
  SESSION_PAST: { label: 'This session has taken place', detail: null },
  BOOKING_CLOSED: { label: 'Booking closed', detail: 'Booking closes the day before the session.' },
  STAFF_ONLY: { label: 'Staff only', detail: 'This course is for staff of the partner organisations.' },
  VOLUNTEERS_ONLY: { label: 'Volunteers only', detail: 'This course is for volunteers.' },
  SECTOR_NOT_ELIGIBLE: { label: 'Not open to your organisation', detail: 'This course is for other sectors of the partnership.' },
  OTHER_ORGANISATION_ONLY: { label: 'Not open to your organisation', detail: 'This course is for another organisation\'s people.' },
};

function approverWords(approvals: readonly Approver[]): string {
  const words = approvals.map((step) => (step === 'line_manager' ? 'your line manager' : 'your L&D lead'));
  return words.length === 1 ? `${words[0]} approves` : `${words.join(' then ')} approve`;
}

const UK_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'Europe/London' });

export function bookingOptionFor(facts: BookingOptionFacts): BookingOption {
  const option = (action: BookingAction, label: string, detail: string | null = null, waitlistPosition: number | null = null): BookingOption => ({
    action, label, detail, waitlistPosition, canBook: action === 'BOOK' || action === 'REQUEST' || action === 'JOIN_WAITING_LIST',
  });
  if (!facts.signedIn) return option('SIGN_IN', 'Sign in to book', 'Volunteers without an account can register in a minute.');
  if (facts.myPlace?.status === 'confirmed') return option('BOOKED', 'You are booked on this session');
  if (facts.myPlace?.status === 'requested') {
    return option('REQUESTED', 'You have requested a place', 'Your seat is held while the request waits for approval.');
  }
  if (facts.myPlace?.status === 'waitlisted') {
    const position = facts.myPlace.waitlistPosition;
    return option('WAITLISTED', position ? `You are number ${position} on the waiting list` : 'You are on the waiting list',
      'You will be emailed if a place comes free.', position);
  }
  if (facts.block) {
    const words = BLOCK_WORDS[facts.block];
    return option('NOT_BOOKABLE', words.label, words.detail);
  }
  if (facts.otherDate) {
    return option('BOOKED_ON_ANOTHER_DATE', `You are booked on ${UK_DAY.format(facts.otherDate)}`,
      'You already hold a place on another date of this course. Cancel it first to book this one.');
  }
  if (facts.seatsLeftForMe <= 0) {
    const position = facts.waitingNow + 1;
    return option('JOIN_WAITING_LIST', `Join the waiting list (you would be number ${position})`,
      'The session is full. If a place comes free, the first person waiting gets it.', position);
  }
  if (facts.approvals.length) {
    return option('REQUEST', `Request a place: ${approverWords(facts.approvals)}`, 'A seat is held for you while the request waits.');
  }
  return option('BOOK', 'Book a place');
}
