import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pledging and withdrawing take idempotency keys as booking does: the key is a row of
 * idempotency_key taken first in the transaction, bound to its request by its hash, and now able
 * to point at the pledge it made (or withdrew), so a retried request answers with the first result.
 */
export class PledgeIdempotency1764850000000 implements MigrationInterface {
  name = 'PledgeIdempotency1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE idempotency_key ADD COLUMN pledge_id uuid,
        ADD FOREIGN KEY (partnership_id, pledge_id) REFERENCES commissioning_pledge (partnership_id, id),
        ADD CONSTRAINT idempotency_key_one_result CHECK (booking_id IS NULL OR pledge_id IS NULL);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_one_result, DROP COLUMN pledge_id');
  }
}
