import { graphql } from '../gql/gql';

export const ComplianceMatrixFields = graphql(`
  fragment ComplianceMatrixFields on ComplianceMatrix {
    today
    teams
    csv
    totals { required compliantPercent }
    subjects {
      subject { code name subject level }
      renewalMonths
      totals { required compliant expiring90 expiring60 expiring30 overdue neverDone compliantPercent }
    }
    rows {
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
  }
`);

export const ComplianceMatrixQuery = graphql(`
  query ComplianceMatrix($organisationId: ID!, $status: ComplianceStatus, $team: String) {
    complianceMatrix(organisationId: $organisationId, status: $status, team: $team) {
      organisation { id name }
      ...ComplianceMatrixFields
    }
  }
`);

export const TeamComplianceMatrixQuery = graphql(`
  query TeamComplianceMatrix($status: ComplianceStatus) {
    teamComplianceMatrix(status: $status) {
      ...ComplianceMatrixFields
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
