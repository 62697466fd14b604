import { graphql } from '../gql/gql';

export const PartnerOrganisationsQuery = graphql(`
  query PartnerOrganisations($partnershipSlug: String!) {
    organisations(partnershipSlug: $partnershipSlug) {
      id
      name
      shortCode
      sector
    }
  }
`);
