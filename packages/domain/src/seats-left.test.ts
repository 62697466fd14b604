import { defaultReleaseAt, isReleased, poolSeatsLeft, seatsLeftFor, type SessionSeats } from './seats-left';

const now = new Date('2026-11-23T12:00:00Z');
const startsAt = new Date('2026-12-20T09:30:00Z');
// 20 seats: the council holds 5 (3 used), another partner 6 (6 used), the pool 9 (4 used).
const session: SessionSeats = {
  capacity: 20, allocatedSeats: 11, seatsTaken: 13, poolSeatsTaken: 4, releaseAt: defaultReleaseAt(startsAt),
};
const council = { seats: 5, seatsTaken: 3 };

describe('seats left', () => {
  it('releases 14 days before the start by default', () => {
    expect(defaultReleaseAt(startsAt).toISOString()).toBe('2026-12-06T09:30:00.000Z');
    expect(isReleased(session, now)).toBe(false);
    expect(isReleased(session, new Date('2026-12-06T09:30:00Z'))).toBe(true);
  });

  it('gives a caller the pool plus their own unused allocation before release', () => {
    expect(poolSeatsLeft(session, now)).toBe(5);
    expect(seatsLeftFor(session, council, now)).toBe(7);
    expect(seatsLeftFor(session, null, now)).toBe(5);
  });

  it('returns unused allocations to the pool at the release time', () => {
    const after = new Date('2026-12-07T00:00:00Z');
    expect(poolSeatsLeft(session, after)).toBe(7);
    expect(seatsLeftFor(session, council, after)).toBe(7);
    expect(seatsLeftFor(session, null, after)).toBe(7);
  });

  it('never goes below zero', () => {
    const full = { ...session, seatsTaken: 20, poolSeatsTaken: 10 };
    expect(seatsLeftFor(full, { seats: 5, seatsTaken: 5 }, now)).toBe(0);
    expect(poolSeatsLeft(full, new Date('2027-01-01T00:00:00Z'))).toBe(0);
  });
});
