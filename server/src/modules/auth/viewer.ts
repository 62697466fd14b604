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
