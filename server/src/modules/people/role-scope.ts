import type { RoleName } from '../auth/viewer';

/**
 * Which roles are held for an organisation and which across the partnership. Volunteers may
 * belong to an organisation or be independent; steering group members and administrators act
 * for the whole partnership; everyone else acts for one organisation.
 */
const PARTNERSHIP_WIDE: ReadonlySet<RoleName> = new Set(['steering_group', 'partnership_admin']);
const ORGANISATION_OPTIONAL: ReadonlySet<RoleName> = new Set(['volunteer']);

export type RoleScopeProblem = 'ORGANISATION_REQUIRED' | 'ORGANISATION_NOT_ALLOWED';

export function roleScopeProblem(role: RoleName, organisationId: string | null): RoleScopeProblem | null {
  if (PARTNERSHIP_WIDE.has(role)) return organisationId === null ? null : 'ORGANISATION_NOT_ALLOWED';
  if (ORGANISATION_OPTIONAL.has(role)) return null;
  return organisationId === null ? 'ORGANISATION_REQUIRED' : null;
}
