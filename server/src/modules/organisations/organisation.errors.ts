import { moduleErrors } from '../../graphql/module-errors';

/** Every code the organisations module puts in userErrors; the client may switch on them. */
export type OrganisationErrorCode = 'REQUIRED' | 'NOT_FOUND' | 'TAKEN' | 'NOT_ALLOWED' | 'FORBIDDEN';

export const { userError } = moduleErrors<OrganisationErrorCode>();
