import { requestLapsesAt } from './request-lapse';

const session = { startsAt: new Date('2026-03-10T09:00:00Z'), bookingClosesAt: new Date('2026-03-09T21:00:00Z') };

describe('requestLapsesAt', () => {
  it('lets a request go the hold hours before the start', () => {
    expect(requestLapsesAt(session, new Date('2026-03-01T09:00:00Z'), 48)).toEqual(new Date('2026-03-08T09:00:00Z'));
    expect(requestLapsesAt(session, new Date('2026-03-08T08:59:59Z'), 48)).toEqual(new Date('2026-03-08T09:00:00Z'));
  });

  it('holds a request made inside the hold hours until booking closes', () => {
    expect(requestLapsesAt(session, new Date('2026-03-08T09:00:00Z'), 48)).toEqual(session.bookingClosesAt);
    expect(requestLapsesAt(session, new Date('2026-03-09T12:00:00Z'), 48)).toEqual(session.bookingClosesAt);
  });

  it('never past the start, should booking close after it', () => {
    const late = { startsAt: session.startsAt, bookingClosesAt: new Date('2026-03-10T10:00:00Z') };
    expect(requestLapsesAt(late, new Date('2026-03-09T12:00:00Z'), 48)).toEqual(session.startsAt);
  });

  it('with no hold hours, lapses at the start', () => {
    expect(requestLapsesAt(session, new Date('2026-03-01T09:00:00Z'), 0)).toEqual(session.startsAt);
  });
});
