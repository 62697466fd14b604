import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Providers publish: a venue may belong to the organisation that added it (null: the
 * partnership's own, as every venue before), and a session may have minimum numbers, checked
 * once at its booking close (minimum_checked_at; the partial index keeps the job's query to the
 * sessions still due).
 */
export class CoursePublishing1764700000000 implements MigrationInterface {
  name = 'CoursePublishing1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE venue ADD COLUMN organisation_id uuid,
        ADD FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id);
      ALTER TABLE training_session ADD COLUMN minimum_places integer,
        ADD COLUMN minimum_checked_at timestamptz,
        ADD CONSTRAINT training_session_minimum_places_check CHECK (minimum_places BETWEEN 1 AND capacity);
      CREATE INDEX training_session_minimum_due_idx ON training_session (booking_closes_at)
        WHERE minimum_places IS NOT NULL AND minimum_checked_at IS NULL AND status = 'scheduled';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX training_session_minimum_due_idx;
      ALTER TABLE training_session DROP CONSTRAINT training_session_minimum_places_check,
        DROP COLUMN minimum_checked_at, DROP COLUMN minimum_places;
      ALTER TABLE venue DROP COLUMN organisation_id;
    `);
  }
}
