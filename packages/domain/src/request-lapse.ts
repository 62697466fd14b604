const HOUR = 3_600_000;

/**
 * When a requested place lapses if nobody decides it: `holdHours` before the session starts,
 * so a declined seat can still go to someone waiting. A request made later than that (booking
 * was still open) is not let go at once: it lapses when booking closes or the session starts,
 * whichever comes first, and its approvers see that time. expire-requests.service.ts applies
 * the same rule in SQL.
 */
export function requestLapsesAt(session: { startsAt: Date; bookingClosesAt: Date }, requestedAt: Date, holdHours: number): Date {
  const held = new Date(session.startsAt.getTime() - holdHours * HOUR);
  if (requestedAt.getTime() < held.getTime()) return held;
  return new Date(Math.min(session.bookingClosesAt.getTime(), session.startsAt.getTime()));
}
