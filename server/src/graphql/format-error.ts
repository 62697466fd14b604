import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { BadUserInputError } from './user-error';
import { validationUserErrors } from './input-errors';
import { ForbiddenError, UnauthenticatedError } from './access-errors';

/**
 * Codes graphql-js and Apollo give to problems with the request itself (syntax, unknown
 * fields, variables of the wrong type): the caller's mistake, safe to show as they are.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

function withExtensions(formatted: GraphQLFormattedError, error: GraphQLError): GraphQLFormattedError {
  return { message: error.message, path: formatted.path, locations: formatted.locations, extensions: error.extensions };
}

/**
 * Known errors pass through; everything else is masked (no SQL, no stack) and reported, and the
 * client gets the reference under which the log keeps it. Decided by class, never by message.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  reportInternal: (original: unknown) => string,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) {
    return withExtensions(formatted, new BadUserInputError(validationUserErrors(original.extensions.validationErrors, [])));
  }
  if (original instanceof BadUserInputError || original instanceof UnauthenticatedError
    || original instanceof ForbiddenError) {
    return withExtensions(formatted, original);
  }
  // Errors about the request itself come before any resolver runs, so they have no path.
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError && !formatted.path && REQUEST_ERROR_CODES.has(String(code))) {
    return formatted;
  }
  const reference = reportInternal(original);
  return {
    message: `Something went wrong on our side. If it keeps happening, quote reference ${reference}.`,
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR', reference },
  };
}
