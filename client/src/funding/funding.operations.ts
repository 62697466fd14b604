import { graphql } from '../gql/gql';

export const MoneySummaryFields = graphql(`
  fragment MoneySummaryFields on MoneySummary {
    budget {
      pence
      formatted
    }
    committed {
      pence
      formatted
    }
    spent {
      pence
      formatted
    }
    remaining {
      pence
      formatted
    }
  }
`);

export const BreakdownFields = graphql(`
  fragment BreakdownFields on MoneyBreakdown {
    key
    label
    summary {
      ...MoneySummaryFields
    }
  }
`);

export const FundingOverviewQuery = graphql(`
  query FundingOverview($partnershipSlug: String!, $financialYear: String!) {
    fundingOverview(partnershipSlug: $partnershipSlug, financialYear: $financialYear) {
      financialYear
      scope {
        kind
        name
      }
      totals {
        ...MoneySummaryFields
      }
      streamsHeld {
        stream {
          id
          name
          funderName
          pooled
          managingOrganisation {
            id
            name
          }
        }
        summary {
          ...MoneySummaryFields
        }
      }
      streamsHeldTotals {
        ...MoneySummaryFields
      }
      deliveredLearningSpend {
        pence
        formatted
      }
      byStream {
        stream {
          id
          name
          funderName
          financialYear
          pooled
          managingOrganisation {
            id
            name
          }
        }
        summary {
          ...MoneySummaryFields
        }
      }
      byFunder {
        ...BreakdownFields
      }
      byOrganisation {
        ...BreakdownFields
      }
      bySector {
        ...BreakdownFields
      }
      byQuarter {
        ...BreakdownFields
      }
      costPerLearner {
        pence
        formatted
      }
      costPerLearningHour {
        pence
        formatted
      }
      seatUtilisation
      noShowCost {
        pence
        formatted
      }
      learners
      learningHours
      seatsOffered
      seatsUsed
    }
  }
`);

/** Every year the caller has streams in, for the year switcher. */
export const FundingYearsQuery = graphql(`
  query FundingYears($partnershipSlug: String!) {
    fundingStreams(partnershipSlug: $partnershipSlug) {
      id
      financialYear
    }
  }
`);

export const FundingStreamsQuery = graphql(`
  query FundingStreams($partnershipSlug: String!, $financialYear: String) {
    fundingStreams(partnershipSlug: $partnershipSlug, financialYear: $financialYear) {
      id
      name
      funderName
      financialYear
      pooled
      managingOrganisation {
        id
        name
      }
      summary {
        ...MoneySummaryFields
      }
    }
  }
`);

export const FundingStreamQuery = graphql(`
  query FundingStream($id: ID!) {
    fundingStream(id: $id) {
      id
      name
      description
      financialYear
      funderKind
      funderName
      funderOrganisation {
        id
        name
      }
      managingOrganisation {
        id
        name
      }
      pooled
      audience
      eligibleSectors
      purposes
      amount {
        pence
        formatted
      }
      contributions {
        organisation {
          id
          name
        }
        amount {
          pence
          formatted
        }
      }
      summary {
        ...MoneySummaryFields
      }
      courses {
        courseId
        title
        summary {
          ...MoneySummaryFields
        }
        sessions {
          sessionId
          startsAt
          cancelled
          seatsOffered
          seatsUsed
          summary {
            ...MoneySummaryFields
          }
        }
      }
    }
  }
`);

export const LedgerEntryFields = graphql(`
  fragment LedgerEntryFields on LedgerEntry {
    id
    sequence
    kind
    amount {
      pence
      formatted
    }
    effect {
      ...MoneySummaryFields
    }
    stream {
      id
      name
    }
    organisation {
      id
      name
    }
    courseId
    courseTitle
    sessionId
    reversesEntryId
    wasted
    occurredAt
    quarter
    reason
  }
`);

export const LedgerEntriesQuery = graphql(`
  query LedgerEntries($filter: LedgerEntryFilter!, $first: Int, $after: String) {
    ledgerEntries(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      summary {
        ...MoneySummaryFields
      }
      edges {
        cursor
        node {
          ...LedgerEntryFields
        }
      }
    }
  }
`);

export const FundingOrganisationsQuery = graphql(`
  query FundingOrganisations($partnershipSlug: String!) {
    organisations(partnershipSlug: $partnershipSlug) {
      id
      name
      shortCode
      sector
    }
  }
`);

export const CreateFundingStreamMutation = graphql(`
  mutation CreateFundingStream($input: CreateFundingStreamInput!) {
    createFundingStream(input: $input) {
      fundingStream {
        id
        name
        financialYear
        amount {
          pence
          formatted
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RecordLedgerEntryMutation = graphql(`
  mutation RecordLedgerEntry($input: RecordLedgerEntryInput!) {
    recordLedgerEntry(input: $input) {
      entry {
        id
        sequence
        kind
        amount {
          pence
          formatted
        }
        stream {
          id
          name
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
