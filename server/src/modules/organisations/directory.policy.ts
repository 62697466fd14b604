import { ForbiddenError, UnauthenticatedError } from '../../graphql/access-errors';
import { isPartnershipAdmin, organisationsWithRole, type Viewer } from '../auth/viewer';

/**
 * Who may read and change the partnership directory (the strategy's Annex B: every organisation
 * with its L&D leads' names, job titles and work emails). Default deny.
 *
 * - Reading: anyone signed in to the partnership, whatever their roles (the directory is the
 *   partnership's one-stop shop for whom to ask about learning). Signed out: UNAUTHENTICATED;
 *   a member of another partnership: FORBIDDEN, and nothing of this one is read.
 * - Changing an entry (what it does, its website and contact, whether it provides training): the
 *   organisation's own L&D leads, and the partnership's administrators for any of its organisations.
 * - The registered identifier and the sector: administrators only.
 */
export function requireSignedInForDirectory(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError('Sign in to see the partnership directory.');
  return viewer;
}

export function requireDirectoryReader(viewer: Viewer | null, partnershipId: string): Viewer {
  requireSignedInForDirectory(viewer);
  if (viewer!.partnershipId !== partnershipId) throw new ForbiddenError('You can see only your own partnership\'s directory.');
  return viewer!;
}

/** Whether a viewer may change this organisation's entry (it must still be found in their partnership). */
export function canEditEntry(viewer: Viewer | null, organisation: { id: string; partnershipId: string }): boolean {
  if (!viewer || viewer.partnershipId !== organisation.partnershipId) return false;
  return isPartnershipAdmin(viewer) || organisationsWithRole(viewer, 'ld_lead').includes(organisation.id);
}

/**
 * Before anything is read: an administrator may ask about any id (an unknown one is then the
 * service's NOT_FOUND); an L&D lead only about an organisation they lead; everyone else is refused.
 */
export function requireEntryEditor(viewer: Viewer | null, organisationId: string): Viewer {
  if (!viewer) throw new UnauthenticatedError('Sign in to change your organisation\'s directory entry.');
  if (isPartnershipAdmin(viewer)) return viewer;
  const led = organisationsWithRole(viewer, 'ld_lead');
  if (led.includes(organisationId)) return viewer;
  if (led.length) throw new ForbiddenError('You can change only the directory entry of the organisation you lead.');
  throw new ForbiddenError('Only L&D leads and administrators can change directory entries.');
}

/** The registered identifier is set by administrators, from the register, not by the organisation. */
export function canSetIdentifier(viewer: Viewer): boolean {
  return isPartnershipAdmin(viewer);
}

/** An organisation's registered identifier is shown to the members of its partnership only, as the directory is. */
export function canSeeIdentifier(viewer: Viewer | null, organisation: { partnershipId: string }): boolean {
  return viewer !== null && viewer.partnershipId === organisation.partnershipId;
}
