import { holdsSeat, isLivePlace, SEAT_HOLDING_SQL } from './booking-status';

describe('booking statuses', () => {
  it.each([
    ['requested', true, true],
    ['confirmed', true, true],
    ['waitlisted', false, true],
    ['attended', true, false],
    ['no_show', true, false],
    ['declined', false, false],
    ['cancelled', false, false],
  ])('%s: holds a seat %s, a live place %s', (status, seat, live) => {
    expect(holdsSeat(status)).toBe(seat);
    expect(isLivePlace(status)).toBe(live);
  });

  it('writes the seat-holding statuses for SQL', () => {
    expect(SEAT_HOLDING_SQL).toBe(`('requested', 'confirmed', 'attended', 'no_show')`);
  });

  it('knows no other status', () => {
    expect(holdsSeat('Confirmed')).toBe(false);
    expect(isLivePlace('')).toBe(false);
  });
});
