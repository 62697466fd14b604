import type { ReactNode } from 'react';
import type { Role } from '../gql/graphql';
import { useViewer, type SignedInViewer } from '../account/use-viewer';
import { AccessProblemPage } from './access-problem';

/** Who each protected area is for, in the words of its "You need to be…" page. */
export const AREA_AUDIENCE = {
  PARTNERSHIP_ADMIN: { needs: 'an administrator', who: 'Partnership administrators' },
  LD_LEAD: { needs: 'an L&D lead', who: 'Learning and development leads' },
  LINE_MANAGER: { needs: 'a line manager', who: 'Line managers' },
} satisfies Partial<Record<Role, { needs: string; who: string }>>;

export type AreaRole = keyof typeof AREA_AUDIENCE;

/**
 * A page for one role: signed out, off to sign in (and back); signed in without the role, the
 * "You need to be…" page. The API checks every request again: pages also show its refusals.
 */
export function RequireRole({ role, children }: { role: AreaRole; children: (viewer: SignedInViewer) => ReactNode }) {
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  const audience = AREA_AUDIENCE[role];
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...audience} />;
  if (!viewer.roles.some((grant) => grant.role === role)) return <AccessProblemPage problem="FORBIDDEN" {...audience} />;
  return <>{children(viewer)}</>;
}
