import { graphql } from '../gql/gql';

/**
 * The selections every operation asks for in the same shape, written once: a mutation's
 * field-level errors (shown by form-errors.ts) and a connection's page position (read by
 * paging.ts). Operations spread them by name (`...UserErrorFields`, `...PageFields`); the
 * generated documents carry the fragments, and with fragment masking off the result types are
 * the plain fields.
 */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

export const PageFields = graphql(`
  fragment PageFields on PageInfo {
    hasNextPage
    endCursor
  }
`);
