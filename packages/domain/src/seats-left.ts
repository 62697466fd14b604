/**
 * Seat accounting. A session's capacity is split into per-organisation allocations and a shared
 * pool. Until the release time an organisation's unused allocated seats are for its own people
 * only; from the release time they return to the pool, so no paid seat is left empty.
 */
export interface SessionSeats {
  capacity: number;
  /** Sum of the organisations' allocations. */
  allocatedSeats: number;
  /** Seats held by bookings (requested, confirmed, attended, no-show), from any source. */
  seatsTaken: number;
  /** Of those, seats that came from the shared pool. */
  poolSeatsTaken: number;
  releaseAt: Date;
}

export interface AllocationSeats {
  seats: number;
  seatsTaken: number;
}

export const DEFAULT_RELEASE_DAYS = 14;

export function defaultReleaseAt(startsAt: Date, days = DEFAULT_RELEASE_DAYS): Date {
  return new Date(startsAt.getTime() - days * 86_400_000);
}

export function isReleased(session: Pick<SessionSeats, 'releaseAt'>, now: Date): boolean {
  return now.getTime() >= session.releaseAt.getTime();
}

/** Seats in the shared pool nobody holds yet. */
export function poolSeatsLeft(session: SessionSeats, now: Date): number {
  if (isReleased(session, now)) return Math.max(0, session.capacity - session.seatsTaken);
  return Math.max(0, session.capacity - session.allocatedSeats - session.poolSeatsTaken);
}

/**
 * What one caller can book: the pool plus their organisation's unused allocation (none for a
 * caller with no organisation, or signed out).
 */
export function seatsLeftFor(session: SessionSeats, callerAllocation: AllocationSeats | null, now: Date): number {
  const pool = poolSeatsLeft(session, now);
  if (isReleased(session, now) || !callerAllocation) return pool;
  return pool + Math.max(0, callerAllocation.seats - callerAllocation.seatsTaken);
}
