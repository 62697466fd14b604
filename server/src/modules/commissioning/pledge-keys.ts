import type { EntityManager } from 'typeorm';
import { KEY_REUSED, KEY_REUSED_MESSAGE, requestHash, sameRequest } from '../../db/request-hash';
import type { Viewer } from '../auth/viewer';
import { refuse } from './commissioning.errors';

export type PledgeOperation = 'pledge_to_proposal' | 'withdraw_pledge';

/**
 * Takes the idempotency key first in the transaction, with the hash of the request it stands for,
 * as booking does (bookings/booking.service.ts): a concurrent request with the same key waits here
 * until the first commits, then gets its pledge, or, asking for something else, a refusal. Keys
 * are each person's own. Null: go ahead (and call rememberPledgeKey once the pledge is known).
 */
export async function claimPledgeKey(manager: EntityManager, viewer: Viewer, operation: PledgeOperation, key: string | null | undefined,
  request: Record<string, unknown>): Promise<string | null> {
  if (!key) return null;
  const hash = requestHash(operation, request);
  const inserted = await manager.query(
    `INSERT INTO idempotency_key (partnership_id, actor_person_id, operation, key, request_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING key`, [viewer.partnershipId, viewer.personId, operation, key, hash]);
  if (inserted.length) return null;
  const [previous] = await manager.query(
    'SELECT pledge_id, request_hash FROM idempotency_key WHERE actor_person_id = $1 AND operation = $2 AND key = $3',
    [viewer.personId, operation, key]);
  if (previous && !sameRequest(previous.request_hash, hash)) refuse(['input', 'idempotencyKey'], KEY_REUSED_MESSAGE, KEY_REUSED);
  if (!previous?.pledge_id) refuse(['input', 'idempotencyKey'], 'This key was used for a request that did not finish. Use a new key.', 'KEY_REUSED');
  return previous.pledge_id as string;
}

export async function rememberPledgeKey(manager: EntityManager, viewer: Viewer, operation: PledgeOperation, key: string | null | undefined,
  pledgeId: string): Promise<void> {
  if (!key) return;
  await manager.query('UPDATE idempotency_key SET pledge_id = $4 WHERE actor_person_id = $1 AND operation = $2 AND key = $3',
    [viewer.personId, operation, key, pledgeId]);
}
