import type { Viewer } from '../auth/viewer';
import { isPartnershipAdmin, leadsOrganisation } from '../auth/viewer';

/**
 * Who may take which xAPI export. Default deny: a signed-in person their own statements; an
 * organisation's statements (its people's) for the organisation's L&D leads and the partnership's
 * administrators, in their own partnership only. Nobody else, and nobody signed out.
 */
export type XapiExportDecision =
  | { allowed: true }
  | { allowed: false; status: 401 | 403 | 404; message: string };

export function ownExportDecision(viewer: Viewer | null): XapiExportDecision {
  if (!viewer) return { allowed: false, status: 401, message: 'Sign in to download your learning record.' };
  return { allowed: true };
}

/** `organisation` is the organisation as found (null: no such organisation). */
export function organisationExportDecision(viewer: Viewer | null, organisation: { id: string; partnershipId: string } | null): XapiExportDecision {
  if (!viewer) return { allowed: false, status: 401, message: 'Sign in to download learning records.' };
  // Another partnership's organisation is answered as one that does not exist.
  if (!organisation || organisation.partnershipId !== viewer.partnershipId) {
    return { allowed: false, status: 404, message: 'There is no such organisation in your partnership.' };
  }
  if (leadsOrganisation(viewer, organisation.id) || isPartnershipAdmin(viewer)) return { allowed: true };
  return { allowed: false, status: 403, message: "Only the organisation's L&D leads and the partnership's administrators may download its learning records." };
}
