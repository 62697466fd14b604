import { graphql } from '../gql/gql';

export const PartnershipBySlugQuery = graphql(`
  query PartnershipBySlug($slug: String!) {
    partnership(slug: $slug) {
      id
      name
      slug
    }
  }
`);
