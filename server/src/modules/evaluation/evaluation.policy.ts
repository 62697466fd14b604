import { ForbiddenError } from '../../graphql/access-errors';
import { hasRole, isPartnershipAdmin, organisationsWithRole, requireSignedIn, type Viewer } from '../auth/viewer';

/**
 * Who gives feedback, who records impact reviews and who reads evaluation reports. Default deny:
 * signed out is UNAUTHENTICATED; signed in without one of the rules below is FORBIDDEN, or (for
 * a booking that is not theirs to answer for) unknown.
 *
 * - Feedback: only the booked person, on their own booking.
 * - Impact review: the booked person for themselves, and their line manager for them.
 * - Reports: the steering group and administrators the whole partnership; an L&D lead their
 *   organisation's staff and the courses their organisation provides; a provider coordinator
 *   their organisation's courses. Learners, volunteers and line managers read none.
 */

/** A booking as evaluation's access sees it. */
export interface EvaluatedBooking {
  partnershipId: string;
  personId: string;
  /** The booked person's line manager now. */
  managerPersonId: string | null;
}

/** submitFeedback and recordImpactReview, before their input is read. */
export function requireEvaluationWriter(viewer: Viewer | null): Viewer {
  return requireSignedIn(viewer, 'Sign in to give feedback on your courses.');
}

export function canGiveFeedback(viewer: Viewer | null, booking: EvaluatedBooking): boolean {
  return !!viewer && viewer.partnershipId === booking.partnershipId && viewer.personId === booking.personId;
}

/** Whose part of the review the viewer records: the learner's own, their line manager's, or none. */
export function impactReviewRole(viewer: Viewer | null, booking: EvaluatedBooking): 'learner' | 'manager' | null {
  if (!viewer || viewer.partnershipId !== booking.partnershipId) return null;
  if (viewer.personId === booking.personId) return 'learner';
  if (booking.managerPersonId !== null && viewer.personId === booking.managerPersonId) return 'manager';
  return null;
}

/** What an evaluation report may add up: the whole partnership, or the responses of these people's organisations and these providers' courses. */
export type EvaluationScope =
  | { partnershipId: string; everything: true }
  | { partnershipId: string; everything: false; staffOfOrganisationIds: string[]; coursesOfProviderIds: string[] };

export function canReadEvaluation(viewer: Viewer | null, partnershipId: string): boolean {
  return !!viewer && viewer.partnershipId === partnershipId && (isPartnershipAdmin(viewer) || hasRole(viewer, 'steering_group')
    || organisationsWithRole(viewer, 'ld_lead').length > 0 || organisationsWithRole(viewer, 'provider_coordinator').length > 0);
}

/** evaluationReport, before the partnership is looked up. */
export function requireEvaluationReader(viewer: Viewer | null): Viewer {
  const signedIn = requireSignedIn(viewer, 'Sign in as a steering group member, an L&D lead, a provider or an administrator to see evaluation.');
  if (!canReadEvaluation(signedIn, signedIn.partnershipId)) {
    throw new ForbiddenError('Only the steering group, L&D leads, providers and administrators can see evaluation reports.');
  }
  return signedIn;
}

/** evaluationReport, once the partnership is known from its slug. */
export function evaluationScope(viewer: Viewer | null, partnershipId: string): EvaluationScope {
  const signedIn = requireEvaluationReader(viewer);
  if (signedIn.partnershipId !== partnershipId) throw new ForbiddenError('You can see only your own partnership\'s evaluation.');
  if (isPartnershipAdmin(signedIn) || hasRole(signedIn, 'steering_group')) return { partnershipId, everything: true };
  const led = [...new Set(organisationsWithRole(signedIn, 'ld_lead'))].sort();
  const provided = [...new Set([...led, ...organisationsWithRole(signedIn, 'provider_coordinator')])].sort();
  return { partnershipId, everything: false, staffOfOrganisationIds: led, coursesOfProviderIds: provided };
}
