import type { Viewer } from '../auth/viewer';
import { requirePartnershipAdmin } from '../people/people.policy';

/** Only a partnership administrator adds organisations, and only to their own partnership (the viewer's). */
export function requireOrganisationAdministrator(viewer: Viewer | null): Viewer {
  return requirePartnershipAdmin(viewer, 'add organisations');
}
