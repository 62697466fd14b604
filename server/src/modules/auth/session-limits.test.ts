import { loadConfig } from '../../config';
import { sessionLimits } from './session-limits';
import type { RoleName } from './viewer';

const config = loadConfig();
const limitsOf = (...roles: RoleName[]) => sessionLimits(roles.map((role) => ({ role, organisationId: null })), config);

describe('session limits by role', () => {
  it.each<RoleName>(['partnership_admin', 'steering_group', 'ld_lead', 'provider_coordinator'])('gives %s 30 minutes idle and 12 hours', (role) => {
    expect(limitsOf(role)).toEqual({ idleMinutes: 30, lifetimeHours: 12 });
  });

  it.each<RoleName>(['learner', 'volunteer', 'line_manager'])('gives %s 2 hours idle and 14 days', (role) => {
    expect(limitsOf(role)).toEqual({ idleMinutes: 120, lifetimeHours: 14 * 24 });
  });

  it('gives anyone with a privileged role among others the privileged limits, and no roles the others\'', () => {
    expect(limitsOf('learner', 'line_manager', 'ld_lead')).toEqual({ idleMinutes: 30, lifetimeHours: 12 });
    expect(limitsOf()).toEqual({ idleMinutes: 120, lifetimeHours: 14 * 24 });
  });
});
