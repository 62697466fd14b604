import type { RoleName } from '../auth/viewer';
import { roleScopeProblem } from './role-scope';

const ORG = '0d7c6d0e-5f1b-4c55-9d1e-1c2b3a4d5e6f';

describe('roleScopeProblem', () => {
  it.each<RoleName>(['learner', 'line_manager', 'ld_lead', 'provider_coordinator'])('%s needs an organisation', (role) => {
    expect(roleScopeProblem(role, null)).toBe('ORGANISATION_REQUIRED');
    expect(roleScopeProblem(role, ORG)).toBeNull();
  });

  it.each<RoleName>(['steering_group', 'partnership_admin'])('%s is partnership-wide', (role) => {
    expect(roleScopeProblem(role, null)).toBeNull();
    expect(roleScopeProblem(role, ORG)).toBe('ORGANISATION_NOT_ALLOWED');
  });

  it('lets a volunteer belong to an organisation or to none', () => {
    expect(roleScopeProblem('volunteer', null)).toBeNull();
    expect(roleScopeProblem('volunteer', ORG)).toBeNull();
  });
});
