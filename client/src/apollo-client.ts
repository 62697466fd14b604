import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * One client for the app. Each page of search results has its own address, so each page is
 * cached on its own (keyed by every argument) rather than merged into an endless list.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // The session is an httpOnly cookie on this origin; say so rather than rely on fetch's default.
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            sessions: { keyArgs: ['partnershipSlug', 'filter', 'sort', 'first', 'after'] },
            // A session opened from the results is already partly in the cache.
            session: {
              read(existing, { args, toReference }) {
                return existing !== undefined ? existing : toReference({ __typename: 'Session', id: args?.id });
              },
            },
          },
        },
        // Money has no id: replace it whole under its parent.
        Money: { merge: true },
      },
    }),
  });
}
