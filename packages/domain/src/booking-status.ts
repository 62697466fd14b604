/**
 * What each booking status means for seats and places. A seat is held from the moment a place
 * is requested or confirmed until it is given back (cancelled, declined, lapsed); a place that
 * has happened (attended, no-show) keeps its seat, so the session's counters still count it.
 * A live place is one its person still holds or waits for: the one-place-per-course rule and
 * `Session.myBooking` go by it.
 */
export type BookingStatusName = 'requested' | 'confirmed' | 'waitlisted' | 'declined' | 'cancelled' | 'attended' | 'no_show';

export const SEAT_HOLDING_STATUSES = ['requested', 'confirmed', 'attended', 'no_show'] as const satisfies readonly BookingStatusName[];
export const LIVE_PLACE_STATUSES = ['requested', 'confirmed', 'waitlisted'] as const satisfies readonly BookingStatusName[];

export function holdsSeat(status: string): boolean {
  return (SEAT_HOLDING_STATUSES as readonly string[]).includes(status);
}

export function isLivePlace(status: string): boolean {
  return (LIVE_PLACE_STATUSES as readonly string[]).includes(status);
}

/** The seat-holding statuses as an SQL list, `('requested', …)`, for `status IN …` in SQL that cannot take a parameter. */
export const SEAT_HOLDING_SQL = `(${SEAT_HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')})`;
