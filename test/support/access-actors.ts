import { hashPasswordOnce } from '../../server/src/modules/auth/password-hasher';
import { startPortal, type RunningPortal } from './start-portal';
import { DEMO_PASSWORD } from './test-database';

/** The nine callers of every access matrix: signed out, the seven demo roles, and the other partnership's administrator. */
export const ACCESS_ACTORS = ['anonymous', 'volunteer', 'learner', 'manager', 'lead', 'provider', 'steering', 'admin', 'otherAdmin'] as const;
export type AccessActor = (typeof ACCESS_ACTORS)[number];

/** The one row a statement must find (a fixture that is missing is the test's mistake, said as such). */
export async function oneRow<T = Record<string, string>>(portal: RunningPortal, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await portal.dataSource.query(sql, params);
  if (!row) throw new Error(`no row for ${sql}`);
  return row;
}

export interface AccessSetup {
  portal: RunningPortal;
  tokens: Partial<Record<AccessActor, string>>;
  gp: { id: string; slug: string };
  fen: { id: string; slug: string };
  /** The other partnership's administrator, made for the test from one of its staff. */
  otherAdmin: { id: string; organisation_id: string };
}

/**
 * The demo portal with a session for each caller: the demo accounts of Greater Peterborough, and
 * an administrator of the Fenland partnership (`other.admin@fenland.example`) made for the test.
 */
export async function startAccessPortal(): Promise<AccessSetup> {
  const portal = await startPortal({ template: 'demo', config: { signInLimitPerAddress: 10_000 } });
  const tokens: Partial<Record<AccessActor, string>> = {};
  for (const actor of ACCESS_ACTORS.filter((a) => a !== 'anonymous' && a !== 'otherAdmin')) tokens[actor] = await portal.signIn(`${actor}@demo.portal`);
  const gp = await oneRow<AccessSetup['gp']>(portal, `SELECT id, slug FROM partnership WHERE slug = 'greater-peterborough'`);
  const fen = await oneRow<AccessSetup['fen']>(portal, `SELECT id, slug FROM partnership WHERE slug = 'fenland-care-partnership'`);
  const otherAdmin = await oneRow<AccessSetup['otherAdmin']>(portal, `SELECT id, organisation_id FROM person
    WHERE partnership_id = $1 AND kind = 'staff' AND organisation_id IS NOT NULL ORDER BY email LIMIT 1`, [fen.id]);
  await portal.dataSource.query(`UPDATE person SET password_hash = $2, email = 'other.admin@fenland.example' WHERE id = $1`,
    [otherAdmin.id, await hashPasswordOnce(DEMO_PASSWORD)]);
  await portal.dataSource.query(`INSERT INTO role_grant (partnership_id, person_id, role) VALUES ($1, $2, 'partnership_admin') ON CONFLICT DO NOTHING`,
    [fen.id, otherAdmin.id]);
  tokens.otherAdmin = await portal.signIn('other.admin@fenland.example');
  return { portal, tokens, gp, fen, otherAdmin };
}
