import { UnauthenticatedError } from '../../graphql/access-errors';

/** Who is asking, as the server knows it from their session. Null when signed out. */
export type RoleName = 'volunteer' | 'learner' | 'line_manager' | 'ld_lead' | 'provider_coordinator'
  | 'steering_group' | 'partnership_admin';

export interface RoleGrant {
  role: RoleName;
  /** The organisation the role is held for; null for partnership-wide roles. */
  organisationId: string | null;
}

export interface Viewer {
  personId: string;
  partnershipId: string;
  organisationId: string | null;
  roles: RoleGrant[];
}

export function hasRole(viewer: Viewer | null, role: RoleName, organisationId?: string | null): boolean {
  if (!viewer) return false;
  return viewer.roles.some((grant) => grant.role === role
    && (organisationId === undefined || grant.organisationId === null || grant.organisationId === organisationId));
}

export function organisationsWithRole(viewer: Viewer | null, role: RoleName): string[] {
  return (viewer?.roles ?? []).flatMap((grant) => (grant.role === role && grant.organisationId ? [grant.organisationId] : []));
}

/**
 * The one definition of an administrator: a partnership-wide `partnership_admin` grant. A grant
 * written for one organisation (the role has none; role-scope.ts refuses one) confers nothing.
 */
export function isPartnershipAdmin(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.roles.some((grant) => grant.role === 'partnership_admin' && grant.organisationId === null);
}

/** Whether the viewer is an L&D lead of this very organisation (none: no one leads it). */
export function leadsOrganisation(viewer: Viewer | null, organisationId: string | null): boolean {
  return organisationId !== null && organisationsWithRole(viewer, 'ld_lead').includes(organisationId);
}

/**
 * The first line of every policy: signed out is UNAUTHENTICATED. Returns the viewer, so what
 * follows is typed as signed in.
 */
export function requireSignedIn(viewer: Viewer | null, message?: string): Viewer {
  if (!viewer) throw new UnauthenticatedError(message);
  return viewer;
}
