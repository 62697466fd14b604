import { graphql } from '../gql/gql';

export const PartnershipsQuery = graphql(`
  query Partnerships {
    partnerships {
      id
      name
      slug
    }
  }
`);
