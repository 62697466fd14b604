import type { RoleGrant, Viewer } from '../auth/viewer';
import { TrainingNeedScope } from './needs.enums';
import {
  canMeetNeed, canRaiseNeed, canSeeDemand, canSeeNeed, canWithdrawNeed, defaultNeedOrganisation, demandShowsNeed, needsScope,
  requireDemandReader, requireNeedsReader, requireNeedsWriter, requireRaisingNeed,
} from './needs.policy';

const P = 'partnership-1';
const OTHER = 'partnership-2';
const [A, B] = ['org-a', 'org-b'];

function viewer(roles: RoleGrant[], overrides: Partial<Viewer> = {}): Viewer {
  return { personId: 'me', partnershipId: P, organisationId: A, roles, ...overrides };
}
/** Every role the policy is walked through, as its own viewer. */
const ROLES: Record<string, Viewer> = {
  volunteer: viewer([{ role: 'volunteer', organisationId: A }]),
  independentVolunteer: viewer([{ role: 'volunteer', organisationId: null }], { organisationId: null }),
  learner: viewer([{ role: 'learner', organisationId: A }]),
  lineManager: viewer([{ role: 'learner', organisationId: A }, { role: 'line_manager', organisationId: A }]),
  lead: viewer([{ role: 'ld_lead', organisationId: A }]),
  otherLead: viewer([{ role: 'ld_lead', organisationId: B }], { organisationId: B }),
  provider: viewer([{ role: 'provider_coordinator', organisationId: A }]),
  steering: viewer([{ role: 'steering_group', organisationId: null }]),
  admin: viewer([{ role: 'partnership_admin', organisationId: null }]),
};
const codeOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};
const need = (overrides: Partial<{ partnershipId: string; organisationId: string; raisedByPersonId: string; teamManagerPersonId: string | null; forPersonId: string | null }> = {}) => ({
  partnershipId: P, organisationId: A, raisedByPersonId: 'someone', teamManagerPersonId: null, forPersonId: null, ...overrides });
const allowed = (rule: (v: Viewer) => boolean) => Object.entries(ROLES).filter(([, v]) => rule(v)).map(([name]) => name);

describe('raising a need', () => {
  it('is UNAUTHENTICATED signed out, for every scope', () => {
    expect(codeOf(() => requireNeedsWriter(null))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireNeedsReader(null))).toBe('UNAUTHENTICATED');
  });

  it('for an organisation: its L&D leads only', () => {
    expect(allowed((v) => canRaiseNeed(v, TrainingNeedScope.ORGANISATION, A))).toEqual(['lead']);
    expect(allowed((v) => canRaiseNeed(v, TrainingNeedScope.ORGANISATION, B))).toEqual(['otherLead']);
    expect(codeOf(() => requireRaisingNeed(ROLES.lead, TrainingNeedScope.ORGANISATION, B))).toBe('FORBIDDEN');
    expect(codeOf(() => requireRaisingNeed(ROLES.admin, TrainingNeedScope.ORGANISATION, A))).toBe('FORBIDDEN');
  });

  it('for a team: line managers of their own organisation', () => {
    expect(allowed((v) => canRaiseNeed(v, TrainingNeedScope.TEAM, null))).toEqual(['lineManager']);
  });

  it('for oneself: anyone who works for a partner organisation, not an independent volunteer', () => {
    expect(allowed((v) => canRaiseNeed(v, TrainingNeedScope.PERSON, null)))
      .toEqual(['volunteer', 'learner', 'lineManager', 'lead', 'otherLead', 'provider', 'steering', 'admin']);
    expect(codeOf(() => requireRaisingNeed(ROLES.independentVolunteer, TrainingNeedScope.PERSON, null))).toBe('FORBIDDEN');
  });

  it('defaults an organisation need to the one organisation a lead leads, and to none for two', () => {
    expect(defaultNeedOrganisation(ROLES.lead)).toBe(A);
    expect(defaultNeedOrganisation(viewer([{ role: 'ld_lead', organisationId: A }, { role: 'ld_lead', organisationId: B }]))).toBeNull();
    expect(defaultNeedOrganisation(ROLES.learner)).toBeNull();
  });
});

describe('withdrawing and meeting a need', () => {
  it('withdraws: whoever raised it, or a lead of its organisation; never across partnerships', () => {
    expect(allowed((v) => canWithdrawNeed(v, need()))).toEqual(['lead']);
    expect(allowed((v) => canWithdrawNeed(v, need({ raisedByPersonId: 'me' })))).toEqual(Object.keys(ROLES));
    expect(allowed((v) => canWithdrawNeed(v, need({ partnershipId: OTHER, raisedByPersonId: 'me' })))).toEqual([]);
  });

  it('meets: a lead of its organisation only', () => {
    expect(allowed((v) => canMeetNeed(v, need()))).toEqual(['lead']);
    expect(allowed((v) => canMeetNeed(v, need({ organisationId: B, raisedByPersonId: 'me' })))).toEqual(['otherLead']);
    expect(allowed((v) => canMeetNeed(v, need({ partnershipId: OTHER })))).toEqual([]);
  });
});

describe('seeing needs', () => {
  it('lists every need for administrators and the steering group, led organisations for leads, one\'s own for everyone', () => {
    expect(needsScope(ROLES.admin, P)).toEqual({ partnershipId: P, everyNeed: true, organisationIds: [], personId: 'me' });
    expect(needsScope(ROLES.steering, P).everyNeed).toBe(true);
    expect(needsScope(ROLES.lead, P)).toEqual({ partnershipId: P, everyNeed: false, organisationIds: [A], personId: 'me' });
    expect(needsScope(ROLES.learner, P)).toEqual({ partnershipId: P, everyNeed: false, organisationIds: [], personId: 'me' });
    expect(codeOf(() => needsScope(ROLES.admin, OTHER))).toBe('FORBIDDEN');
    expect(codeOf(() => needsScope(null, P))).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['an organisation need of A', need(), ['lead', 'steering', 'admin']],
    ['a need of B', need({ organisationId: B }), ['otherLead', 'steering', 'admin']],
    ['a team need of theirs', need({ teamManagerPersonId: 'me' }), Object.keys(ROLES)],
    ['a need for them', need({ forPersonId: 'me' }), Object.keys(ROLES)],
    ['one they raised', need({ raisedByPersonId: 'me' }), Object.keys(ROLES)],
    ['another partnership\'s, even with the same ids', need({ partnershipId: OTHER, raisedByPersonId: 'me' }), []],
  ])('canSeeNeed agrees with needsScope: %s', (_what, target, who) => {
    expect(allowed((v) => canSeeNeed(v, target))).toEqual(who);
  });

  it('sees nothing signed out', () => {
    expect(canSeeNeed(null, need())).toBe(false);
  });
});

describe('shared demand', () => {
  it('is for leads, the steering group and administrators of the partnership', () => {
    expect(allowed((v) => canSeeDemand(v, P))).toEqual(['lead', 'otherLead', 'steering', 'admin']);
    expect(allowed((v) => canSeeDemand(v, OTHER))).toEqual([]);
    expect(codeOf(() => requireDemandReader(null, P))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireDemandReader(ROLES.lineManager, P))).toBe('FORBIDDEN');
    expect(codeOf(() => requireDemandReader(ROLES.admin, OTHER))).toBe('FORBIDDEN');
  });

  it('shows a lead the needs of the organisations they lead in full, the others as counts; the rest every need', () => {
    const lead = requireDemandReader(ROLES.lead, P);
    expect([demandShowsNeed(lead, A), demandShowsNeed(lead, B)]).toEqual([true, false]);
    for (const role of ['steering', 'admin'] as const) {
      const view = requireDemandReader(ROLES[role], P);
      expect([demandShowsNeed(view, A), demandShowsNeed(view, B)]).toEqual([true, true]);
    }
  });
});
