import { UnauthenticatedError, ForbiddenError } from '../../graphql/access-errors';
import { isPartnershipAdmin, type Viewer } from '../auth/viewer';

/** Whose emails a viewer may read: the partnership's (administrators), or their own. */
export type OutboxScope =
  | { kind: 'partnership'; partnershipId: string }
  | { kind: 'own'; partnershipId: string; personId: string };

/**
 * Administrators read their partnership's outbox (to answer "I never got the email"). With no
 * mail server outside production, the outbox is the only place mail can be read, so each
 * signed-in person may read their own there.
 */
export function outboxScope(viewer: Viewer | null, options: { ownMailReadable: boolean }): OutboxScope {
  if (!viewer) throw new UnauthenticatedError('Sign in to read email.');
  if (isPartnershipAdmin(viewer)) return { kind: 'partnership', partnershipId: viewer.partnershipId };
  if (options.ownMailReadable) return { kind: 'own', partnershipId: viewer.partnershipId, personId: viewer.personId };
  throw new ForbiddenError('Only partnership administrators can read the outbox.');
}
