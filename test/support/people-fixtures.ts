import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { newToken, tokenHash } from '../../server/src/modules/auth/session-token';

/**
 * Many signed-in people at once: rows for the people and their sessions, written directly, so a
 * test of 200 concurrent bookings does not first spend 200 password hashes signing them in.
 * The tokens are real: the server resolves them exactly as after signIn.
 */
export async function makeSignedInPeople(db: DataSource, partnershipId: string, count: number, options: {
  organisationId?: string | null; kind?: 'staff' | 'volunteer';
} = {}): Promise<Array<{ personId: string; token: string }>> {
  const kind = options.kind ?? (options.organisationId ? 'staff' : 'volunteer');
  const people = Array.from({ length: count }, () => ({ personId: randomUUID(), token: newToken() }));
  await db.query(
    `INSERT INTO person (id, partnership_id, organisation_id, kind, name, email)
     SELECT id, $2, $3, $4, 'Test Person ' || n, 'person.' || id || '@people.example'
     FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [people.map((p) => p.personId), partnershipId, options.organisationId ?? null, kind]);
  await db.query(
    `INSERT INTO role_grant (partnership_id, person_id, role, organisation_id)
     SELECT $2, id, $3, $4 FROM unnest($1::uuid[]) AS t(id)`,
    [people.map((p) => p.personId), partnershipId, kind === 'volunteer' ? 'volunteer' : 'learner', options.organisationId ?? null]);
  await db.query(
    `INSERT INTO auth_session (partnership_id, person_id, token_hash, expires_at)
     SELECT $3, id, hash, now() + interval '1 day' FROM unnest($1::uuid[], $2::bytea[]) AS t(id, hash)`,
    [people.map((p) => p.personId), people.map((p) => tokenHash(p.token)), partnershipId]);
  return people;
}

/** A real session for an existing person, as if they had signed in. */
export async function sessionFor(db: DataSource, personId: string): Promise<string> {
  const token = newToken();
  await db.query(`INSERT INTO auth_session (partnership_id, person_id, token_hash, expires_at)
    SELECT partnership_id, id, $2, now() + interval '1 day' FROM person WHERE id = $1`, [personId, tokenHash(token)]);
  return token;
}
