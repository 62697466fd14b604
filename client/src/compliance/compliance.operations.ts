import { graphql } from '../gql/gql';

export const ComplianceMatrixFields = graphql(`
  fragment ComplianceMatrixFields on ComplianceMatrix {
    today
    teams
    csvPath
    totals { required compliantPercent }
    subjects {
      subject { code name subject level }
      renewalMonths
      totals { required compliant expiring90 expiring60 expiring30 overdue neverDone compliantPercent }
    }
  }
`);

export const ComplianceRowFields = graphql(`
  fragment ComplianceRowFields on ComplianceRow {
    personId
    name
    jobTitle
    team
    cells {
      subjectCode
      status
      completedOn
      expiresOn
      daysLeft
      refused { fromOrganisationName completedOn reason }
    }
  }
`);

/** A page of the rows (one subject's people, or everyone's for one person), the totals being the whole matrix's. */
export const ComplianceRowsPageFields = graphql(`
  fragment ComplianceRowsPageFields on ComplianceRowConnection {
    totalCount
    pageInfo { ...PageFields }
    edges { cursor node { ...ComplianceRowFields } }
  }
`);

export const ComplianceMatrixQuery = graphql(`
  query ComplianceMatrix($organisationId: ID!, $status: ComplianceStatus, $team: String, $subjectCode: String, $first: Int, $after: String) {
    complianceMatrix(organisationId: $organisationId, status: $status, team: $team) {
      organisation { id name }
      ...ComplianceMatrixFields
    }
    matrixRows: complianceMatrix(organisationId: $organisationId, status: $status, team: $team, subjectCode: $subjectCode) {
      rowsPage(first: $first, after: $after) { ...ComplianceRowsPageFields }
    }
  }
`);

export const TeamComplianceMatrixQuery = graphql(`
  query TeamComplianceMatrix($status: ComplianceStatus, $subjectCode: String, $first: Int, $after: String) {
    teamComplianceMatrix(status: $status) {
      ...ComplianceMatrixFields
    }
    matrixRows: teamComplianceMatrix(status: $status, subjectCode: $subjectCode) {
      rowsPage(first: $first, after: $after) { ...ComplianceRowsPageFields }
    }
  }
`);

export const ComplianceSummaryQuery = graphql(`
  query ComplianceSummary($partnershipSlug: String!) {
    complianceSummary(partnershipSlug: $partnershipSlug) {
      today
      totals { required compliantPercent }
      organisations { organisationId name sector people totals { required compliant expiring30 overdue neverDone compliantPercent } }
      sectors { organisationId name sector people totals { required compliant expiring30 overdue neverDone compliantPercent } }
    }
  }
`);

export const BookOverdueMutation = graphql(`
  mutation BookOverdue($input: BookOverdueInput!) {
    bookOverdue(input: $input) {
      results {
        personId
        name
        outcome
        message
        waitlistPosition
        session { id startsAt course { title } }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/**
 * An organisation's compliance settings (its renewal periods, its staff groups' requirements, the
 * completions it refuses), read without its matrix, with the subjects and partners to choose from.
 */
export const ComplianceSettingsQuery = graphql(`
  query ComplianceSettings($organisationId: ID!, $partnershipSlug: String!) {
    complianceSettings(organisationId: $organisationId) {
      organisation { id name }
      renewalPeriods { subjectCode renewalMonths own }
      requirements { id subjectCode personKind jobTitle team }
      refusals { fromOrganisationId fromOrganisationName subjectCode reason }
    }
    mandatorySubjects { code name }
    organisations(partnershipSlug: $partnershipSlug) { id name }
  }
`);

export const SetRenewalPeriodMutation = graphql(`
  mutation SetRenewalPeriod($input: SetRenewalPeriodInput!) {
    setRenewalPeriod(input: $input) {
      renewalPeriod { subjectCode renewalMonths own }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AddComplianceRequirementMutation = graphql(`
  mutation AddComplianceRequirement($input: AddComplianceRequirementInput!) {
    addComplianceRequirement(input: $input) {
      requirement { id }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveComplianceRequirementMutation = graphql(`
  mutation RemoveComplianceRequirement($input: RemoveComplianceRequirementInput!) {
    removeComplianceRequirement(input: $input) {
      requirement { id }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RefuseCompletionsMutation = graphql(`
  mutation RefuseCompletions($input: RefuseCompletionsInput!) {
    refuseCompletions(input: $input) {
      refusal { fromOrganisationId subjectCode }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AcceptCompletionsMutation = graphql(`
  mutation AcceptCompletions($input: AcceptCompletionsInput!) {
    acceptCompletions(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
