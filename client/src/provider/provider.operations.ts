import { graphql } from '../gql/gql';

export const ProviderSessionFields = graphql(`
  fragment ProviderSessionFields on Session {
    id
    startsAt
    endsAt
    deliveryMode
    status
    capacity
    seatsTaken
    poolSeats
    minimumPlaces
    bookingClosesAt
    releaseAt
    venue {
      id
      name
      town
    }
  }
`);

export const ProvidedCoursesQuery = graphql(`
  query ProvidedCourses {
    providedCourses {
      id
      title
      method
      learningCategory
      durationHours
      visibility
      isFree
      costPerPlace {
        formatted
      }
      provider {
        id
        name
      }
      sessions {
        ...ProviderSessionFields
      }
    }
  }
`);

export const ProviderCourseFields = graphql(`
  fragment ProviderCourseFields on Course {
    id
    title
    summary
    learningOutcomes
    method
    learningCategory
    learningCategoryOverridden
    durationHours
    accreditation
    cpdPoints
    ksfDimensions
    mandatorySubject {
      code
      name
    }
    audience
    eligibleSectors
    visibility
    visibilityOrganisation {
      id
    }
    costPerPlace {
      pence
      formatted
    }
    isJoint
    canManage
    provider {
      id
      name
    }
  }
`);

export const ProviderCourseQuery = graphql(`
  query ProviderCourse($id: ID!) {
    course(id: $id) {
      ...ProviderCourseFields
    }
  }
`);

export const CreateCourseMutation = graphql(`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      course {
        ...ProviderCourseFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateCourseMutation = graphql(`
  mutation UpdateCourse($input: UpdateCourseInput!) {
    updateCourse(input: $input) {
      course {
        ...ProviderCourseFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SchedulingChoicesQuery = graphql(`
  query SchedulingChoices($partnershipSlug: String!) {
    venues {
      id
      name
      town
    }
    organisations(partnershipSlug: $partnershipSlug) {
      id
      name
    }
  }
`);

export const ProviderSessionQuery = graphql(`
  query ProviderSession($id: ID!) {
    session(id: $id) {
      ...ProviderSessionFields
      course {
        id
        title
        canManage
        provider {
          id
          name
        }
      }
      allocations {
        organisation {
          id
          name
        }
        seats
        seatsTaken
      }
      bookings {
        id
        status
        waitlistPosition
        createdAt
        person {
          id
          name
          email
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

export const ScheduleSessionMutation = graphql(`
  mutation ScheduleSession($input: ScheduleSessionInput!) {
    scheduleSession(input: $input) {
      session {
        ...ProviderSessionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RescheduleSessionMutation = graphql(`
  mutation RescheduleSession($input: RescheduleSessionInput!) {
    rescheduleSession(input: $input) {
      session {
        ...ProviderSessionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CourseChoicesQuery = graphql(`
  query CourseChoices($partnershipSlug: String!) {
    mandatorySubjects {
      code
      name
    }
    organisations(partnershipSlug: $partnershipSlug) {
      id
      name
    }
  }
`);

export const CreateVenueMutation = graphql(`
  mutation CreateVenue($input: CreateVenueInput!) {
    createVenue(input: $input) {
      venue {
        id
        name
        town
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SessionRegisterQuery = graphql(`
  query SessionRegister($id: ID!) {
    session(id: $id) {
      id
      startsAt
      endsAt
      status
      course {
        id
        title
      }
    }
    sessionRegister(sessionId: $id) {
      sessionId
      open
      lines {
        bookingId
        personName
        organisationName
        status
        outcome
      }
    }
  }
`);

export const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      session {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CorrectAttendanceMutation = graphql(`
  mutation CorrectAttendance($input: CorrectAttendanceInput!) {
    correctAttendance(input: $input) {
      register {
        sessionId
        lines {
          bookingId
          status
          outcome
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
