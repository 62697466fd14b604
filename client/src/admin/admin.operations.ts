import { graphql } from '../gql/gql';

export const AdminOrganisationsQuery = graphql(`
  query AdminOrganisations($partnershipSlug: String!) {
    organisations(partnershipSlug: $partnershipSlug) {
      id
      name
      shortCode
      sector
      role
      deliversTraining
      staffHeadcount
      volunteerHeadcount
      sectorGroup {
        id
        name
      }
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      organisation {
        id
        name
      }
      lead {
        id
        name
        email
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AdminPersonFields = graphql(`
  fragment AdminPersonFields on Person {
    id
    name
    email
    kind
    jobTitle
    team
    disabled
    organisation {
      id
      name
    }
    lineManager {
      id
      name
    }
    roles {
      role
      organisation {
        id
        name
      }
    }
  }
`);

export const AdminPeopleQuery = graphql(`
  query AdminPeople($organisationId: ID, $search: String, $first: Int!, $after: String) {
    people(organisationId: $organisationId, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        cursor
        node {
          ...AdminPersonFields
        }
      }
    }
  }
`);

export const GrantRoleMutation = graphql(`
  mutation GrantRole($input: RoleChangeInput!) {
    grantRole(input: $input) {
      person {
        ...AdminPersonFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RevokeRoleMutation = graphql(`
  mutation RevokeRole($input: RoleChangeInput!) {
    revokeRole(input: $input) {
      person {
        ...AdminPersonFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetPersonDisabledMutation = graphql(`
  mutation SetPersonDisabled($input: SetPersonDisabledInput!) {
    setPersonDisabled(input: $input) {
      person {
        ...AdminPersonFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PeopleImportFields = graphql(`
  fragment PeopleImportFields on PeopleImport {
    id
    status
    totalRows
    processedRows
    importedCount
    errors {
      line
      field
      message
    }
    organisation {
      id
      name
    }
  }
`);

export const ImportPeopleMutation = graphql(`
  mutation ImportPeople($input: ImportPeopleInput!) {
    importPeople(input: $input) {
      import {
        ...PeopleImportFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PeopleImportProgressQuery = graphql(`
  query PeopleImportProgress($id: ID!) {
    peopleImport(id: $id) {
      ...PeopleImportFields
    }
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLog($first: Int!, $after: String) {
    auditLog(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        cursor
        node {
          id
          occurredAt
          action
          summary
          ipAddress
        }
      }
    }
  }
`);
