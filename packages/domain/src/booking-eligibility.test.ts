import { whyNotBookable, type BookableSessionFacts, type BookerFacts } from './booking-eligibility';

const now = new Date('2026-03-02T09:00:00Z');
const session = (overrides: Partial<BookableSessionFacts> = {}): BookableSessionFacts => ({
  status: 'scheduled', startsAt: new Date('2026-03-10T09:00:00Z'), bookingClosesAt: new Date('2026-03-09T09:00:00Z'),
  audience: 'both', eligibleSectors: [], visibility: 'public', visibilityOrganisationId: null, ...overrides,
});
const staff = (overrides: Partial<BookerFacts> = {}): BookerFacts => ({ disabled: false, kind: 'staff', sector: 'care_home', organisationId: 'org-a', ...overrides });
const volunteer: BookerFacts = { disabled: false, kind: 'volunteer', sector: null, organisationId: null };

describe('whyNotBookable', () => {
  it('lets anyone book an open session for everyone', () => {
    expect(whyNotBookable(session(), staff(), now)).toBeNull();
    expect(whyNotBookable(session(), volunteer, now)).toBeNull();
  });

  it.each([
    ['a disabled account', session(), staff({ disabled: true }), 'DISABLED'],
    ['a cancelled session', session({ status: 'cancelled' }), staff(), 'SESSION_CANCELLED'],
    ['a completed session', session({ status: 'completed' }), staff(), 'SESSION_PAST'],
    ['a session that has begun', session({ startsAt: now, bookingClosesAt: now }), staff(), 'SESSION_PAST'],
    ['booking closed at this very instant', session({ bookingClosesAt: now }), staff(), 'BOOKING_CLOSED'],
    ['a volunteer on a staff course', session({ audience: 'staff' }), volunteer, 'STAFF_ONLY'],
    ['staff on a volunteers course', session({ audience: 'volunteers' }), staff(), 'VOLUNTEERS_ONLY'],
    ['a sector the course is not for', session({ eligibleSectors: ['acute_trust'] }), staff(), 'SECTOR_NOT_ELIGIBLE'],
    ['no sector on a course for some sectors', session({ eligibleSectors: ['care_home'] }), volunteer, 'SECTOR_NOT_ELIGIBLE'],
    ['another organisation\'s own course', session({ visibility: 'organisation', visibilityOrganisationId: 'org-b' }), staff(), 'OTHER_ORGANISATION_ONLY'],
  ])('refuses %s', (_what, facts, person, block) => {
    expect(whyNotBookable(facts, person, now)).toBe(block);
  });

  it('lets in a sector the course is for, and the organisation a course is kept for', () => {
    expect(whyNotBookable(session({ eligibleSectors: ['acute_trust', 'care_home'] }), staff(), now)).toBeNull();
    expect(whyNotBookable(session({ visibility: 'organisation', visibilityOrganisationId: 'org-a' }), staff(), now)).toBeNull();
  });

  it('gives the first reason in order: the account, then the session, then who it is for', () => {
    expect(whyNotBookable(session({ status: 'cancelled', audience: 'staff' }), { ...volunteer, disabled: true }, now)).toBe('DISABLED');
    expect(whyNotBookable(session({ bookingClosesAt: now, audience: 'staff' }), volunteer, now)).toBe('BOOKING_CLOSED');
  });
});
