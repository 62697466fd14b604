import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a session was last used, for its idle timeout. Sessions open at the upgrade count as seen
 * then (the default is evaluated once), so none ends for idleness at the moment of upgrading.
 */
export class SessionLastSeen1763974100000 implements MigrationInterface {
  name = 'SessionLastSeen1763974100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth_session ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth_session DROP COLUMN last_seen_at`);
  }
}
