import { CombinedGraphQLErrors } from '@apollo/client/errors';

export type AccessProblem = 'UNAUTHENTICATED' | 'FORBIDDEN';

/**
 * Whether the API refused because the caller is signed out (UNAUTHENTICATED) or lacks the role
 * (FORBIDDEN); null for any other outcome. Signed out wins: signing in may fix both.
 */
export function accessProblemOf(error: unknown): AccessProblem | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const codes = new Set(error.errors.map((e) => e.extensions?.code));
  if (codes.has('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (codes.has('FORBIDDEN')) return 'FORBIDDEN';
  return null;
}
