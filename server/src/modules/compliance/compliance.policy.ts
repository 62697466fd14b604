import { ForbiddenError } from '../../graphql/access-errors';
import { hasRole, isPartnershipAdmin, leadsOrganisation, requireSignedIn, type Viewer } from '../auth/viewer';

/**
 * Who sees and manages mandatory-training compliance. Default deny: signed out is
 * UNAUTHENTICATED; signed in without one of the rules below is FORBIDDEN.
 *
 * - An organisation's matrix (people × required subjects, with names), its renewal periods, its
 *   staff groups' requirements and the completions it refuses: the organisation's L&D leads and
 *   the partnership's administrators.
 * - Booking the overdue from the matrix: the organisation's L&D leads (booking on behalf follows
 *   booking.policy.ts, which gives administrators no booking for others).
 * - The team matrix: a line manager, of their direct reports.
 * - Compliance percentages by organisation and sector, no names: the steering group and administrators.
 */

/** An organisation as access sees it. */
export interface ComplianceOrganisation { id: string; partnershipId: string }

/** Every compliance operation, before its input is read. */
export function requireComplianceCaller(viewer: Viewer | null): Viewer {
  return requireSignedIn(viewer, 'Sign in to see mandatory training compliance.');
}

export function canSeeOrganisationCompliance(viewer: Viewer, organisation: ComplianceOrganisation): boolean {
  return viewer.partnershipId === organisation.partnershipId && (leadsOrganisation(viewer, organisation.id) || isPartnershipAdmin(viewer));
}

/** An organisation not found (none, or another partnership's) is refused alike, so the answer says nothing of it. */
export function requireOrganisationCompliance(viewer: Viewer, organisation: ComplianceOrganisation | null): void {
  if (!organisation || !canSeeOrganisationCompliance(viewer, organisation)) {
    throw new ForbiddenError('Only the organisation\'s L&D leads and administrators see and manage its compliance.');
  }
}

/** Settings (renewal periods, requirements, refusals) follow who sees the matrix. */
export const canManageCompliance = canSeeOrganisationCompliance;
export function requireManagingCompliance(viewer: Viewer, organisation: ComplianceOrganisation): void {
  requireOrganisationCompliance(viewer, organisation);
}

export function canBookOverdue(viewer: Viewer, organisation: ComplianceOrganisation): boolean {
  return viewer.partnershipId === organisation.partnershipId && leadsOrganisation(viewer, organisation.id);
}

export function requireBookingOverdue(viewer: Viewer, organisation: ComplianceOrganisation): void {
  if (!canBookOverdue(viewer, organisation)) throw new ForbiddenError('Only the organisation\'s L&D leads can book its people onto sessions.');
}

export function canSeeTeamCompliance(viewer: Viewer): boolean {
  return hasRole(viewer, 'line_manager');
}

export function requireTeamCompliance(viewer: Viewer): void {
  if (!canSeeTeamCompliance(viewer)) throw new ForbiddenError('Only line managers see their team\'s compliance.');
}

export function canSeeComplianceSummary(viewer: Viewer, partnershipId: string): boolean {
  return viewer.partnershipId === partnershipId && (hasRole(viewer, 'steering_group') || isPartnershipAdmin(viewer));
}

export function requireComplianceSummary(viewer: Viewer, partnershipId: string): void {
  if (!canSeeComplianceSummary(viewer, partnershipId)) {
    throw new ForbiddenError('Only the steering group and administrators see compliance across the partnership.');
  }
}
