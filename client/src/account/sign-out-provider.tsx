import type { ReactNode } from 'react';
import { SignOutContext } from '../ui/sign-out';
import { useSignOut } from './use-session-change';

/** Gives the header (ui/site-header.tsx) the account's way of signing out. */
export function SignOutProvider({ children }: { children: ReactNode }) {
  return <SignOutContext.Provider value={useSignOut()}>{children}</SignOutContext.Provider>;
}
