import type { DataSourceOptions, MigrationInterface, QueryRunner } from 'typeorm';
import { Pool } from 'pg';
import { Logger, runMigrations } from 'graphile-worker';

/**
 * Email for booking changes: an outbox written in the transaction of the change, delivered by
 * a graphile-worker job queued in that same transaction; and each booking's iCalendar SEQUENCE,
 * raised with every notice so calendars apply the latest invite.
 *
 * The job queue's own schema (graphile_worker) is created here too, through graphile-worker's
 * migrations on a connection of their own (they commit per step, so they cannot run inside this
 * transaction): a migrated database can queue jobs before any worker has started. Later
 * versions of graphile-worker upgrade that schema themselves when a worker starts.
 *
 * Frozen: it uses graphile-worker and pg directly, never the application's own code (jobs/,
 * observability/), which may change after this migration has run everywhere.
 */
function connectionString(options: DataSourceOptions): string {
  const pg = options as { url?: string; host?: string; port?: number; username?: string; password?: string; database?: string };
  if (pg.url) return pg.url;
  const auth = pg.username ? `${encodeURIComponent(pg.username)}${pg.password ? `:${encodeURIComponent(pg.password)}` : ''}@` : '';
  return `postgres://${auth}${pg.host ?? 'localhost'}:${pg.port ?? 5432}/${encodeURIComponent(pg.database ?? 'postgres')}`;
}

/** graphile-worker's warnings and errors to stderr; its progress lines are not wanted in a migration. */
const quiet = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') process.stderr.write(`graphile-worker migration: ${message}\n`);
});

async function migrateJobQueue(options: DataSourceOptions): Promise<void> {
  const pool = new Pool({ connectionString: connectionString(options), max: 2 });
  pool.on('error', () => {});
  try {
    await runMigrations({ pgPool: pool, logger: quiet, noHandleSignals: true });
  } finally {
    await pool.end();
  }
}

export class EmailOutbox1763940000000 implements MigrationInterface {
  name = 'EmailOutbox1763940000000';

  async up(q: QueryRunner): Promise<void> {
    await migrateJobQueue(q.connection.options);
    await q.query(`
      ALTER TABLE booking ADD COLUMN ics_sequence integer NOT NULL DEFAULT 0 CHECK (ics_sequence >= 0);

      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        person_id uuid NOT NULL,
        booking_id uuid,
        kind text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
        to_address text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 320),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
        text text NOT NULL,
        ics text,
        ics_method text CHECK (ics_method IN ('REQUEST', 'CANCEL')),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text CHECK (length(last_error) <= 1000),
        next_attempt_at timestamptz,
        UNIQUE (partnership_id, id),
        CHECK ((ics IS NULL) = (ics_method IS NULL)),
        FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, booking_id) REFERENCES booking (partnership_id, id)
      );
      CREATE INDEX email_outbox_partnership_idx ON email_outbox (partnership_id, created_at DESC, id DESC);
      CREATE INDEX email_outbox_person_idx ON email_outbox (person_id, created_at DESC, id DESC);
      CREATE INDEX email_outbox_booking_idx ON email_outbox (booking_id) WHERE booking_id IS NOT NULL;
      CREATE INDEX email_outbox_unsent_idx ON email_outbox (created_at) WHERE sent_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The graphile_worker schema stays: it may hold other jobs, and it is graphile-worker's to manage.
    await q.query(`
      DROP TABLE email_outbox;
      ALTER TABLE booking DROP COLUMN ics_sequence;
    `);
  }
}
