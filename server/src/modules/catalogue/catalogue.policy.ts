import { ForbiddenError } from '../../graphql/access-errors';
import { hasRole, isPartnershipAdmin, organisationsWithRole, requireSignedIn, type Viewer } from '../auth/viewer';
import type { CourseEntity } from './course.entity';

/**
 * Who sees which course. Signed out, or from another partnership: public courses only. A member
 * of the partnership also sees partnership-wide courses and those restricted to their own
 * organisation; a provider coordinator sees every course their organisation provides;
 * administrators and the steering group see the whole catalogue.
 *
 * The rule is written twice, as SQL for lists and as a check for single objects; the tests
 * hold the two to the same answers.
 */
function seesWholeCatalogue(viewer: Viewer): boolean {
  return isPartnershipAdmin(viewer) || hasRole(viewer, 'steering_group');
}

export function canSeeCourse(viewer: Viewer | null, course: Pick<CourseEntity,
  'partnershipId' | 'visibility' | 'visibilityOrganisationId' | 'providerOrganisationId'>): boolean {
  if (course.visibility === 'public') return true;
  if (!viewer || viewer.partnershipId !== course.partnershipId) return false;
  if (seesWholeCatalogue(viewer)) return true;
  if (organisationsWithRole(viewer, 'provider_coordinator').includes(course.providerOrganisationId)) return true;
  if (course.visibility === 'partnership') return true;
  return course.visibilityOrganisationId !== null && course.visibilityOrganisationId === viewer.organisationId;
}

/** A WHERE fragment over the course alias `c`, with its named parameters. */
export function courseVisibilitySql(viewer: Viewer | null, partnershipId: string): { sql: string; params: Record<string, unknown> } {
  if (!viewer || viewer.partnershipId !== partnershipId) return { sql: `c.visibility = 'public'`, params: {} };
  if (seesWholeCatalogue(viewer)) return { sql: 'TRUE', params: {} };
  return {
    sql: `(c.visibility IN ('public', 'partnership')
      OR (c.visibility = 'organisation' AND c.visibility_organisation_id = :viewerOrganisationId)
      OR c.provider_organisation_id = ANY(:viewerProviderOrganisationIds))`,
    params: {
      viewerOrganisationId: viewer.organisationId,
      viewerProviderOrganisationIds: organisationsWithRole(viewer, 'provider_coordinator'),
    },
  };
}

/** Seat allocations show which organisation holds what: for those who plan or deliver. */
export function canSeeAllocations(viewer: Viewer | null, course: Pick<CourseEntity, 'partnershipId' | 'providerOrganisationId'>): boolean {
  if (!viewer || viewer.partnershipId !== course.partnershipId) return false;
  return isPartnershipAdmin(viewer) || hasRole(viewer, 'ld_lead')
    || organisationsWithRole(viewer, 'provider_coordinator').includes(course.providerOrganisationId);
}

/**
 * Capacity and allocations are set by the course's provider (its provider coordinators) or a
 * partnership administrator. The first check needs no course: who cannot manage any session's
 * seats is refused before their input is read.
 */
export function mayManageSomeSeats(viewer: Viewer): boolean {
  return isPartnershipAdmin(viewer) || organisationsWithRole(viewer, 'provider_coordinator').length > 0;
}

export function canManageSeats(viewer: Viewer, course: Pick<CourseEntity, 'partnershipId' | 'providerOrganisationId'>): boolean {
  if (viewer.partnershipId !== course.partnershipId) return false;
  return isPartnershipAdmin(viewer) || organisationsWithRole(viewer, 'provider_coordinator').includes(course.providerOrganisationId);
}

const SEATS_REFUSED = 'Only the course\'s provider and partnership administrators can set its seats.';

/** setSeatAllocations, before its input is read. */
export function requireSeatManager(viewer: Viewer | null): Viewer {
  const signedIn = requireSignedIn(viewer, 'Sign in as the course\'s provider or an administrator to set seats.');
  if (!mayManageSomeSeats(signedIn)) throw new ForbiddenError(SEATS_REFUSED);
  return signedIn;
}

/** setSeatAllocations, once the session's course is read. */
export function requireSeatManagerOf(viewer: Viewer, course: Pick<CourseEntity, 'partnershipId' | 'providerOrganisationId'>): void {
  if (!canManageSeats(viewer, course)) throw new ForbiddenError(SEATS_REFUSED);
}

/** Session.allocations; a course that cannot be found is refused alike. */
export function requireAllocationsReader(viewer: Viewer | null,
  course: Pick<CourseEntity, 'partnershipId' | 'providerOrganisationId'> | null): Viewer {
  const signedIn = requireSignedIn(viewer, 'Sign in as an L&D lead, provider or administrator to see seat allocations.');
  if (!course || !canSeeAllocations(signedIn, course)) throw new ForbiddenError('Only L&D leads, the provider and administrators see seat allocations.');
  return signedIn;
}

/**
 * Publishing: a provider coordinator creates and edits the courses, sessions and venues of the
 * organisations they coordinate for; an administrator those of any organisation of the
 * partnership. Everyone else is refused (default deny). The same rule as the seats.
 */
export const mayPublishSomeCourses = mayManageSomeSeats;
export const canManageCourse = canManageSeats;

/** Whether the viewer may publish for this organisation of their own partnership. */
export function canPublishFor(viewer: Viewer, organisationId: string): boolean {
  return hasRole(viewer, 'partnership_admin') || organisationsWithRole(viewer, 'provider_coordinator').includes(organisationId);
}

/** The organisation a provider publishes for when they name none: their only one; null when they must choose. */
export function defaultPublishingOrganisation(viewer: Viewer): string | null {
  if (hasRole(viewer, 'partnership_admin')) return null;
  const own = [...new Set(organisationsWithRole(viewer, 'provider_coordinator'))];
  return own.length === 1 ? own[0] : null;
}

/** A venue is the partnership's (anyone publishing may hold sessions there) or its organisation's. */
export function canUseVenue(viewer: Viewer, venue: { partnershipId: string; organisationId: string | null }, courseProviderId: string): boolean {
  if (viewer.partnershipId !== venue.partnershipId) return false;
  if (venue.organisationId === null || hasRole(viewer, 'partnership_admin')) return true;
  return venue.organisationId === courseProviderId || organisationsWithRole(viewer, 'provider_coordinator').includes(venue.organisationId);
}
