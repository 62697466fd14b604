import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learning records. Completions are not stored: they are the person's attended bookings, read
 * with their course, so a corrected register mark corrects the record too. What a person logs
 * themselves is `informal_learning`, with its evidence as a link or as a file kept in
 * `evidence_file` (bytea, so a backup carries it), uploaded first and then named by the entry.
 * A file's media type is the one its content showed when it was uploaded (never its name).
 */
export class LearningRecords1765000000000 implements MigrationInterface {
  name = 'LearningRecords1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        person_id uuid NOT NULL,
        media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
        content bytea NOT NULL CHECK (octet_length(content) = size_bytes),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partnership_id, id),
        FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id)
      );
      CREATE INDEX evidence_file_person_idx ON evidence_file (person_id);

      CREATE TABLE informal_learning (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnership(id),
        person_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('shadowing', 'coaching', 'mentoring', 'e_learning', 'reading')),
        learned_on date NOT NULL,
        hours numeric(5, 2) NOT NULL CHECK (hours > 0 AND hours < 1000),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        evidence_url text CHECK (length(evidence_url) <= 2000),
        evidence_file_id uuid UNIQUE,
        confirmed_by_person_id uuid,
        confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partnership_id, id),
        CHECK ((confirmed_by_person_id IS NULL) = (confirmed_at IS NULL)),
        CHECK (confirmed_by_person_id IS DISTINCT FROM person_id),
        FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, confirmed_by_person_id) REFERENCES person (partnership_id, id),
        FOREIGN KEY (partnership_id, evidence_file_id) REFERENCES evidence_file (partnership_id, id)
      );
      CREATE INDEX informal_learning_person_idx ON informal_learning (person_id, learned_on);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE informal_learning; DROP TABLE evidence_file;');
  }
}
