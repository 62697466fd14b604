import type { SeatPledge } from './pro-rata-split';

/**
 * Pledged seats laid out over the sessions an approved proposal schedules: each organisation's
 * seats spread as evenly as they go (every session gets the whole share or one more), and no
 * session holds more than its capacity so long as all the seats fit in all the sessions. The
 * pledges are taken in the order given, as one run of seats dealt round the sessions in turn, so
 * the same pledges always land the same way.
 */
export interface SpreadSession {
  /** Seats per organisation on this session; organisations with none on it are left out. */
  allocations: SeatPledge[];
  allocated: number;
}

export type SeatSpread =
  | { ok: true; sessions: SpreadSession[] }
  | { ok: false; code: 'NO_SESSIONS' | 'INVALID_SEATS' | 'OVER_CAPACITY'; message: string };

export function spreadSeats(sessionCount: number, capacity: number, pledges: readonly SeatPledge[]): SeatSpread {
  if (!Number.isSafeInteger(sessionCount) || sessionCount < 1) return { ok: false, code: 'NO_SESSIONS', message: 'Plan at least one session' };
  if (pledges.some((p) => !Number.isSafeInteger(p.seats) || p.seats < 0)) {
    return { ok: false, code: 'INVALID_SEATS', message: 'Seats must be whole numbers, 0 or more' };
  }
  const total = pledges.reduce((sum, p) => sum + p.seats, 0);
  if (total > sessionCount * capacity) {
    return { ok: false, code: 'OVER_CAPACITY', message: `${total} seats do not fit in ${sessionCount} sessions of ${capacity}` };
  }
  const sessions: SpreadSession[] = Array.from({ length: sessionCount }, () => ({ allocations: [], allocated: 0 }));
  let start = 0;
  for (const pledge of pledges) {
    const whole = Math.floor(pledge.seats / sessionCount);
    const extra = pledge.seats % sessionCount;
    for (let index = 0; index < sessionCount; index += 1) {
      // Seat number start + t goes to session (start + t) mod n: this one gets an extra seat when it is among the first `extra` after start.
      const offset = (index - (start % sessionCount) + sessionCount) % sessionCount;
      const seats = whole + (offset < extra ? 1 : 0);
      if (seats > 0) {
        sessions[index].allocations.push({ organisationId: pledge.organisationId, seats });
        sessions[index].allocated += seats;
      }
    }
    start += pledge.seats;
  }
  return { ok: true, sessions };
}
