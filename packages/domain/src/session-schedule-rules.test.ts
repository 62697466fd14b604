import { defaultReleaseTime, isBelowMinimum, sessionPlanProblems, type SessionPlan } from './session-schedule-rules';

const now = new Date('2026-06-01T09:00:00Z');
const at = (iso: string) => new Date(iso);
const good: SessionPlan = {
  startsAt: at('2026-07-01T09:00:00Z'), endsAt: at('2026-07-01T16:00:00Z'), deliveryMode: 'in_person', hasVenue: true,
  capacity: 20, allocated: 12, bookingClosesAt: at('2026-06-30T09:00:00Z'), releaseAt: at('2026-06-17T09:00:00Z'), minimumPlaces: 8,
};

describe('sessionPlanProblems', () => {
  it('finds nothing wrong with a sound plan', () => {
    expect(sessionPlanProblems(good, now)).toEqual([]);
  });

  it('reports every problem at once, each at its field', () => {
    const problems = sessionPlanProblems({
      ...good, startsAt: at('2026-05-01T09:00:00Z'), endsAt: at('2026-04-30T09:00:00Z'), bookingClosesAt: at('2026-05-02T09:00:00Z'),
      releaseAt: at('2026-05-03T09:00:00Z'), hasVenue: false, allocated: 21, minimumPlaces: 25,
    }, now);
    expect(problems.map((p) => [p.field.join('.'), p.code])).toEqual([
      ['startsAt', 'IN_THE_PAST'], ['endsAt', 'ENDS_BEFORE_START'], ['bookingClosesAt', 'CLOSES_AFTER_START'],
      ['releaseAt', 'RELEASE_AFTER_START'], ['venueId', 'VENUE_REQUIRED'], ['allocations', 'OVER_CAPACITY'],
      ['minimumPlaces', 'MINIMUM_OVER_CAPACITY'],
    ]);
  });

  it('refuses an end equal to the start, and a session longer than a fortnight', () => {
    expect(sessionPlanProblems({ ...good, endsAt: good.startsAt }, now)[0].code).toBe('ENDS_BEFORE_START');
    expect(sessionPlanProblems({ ...good, endsAt: at('2026-07-20T09:00:00Z') }, now)[0].code).toBe('TOO_LONG');
  });

  it('wants no venue online and a venue in person or blended', () => {
    expect(sessionPlanProblems({ ...good, deliveryMode: 'online', hasVenue: false }, now)).toEqual([]);
    expect(sessionPlanProblems({ ...good, deliveryMode: 'online' }, now)[0].code).toBe('VENUE_NOT_ALLOWED');
    expect(sessionPlanProblems({ ...good, deliveryMode: 'blended', hasVenue: false }, now)[0].code).toBe('VENUE_REQUIRED');
  });

  it('lets allocations fill the capacity exactly, not more', () => {
    expect(sessionPlanProblems({ ...good, allocated: 20 }, now)).toEqual([]);
    expect(sessionPlanProblems({ ...good, allocated: 21 }, now)[0].code).toBe('OVER_CAPACITY');
  });

  it('does not ask a session that keeps its start to start in the future', () => {
    const started = { ...good, startsAt: at('2026-05-01T09:00:00Z'), endsAt: at('2026-05-01T12:00:00Z'),
      bookingClosesAt: at('2026-05-01T09:00:00Z'), releaseAt: at('2026-04-17T09:00:00Z') };
    expect(sessionPlanProblems(started, now, { startsAtChanged: false })).toEqual([]);
  });
});

describe('defaultReleaseTime', () => {
  it('is 14 days before the start, or now when that has passed', () => {
    expect(defaultReleaseTime(at('2026-07-01T09:00:00Z'), now)).toEqual(at('2026-06-17T09:00:00Z'));
    expect(defaultReleaseTime(at('2026-06-05T09:00:00Z'), now)).toEqual(now);
  });
});

describe('isBelowMinimum', () => {
  it('is below only with a minimum and fewer places held', () => {
    expect(isBelowMinimum({ minimumPlaces: null, placesHeld: 0 })).toBe(false);
    expect(isBelowMinimum({ minimumPlaces: 6, placesHeld: 5 })).toBe(true);
    expect(isBelowMinimum({ minimumPlaces: 6, placesHeld: 6 })).toBe(false);
  });
});
