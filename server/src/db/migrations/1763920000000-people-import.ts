import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People imports: one row per CSV file an administrator sends. The id is the client's own
 * importId when it gives one, so a retried request finds the first import instead of starting a
 * second, and a client can poll the row's progress while the import runs.
 *
 * Progress is written outside the import's transaction, so processed_rows grows while the people
 * themselves appear all at once, or not at all.
 */
export class PeopleImport1763920000000 implements MigrationInterface {
  name = 'PeopleImport1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE people_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        organisation_id uuid NOT NULL,
        started_by_person_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
        total_rows integer NOT NULL DEFAULT 0 CHECK (total_rows >= 0),
        processed_rows integer NOT NULL DEFAULT 0 CHECK (processed_rows BETWEEN 0 AND total_rows),
        imported_count integer NOT NULL DEFAULT 0 CHECK (imported_count BETWEEN 0 AND total_rows),
        errors jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(errors) = 'array'),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CHECK ((status = 'running') = (finished_at IS NULL)),
        CHECK (status = 'succeeded' OR imported_count = 0),
        UNIQUE (partnership_id, id),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id),
        FOREIGN KEY (partnership_id, started_by_person_id) REFERENCES person (partnership_id, id)
      );
      CREATE INDEX people_import_partnership_idx ON people_import (partnership_id, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE people_import');
  }
}
