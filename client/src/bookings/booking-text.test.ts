import { describe, expect, it } from '@jest/globals';
import { allocationText, bookingOutcomeText, bookingStatusText, isLiveBooking, splitByTime } from './booking-text';

describe('booking text', () => {
  it('reads statuses as people say them', () => {
    expect(bookingStatusText('CONFIRMED')).toBe('Confirmed');
    expect(bookingStatusText('REQUESTED')).toBe('Waiting for approval');
    expect(bookingStatusText('WAITLISTED', 2)).toBe('On the waiting list (number 2)');
  });

  it('knows which bookings can still be cancelled', () => {
    expect(['CONFIRMED', 'REQUESTED', 'WAITLISTED'].every((s) => isLiveBooking(s as never))).toBe(true);
    expect(['CANCELLED', 'DECLINED', 'ATTENDED', 'NO_SHOW'].some((s) => isLiveBooking(s as never))).toBe(false);
  });

  it('explains an outcome', () => {
    expect(bookingOutcomeText('REQUESTED').title).toMatch(/waiting for approval/);
    expect(bookingOutcomeText('WAITLISTED', 3).body).toMatch(/number 3/);
    expect(bookingOutcomeText('CONFIRMED', null, 'Ann Lee').body).toBe('Ann Lee has a place on this session.');
  });

  it('sums up an allocation', () => {
    const releaseAt = '2026-12-16T09:00:00Z';
    expect(allocationText({ seats: 5, seatsTaken: 3, seatsLeft: 2, releaseAt, released: false }))
      .toBe('Your organisation holds 5 seats: 3 used, 2 left. 2 unused seats return to the pool on 16 Dec.');
    expect(allocationText({ seats: 1, seatsTaken: 0, seatsLeft: 1, releaseAt, released: false }))
      .toBe('Your organisation holds 1 seat: 0 used, 1 left. 1 unused seat returns to the pool on 16 Dec.');
    expect(allocationText({ seats: 2, seatsTaken: 2, seatsLeft: 0, releaseAt, released: false })).toBe('Your organisation holds 2 seats: 2 used, 0 left.');
  });

  it('never says "0 left" of seats that have gone back to the pool', () => {
    expect(allocationText({ seats: 2, seatsTaken: 0, seatsLeft: 0, releaseAt: '2026-12-16T09:00:00Z', released: true }))
      .toBe('Your organisation held 2 seats (0 used). The unused seats returned to the shared pool on 16 Dec.');
  });

  it('splits upcoming from past', () => {
    const b = (id: string, startsAt: string) => ({ id, session: { startsAt } });
    const now = Date.parse('2026-06-01T00:00:00Z');
    const { upcoming, past } = splitByTime([b('a', '2026-07-01T00:00:00Z'), b('b', '2026-05-01T00:00:00Z'),
      b('c', '2026-06-02T00:00:00Z'), b('d', '2026-04-01T00:00:00Z')], now);
    expect(upcoming.map((x) => x.id)).toEqual(['c', 'a']);
    expect(past.map((x) => x.id)).toEqual(['b', 'd']);
  });
});
