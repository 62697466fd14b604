import { graphql } from '../gql/gql';

export const SessionDetailsQuery = graphql(`
  query SessionDetails($id: ID!) {
    session(id: $id) {
      id
      startsAt
      endsAt
      deliveryMode
      status
      seatsLeft
      bookingClosesAt
      otherDates {
        id
        startsAt
        endsAt
        deliveryMode
        seatsLeft
        venue {
          id
          name
          town
        }
      }
      venue {
        id
        name
        address
        town
        postcode
      }
      isFree
      costPerPlace {
        pence
        formatted
      }
      course {
        id
        title
        summary
        learningOutcomes
        method
        learningCategory
        durationHours
        accreditation
        cpdPoints
        audience
        mandatorySubject {
          code
          name
        }
        provider {
          id
          name
        }
      }
    }
  }
`);
