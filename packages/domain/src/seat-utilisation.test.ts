import { seatsOfferedAndUsed, seatUtilisation } from './seat-utilisation';

describe('seat utilisation', () => {
  it('is used over offered', () => {
    expect(seatUtilisation(15, 20)).toBe(0.75);
    expect(seatUtilisation(0, 20)).toBe(0);
  });

  it('is 0 with nothing offered and never more than 1', () => {
    expect(seatUtilisation(3, 0)).toBe(0);
    expect(seatUtilisation(7, 5)).toBe(1);
  });
});

describe('seats offered and used in a scope', () => {
  it('offers a partnership the capacity and uses every place', () => {
    expect(seatsOfferedAndUsed({ held: 20, usedFromHeld: 15, usedFromElsewhere: 0 })).toEqual({ offered: 20, used: 15 });
  });

  it('offers an organisation its allocation plus the pool places its people took', () => {
    // 5 allocated, 3 of them used, 4 more places from the pool: 9 offered, 7 used.
    expect(seatsOfferedAndUsed({ held: 5, usedFromHeld: 3, usedFromElsewhere: 4 })).toEqual({ offered: 9, used: 7 });
    // No allocation at all: every place came from the pool, so all that was offered was used.
    expect(seatsOfferedAndUsed({ held: 0, usedFromHeld: 0, usedFromElsewhere: 6 })).toEqual({ offered: 6, used: 6 });
  });

  it('never uses more than it offers, even when the capacity was cut below the places taken', () => {
    for (const seats of [{ held: 2, usedFromHeld: 3, usedFromElsewhere: 1 }, { held: 0, usedFromHeld: 4, usedFromElsewhere: 0 }]) {
      const { offered, used } = seatsOfferedAndUsed(seats);
      expect(used).toBeLessThanOrEqual(offered);
      expect(seatUtilisation(used, offered)).toBeLessThanOrEqual(1);
    }
  });
});
