import type { GraphQLResponse, RunningPortal } from './start-portal';
import { DEMO_PASSWORD } from './test-database';

/**
 * Helpers for the administration tests: the demo's accounts, an administrator for the second
 * partnership (the demo has none), and row counts to show that refused changes wrote nothing.
 */
export const ADMIN = 'admin@demo.portal';
export const NON_ADMINS = ['volunteer@demo.portal', 'learner@demo.portal', 'manager@demo.portal', 'lead@demo.portal',
  'provider@demo.portal', 'steering@demo.portal', 'careworker@demo.portal', 'carehome-manager@demo.portal'] as const;
export const OTHER_PARTNERSHIP = 'fenland-care-partnership';

export interface UserErrorShape { field: string[]; message: string; code: string }

export async function count(portal: RunningPortal, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await portal.dataSource.query(sql, params))[0].count);
}

/** Rows of every table an administration mutation writes: equal before and after means nothing was written. */
export interface RowCounts {
  organisation: number; person: number; role_grant: number; audit_log: number; disabled: number; managed: number; revoked_sessions: number;
}

export async function writableRowCounts(portal: RunningPortal): Promise<RowCounts> {
  const [row] = await portal.dataSource.query(`SELECT
    (SELECT count(*) FROM organisation)::int AS organisation, (SELECT count(*) FROM person)::int AS person,
    (SELECT count(*) FROM role_grant)::int AS role_grant, (SELECT count(*) FROM audit_log WHERE action NOT LIKE 'auth.%')::int AS audit_log,
    (SELECT count(*) FROM person WHERE disabled_at IS NOT NULL)::int AS disabled,
    (SELECT count(*) FROM person WHERE line_manager_id IS NOT NULL)::int AS managed,
    (SELECT count(*) FROM auth_session WHERE revoked_at IS NOT NULL)::int AS revoked_sessions`);
  return row;
}

export async function signInAs(portal: RunningPortal, emails: readonly string[]): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const email of emails) tokens[email] = await portal.signIn(email);
  return tokens;
}

export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

export async function idOf(portal: RunningPortal, sql: string, params: unknown[] = []): Promise<string> {
  const [row] = await portal.dataSource.query(sql, params);
  if (!row) throw new Error(`no row for ${sql} ${JSON.stringify(params)}`);
  return row.id;
}

export const personId = (portal: RunningPortal, email: string) => idOf(portal, 'SELECT id FROM person WHERE email = $1', [email]);

export const organisationId = (portal: RunningPortal, shortCode: string, slug = 'greater-peterborough') => idOf(portal,
  `SELECT o.id FROM organisation o JOIN partnership p ON p.id = o.partnership_id WHERE o.short_code = $1 AND p.slug = $2`, [shortCode, slug]);

/**
 * An administrator of the second partnership: one of its staff, given the demo password and the
 * role, so tests can show that each partnership's administrator cannot reach the other's rows.
 */
export async function otherPartnershipAdmin(portal: RunningPortal): Promise<{ email: string; token: string; personId: string }> {
  const [person] = await portal.dataSource.query(
    `SELECT p.id, p.email, p.partnership_id FROM person p JOIN partnership s ON s.id = p.partnership_id
     WHERE s.slug = $1 AND p.kind = 'staff' ORDER BY p.email LIMIT 1`, [OTHER_PARTNERSHIP]);
  await portal.dataSource.query(
    `UPDATE person SET password_hash = (SELECT password_hash FROM person WHERE email = $2) WHERE id = $1`, [person.id, ADMIN]);
  await portal.dataSource.query(
    `INSERT INTO role_grant (partnership_id, person_id, role) VALUES ($1, $2, 'partnership_admin') ON CONFLICT DO NOTHING`,
    [person.partnership_id, person.id]);
  return { email: person.email, personId: person.id, token: await portal.signIn(person.email, DEMO_PASSWORD) };
}

export function randomUuid(): string {
  return crypto.randomUUID();
}
