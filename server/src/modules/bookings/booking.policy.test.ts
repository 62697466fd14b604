import type { RoleGrant, RoleName, Viewer } from '../auth/viewer';
import {
  canBookFor, canCancelBooking, canDecideAs, canRunSession, canSeeOrganisationBookings, requestQueueScope, requireApproverNow,
  requireBooker, requireBookingFor, requireCancelling, requireDecider, requireOrganisationBookingsReader, requireOrganisationOfPartnership,
  requirePossibleApprover, requireRegisterTaker, requireRunningSession, requireSessionCanceller,
} from './booking.policy';

/** Who may book, cancel, decide, list and take registers: every role against every rule of booking.policy.ts. */
const P = 'partnership-1';
const OTHER = 'partnership-2';
const [A, B] = ['org-a', 'org-b'];

function viewer(roles: RoleGrant[], overrides: Partial<Viewer> = {}): Viewer {
  return { personId: 'me', partnershipId: P, organisationId: A, roles, ...overrides };
}
const as = (role: RoleName, organisationId: string | null = A) => viewer([{ role, organisationId }]);
const admin = as('partnership_admin', null);
const orgScopedAdmin = as('partnership_admin', A);
const leadOfA = as('ld_lead', A);
const leadOfB = as('ld_lead', B);
const manager = viewer([{ role: 'learner', organisationId: A }, { role: 'line_manager', organisationId: A }]);
const learner = as('learner', A);
const volunteer = viewer([{ role: 'volunteer', organisationId: null }], { organisationId: null });
const providerOfA = as('provider_coordinator', A);
const steering = as('steering_group', null);

const codeOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('signed out', () => {
  it('is UNAUTHENTICATED for every entry point, with the words of each', () => {
    for (const gate of [requireBooker, requireDecider, requireSessionCanceller, requireRegisterTaker]) {
      expect(codeOf(() => gate(null))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(() => requireOrganisationBookingsReader(null, A))).toBe('UNAUTHENTICATED');
    expect(() => requireBooker(null)).toThrow('Sign in to book.');
  });

  it('lets anyone signed in through the gates that only ask that, returning the viewer', () => {
    for (const who of [learner, volunteer, steering, admin]) {
      expect(requireBooker(who)).toBe(who);
      expect(requireDecider(who)).toBe(who);
      expect(requireSessionCanceller(who)).toBe(who);
    }
  });
});

describe('booking for someone', () => {
  const personOfA = { id: 'someone', organisationId: A };
  it.each([
    ['anyone, themselves', learner, { id: 'me', organisationId: A }, true],
    ['a volunteer, themselves', volunteer, { id: 'me', organisationId: null }, true],
    ['an L&D lead, a person of the organisation they lead', leadOfA, personOfA, true],
    ['an L&D lead, a person of another organisation', leadOfB, personOfA, false],
    ['an L&D lead, an independent volunteer', leadOfA, { id: 'someone', organisationId: null }, false],
    ['a line manager, their report (their lead books)', manager, personOfA, false],
    ['an administrator, anyone else', admin, personOfA, false],
    ['the steering group, anyone else', steering, personOfA, false],
    ['a provider coordinator, anyone else', providerOfA, personOfA, false],
  ])('%s', (_what, who, person, allowed) => {
    expect(canBookFor(who, person)).toBe(allowed);
    expect(codeOf(() => requireBookingFor(who, person))).toBe(allowed ? null : 'FORBIDDEN');
  });
});

describe('cancelling a booking', () => {
  const placeOfA = { personId: 'someone', organisationId: A };
  it.each([
    ['anyone, their own place', learner, { personId: 'me', organisationId: A }, true],
    ['an L&D lead, a place charged to the organisation they lead', leadOfA, placeOfA, true],
    ['an L&D lead, another organisation\'s place', leadOfB, placeOfA, false],
    ['an administrator, any place', admin, placeOfA, true],
    ['an administrator grant written for one organisation, no one else\'s', orgScopedAdmin, placeOfA, false],
    ['a line manager, their report\'s place', manager, placeOfA, false],
    ['the steering group, someone\'s place', steering, placeOfA, false],
    ['a provider coordinator, a place on their course', providerOfA, placeOfA, false],
    ['a volunteer, someone\'s place', volunteer, { personId: 'someone', organisationId: null }, false],
  ])('%s', (_what, who, booking, allowed) => {
    expect(canCancelBooking(who, booking)).toBe(allowed);
    expect(codeOf(() => requireCancelling(who, booking))).toBe(allowed ? null : 'FORBIDDEN');
  });
});

describe('deciding a request', () => {
  const request = { organisationId: A, lineManagerId: 'me' };
  const notMine = { organisationId: A, lineManagerId: 'someone-else' };

  it('lets the line manager decide the line manager step only', () => {
    expect(canDecideAs(manager, request, 'line_manager')).toBe(true);
    expect(canDecideAs(manager, request, 'ld_lead')).toBe(false);
    expect(codeOf(() => requireApproverNow(manager, request, 'ld_lead'))).toBe('FORBIDDEN');
    expect(canDecideAs(manager, notMine, 'line_manager')).toBe(false);
  });

  it('lets an L&D lead of the organisation decide its step only', () => {
    expect(canDecideAs(leadOfA, notMine, 'ld_lead')).toBe(true);
    expect(canDecideAs(leadOfA, notMine, 'line_manager')).toBe(false);
    expect(canDecideAs(leadOfB, notMine, 'ld_lead')).toBe(false);
    expect(canDecideAs(leadOfA, { organisationId: null, lineManagerId: null }, 'ld_lead')).toBe(false);
  });

  it('tells nobody else anything of the request', () => {
    for (const who of [learner, volunteer, admin, steering, providerOfA, leadOfB]) {
      expect(codeOf(() => requirePossibleApprover(who, notMine))).toBe('FORBIDDEN');
    }
    expect(codeOf(() => requirePossibleApprover(manager, request))).toBeNull();
    expect(codeOf(() => requirePossibleApprover(leadOfA, notMine))).toBeNull();
  });

  it('queues the requests of their reports and the organisations they lead', () => {
    const both = viewer([{ role: 'ld_lead', organisationId: A }, { role: 'ld_lead', organisationId: B }, { role: 'line_manager', organisationId: A }]);
    expect(requestQueueScope(both)).toEqual({ partnershipId: P, managerId: 'me', organisationIds: [A, B] });
    expect(requestQueueScope(learner)).toEqual({ partnershipId: P, managerId: 'me', organisationIds: [] });
  });
});

describe("an organisation's bookings", () => {
  it.each([
    ['its L&D lead', leadOfA, true],
    ['an administrator', admin, true],
    ['another organisation\'s L&D lead', leadOfB, false],
    ['an administrator grant written for one organisation', orgScopedAdmin, false],
    ['a line manager', manager, false],
    ['a learner', learner, false],
    ['the steering group', steering, false],
    ['its provider coordinator', providerOfA, false],
  ])('%s', (_what, who, allowed) => {
    expect(canSeeOrganisationBookings(who, A)).toBe(allowed);
    expect(codeOf(() => requireOrganisationBookingsReader(who, A))).toBe(allowed ? null : 'FORBIDDEN');
  });

  it('refuses an unknown or another partnership\'s organisation alike', () => {
    expect(codeOf(() => requireOrganisationOfPartnership(admin, null))).toBe('FORBIDDEN');
    expect(codeOf(() => requireOrganisationOfPartnership(admin, { partnershipId: OTHER }))).toBe('FORBIDDEN');
    expect(codeOf(() => requireOrganisationOfPartnership(admin, { partnershipId: P }))).toBeNull();
  });
});

describe('registers and session cancellations', () => {
  const course = { partnershipId: P, providerOrganisationId: A };
  it.each([
    ['the course\'s provider coordinator', providerOfA, course, true],
    ['another provider\'s coordinator', as('provider_coordinator', B), course, false],
    ['an administrator', admin, course, true],
    ['an administrator, another partnership\'s course', admin, { partnershipId: OTHER, providerOrganisationId: A }, false],
    ['an L&D lead', leadOfA, course, false],
    ['the steering group', steering, course, false],
    ['a learner', learner, course, false],
  ])('%s', (_what, who, target, allowed) => {
    expect(canRunSession(who, target)).toBe(allowed);
    expect(codeOf(() => requireRunningSession(who, target, 'take its register'))).toBe(allowed ? null : 'FORBIDDEN');
  });

  it('refuses the register before the input to anyone who runs no sessions', () => {
    expect(requireRegisterTaker(providerOfA)).toBe(providerOfA);
    expect(requireRegisterTaker(admin)).toBe(admin);
    for (const who of [leadOfA, steering, learner, manager, orgScopedAdmin]) expect(codeOf(() => requireRegisterTaker(who))).toBe('FORBIDDEN');
  });
});
