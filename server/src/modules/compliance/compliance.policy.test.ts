import type { RoleGrant, Viewer } from '../auth/viewer';
import { canBookOverdue, canManageCompliance, canSeeComplianceSummary, canSeeOrganisationCompliance, canSeeTeamCompliance,
  requireComplianceCaller, requireOrganisationCompliance } from './compliance.policy';

const P = 'partnership-1';
const OTHER = 'partnership-2';
const [A, B] = ['org-a', 'org-b'];
const viewer = (roles: RoleGrant[], overrides: Partial<Viewer> = {}): Viewer => ({ personId: 'me', partnershipId: P, organisationId: A, roles, ...overrides });

const ROLES: Record<string, Viewer> = {
  volunteer: viewer([{ role: 'volunteer', organisationId: null }], { organisationId: null }),
  learner: viewer([{ role: 'learner', organisationId: A }]),
  manager: viewer([{ role: 'learner', organisationId: A }, { role: 'line_manager', organisationId: A }]),
  leadA: viewer([{ role: 'ld_lead', organisationId: A }]),
  leadB: viewer([{ role: 'ld_lead', organisationId: B }], { organisationId: B }),
  provider: viewer([{ role: 'provider_coordinator', organisationId: B }], { organisationId: B }),
  steering: viewer([{ role: 'steering_group', organisationId: null }]),
  admin: viewer([{ role: 'partnership_admin', organisationId: null }]),
  otherAdmin: viewer([{ role: 'partnership_admin', organisationId: null }], { partnershipId: OTHER }),
  adminOfOneOrganisation: viewer([{ role: 'partnership_admin', organisationId: A }]),
};
const orgA = { id: A, partnershipId: P };
const allowed = (rule: (v: Viewer) => boolean) => Object.entries(ROLES).filter(([, v]) => rule(v)).map(([name]) => name);

describe('compliance.policy, every role through every rule', () => {
  it('shows and lets manage an organisation\'s compliance to its leads and administrators of the partnership', () => {
    expect(allowed((v) => canSeeOrganisationCompliance(v, orgA))).toEqual(['leadA', 'admin']);
    expect(allowed((v) => canManageCompliance(v, orgA))).toEqual(['leadA', 'admin']);
  });
  it('lets only the organisation\'s leads book its overdue people', () => {
    expect(allowed((v) => canBookOverdue(v, orgA))).toEqual(['leadA']);
  });
  it('gives the team matrix to line managers', () => {
    expect(allowed(canSeeTeamCompliance)).toEqual(['manager']);
  });
  it('gives the partnership\'s percentages to the steering group and administrators of that partnership', () => {
    expect(allowed((v) => canSeeComplianceSummary(v, P))).toEqual(['steering', 'admin']);
    expect(allowed((v) => canSeeComplianceSummary(v, OTHER))).toEqual(['otherAdmin']);
  });
  it('refuses signed out as UNAUTHENTICATED and the rest as FORBIDDEN', () => {
    expect(() => requireComplianceCaller(null)).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
    expect(() => requireOrganisationCompliance(ROLES.leadB, orgA)).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
    expect(() => requireOrganisationCompliance(ROLES.leadA, orgA)).not.toThrow();
  });
});
