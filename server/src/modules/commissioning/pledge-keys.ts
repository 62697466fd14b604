import type { EntityManager } from 'typeorm';
import { KEY_REUSED, KEY_REUSED_MESSAGE } from '../../db/request-hash';
import { claimIdempotencyKey, rememberIdempotencyKey, UNFINISHED_KEY_MESSAGE } from '../../db/idempotency-key';
import type { Viewer } from '../auth/viewer';
import { refuse } from './commissioning.errors';

export type PledgeOperation = 'pledge_to_proposal' | 'withdraw_pledge';

/**
 * A pledge's idempotency key, taken first in the transaction as booking takes its own
 * (db/idempotency-key.ts): the pledge a replay already made, a refusal for a key standing for
 * another request, or null: go ahead (and call rememberPledgeKey once the pledge is known).
 */
export async function claimPledgeKey(manager: EntityManager, viewer: Viewer, operation: PledgeOperation, key: string | null | undefined,
  request: Record<string, unknown>): Promise<string | null> {
  const claim = await claimIdempotencyKey(manager, viewer, operation, key, request, 'pledge_id');
  if (claim?.status === 'reused') refuse(['input', 'idempotencyKey'], KEY_REUSED_MESSAGE, KEY_REUSED);
  if (claim?.status === 'unfinished') refuse(['input', 'idempotencyKey'], UNFINISHED_KEY_MESSAGE, 'KEY_REUSED');
  return claim?.status === 'replay' ? claim.id : null;
}

export async function rememberPledgeKey(manager: EntityManager, viewer: Viewer, operation: PledgeOperation, key: string | null | undefined,
  pledgeId: string): Promise<void> {
  await rememberIdempotencyKey(manager, viewer, operation, key, 'pledge_id', pledgeId);
}
