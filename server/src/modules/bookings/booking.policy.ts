import type { Approver } from '@portal/domain';
import { ForbiddenError } from '../../graphql/access-errors';
import { isPartnershipAdmin, leadsOrganisation, organisationsWithRole, requireSignedIn, type Viewer } from '../auth/viewer';

/**
 * Who may book, cancel, decide, list and take registers. Default deny: signed out is
 * UNAUTHENTICATED; signed in without one of the rules below is FORBIDDEN. Every rule is a pure
 * `canX` over facts the caller has read; `requireX` refuses by it; the services and resolvers
 * of this module test no role themselves.
 *
 * - Anyone signed in books a place for themselves and cancels their own places.
 * - An L&D lead books for, and cancels, the places of the organisations they lead.
 * - Partnership administrators cancel any place of their partnership and see any
 *   organisation's bookings; they do not book for others or decide requests.
 * - A request is decided at each step of its organisation's policy: the person's line manager,
 *   then an L&D lead of the organisation.
 * - Registers and session cancellations belong to the course's provider (its provider
 *   coordinators) and partnership administrators.
 */

/** The person a booking is for, as the booking reads them. */
export interface BookedPerson { id: string; organisationId: string | null }
/** A booking as access sees it: whose place it is and which organisation it is charged to. */
export interface BookingParties { personId: string; organisationId: string | null }
/** A request as its approvers see it. */
export interface RequestParties { organisationId: string | null; lineManagerId: string | null }
/** A session's course as its provider sees it. */
export interface ProvidedCourse { partnershipId: string; providerOrganisationId: string }

/** bookSession and cancelBooking, before their input is read. */
export function requireBooker(viewer: Viewer | null): Viewer {
  return requireSignedIn(viewer, 'Sign in to book.');
}

/** Booking for oneself, or as an L&D lead of the person's organisation. */
export function canBookFor(viewer: Viewer, person: BookedPerson): boolean {
  return person.id === viewer.personId || leadsOrganisation(viewer, person.organisationId);
}

export function requireBookingFor(viewer: Viewer, person: BookedPerson): void {
  if (!canBookFor(viewer, person)) throw new ForbiddenError('Only an L&D lead of their organisation can book someone else.');
}

/** Cancelling one's own place, one's organisation's as its L&D lead, or any as an administrator. */
export function canCancelBooking(viewer: Viewer, booking: BookingParties): boolean {
  return booking.personId === viewer.personId || leadsOrganisation(viewer, booking.organisationId) || isPartnershipAdmin(viewer);
}

export function requireCancelling(viewer: Viewer, booking: BookingParties): void {
  if (!canCancelBooking(viewer, booking)) {
    throw new ForbiddenError('You can cancel only your own bookings, or your organisation\'s as its L&D lead.');
  }
}

/** bookingRequests and decideBooking: anyone signed in may ask; what they find is theirs to decide. */
export function requireDecider(viewer: Viewer | null): Viewer {
  return requireSignedIn(viewer);
}

/** Whether the viewer is the approver of this step of a request. */
export function canDecideAs(viewer: Viewer, request: RequestParties, step: Approver): boolean {
  if (step === 'line_manager') return request.lineManagerId === viewer.personId;
  return leadsOrganisation(viewer, request.organisationId);
}

/** The requests a viewer may find in their queue: their reports' and their led organisations'. */
export function requestQueueScope(viewer: Viewer): { partnershipId: string; managerId: string; organisationIds: string[] } {
  return { partnershipId: viewer.partnershipId, managerId: viewer.personId, organisationIds: organisationsWithRole(viewer, 'ld_lead') };
}

/**
 * Deciding: only a possible approver of the request learns anything of it, even its state
 * (`step` null: not waiting for a decision, which is said only to them, by the caller); then only
 * the approver of the step it is at may decide.
 */
export function requirePossibleApprover(viewer: Viewer, request: RequestParties): void {
  if (!canDecideAs(viewer, request, 'line_manager') && !canDecideAs(viewer, request, 'ld_lead')) {
    throw new ForbiddenError('Only their line manager or an L&D lead of their organisation can decide this request.');
  }
}

export function requireApproverNow(viewer: Viewer, request: RequestParties, step: Approver): void {
  if (!canDecideAs(viewer, request, step)) {
    throw new ForbiddenError(step === 'line_manager' ? 'Only their line manager can decide this request now.'
      : 'Only an L&D lead of their organisation can decide this request now.');
  }
}

const ORGANISATION_BOOKINGS_REFUSED = 'Only the organisation\'s L&D leads and partnership administrators see its bookings.';

/** An organisation's bookings: its L&D leads and partnership administrators. */
export function canSeeOrganisationBookings(viewer: Viewer, organisationId: string): boolean {
  return leadsOrganisation(viewer, organisationId) || isPartnershipAdmin(viewer);
}

/** organisationBookings, before the organisation is read. */
export function requireOrganisationBookingsReader(viewer: Viewer | null, organisationId: string): Viewer {
  const signedIn = requireSignedIn(viewer, 'Sign in to see your organisation\'s bookings.');
  if (!canSeeOrganisationBookings(signedIn, organisationId)) throw new ForbiddenError(ORGANISATION_BOOKINGS_REFUSED);
  return signedIn;
}

/** Then: another partnership's organisation (or none) is refused alike, so the answer says nothing of it. */
export function requireOrganisationOfPartnership(viewer: Viewer, organisation: { partnershipId: string } | null): void {
  if (!organisation || organisation.partnershipId !== viewer.partnershipId) throw new ForbiddenError(ORGANISATION_BOOKINGS_REFUSED);
}

/** Whether the viewer runs some course's sessions at all: refused before the input is read otherwise. */
export function mayRunSomeSessions(viewer: Viewer): boolean {
  return isPartnershipAdmin(viewer) || organisationsWithRole(viewer, 'provider_coordinator').length > 0;
}

/** Taking a session's register and cancelling it: the course's provider, or an administrator, of its partnership. */
export function canRunSession(viewer: Viewer, course: ProvidedCourse): boolean {
  if (viewer.partnershipId !== course.partnershipId) return false;
  return isPartnershipAdmin(viewer) || organisationsWithRole(viewer, 'provider_coordinator').includes(course.providerOrganisationId);
}

/** recordAttendance, before its input is read. */
export function requireRegisterTaker(viewer: Viewer | null): Viewer {
  const signedIn = requireSignedIn(viewer, 'Sign in as the course\'s provider or an administrator to take the register.');
  if (!mayRunSomeSessions(signedIn)) throw new ForbiddenError('Only the course\'s provider and partnership administrators can take its register.');
  return signedIn;
}

/** cancelSession, before its input is read: signed in (whose session it is is asked once it is read). */
export function requireSessionCanceller(viewer: Viewer | null): Viewer {
  return requireSignedIn(viewer);
}

/** recordAttendance and cancelSession, once the session's course is read. */
export function requireRunningSession(viewer: Viewer, course: ProvidedCourse, action: string): void {
  if (!canRunSession(viewer, course)) throw new ForbiddenError(`Only the provider of this course or an administrator can ${action}.`);
}
