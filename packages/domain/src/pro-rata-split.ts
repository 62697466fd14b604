import { isValidPence, type Pence } from './money';

/**
 * A cost shared out between organisations pro rata to the seats each pledged (a commissioned
 * course approved: every partner pays for its share of the places). Parts are whole pence that
 * add up to the cost exactly, by the largest-remainder method: each organisation first gets the
 * whole pence of its exact share (cost × its seats ÷ all seats, rounded down), then the pence left
 * over, fewer than there are organisations, go one each to the largest fractions left behind;
 * equal fractions go in the order of organisation id, so the same pledges always split the same
 * way. An organisation with no seats pays nothing. Worked in BigInt, so cost × seats never
 * rounds however large.
 *
 * What follows: the parts add up to the cost; each part is less than a penny from the exact share;
 * an organisation with more seats never pays less than one with fewer.
 */
export interface SeatPledge {
  organisationId: string;
  seats: number;
}

export interface CostPart {
  organisationId: string;
  seats: number;
  pence: Pence;
}

export type ProRataSplit =
  | { ok: true; parts: CostPart[] }
  | { ok: false; code: 'INVALID_COST' | 'INVALID_SEATS' | 'DUPLICATE_ORGANISATION' | 'NO_SEATS'; message: string };

/** The parts in the order the pledges were given. */
export function splitCostProRata(costPence: Pence, pledges: readonly SeatPledge[]): ProRataSplit {
  if (!isValidPence(costPence) || costPence < 0) {
    return { ok: false, code: 'INVALID_COST', message: 'The cost must be a whole number of pence, £0.00 or more' };
  }
  if (pledges.some((p) => !Number.isSafeInteger(p.seats) || p.seats < 0)) {
    return { ok: false, code: 'INVALID_SEATS', message: 'Seats must be whole numbers, 0 or more' };
  }
  if (new Set(pledges.map((p) => p.organisationId)).size !== pledges.length) {
    return { ok: false, code: 'DUPLICATE_ORGANISATION', message: 'Each organisation can be named once' };
  }
  const totalSeats = pledges.reduce((sum, p) => sum + BigInt(p.seats), 0n);
  if (totalSeats === 0n) {
    return { ok: false, code: 'NO_SEATS', message: 'No seats are pledged, so the cost cannot be shared by seats' };
  }

  const cost = BigInt(costPence);
  const shares = pledges.map((p, index) => {
    const exact = cost * BigInt(p.seats);
    return { index, pledge: p, whole: exact / totalSeats, remainder: exact % totalSeats };
  });
  let left = cost - shares.reduce((sum, s) => sum + s.whole, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.remainder !== b.remainder ? (a.remainder > b.remainder ? -1 : 1)
    : a.pledge.organisationId < b.pledge.organisationId ? -1 : a.pledge.organisationId > b.pledge.organisationId ? 1 : 0));
  const extra = new Set<number>();
  for (const share of byRemainder) {
    if (left === 0n) break;
    extra.add(share.index);
    left -= 1n;
  }
  return {
    ok: true,
    parts: shares.map((s) => ({
      organisationId: s.pledge.organisationId,
      seats: s.pledge.seats,
      pence: Number(s.whole + (extra.has(s.index) ? 1n : 0n)),
    })),
  };
}
