import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Binds each idempotency key to its request: the SHA-256 of the operation and the input that
 * defines it, so the same key with another session, booking or amount is refused instead of
 * answered with the first result. Keys written before this have no hash and are answered as
 * before (a retry that straddles the upgrade still gets its first result).
 */
export class IdempotencyRequestHash1763974000000 implements MigrationInterface {
  name = 'IdempotencyRequestHash1763974000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE idempotency_key ADD COLUMN request_hash bytea CHECK (length(request_hash) = 32);
      ALTER TABLE ledger_entry ADD COLUMN idempotency_hash bytea CHECK (length(idempotency_hash) = 32),
        ADD CONSTRAINT ledger_entry_hash_needs_key CHECK (idempotency_hash IS NULL OR idempotency_key IS NOT NULL);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_hash_needs_key, DROP COLUMN idempotency_hash;
      ALTER TABLE idempotency_key DROP COLUMN request_hash;
    `);
  }
}
