/**
 * Seats used ÷ seats offered, 0 when none were offered. Capped at 1: a lead's organisation can
 * fill more places than it was allocated (from the shared pool), which is full use, not more.
 */
export function seatUtilisation(used: number, offered: number): number {
  if (!(offered > 0)) return 0;
  return Math.min(1, Math.max(0, used / offered));
}
