import type { Config } from '../../config';
import type { RoleGrant, RoleName } from './viewer';

/**
 * How long a session may last, by the roles of the person behind it (ASVS 5.0 V7.3, documented
 * in docs/architecture.md "Sessions"). The privileged roles, who manage the partnership's people,
 * money and registers, get the limits of NIST SP 800-63B AAL2: 30 minutes idle and 12 hours in
 * all. Learners, volunteers and line managers, who book and see their own (and their reports')
 * training, get 2 hours idle and 14 days in all. A person with any privileged role has the
 * privileged limits, read on each request, so a role granted during a session tightens it.
 */
export const PRIVILEGED_ROLES: readonly RoleName[] = ['partnership_admin', 'steering_group', 'ld_lead', 'provider_coordinator'];

/** Last use is written at most this often, so that a busy session is not a write per request. */
export const LAST_SEEN_PRECISION_SECONDS = 60;

export interface SessionLimits {
  idleMinutes: number;
  lifetimeHours: number;
}

type LimitsConfig = Pick<Config, 'sessionTtlHours' | 'sessionIdleMinutes' | 'privilegedSessionTtlHours' | 'privilegedSessionIdleMinutes'>;

export function isPrivileged(roles: readonly RoleGrant[]): boolean {
  return roles.some((grant) => PRIVILEGED_ROLES.includes(grant.role));
}

export function sessionLimits(roles: readonly RoleGrant[], config: LimitsConfig): SessionLimits {
  return isPrivileged(roles)
    ? { idleMinutes: config.privilegedSessionIdleMinutes, lifetimeHours: config.privilegedSessionTtlHours }
    : { idleMinutes: config.sessionIdleMinutes, lifetimeHours: config.sessionTtlHours };
}
