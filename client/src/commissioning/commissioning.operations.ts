import { graphql } from '../gql/gql';

export const MandatorySubjectsForNeedsQuery = graphql(`
  query MandatorySubjectsForNeeds {
    mandatorySubjects {
      code
      name
    }
  }
`);

export const RaiseTrainingNeedMutation = graphql(`
  mutation RaiseTrainingNeed($input: RaiseTrainingNeedInput!) {
    raiseTrainingNeed(input: $input) {
      trainingNeed {
        id
        topic
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export const TrainingNeedsQuery = graphql(`
  query TrainingNeeds($partnershipSlug: String!, $first: Int, $after: String) {
    trainingNeeds(partnershipSlug: $partnershipSlug, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          scope
          topic
          peopleCount
          audience
          priority
          wantedBy
          status
          withdrawnReason
          createdAt
          ksfDimension
          organisation {
            id
            name
          }
          mandatorySubject {
            code
            name
          }
          metByCourse {
            id
            title
          }
          raisedBy {
            id
            name
          }
        }
      }
    }
  }
`);

export const TrainingNeedGroupsQuery = graphql(`
  query TrainingNeedGroups($partnershipSlug: String!) {
    trainingNeedGroups(partnershipSlug: $partnershipSlug) {
      key
      kind
      label
      needCount
      peopleCount
      earliestWantedBy
      organisations {
        needCount
        peopleCount
        organisation {
          id
          name
        }
      }
      needs {
        id
        topic
        peopleCount
        wantedBy
        organisation {
          id
        }
      }
      sessions {
        id
        startsAt
        endsAt
        deliveryMode
        seatsLeft
        course {
          id
          title
          provider {
            id
            name
          }
        }
        venue {
          id
          name
          town
        }
      }
    }
  }
`);
