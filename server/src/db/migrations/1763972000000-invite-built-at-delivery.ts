import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A booking notice's calendar invite is built by the delivery job, not in the booking's
 * transaction: the outbox row keeps the facts the invite is made from (`invite_facts`) and its
 * method, and `ics` is filled in when the email is delivered. An email that can never be
 * delivered (an address no mail header or invite can carry, an invite that cannot be built) is
 * given up at once: `failed_at`, with the reason in `last_error`, instead of ten retries.
 */
export class InviteBuiltAtDelivery1763972000000 implements MigrationInterface {
  name = 'InviteBuiltAtDelivery1763972000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE email_outbox ADD COLUMN invite_facts jsonb, ADD COLUMN failed_at timestamptz;
      DO $$
      DECLARE name text;
      BEGIN
        SELECT conname INTO name FROM pg_constraint
        WHERE conrelid = 'email_outbox'::regclass AND contype = 'c'
          AND pg_get_constraintdef(oid) = 'CHECK (((ics IS NULL) = (ics_method IS NULL)))';
        EXECUTE format('ALTER TABLE email_outbox DROP CONSTRAINT %I', name);
      END $$;
      ALTER TABLE email_outbox
        ADD CONSTRAINT email_outbox_invite_check CHECK (ics_method IS NOT NULL OR (ics IS NULL AND invite_facts IS NULL)),
        ADD CONSTRAINT email_outbox_invite_source_check CHECK (ics_method IS NULL OR ics IS NOT NULL OR invite_facts IS NOT NULL),
        ADD CONSTRAINT email_outbox_failed_check CHECK (failed_at IS NULL OR sent_at IS NULL);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_failed_check, DROP CONSTRAINT email_outbox_invite_source_check,
        DROP CONSTRAINT email_outbox_invite_check;
      DELETE FROM email_outbox WHERE ics IS NULL AND ics_method IS NOT NULL;
      ALTER TABLE email_outbox ADD CHECK ((ics IS NULL) = (ics_method IS NULL)), DROP COLUMN failed_at, DROP COLUMN invite_facts;
    `);
  }
}
