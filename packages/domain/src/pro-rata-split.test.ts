import fc from 'fast-check';
import { splitCostProRata, type CostPart, type SeatPledge } from './pro-rata-split';

function partsOf(cost: number, pledges: SeatPledge[]): CostPart[] {
  const split = splitCostProRata(cost, pledges);
  if (!split.ok) throw new Error(`refused: ${split.message}`);
  return split.parts;
}

const pence = (parts: CostPart[]) => Object.fromEntries(parts.map((p) => [p.organisationId, p.pence]));

describe('splitCostProRata: worked examples', () => {
  it('splits evenly when it can', () => {
    expect(pence(partsOf(900_00, [{ organisationId: 'a', seats: 10 }, { organisationId: 'b', seats: 20 }]))).toEqual({ a: 300_00, b: 600_00 });
  });

  it('gives the pence left over to the largest remainders, then by organisation id', () => {
    // £10.00 over three equal pledges: 333.33… each; the odd penny goes to the first id.
    expect(pence(partsOf(1000, [{ organisationId: 'c', seats: 5 }, { organisationId: 'a', seats: 5 }, { organisationId: 'b', seats: 5 }])))
      .toEqual({ a: 334, b: 333, c: 333 });
    // 100p over 1, 2 and 4 seats: exact 14.29, 28.57, 57.14 (remainders 2, 4 and 1 of 7); the one spare penny goes to the .57.
    expect(pence(partsOf(100, [{ organisationId: 'x', seats: 1 }, { organisationId: 'y', seats: 2 }, { organisationId: 'z', seats: 4 }])))
      .toEqual({ x: 14, y: 29, z: 57 });
  });

  it('keeps the order the pledges were given in', () => {
    expect(partsOf(10, [{ organisationId: 'b', seats: 1 }, { organisationId: 'a', seats: 1 }]).map((p) => p.organisationId)).toEqual(['b', 'a']);
  });

  it('charges nothing to an organisation with no seats, and splits a free course into zeros', () => {
    expect(pence(partsOf(999, [{ organisationId: 'a', seats: 0 }, { organisationId: 'b', seats: 3 }]))).toEqual({ a: 0, b: 999 });
    expect(pence(partsOf(0, [{ organisationId: 'a', seats: 2 }, { organisationId: 'b', seats: 3 }]))).toEqual({ a: 0, b: 0 });
  });

  it('stays exact where cost × seats passes 2^53', () => {
    const parts = partsOf(Number.MAX_SAFE_INTEGER, [{ organisationId: 'a', seats: 3_000_000 }, { organisationId: 'b', seats: 1 }]);
    expect(parts[0].pence + parts[1].pence).toBe(Number.MAX_SAFE_INTEGER);
    // With two parts and one spare penny, largest remainder is rounding each share to the nearest penny.
    const nearest = (2n * BigInt(Number.MAX_SAFE_INTEGER) + 3_000_001n) / (2n * 3_000_001n);
    expect(BigInt(parts[1].pence)).toBe(nearest);
  });

  it.each([
    [100, [], 'NO_SEATS'],
    [100, [{ organisationId: 'a', seats: 0 }, { organisationId: 'b', seats: 0 }], 'NO_SEATS'],
    [-1, [{ organisationId: 'a', seats: 1 }], 'INVALID_COST'],
    [1.5, [{ organisationId: 'a', seats: 1 }], 'INVALID_COST'],
    [Number.NaN, [{ organisationId: 'a', seats: 1 }], 'INVALID_COST'],
    [2 ** 53, [{ organisationId: 'a', seats: 1 }], 'INVALID_COST'],
    [100, [{ organisationId: 'a', seats: -1 }, { organisationId: 'b', seats: 2 }], 'INVALID_SEATS'],
    [100, [{ organisationId: 'a', seats: 0.5 }], 'INVALID_SEATS'],
    [100, [{ organisationId: 'a', seats: 1 }, { organisationId: 'a', seats: 2 }], 'DUPLICATE_ORGANISATION'],
  ])('refuses a cost of %p over %j with %s', (cost, pledges, code) => {
    expect(splitCostProRata(cost, pledges)).toMatchObject({ ok: false, code });
  });
});

/** Pledges of distinct organisations, at least one with a seat. */
const pledgesArb = fc.uniqueArray(
  fc.record({ organisationId: fc.string({ minLength: 1, maxLength: 6 }), seats: fc.oneof(fc.nat(40), fc.nat(1_000_000)) }),
  { minLength: 1, maxLength: 12, selector: (p) => p.organisationId },
).filter((pledges) => pledges.some((p) => p.seats > 0));
const costArb = fc.oneof(fc.nat(10_000), fc.nat(100_000_000), fc.maxSafeNat());

describe('splitCostProRata: properties', () => {
  it('adds up to the cost exactly, for any seats and cost', () => {
    fc.assert(fc.property(costArb, pledgesArb, (cost, pledges) => {
      const parts = partsOf(cost, pledges);
      expect(parts.reduce((sum, p) => sum + BigInt(p.pence), 0n)).toBe(BigInt(cost));
      expect(parts.every((p) => Number.isSafeInteger(p.pence) && p.pence >= 0)).toBe(true);
    }), { numRuns: 500 });
  });

  it('keeps each part within a penny of its exact share', () => {
    fc.assert(fc.property(costArb, pledgesArb, (cost, pledges) => {
      const total = pledges.reduce((sum, p) => sum + BigInt(p.seats), 0n);
      for (const part of partsOf(cost, pledges)) {
        // |pence − cost × seats ÷ total| < 1, multiplied through by total.
        const gap = BigInt(part.pence) * total - BigInt(cost) * BigInt(part.seats);
        expect(gap < total && -gap < total).toBe(true);
      }
    }), { numRuns: 500 });
  });

  it('never charges an organisation less than one with fewer seats', () => {
    fc.assert(fc.property(costArb, pledgesArb, (cost, pledges) => {
      const parts = partsOf(cost, pledges);
      for (const a of parts) {
        for (const b of parts) {
          if (a.seats > b.seats) expect(a.pence).toBeGreaterThanOrEqual(b.pence);
          if (a.seats === b.seats) expect(Math.abs(a.pence - b.pence)).toBeLessThanOrEqual(1);
        }
        if (a.seats === 0) expect(a.pence).toBe(0);
      }
    }), { numRuns: 500 });
  });

  it('splits the same pledges the same way whatever order they come in', () => {
    fc.assert(fc.property(costArb, pledgesArb.chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p, { minLength: p.length }))),
      (cost, [pledges, shuffled]) => {
        expect(pence(partsOf(cost, shuffled))).toEqual(pence(partsOf(cost, pledges)));
      }), { numRuns: 300 });
  });

  it('refuses whenever no seat is pledged', () => {
    fc.assert(fc.property(costArb, fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 8 }), (cost, ids) => {
      expect(splitCostProRata(cost, ids.map((organisationId) => ({ organisationId, seats: 0 })))).toMatchObject({ ok: false, code: 'NO_SEATS' });
    }));
  });
});
