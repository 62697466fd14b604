import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from '../../graphql/context';

/**
 * The exports read through the GraphQL API itself, in process, with the request's context: the
 * figures are the page's, and the access rules, limits and error masking are the API's.
 */

/** An answer the export gives instead of a file: the HTTP status and a plain message. */
export class ExportRefusal extends Error {
  /** For the log when the status is 5xx: the GraphQL error as it came. */
  constructor(readonly status: number, message: string, readonly detail?: string) {
    super(message);
  }
}

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, GRAPHQL_VALIDATION_FAILED: 500,
};

function refusalOf(error: GraphQLFormattedError): ExportRefusal {
  const code = String(error.extensions?.code ?? '');
  const userErrors = error.extensions?.userErrors as Array<{ code?: string }> | undefined;
  // An unknown partnership is a BAD_USER_INPUT whose userError is NOT_FOUND: in an address, that is a 404.
  if (code === 'BAD_USER_INPUT' && userErrors?.some((e) => e.code === 'NOT_FOUND')) return new ExportRefusal(404, error.message);
  const status = STATUS_BY_CODE[code] ?? 500;
  // Our own operations failing validation is our bug: the caller gets the masked answer, not the detail.
  return new ExportRefusal(status, status === 500 && code !== 'INTERNAL_SERVER_ERROR'
    ? 'Something went wrong on our side preparing the export.' : error.message, `${code}: ${error.message}`);
}

export type RunQuery = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/** Runs operations as the request's viewer; a GraphQL error becomes an ExportRefusal with its status. */
export function queryRunner(apollo: ApolloServer<Context>, contextValue: Context): RunQuery {
  return async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await apollo.executeOperation<T>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('funding export: an incremental GraphQL response was not expected');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw refusalOf(errors[0]);
    if (!data) throw new Error('funding export: a GraphQL response without data');
    // In process the scalars are not serialised yet (a DateTime is still a Date): read the data as
    // a client over HTTP would, so the export writes exactly what the page shows.
    return JSON.parse(JSON.stringify(data)) as T;
  };
}
