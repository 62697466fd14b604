import { defaultReleaseAt } from './seats-left';

/**
 * Whether a session's times, place and numbers hang together, for scheduling a new session and
 * for rescheduling one. Every problem is reported, each at its field, so one answer says all
 * there is to mend. Seats already taken are the seat rules' business (seat-allocation-rules.ts).
 */
export interface SessionPlan {
  startsAt: Date;
  endsAt: Date;
  deliveryMode: 'in_person' | 'online' | 'blended';
  hasVenue: boolean;
  capacity: number;
  /** Seats allocated to organisations, in all. */
  allocated: number;
  bookingClosesAt: Date;
  releaseAt: Date;
  minimumPlaces: number | null;
}

export interface ScheduleProblem {
  /** Path below the input. */
  field: string[];
  code: 'ENDS_BEFORE_START' | 'IN_THE_PAST' | 'CLOSES_AFTER_START' | 'RELEASE_AFTER_START' | 'VENUE_REQUIRED'
    | 'VENUE_NOT_ALLOWED' | 'OVER_CAPACITY' | 'MINIMUM_OVER_CAPACITY' | 'TOO_LONG';
  message: string;
}

/** A session runs at most this long: a week-long residential, not a typo of a year. */
export const MAX_SESSION_DAYS = 14;
const DAY = 86_400_000;

export function sessionPlanProblems(plan: SessionPlan, now: Date, options: { startsAtChanged: boolean } = { startsAtChanged: true }): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const start = plan.startsAt.getTime();
  if (options.startsAtChanged && start <= now.getTime()) {
    problems.push({ field: ['startsAt'], code: 'IN_THE_PAST', message: 'The start must be in the future' });
  }
  if (plan.endsAt.getTime() <= start) {
    problems.push({ field: ['endsAt'], code: 'ENDS_BEFORE_START', message: 'The end must be after the start' });
  } else if (plan.endsAt.getTime() - start > MAX_SESSION_DAYS * DAY) {
    problems.push({ field: ['endsAt'], code: 'TOO_LONG', message: `A session must end within ${MAX_SESSION_DAYS} days of its start` });
  }
  if (plan.bookingClosesAt.getTime() > start) {
    problems.push({ field: ['bookingClosesAt'], code: 'CLOSES_AFTER_START', message: 'Booking must close at or before the start' });
  }
  if (plan.releaseAt.getTime() > start) {
    problems.push({ field: ['releaseAt'], code: 'RELEASE_AFTER_START', message: 'The release time must be at or before the start' });
  }
  if (plan.deliveryMode === 'online' && plan.hasVenue) {
    problems.push({ field: ['venueId'], code: 'VENUE_NOT_ALLOWED', message: 'An online session has no venue: leave the venue empty' });
  } else if (plan.deliveryMode !== 'online' && !plan.hasVenue) {
    problems.push({ field: ['venueId'], code: 'VENUE_REQUIRED', message: 'Choose the venue' });
  }
  if (plan.allocated > plan.capacity) {
    problems.push({ field: ['allocations'], code: 'OVER_CAPACITY',
      message: `The allocations add up to ${plan.allocated} seats, more than the capacity of ${plan.capacity}` });
  }
  if (plan.minimumPlaces !== null && plan.minimumPlaces > plan.capacity) {
    problems.push({ field: ['minimumPlaces'], code: 'MINIMUM_OVER_CAPACITY',
      message: `The minimum numbers must be at most the capacity of ${plan.capacity}` });
  }
  return problems;
}

/** Booking closes at the start unless the provider says otherwise. */
export function defaultBookingClosesAt(startsAt: Date): Date {
  return new Date(startsAt.getTime());
}

/** The release time by default: 14 days before the start, or now when that has passed. */
export function defaultReleaseTime(startsAt: Date, now: Date): Date {
  const release = defaultReleaseAt(startsAt);
  return release.getTime() < now.getTime() ? new Date(Math.min(now.getTime(), startsAt.getTime())) : release;
}

/** A session below its minimum numbers at its cut-off: places held (confirmed or awaiting approval) fewer than the minimum. */
export function isBelowMinimum(session: { minimumPlaces: number | null; placesHeld: number }): boolean {
  return session.minimumPlaces !== null && session.placesHeld < session.minimumPlaces;
}
