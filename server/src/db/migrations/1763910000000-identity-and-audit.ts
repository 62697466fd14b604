import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, sessions, password resets, sign-in rate limits and the audit log.
 *
 * Session and reset tokens are stored only as SHA-256 hashes: a copy of the database does not
 * let anyone sign in. The audit log is append-only, enforced by a trigger, not by convention.
 */
export class IdentityAndAudit1763910000000 implements MigrationInterface {
  name = 'IdentityAndAudit1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person
        ADD COLUMN password_hash text CHECK (length(password_hash) <= 500),
        ADD COLUMN password_changed_at timestamptz;

      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL,
        person_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip_address text CHECK (length(ip_address) <= 100),
        user_agent text CHECK (length(user_agent) <= 500),
        FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id)
      );
      CREATE INDEX auth_session_person_idx ON auth_session (person_id) WHERE revoked_at IS NULL;

      CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL,
        person_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id)
      );
      CREATE INDEX password_reset_person_idx ON password_reset (person_id);

      -- The shape rate-limiter-flexible's PostgreSQL store expects (it is told the table exists).
      CREATE TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );

      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- Null only for events that belong to no partnership, such as a failed sign-in with an unknown email.
        partnership_id uuid REFERENCES partnership(id),
        actor_person_id uuid,
        action text NOT NULL CHECK (action ~ '^[a-z_]+\\.[a-z_]+$'),
        subject_type text,
        subject_id text,
        details jsonb NOT NULL DEFAULT '{}',
        ip_address text,
        request_id text,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (partnership_id, actor_person_id) REFERENCES person (partnership_id, id)
      );
      CREATE INDEX audit_log_partnership_idx ON audit_log (partnership_id, occurred_at DESC);
      CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id);

      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
      END $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_log, rate_limit, password_reset, auth_session;
      DROP FUNCTION audit_log_is_append_only();
      ALTER TABLE person DROP COLUMN password_hash, DROP COLUMN password_changed_at;
    `);
  }
}
