import type { ApolloClient } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { SignOutMutation } from './auth.mutations';

/**
 * Forgets everything fetched under the old session and asks again for what is on screen.
 * resetStore rejects when a query it refetches is cancelled on the way (its component went
 * away, or asked again): that is no failure here, so whatever is still shown is asked for once more.
 */
async function resetStore(client: ApolloClient): Promise<void> {
  try {
    await client.resetStore();
  } catch {
    await client.refetchQueries({ include: 'active' }).catch(() => undefined);
  }
}

/**
 * After signing in (or registering, or resetting a password): forget everything fetched as
 * the person before, so the header and every page ask again with the new session, then go on.
 */
export function useAfterSignIn(): (to: string) => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  return async (to) => {
    await resetStore(client);
    await navigate(to, { replace: true });
  };
}

/**
 * Signs out, then loads the page anyone may see afresh. A full page load rather than a store
 * reset: nothing fetched for the person (people lists, the audit log, what they typed) stays in
 * memory on a shared computer, and no query of the page being left can be caught half way by
 * the reset (Apollo's resetStore aborts queries in flight, and a page just navigated to has some).
 */
export function useSignOut(): { signOut: (to: string) => Promise<void>; signingOut: boolean } {
  const [signOutMutation, { loading }] = useMutation(SignOutMutation);
  const signOut = async (to: string) => {
    try {
      await signOutMutation();
    } catch {
      // Signing out again from the new page will work; leaving now at least forgets it all locally.
    }
    window.location.assign(to);
  };
  return { signOut, signingOut: loading };
}
