import type { Viewer } from '../auth/viewer';
import { requirePartnershipAdmin } from '../people/people.policy';

/** The audit log names people and what was done to them: administrators of the partnership only, never the steering group. */
export function requireAuditReader(viewer: Viewer | null): Viewer {
  return requirePartnershipAdmin(viewer, 'read the audit log');
}
