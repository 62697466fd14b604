import { useQuery } from '@apollo/client/react';
import type { ViewerQuery as ViewerQueryResult } from '../gql/graphql';
import { ViewerQuery } from './viewer.query';

export type SignedInViewer = NonNullable<ViewerQueryResult['viewer']>;

/**
 * The signed-in person, or null. Every page's header asks, so it is fetched once and then read
 * from the cache; signing in or out resets the cache, which asks again. A failed request counts
 * as signed out: the API refuses anything that needs a session anyway.
 */
export function useViewer(): { viewer: SignedInViewer | null; loading: boolean } {
  const { data, loading } = useQuery(ViewerQuery);
  return { viewer: data?.viewer ?? null, loading: loading && !data };
}

/** A partnership administrator: the grant for the whole partnership (one limited to an organisation is not one), as the server's rule. */
export function isPartnershipAdministrator(viewer: SignedInViewer): boolean {
  return viewer.roles.some((grant) => grant.role === 'PARTNERSHIP_ADMIN' && !grant.organisation);
}

/** The organisations a lead leads, their own first (as the API orders its default), then by name. */
export function ledOrganisations(viewer: SignedInViewer): Array<{ id: string; name: string }> {
  const led = new Map<string, { id: string; name: string }>();
  for (const grant of viewer.roles) {
    if (grant.role === 'LD_LEAD' && grant.organisation) led.set(grant.organisation.id, grant.organisation);
  }
  const own = viewer.organisation && led.get(viewer.organisation.id);
  const others = [...led.values()].filter((o) => o !== own).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return own ? [own, ...others] : others;
}
