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
    expect(allocationText({ seats: 5, seatsTaken: 3, seatsLeft: 2 })).toBe('5 seats: 3 used, 2 left');
    expect(allocationText({ seats: 1, seatsTaken: 0, seatsLeft: 1 })).toBe('1 seat: 0 used, 1 left');
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
