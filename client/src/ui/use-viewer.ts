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
