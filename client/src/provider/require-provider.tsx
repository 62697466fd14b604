import type { ReactNode } from 'react';
import { useViewer, type SignedInViewer } from '../ui/use-viewer';
import { AccessProblemPage } from '../ui/access-problem';

export const PROVIDER_AUDIENCE = { needs: 'a provider coordinator or an administrator', who: 'Provider coordinators and partnership administrators' };

/** The organisations a viewer publishes for: those they coordinate for (an administrator: any, chosen on the form). */
export function providerOrganisations(viewer: SignedInViewer): Array<{ id: string; name: string }> {
  const seen = new Map<string, { id: string; name: string }>();
  for (const grant of viewer.roles) if (grant.role === 'PROVIDER_COORDINATOR' && grant.organisation) seen.set(grant.organisation.id, grant.organisation);
  return [...seen.values()];
}

export const isAdministrator = (viewer: SignedInViewer) => viewer.roles.some((grant) => grant.role === 'PARTNERSHIP_ADMIN');

/** A provider's page: signed out, off to sign in (and back); without the role, the "You need to be…" page. The API checks again. */
export function RequireProvider({ children }: { children: (viewer: SignedInViewer) => ReactNode }) {
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...PROVIDER_AUDIENCE} />;
  if (!isAdministrator(viewer) && !providerOrganisations(viewer).length) return <AccessProblemPage problem="FORBIDDEN" {...PROVIDER_AUDIENCE} />;
  return <>{children(viewer)}</>;
}
