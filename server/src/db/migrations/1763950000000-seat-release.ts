import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seat release: when the release job has returned a session's unused allocated seats to the
 * pool and promoted the people waiting. The partial index is the job's queue of sessions due.
 */
export class SeatRelease1763950000000 implements MigrationInterface {
  name = 'SeatRelease1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE training_session ADD COLUMN released_at timestamptz;
      CREATE INDEX training_session_release_due_idx ON training_session (release_at)
        WHERE status = 'scheduled' AND released_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX training_session_release_due_idx;
      ALTER TABLE training_session DROP COLUMN released_at;
    `);
  }
}
