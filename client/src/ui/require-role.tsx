import type { ReactNode } from 'react';
import type { Role } from '../gql/graphql';
import { useViewer, type SignedInViewer } from './use-viewer';
import { AccessProblemPage } from './access-problem';

/** Who each protected area is for, in the words of its "You need to be…" page. */
export const AREA_AUDIENCE = {
  PARTNERSHIP_ADMIN: { needs: 'an administrator', who: 'Partnership administrators' },
  LD_LEAD: { needs: 'an L&D lead', who: 'Learning and development leads' },
  LINE_MANAGER: { needs: 'a line manager', who: 'Line managers' },
} satisfies Partial<Record<Role, { needs: string; who: string }>>;

export type AreaRole = keyof typeof AREA_AUDIENCE;

/** Who a page is for: any of these roles, and the words of its "You need to be…" page. */
export interface Audience {
  roles: readonly Role[];
  needs: string;
  who: string;
}

/**
 * The one guard for a page that needs a role: `role` for one (its words from AREA_AUDIENCE), or
 * `audience` for any of several (the funding pages' FUNDING_AUDIENCE). Signed out, off to sign in
 * (and back); signed in without the role, the "You need to be…" page. The API checks every
 * request again: pages also show its refusals.
 */
export function RequireRole({ children, ...who }: ({ role: AreaRole } | { audience: Audience }) & { children: (viewer: SignedInViewer) => ReactNode }) {
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  const audience: Audience = 'audience' in who ? who.audience : { roles: [who.role], ...AREA_AUDIENCE[who.role] };
  const words = { needs: audience.needs, who: audience.who };
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...words} />;
  const held = new Set(viewer.roles.map((grant) => grant.role));
  if (!audience.roles.some((role) => held.has(role))) return <AccessProblemPage problem="FORBIDDEN" {...words} />;
  return <>{children(viewer)}</>;
}
