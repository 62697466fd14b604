import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';

/**
 * What an idempotency key is bound to: the SHA-256 of a canonical JSON (keys sorted, undefined
 * written as null) of the operation's name and the input that defines the request, the key
 * itself left out. The same key with another input is then a mistake the service can refuse.
 */
export function requestHash(operation: string, input: Record<string, unknown>): Buffer {
  const defined: Record<string, unknown> = Object.fromEntries(Object.entries(input).map(([name, value]) => [name, value ?? null]));
  const canonical: string = stringify({ operation, input: defined } as object);
  return createHash('sha256').update(canonical, 'utf8').digest();
}

/** A key stored before keys were bound to their requests has no hash, and matches as it did then. */
export function sameRequest(stored: Buffer | null, hash: Buffer): boolean {
  return stored === null || stored.equals(hash);
}

export const KEY_REUSED_MESSAGE = 'This idempotency key was already used for another request. Use a new key for a new request.';
export const KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED';
