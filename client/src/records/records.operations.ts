import { graphql } from '../gql/gql';

export const LearningRecordQuery = graphql(`
  query LearningRecord($personId: ID) {
    learningRecord(personId: $personId) {
      person {
        id
        name
        organisationName
      }
      viewerMayConfirm
      completions {
        bookingId
        courseTitle
        providerName
        completedAt
        hours
        learningCategory
        ksfDimensions
        mandatorySubjectName
        mandatoryLevel
        accreditation
        certificateUrl
      }
      informalLearning {
        id
        kind
        learnedOn
        hours
        description
        learningCategory
        evidenceUrl
        evidenceFile {
          id
          fileName
          downloadUrl
        }
        confirmedAt
        confirmedByName
      }
      balance {
        totalHours
        categories {
          category
          hours
          share
          target
        }
      }
    }
  }
`);

export const LogInformalLearningMutation = graphql(`
  mutation LogInformalLearning($input: LogInformalLearningInput!) {
    logInformalLearning(input: $input) {
      entry {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ConfirmInformalLearningMutation = graphql(`
  mutation ConfirmInformalLearning($input: ConfirmInformalLearningInput!) {
    confirmInformalLearning(input: $input) {
      entry {
        id
        confirmedAt
        confirmedByName
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The partnership's learning as counts and hours, naming no one: for the steering group and administrators. */
export const LearningActivityQuery = graphql(`
  query LearningActivity($partnershipSlug: String!) {
    learningActivity(partnershipSlug: $partnershipSlug) {
      learners
      completions
      informalEntries
      balance {
        totalHours
        categories { category hours share target }
      }
      byOrganisation {
        organisationId
        organisationName
        learners
        completions
        informalEntries
        balance {
          totalHours
          categories { category hours share }
        }
      }
    }
  }
`);

/** A lead's organisation's people, each with what their learning record holds. */
export const PeopleLearningRecordsQuery = graphql(`
  query PeopleLearningRecords($organisationId: ID, $search: String, $first: Int!, $after: String) {
    people(organisationId: $organisationId, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        cursor
        node {
          id
          name
          jobTitle
          team
          learningRecordCounts {
            completions
            informalEntries
            totalHours
            lastLearnedOn
          }
        }
      }
    }
  }
`);
