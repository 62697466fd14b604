import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The xAPI statements the portal has given out, kept as given: a statement is inserted once
 * (its id is name-based, so a second insert of the same fact does nothing) and never changed;
 * a corrected fact is answered by a voiding statement, whose row names the statement it voids.
 * Exports read this table, so a statement reads the same in every export.
 *
 * xapi_projection remembers how far the projection job has read the bookings it turns into
 * statements (their updated_at), so each run reads only what changed since the last.
 */
export class XapiStatements1765300000000 implements MigrationInterface {
  name = 'XapiStatements1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE xapi_statement (
        id uuid PRIMARY KEY,
        partnership_id uuid NOT NULL REFERENCES partnership (id),
        person_id uuid NOT NULL,
        booking_id uuid,
        verb text NOT NULL,
        statement jsonb NOT NULL,
        voids_statement_id uuid REFERENCES xapi_statement (id),
        stored_at timestamptz NOT NULL DEFAULT now(),
        seq bigserial NOT NULL UNIQUE,
        FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id)
      );
      CREATE INDEX xapi_statement_person_idx ON xapi_statement (person_id, seq);
      CREATE INDEX xapi_statement_booking_idx ON xapi_statement (booking_id) WHERE booking_id IS NOT NULL;
      CREATE UNIQUE INDEX xapi_statement_voids_idx ON xapi_statement (voids_statement_id) WHERE voids_statement_id IS NOT NULL;

      -- Statements are kept as given: no update, no delete.
      CREATE FUNCTION xapi_statement_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'xAPI statements are immutable: void one with a voiding statement instead';
      END $$;
      CREATE TRIGGER xapi_statement_no_change BEFORE UPDATE OR DELETE ON xapi_statement
        FOR EACH ROW EXECUTE FUNCTION xapi_statement_immutable();

      CREATE TABLE xapi_projection (
        name text PRIMARY KEY,
        read_up_to timestamptz NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE xapi_projection;
      DROP TABLE xapi_statement;
      DROP FUNCTION xapi_statement_immutable();
    `);
  }
}
