import { userError, type UserError } from '../../graphql/user-error';

/** Every code the people module puts in userErrors; the client may switch on them. */
export enum PeopleErrorCode {
  /** No such person or organisation in the administrator's partnership (other partnerships' ids look the same). */
  NOT_FOUND = 'NOT_FOUND',
  /** An organisation-scoped role was asked for without an organisation. */
  REQUIRED = 'REQUIRED',
  /** A partnership-wide role was asked for with an organisation. */
  NOT_ALLOWED = 'NOT_ALLOWED',
  ALREADY_GRANTED = 'ALREADY_GRANTED',
  NOT_GRANTED = 'NOT_GRANTED',
  /** Revoking it would leave the partnership with no administrator. */
  LAST_ADMIN = 'LAST_ADMIN',
  /** Administrators cannot disable themselves. */
  SELF = 'SELF',
  /** The import id is already used by another import. */
  TAKEN = 'TAKEN',
}

export function peopleError(field: string[], message: string, code: PeopleErrorCode): UserError {
  return userError(field, message, code);
}
