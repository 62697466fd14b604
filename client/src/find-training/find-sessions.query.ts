import { graphql } from '../gql/gql';

export const FindSessionsQuery = graphql(`
  query FindSessions($partnershipSlug: String!, $filter: SessionFilter, $sort: SessionSort, $first: Int!, $after: String) {
    sessions(partnershipSlug: $partnershipSlug, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        cursor
        node {
          id
          startsAt
          endsAt
          deliveryMode
          seatsLeft
          distanceKm
          seatAvailability
          venue {
            id
            name
            town
          }
          isFree
          costPerPlace {
            pence
            formatted
          }
          course {
            id
            title
            provider {
              id
              name
            }
          }
        }
      }
    }
  }
`);
