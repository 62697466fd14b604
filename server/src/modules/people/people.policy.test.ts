import type { RoleGrant, Viewer } from '../auth/viewer';
import { canSeePerson, peopleScope, requirePartnershipAdmin } from './people.policy';

const P = 'partnership-1';
const OTHER = 'partnership-2';
const [A, B] = ['org-a', 'org-b'];

function viewer(roles: RoleGrant[], overrides: Partial<Viewer> = {}): Viewer {
  return { personId: 'me', partnershipId: P, organisationId: A, roles, ...overrides };
}
const admin = viewer([{ role: 'partnership_admin', organisationId: null }]);
const lead = viewer([{ role: 'ld_lead', organisationId: B }, { role: 'ld_lead', organisationId: A }]);
const manager = viewer([{ role: 'learner', organisationId: A }, { role: 'line_manager', organisationId: A }]);
const codeOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('peopleScope', () => {
  it('gives administrators their partnership, or one organisation they name', () => {
    expect(peopleScope(admin, null)).toEqual({ kind: 'partnership', partnershipId: P, organisationId: null });
    expect(peopleScope(admin, B)).toEqual({ kind: 'partnership', partnershipId: P, organisationId: B });
  });

  it('does not count an administrator role held for one organisation as partnership-wide', () => {
    expect(codeOf(() => requirePartnershipAdmin(viewer([{ role: 'partnership_admin', organisationId: A }])))).toBe('FORBIDDEN');
  });

  it('gives L&D leads an organisation they lead: their own first by default', () => {
    expect(peopleScope(lead, null)).toEqual({ kind: 'organisation', partnershipId: P, organisationId: A });
    expect(peopleScope(lead, B)).toEqual({ kind: 'organisation', partnershipId: P, organisationId: B });
    expect(codeOf(() => peopleScope(lead, 'org-c'))).toBe('FORBIDDEN');
  });

  it('gives line managers their direct reports, narrowed only by their own organisation', () => {
    expect(peopleScope(manager, null)).toEqual({ kind: 'reports', partnershipId: P, managerId: 'me', organisationId: null });
    expect(peopleScope(manager, A)).toEqual({ kind: 'reports', partnershipId: P, managerId: 'me', organisationId: A });
    expect(peopleScope(manager, B)).toEqual({ kind: 'reports', partnershipId: P, managerId: 'me', organisationId: null });
    // Someone who leads their organisation and manages people asks for their reports alone.
    const leadAndManager = viewer([{ role: 'ld_lead', organisationId: A }, { role: 'line_manager', organisationId: A }]);
    expect(peopleScope(leadAndManager, null).kind).toBe('organisation');
    expect(peopleScope(leadAndManager, null, true)).toEqual({ kind: 'reports', partnershipId: P, managerId: 'me', organisationId: null });
    expect(codeOf(() => peopleScope(viewer([{ role: 'ld_lead', organisationId: A }]), null, true))).toBe('FORBIDDEN');
  });

  it('refuses everyone else: signed out, learners, volunteers, providers, the steering group', () => {
    expect(codeOf(() => peopleScope(null, null))).toBe('UNAUTHENTICATED');
    for (const role of ['learner', 'volunteer', 'provider_coordinator', 'steering_group'] as const) {
      expect(codeOf(() => peopleScope(viewer([{ role, organisationId: role === 'steering_group' ? null : A }]), null))).toBe('FORBIDDEN');
    }
  });
});

describe('canSeePerson agrees with peopleScope', () => {
  const person = (overrides: Partial<{ id: string; partnershipId: string; organisationId: string | null; lineManagerId: string | null }>) => ({
    id: 'someone', partnershipId: P, organisationId: A, lineManagerId: null, ...overrides });

  it.each([
    ['an administrator, anyone of their partnership', admin, person({ organisationId: B }), true],
    ['an administrator, no one of another', admin, person({ partnershipId: OTHER }), false],
    ['a lead, people of an organisation they lead', lead, person({ organisationId: B }), true],
    ['a lead, no one of another organisation', lead, person({ organisationId: 'org-c' }), false],
    ['a lead, no independent volunteer', lead, person({ organisationId: null }), false],
    ['a line manager, their report', manager, person({ lineManagerId: 'me' }), true],
    ['a line manager, their report in another organisation', manager, person({ organisationId: B, lineManagerId: 'me' }), true],
    ['a line manager, a colleague they do not manage', manager, person({ lineManagerId: 'someone-else' }), false],
    ['a line manager, themselves', manager, person({ id: 'me' }), true],
    ['a steering group member, no one', viewer([{ role: 'steering_group', organisationId: null }]), person({}), false],
    ['anyone, no one across partnerships even with the same ids', lead, person({ partnershipId: OTHER, organisationId: A }), false],
  ])('%s', (_what, who, target, visible) => {
    expect(canSeePerson(who, target)).toBe(visible);
  });

  it('sees nobody when signed out', () => {
    expect(canSeePerson(null, person({}))).toBe(false);
  });
});
