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
