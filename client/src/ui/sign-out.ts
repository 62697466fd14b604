import { createContext, useContext } from 'react';

/** Signing out, as the header needs it: go to `to` afterwards (a full page load). */
export interface SignOut {
  signOut: (to: string) => Promise<void>;
  signingOut: boolean;
}

/**
 * The header's "Sign out" is the account area's (account/sign-out-provider.tsx, around the whole
 * app in main.tsx): ui/ only asks for it, so it needs no API operation of its own.
 */
export const SignOutContext = createContext<SignOut | null>(null);

export function useSignOutAction(): SignOut {
  const signOut = useContext(SignOutContext);
  if (!signOut) throw new Error('The header needs a SignOutProvider around the app (main.tsx).');
  return signOut;
}
