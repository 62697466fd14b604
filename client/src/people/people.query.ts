import { graphql } from '../gql/gql';

/** The people a lead or a line manager may see: read-only, so no roles or account state. */
export const PeopleListQuery = graphql(`
  query PeopleList($organisationId: ID, $directReportsOnly: Boolean, $search: String, $first: Int!, $after: String) {
    people(organisationId: $organisationId, directReportsOnly: $directReportsOnly, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        cursor
        node {
          id
          name
          email
          kind
          jobTitle
          team
          lineManager {
            id
            name
          }
        }
      }
    }
  }
`);
