/**
 * Seats used ÷ seats offered, 0 when none were offered. The seat counts below are built so that
 * used never exceeds offered; the bounds here only keep a share a share.
 */
export function seatUtilisation(used: number, offered: number): number {
  if (!(offered > 0)) return 0;
  return Math.min(1, Math.max(0, used / offered));
}

/**
 * One session's seats in a funding scope. For the whole partnership a session offers its
 * capacity and uses its confirmed and attended places. For an organisation it offers the seats
 * allocated to it plus every place its people took from elsewhere (the shared pool), and uses its
 * people's places: an organisation is offered what it held and what it took, so its unused
 * allocation is what lowers its utilisation. Either way offered is at least used by construction
 * (a capacity or allocation cut below the places already taken counts those places as offered).
 */
export interface ScopeSessionSeats {
  /** The session's capacity (partnership) or the seats allocated to the organisation. */
  held: number;
  /** Places used from what is held (all places, for the partnership). */
  usedFromHeld: number;
  /** Places the organisation's people took from the pool; 0 for the partnership. */
  usedFromElsewhere: number;
}

export function seatsOfferedAndUsed({ held, usedFromHeld, usedFromElsewhere }: ScopeSessionSeats): { offered: number; used: number } {
  return { offered: Math.max(held, usedFromHeld) + usedFromElsewhere, used: usedFromHeld + usedFromElsewhere };
}
