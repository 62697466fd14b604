import type { EntityManager } from 'typeorm';
import { requestHash, sameRequest } from './request-hash';

/** The row an idempotency key remembers, by the column that holds it. */
export type KeyedColumn = 'booking_id' | 'pledge_id';

/**
 * What taking an idempotency key found. `new`: the key is this request's now (remember the row it
 * makes with rememberIdempotencyKey, in the same transaction). `replay`: the same request was
 * answered before, with this row. `reused`: the key stands for another request. `unfinished`: it
 * stands for this request, which never remembered a row.
 */
export type KeyClaim = { status: 'new' } | { status: 'replay'; id: string } | { status: 'reused' } | { status: 'unfinished' };

/**
 * Takes an idempotency key first in the transaction, with the hash of the request it stands for:
 * a concurrent request with the same key waits on the insert until the first commits, then finds
 * its row, or, asking for something else, `reused`. Keys are each person's own, so nobody else's
 * request is ever seen through one. Null: no key was given.
 */
export async function claimIdempotencyKey(manager: EntityManager, owner: { partnershipId: string; personId: string }, operation: string,
  key: string | null | undefined, request: Record<string, unknown>, column: KeyedColumn): Promise<KeyClaim | null> {
  if (!key) return null;
  const hash = requestHash(operation, request);
  const inserted = await manager.query(
    `INSERT INTO idempotency_key (partnership_id, actor_person_id, operation, key, request_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING key`, [owner.partnershipId, owner.personId, operation, key, hash]);
  if (inserted.length) return { status: 'new' };
  const [previous] = await manager.query(
    `SELECT ${column} AS id, request_hash FROM idempotency_key WHERE actor_person_id = $1 AND operation = $2 AND key = $3`,
    [owner.personId, operation, key]);
  if (previous && !sameRequest(previous.request_hash, hash)) return { status: 'reused' };
  return previous?.id ? { status: 'replay', id: previous.id as string } : { status: 'unfinished' };
}

/** Records the row a key's request made, so that a replay finds it. */
export async function rememberIdempotencyKey(manager: EntityManager, owner: { personId: string }, operation: string,
  key: string | null | undefined, column: KeyedColumn, id: string): Promise<void> {
  if (!key) return;
  await manager.query(`UPDATE idempotency_key SET ${column} = $4 WHERE actor_person_id = $1 AND operation = $2 AND key = $3`,
    [owner.personId, operation, key, id]);
}

export const UNFINISHED_KEY_MESSAGE = 'This key was used for a request that did not finish. Use a new key.';
