import type { RoleGrant, Viewer } from '../auth/viewer';
import { canGiveFeedback, canReadEvaluation, evaluationScope, impactReviewRole, requireEvaluationReader, requireEvaluationWriter } from './evaluation.policy';

const P = 'partnership-1';
const OTHER = 'partnership-2';
const [A, B] = ['org-a', 'org-b'];

function viewer(personId: string, roles: RoleGrant[], overrides: Partial<Viewer> = {}): Viewer {
  return { personId, partnershipId: P, organisationId: A, roles, ...overrides };
}
const ROLES: Record<string, Viewer> = {
  volunteer: viewer('volunteer', [{ role: 'volunteer', organisationId: A }]),
  learner: viewer('learner', [{ role: 'learner', organisationId: A }]),
  lineManager: viewer('manager', [{ role: 'learner', organisationId: A }, { role: 'line_manager', organisationId: A }]),
  lead: viewer('lead', [{ role: 'ld_lead', organisationId: A }]),
  otherLead: viewer('otherLead', [{ role: 'ld_lead', organisationId: B }], { organisationId: B }),
  provider: viewer('provider', [{ role: 'provider_coordinator', organisationId: B }], { organisationId: B }),
  steering: viewer('steering', [{ role: 'steering_group', organisationId: null }]),
  admin: viewer('admin', [{ role: 'partnership_admin', organisationId: null }]),
  otherAdmin: viewer('otherAdmin', [{ role: 'partnership_admin', organisationId: null }], { partnershipId: OTHER }),
};
const codeOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};
const allowed = (rule: (v: Viewer) => boolean) => Object.entries(ROLES).filter(([, v]) => rule(v)).map(([name]) => name);
const booking = { partnershipId: P, personId: 'learner', managerPersonId: 'manager' };

describe('feedback and impact reviews', () => {
  it('are UNAUTHENTICATED signed out', () => {
    expect(codeOf(() => requireEvaluationWriter(null))).toBe('UNAUTHENTICATED');
    expect(canGiveFeedback(null, booking)).toBe(false);
    expect(impactReviewRole(null, booking)).toBeNull();
  });

  it('lets only the booked person give feedback', () => {
    expect(allowed((v) => canGiveFeedback(v, booking))).toEqual(['learner']);
    expect(allowed((v) => canGiveFeedback(v, { ...booking, partnershipId: OTHER }))).toEqual([]);
  });

  it('lets the learner review for themselves and their line manager for them, no one else', () => {
    expect(Object.fromEntries(Object.entries(ROLES).map(([name, v]) => [name, impactReviewRole(v, booking)]))).toEqual({
      volunteer: null, learner: 'learner', lineManager: 'manager', lead: null, otherLead: null, provider: null, steering: null, admin: null, otherAdmin: null });
    expect(impactReviewRole(ROLES.lineManager, { ...booking, managerPersonId: null })).toBeNull();
    expect(impactReviewRole(ROLES.learner, { ...booking, partnershipId: OTHER })).toBeNull();
  });
});

describe('evaluation reports', () => {
  it('are for the steering group, leads, providers and administrators of the partnership', () => {
    expect(codeOf(() => requireEvaluationReader(null))).toBe('UNAUTHENTICATED');
    expect(allowed((v) => canReadEvaluation(v, P))).toEqual(['lead', 'otherLead', 'provider', 'steering', 'admin']);
    for (const name of ['volunteer', 'learner', 'lineManager']) expect(codeOf(() => requireEvaluationReader(ROLES[name]))).toBe('FORBIDDEN');
    expect(codeOf(() => evaluationScope(ROLES.otherAdmin, P))).toBe('FORBIDDEN');
  });

  it('add up the partnership for steering and administrators, an organisation\'s staff and courses for a lead, a provider\'s courses', () => {
    expect(evaluationScope(ROLES.steering, P)).toEqual({ partnershipId: P, everything: true });
    expect(evaluationScope(ROLES.admin, P)).toEqual({ partnershipId: P, everything: true });
    expect(evaluationScope(ROLES.lead, P)).toEqual({ partnershipId: P, everything: false, staffOfOrganisationIds: [A], coursesOfProviderIds: [A] });
    expect(evaluationScope(ROLES.provider, P)).toEqual({ partnershipId: P, everything: false, staffOfOrganisationIds: [], coursesOfProviderIds: [B] });
  });
});
