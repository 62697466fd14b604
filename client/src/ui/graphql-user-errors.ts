import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** A mistake in the input, as the API reports it: the path of the field, e.g. ["filter", "to"]. */
export interface ApiUserError {
  field: string[];
  message: string;
  code: string;
}

function isUserError(value: unknown): value is ApiUserError {
  const candidate = value as Partial<ApiUserError> | null;
  return !!candidate && Array.isArray(candidate.field) && typeof candidate.message === 'string';
}

/**
 * Queries have no payload for userErrors, so the API answers bad arguments with a GraphQL
 * error coded BAD_USER_INPUT that carries them in extensions.userErrors. Anything else is
 * not the person's to fix, and gives an empty list.
 */
export function userErrorsOf(error: unknown): ApiUserError[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((graphQLError) => {
    const extensions = graphQLError.extensions ?? {};
    if (extensions.code !== 'BAD_USER_INPUT') return [];
    const listed = Array.isArray(extensions.userErrors) ? extensions.userErrors.filter(isUserError) : [];
    return listed.length ? listed : [{ field: [], message: graphQLError.message, code: 'INVALID' }];
  });
}
