import { graphql } from '../gql/gql';

/** What the booking panel of a session page needs about the signed-in person. */
export const SessionBookingStateQuery = graphql(`
  query SessionBookingState($id: ID!) {
    session(id: $id) {
      id
      seatsLeft
      myOrganisationAllocation {
        seats
        seatsTaken
        seatsLeft
        releaseAt
        released
        organisation {
          id
          name
        }
      }
      myBooking {
        id
        status
        waitlistPosition
      }
      bookingOption {
        action
        label
        detail
        canBook
      }
    }
  }
`);

export const BookSessionMutation = graphql(`
  mutation BookSession($input: BookSessionInput!) {
    bookSession(input: $input) {
      booking {
        id
        status
        waitlistPosition
        seatFrom {
          id
          name
        }
        cost {
          pence
          formatted
        }
        person {
          id
          name
        }
        session {
          id
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CancelBookingMutation = graphql(`
  mutation CancelBooking($input: CancelBookingInput!) {
    cancelBooking(input: $input) {
      booking {
        id
        status
        waitlistPosition
        cancelledLate
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const MyBookingsQuery = graphql(`
  query MyBookings($first: Int!, $after: String) {
    myBookings(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        cursor
        node {
          id
          status
          waitlistPosition
          awaitingFeedback
          session {
            id
            startsAt
            endsAt
            deliveryMode
            course {
              id
              title
            }
            venue {
              id
              name
              town
            }
          }
        }
      }
    }
  }
`);

export const BookingRequestsQuery = graphql(`
  query BookingRequests {
    bookingRequests {
      id
      status
      createdAt
      requestLapsesAt
      cost {
        formatted
      }
      approvalSteps {
        approver
        given
        person {
          id
          name
        }
      }
      otherPlacesOnCourse {
        bookingId
        sessionId
        startsAt
        status
      }
      person {
        id
        name
        email
      }
      session {
        id
        startsAt
        endsAt
        course {
          id
          title
        }
      }
    }
  }
`);

export const DecideBookingMutation = graphql(`
  mutation DecideBooking($input: DecideBookingInput!) {
    decideBooking(input: $input) {
      booking {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const OrganisationBookingsQuery = graphql(`
  query OrganisationBookings($organisationId: ID!, $filter: BookingFilter, $first: Int!, $after: String) {
    organisationBookings(organisationId: $organisationId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        cursor
        node {
          id
          status
          waitlistPosition
          person {
            id
            name
            email
          }
          session {
            id
            startsAt
            endsAt
            course {
              id
              title
            }
          }
        }
      }
    }
  }
`);

/** People of an organisation a lead may book, found by name or email. */
export const BookablePeopleQuery = graphql(`
  query BookablePeople($organisationId: ID, $search: String) {
    people(organisationId: $organisationId, search: $search, first: 10) {
      totalCount
      edges {
        node {
          id
          name
          email
          jobTitle
        }
      }
    }
  }
`);
