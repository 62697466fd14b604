import type { DataSource } from 'typeorm';

/** Statements per statement read: the export streams page after page, never the whole set at once. */
const PAGE = 1000;

export type XapiExportScope = { kind: 'person'; partnershipId: string; personId: string } | { kind: 'organisation'; partnershipId: string; organisationId: string };

/**
 * The stored statements of a person, or of an organisation's people (those in it now), oldest
 * first, as an xAPI StatementResult ({"statements": [...], "more": ""}) in chunks: each page is
 * read only when the one before has been handed on.
 */
export async function* xapiStatementResult(dataSource: DataSource, scope: XapiExportScope): AsyncGenerator<string> {
  const who = scope.kind === 'person' ? 'x.person_id = $2' : 'x.person_id IN (SELECT id FROM person WHERE partnership_id = $1 AND organisation_id = $2)';
  const whom = scope.kind === 'person' ? scope.personId : scope.organisationId;
  yield '{"statements":[';
  let after = '0';
  let first = true;
  for (;;) {
    const rows: Array<{ seq: string; statement: string }> = await dataSource.query(
      `SELECT x.seq::text AS seq, x.statement::text AS statement FROM xapi_statement x
       WHERE x.partnership_id = $1 AND ${who} AND x.seq > $3::bigint ORDER BY x.seq LIMIT ${PAGE}`, [scope.partnershipId, whom, after]);
    if (rows.length) {
      yield (first ? '' : ',') + rows.map((row) => row.statement).join(',');
      first = false;
      after = rows[rows.length - 1].seq;
    }
    if (rows.length < PAGE) break;
  }
  yield '],"more":""}';
}

/** The organisation an export names, as the policy needs it; null when there is none. */
export async function exportedOrganisation(dataSource: DataSource, id: string): Promise<{ id: string; partnershipId: string } | null> {
  const [found]: Array<{ id: string; partnership_id: string }> = await dataSource.query('SELECT id, partnership_id FROM organisation WHERE id = $1', [id]);
  return found ? { id: found.id, partnershipId: found.partnership_id } : null;
}
