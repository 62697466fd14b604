import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { connectionStringOf } from '../../jobs/job-runner';
import type { Logger } from '../../observability/logger';
import { recordAudit } from '../audit/audit.service';

/**
 * Which imports are really running. The process that runs an import holds a session-level
 * advisory lock on it, on a connection of its own, from before the row exists until it has
 * finished; a process that dies takes its sessions, and so its locks, with it. An import left
 * `running` whose lock nobody holds was interrupted: any replica can tell, without a heartbeat or
 * a staleness guess, and without failing an import another live replica is still running.
 *
 * The lock key is (IMPORT_LOCKS, hashtext(id)): two imports whose ids hash alike only mean one
 * of them may be taken for running a little longer, never that a running one is failed.
 */
const IMPORT_LOCKS = 727_010;

export interface HeldImport {
  id: string;
  release: () => Promise<void>;
}

/**
 * Takes the import's lock on a connection of its own (not one of the request pool's, which a few
 * imports at once could otherwise use up); null when another request already holds it (the same
 * importId sent twice at once).
 */
export async function holdImport(dataSource: DataSource, id: string): Promise<HeldImport | null> {
  const client = new Client({ connectionString: connectionStringOf(dataSource.options), application_name: 'partnership-portal-import' });
  client.on('error', () => {}); // a lost connection ends the lock, which is what a stopped import should do
  await client.connect();
  try {
    const { rows: [{ held }] } = await client.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS held', [IMPORT_LOCKS, id]);
    if (held) return { id, release: () => client.end() };
  } catch (error) {
    await client.end();
    throw error;
  }
  await client.end();
  return null;
}

export const INTERRUPTED_MESSAGE = 'The import was interrupted (the portal stopped while it ran). Nothing was imported: send the file again.';

/**
 * At start: every import left running by a process that is gone ends failed, with the reason,
 * and an audit entry. Imports whose lock is held (running on a live replica) are left alone.
 */
export async function failInterruptedImports(dataSource: DataSource, log: Logger): Promise<number> {
  const failed: Array<{ id: string; partnershipId: string; organisationId: string }> = await dataSource.transaction(async (manager) => {
    const [rows] = await manager.query(
      // Materialised, so only running imports' locks are tried (and held until this commits).
      `WITH running AS MATERIALIZED (SELECT id FROM people_import WHERE status = 'running'),
         ownerless AS MATERIALIZED (SELECT id FROM running WHERE pg_try_advisory_xact_lock($1, hashtext(id::text)))
       UPDATE people_import p SET status = 'failed', processed_rows = total_rows, imported_count = 0, finished_at = now(),
         errors = jsonb_build_array(jsonb_build_object('line', 1, 'field', 'csv', 'message', $2::text))
       FROM ownerless o WHERE p.id = o.id AND p.status = 'running'
       RETURNING p.id, p.partnership_id AS "partnershipId", p.organisation_id AS "organisationId"`,
      [IMPORT_LOCKS, INTERRUPTED_MESSAGE]);
    for (const row of rows as Array<{ id: string; partnershipId: string; organisationId: string }>) {
      await recordAudit(manager, { ipAddress: null, requestId: 'start-up:interrupted-imports' }, {
        partnershipId: row.partnershipId, actorPersonId: null, action: 'people.import_interrupted',
        subjectType: 'people_import', subjectId: row.id, details: { organisationId: row.organisationId },
      });
    }
    return rows;
  });
  if (failed.length) log.warn({ imports: failed.map((row) => row.id) }, 'people imports interrupted by a stop: marked failed');
  return failed.length;
}
