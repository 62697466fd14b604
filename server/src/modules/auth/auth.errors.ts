import { moduleErrors } from '../../graphql/module-errors';

/** Every code the auth module puts in userErrors; the client may switch on them. */
export type AuthErrorCode =
  | 'RATE_LIMITED' | 'INVALID_CREDENTIALS' | 'NOT_FOUND' | 'REQUIRED' | 'WEAK_PASSWORD'
  /** A reset, confirmation or invitation link that is unknown, used or expired (all alike). */
  | 'INVALID_TOKEN'
  | 'TAKEN';

export const { userError } = moduleErrors<AuthErrorCode>();
