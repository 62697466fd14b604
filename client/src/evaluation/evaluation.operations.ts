import { graphql } from '../gql';

export const BookingEvaluationQuery = graphql(`
  query BookingEvaluation($bookingId: ID!) {
    bookingEvaluation(bookingId: $bookingId) {
      bookingId
      courseTitle
      sessionStartsAt
      sessionEndsAt
      attended
      canGiveFeedback
      feedback {
        bookingId
        rating
        wouldRecommend
      }
      impactReview {
        bookingId
        courseTitle
        personName
        dueAt
        viewerRole
        learner {
          applying
          example
          recordedAt
        }
        manager {
          applying
          example
          recordedAt
        }
      }
    }
  }
`);

export const SubmitFeedbackMutation = graphql(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      feedback {
        bookingId
        rating
        wouldRecommend
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RecordImpactReviewMutation = graphql(`
  mutation RecordImpactReview($input: RecordImpactReviewInput!) {
    recordImpactReview(input: $input) {
      impactReview {
        bookingId
        viewerRole
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ImpactReviewsToRecordQuery = graphql(`
  query ImpactReviewsToRecord {
    impactReviewsToRecord {
      bookingId
      courseTitle
      personName
      sessionEndsAt
      dueAt
      viewerRole
    }
  }
`);

export const EvaluationReportQuery = graphql(`
  query EvaluationReport($partnershipSlug: String!) {
    evaluationReport(partnershipSlug: $partnershipSlug) {
      scope
      minimumCellSize
      totals {
        ...EvaluationCellFields
      }
      byCourse {
        ...EvaluationCellFields
      }
      byProvider {
        ...EvaluationCellFields
      }
      byOrganisation {
        ...EvaluationCellFields
      }
      bySector {
        ...EvaluationCellFields
      }
    }
  }
`);

export const EvaluationCellFields = graphql(`
  fragment EvaluationCellFields on EvaluationCell {
    key
    label
    asked
    responses
    responseRate
    suppressed
    meanRating
    netPromoterScore
    reviewAnswers
    applyingRate
    whatWorked
    whatToImprove
  }
`);
