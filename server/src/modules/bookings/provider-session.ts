import type { EntityManager } from 'typeorm';
import type { UserError } from '../../graphql/user-error';
import { refusedField } from '../../graphql/input-errors';
import { refuse } from './booking.errors';
import type { Viewer } from '../auth/viewer';
import { requireRunningSession } from './booking.policy';

export interface ProviderSession { id: string; status: string; starts_at: Date }

/**
 * A session of the viewer's partnership that only its course's provider (or an administrator)
 * may act on: unknown or another partnership's is NOT_FOUND on ["input", "sessionId"], someone
 * else's is FORBIDDEN. Read without a lock: callers lock its bookings first, then its row. Refused
 * with the input rules' errors (`inputProblems`) too, so that a missing session and a bad reason
 * are answered together.
 */
export async function providerSession(manager: EntityManager, viewer: Viewer, sessionId: string, action: string,
  inputProblems: readonly UserError[] = []): Promise<ProviderSession> {
  const [session] = refusedField(inputProblems, 'sessionId') ? [] : await manager.query(
    `SELECT s.id, s.status, s.starts_at, c.partnership_id, c.provider_organisation_id FROM training_session s
     JOIN course c ON c.id = s.course_id WHERE s.id = $1 AND s.partnership_id = $2`, [sessionId, viewer.partnershipId]);
  if (!session) refuse(['input', 'sessionId'], 'There is no such session', 'NOT_FOUND', inputProblems);
  requireRunningSession(viewer, { partnershipId: session.partnership_id, providerOrganisationId: session.provider_organisation_id }, action);
  return session;
}
