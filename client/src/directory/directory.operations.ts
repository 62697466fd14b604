import { graphql } from '../gql/gql';

export const PartnershipDirectoryQuery = graphql(`
  query PartnershipDirectory($partnershipSlug: String!) {
    partnershipDirectory(partnershipSlug: $partnershipSlug) {
      id
      description
      website
      contactEmail
      contactPhone
      updatedAt
      viewerCanEdit
      organisation {
        id
        name
        sector
        role
        deliversTraining
        orgId
        sectorGroup {
          id
          name
        }
      }
      leads {
        id
        name
        jobTitle
        email
      }
    }
  }
`);

export const UpdateOrganisationEntryMutation = graphql(`
  mutation UpdateOrganisationEntry($input: UpdateOrganisationEntryInput!) {
    updateOrganisationEntry(input: $input) {
      entry {
        id
        description
        website
        contactEmail
        contactPhone
        updatedAt
        organisation {
          id
          name
          deliversTraining
          orgId
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
