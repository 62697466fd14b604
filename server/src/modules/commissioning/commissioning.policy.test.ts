import type { RoleGrant, Viewer } from '../auth/viewer';
import {
  canPledgeFromStream, canSeeProposal, ledOrganisations, maySeeProposals, requireActingFor, requireDecider, requireLead, requireOwnPartnership,
  requireProposalReader, requireWithdrawing,
} from './commissioning.policy';

const P = 'partnership-1';
const OTHER = 'partnership-2';
const [A, B, C] = ['org-a', 'org-b', 'org-c'];

function viewer(roles: RoleGrant[], overrides: Partial<Viewer> = {}): Viewer {
  return { personId: 'me', partnershipId: P, organisationId: A, roles, ...overrides };
}
const codeOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

/** Every role the policy speaks of, as a spec: signed out, each role, a lead of this or another organisation. */
const ROLES: Array<[string, Viewer | null]> = [
  ['signed out', null],
  ['a volunteer', viewer([{ role: 'volunteer', organisationId: A }])],
  ['a learner', viewer([{ role: 'learner', organisationId: A }])],
  ['a line manager', viewer([{ role: 'learner', organisationId: A }, { role: 'line_manager', organisationId: A }])],
  ['an L&D lead of this organisation', viewer([{ role: 'ld_lead', organisationId: A }])],
  ['an L&D lead of another organisation', viewer([{ role: 'ld_lead', organisationId: B }], { organisationId: B })],
  ['a provider coordinator', viewer([{ role: 'provider_coordinator', organisationId: A }])],
  ['a steering group member', viewer([{ role: 'steering_group', organisationId: null }])],
  ['an administrator', viewer([{ role: 'partnership_admin', organisationId: null }])],
];

describe('commissioning policy, role by role', () => {
  const expected: Record<string, { read: string | null; lead: string | null; actForA: string | null; decide: string | null; withdrawA: string | null }> = {
    'signed out': { read: 'UNAUTHENTICATED', lead: 'UNAUTHENTICATED', actForA: 'n/a', decide: 'UNAUTHENTICATED', withdrawA: 'n/a' },
    'a volunteer': { read: 'FORBIDDEN', lead: 'FORBIDDEN', actForA: 'n/a', decide: 'FORBIDDEN', withdrawA: 'n/a' },
    'a learner': { read: 'FORBIDDEN', lead: 'FORBIDDEN', actForA: 'n/a', decide: 'FORBIDDEN', withdrawA: 'n/a' },
    'a line manager': { read: 'FORBIDDEN', lead: 'FORBIDDEN', actForA: 'n/a', decide: 'FORBIDDEN', withdrawA: 'n/a' },
    'an L&D lead of this organisation': { read: null, lead: null, actForA: null, decide: 'FORBIDDEN', withdrawA: null },
    'an L&D lead of another organisation': { read: null, lead: null, actForA: 'FORBIDDEN', decide: 'FORBIDDEN', withdrawA: 'FORBIDDEN' },
    'a provider coordinator': { read: 'FORBIDDEN', lead: 'FORBIDDEN', actForA: 'n/a', decide: 'FORBIDDEN', withdrawA: 'n/a' },
    'a steering group member': { read: null, lead: 'FORBIDDEN', actForA: 'n/a', decide: null, withdrawA: 'n/a' },
    'an administrator': { read: null, lead: 'FORBIDDEN', actForA: 'n/a', decide: null, withdrawA: 'n/a' },
  };

  it.each(ROLES)('%s', (name, who) => {
    const want = expected[name];
    expect(codeOf(() => requireProposalReader(who))).toBe(want.read);
    expect(maySeeProposals(who)).toBe(want.read === null);
    expect(canSeeProposal(who, { partnershipId: P })).toBe(want.read === null);
    expect(canSeeProposal(who, { partnershipId: OTHER })).toBe(false);
    expect(codeOf(() => requireLead(who, 'pledge'))).toBe(want.lead);
    expect(codeOf(() => requireDecider(who))).toBe(want.decide);
    if (want.actForA !== 'n/a') expect(codeOf(() => requireActingFor(who!, A, 'pledge'))).toBe(want.actForA);
    if (want.withdrawA !== 'n/a') expect(codeOf(() => requireWithdrawing(who!, { organisationId: A }))).toBe(want.withdrawA);
  });

  it('acts for the lead\'s own organisation first when none is named, and only for ones they lead', () => {
    const lead = viewer([{ role: 'ld_lead', organisationId: C }, { role: 'ld_lead', organisationId: A }]);
    expect(ledOrganisations(lead)).toEqual([A, C]);
    expect(requireActingFor(lead, null, 'pledge')).toBe(A);
    expect(requireActingFor(lead, C, 'pledge')).toBe(C);
    expect(codeOf(() => requireActingFor(lead, B, 'pledge'))).toBe('FORBIDDEN');
  });

  it('lets an organisation pledge from streams it manages or funds, and no other', () => {
    expect(canPledgeFromStream(A, { managingOrganisationId: A, funderOrganisationId: null })).toBe(true);
    expect(canPledgeFromStream(A, { managingOrganisationId: B, funderOrganisationId: A })).toBe(true);
    expect(canPledgeFromStream(A, { managingOrganisationId: B, funderOrganisationId: C })).toBe(false);
  });

  it('refuses another partnership\'s list', () => {
    const admin = viewer([{ role: 'partnership_admin', organisationId: null }]);
    expect(codeOf(() => requireOwnPartnership(admin, P))).toBeNull();
    expect(codeOf(() => requireOwnPartnership(admin, OTHER))).toBe('FORBIDDEN');
  });

  it('does not count an administrator role held for one organisation', () => {
    expect(codeOf(() => requireDecider(viewer([{ role: 'partnership_admin', organisationId: A }])))).toBe('FORBIDDEN');
  });
});
