import { moduleErrors, type Refuse } from '../../graphql/module-errors';

/** Every code the people module puts in userErrors; the client may switch on them. */
export type PeopleErrorCode =
  /** No such person or organisation in the administrator's partnership (other partnerships' ids look the same). */
  | 'NOT_FOUND'
  /** An organisation-scoped role was asked for without an organisation. */
  | 'REQUIRED'
  /** A partnership-wide role was asked for with an organisation. */
  | 'NOT_ALLOWED'
  | 'ALREADY_GRANTED'
  | 'NOT_GRANTED'
  /** Revoking it would leave the partnership with no administrator. */
  | 'LAST_ADMIN'
  /** Administrators cannot disable themselves. */
  | 'SELF'
  /** The import id is already used by another import. */
  | 'TAKEN';

const errors = moduleErrors<PeopleErrorCode>();
export const { userError: peopleError, refuseAll, badArgument } = errors;
export const refuse: Refuse<PeopleErrorCode> = errors.refuse;
