/**
 * Who gets a seat that comes free. First come, first served, within the rules of whose seat it
 * was: before the release time a seat from an organisation's allocation goes to that
 * organisation's first waiting person (or, if none waits, back to the allocation); a pool
 * seat, or any seat after the release time, goes to the first person waiting at all.
 */
export interface WaitingBooking {
  id: string;
  organisationId: string | null;
  waitlistedAt: Date;
}

export function personToPromote(
  waiting: readonly WaitingBooking[],
  freedSeat: { organisationId: string | null; released: boolean },
): WaitingBooking | null {
  const inOrder = [...waiting].sort((a, b) => a.waitlistedAt.getTime() - b.waitlistedAt.getTime() || a.id.localeCompare(b.id));
  if (freedSeat.organisationId && !freedSeat.released) {
    return inOrder.find((booking) => booking.organisationId === freedSeat.organisationId) ?? null;
  }
  return inOrder[0] ?? null;
}

/** 1-based positions in the waiting list, as people see them. */
export function waitlistPositions(waiting: readonly WaitingBooking[]): Map<string, number> {
  const inOrder = [...waiting].sort((a, b) => a.waitlistedAt.getTime() - b.waitlistedAt.getTime() || a.id.localeCompare(b.id));
  return new Map(inOrder.map((booking, index) => [booking.id, index + 1]));
}
