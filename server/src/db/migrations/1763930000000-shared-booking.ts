import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booking rules: each organisation's approval policy, who decided and who cancelled, the
 * waiting list's order, and idempotency keys so a retried request books nothing twice.
 */
export class SharedBooking1763930000000 implements MigrationInterface {
  name = 'SharedBooking1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisation ADD COLUMN approval_policy text NOT NULL DEFAULT 'none'
        CHECK (approval_policy IN ('none', 'line_manager', 'ld_lead', 'line_manager_then_ld_lead'));

      ALTER TABLE booking
        ADD COLUMN approvals text[] NOT NULL DEFAULT '{}',
        ADD COLUMN decision_note text CHECK (length(decision_note) <= 1000),
        ADD COLUMN cancelled_by_person_id uuid,
        ADD COLUMN cancellation_reason text CHECK (length(cancellation_reason) <= 1000),
        ADD FOREIGN KEY (partnership_id, cancelled_by_person_id) REFERENCES person (partnership_id, id);
      CREATE INDEX booking_waitlist_idx ON booking (session_id, waitlisted_at, id) WHERE status = 'waitlisted';

      CREATE TABLE idempotency_key (
        partnership_id uuid NOT NULL,
        actor_person_id uuid NOT NULL,
        operation text NOT NULL CHECK (operation ~ '^[a-z_]+$'),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        booking_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor_person_id, operation, key),
        FOREIGN KEY (partnership_id, actor_person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, booking_id) REFERENCES booking (partnership_id, id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE idempotency_key;
      DROP INDEX booking_waitlist_idx;
      ALTER TABLE booking DROP COLUMN approvals, DROP COLUMN decision_note, DROP COLUMN cancelled_by_person_id,
        DROP COLUMN cancellation_reason;
      ALTER TABLE organisation DROP COLUMN approval_policy;
    `);
  }
}
