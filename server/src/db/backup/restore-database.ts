import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as tar from 'tar';
import { sha256OfFile } from './backup-database';
import { ARCHIVE_FORMAT, MANIFEST_FILE, type BackupManifest, type BackupMethod } from './backup-manifest';
import { keyOf, qualified, quote, rowCounts, tablesInRestoreOrder } from './database-catalogue';
import { matchingPgTool, runPgTool, serverMajorOf } from './pg-tools';

/** A restore that was not started, for a reason the person can act on; nothing was written. */
export class RestoreRefused extends Error {}

export interface RestoreSummary {
  method: BackupMethod;
  createdAt: string;
  tables: number;
  rows: number;
}

export interface RestoreOptions {
  /** Drop everything in the target's portal and job-queue schemas first, instead of refusing a database that is not empty. */
  replace?: boolean;
  /** The migrations this code knows, oldest first: a COPY archive is restored only onto the same list. */
  migrationNames: string[];
  /** Runs the portal's migrations on the target (COPY archives: the schema comes from them). */
  migrate: (url: string) => Promise<void>;
}

async function readArchive(file: string, into: string): Promise<BackupManifest> {
  try {
    await tar.x({ file, cwd: into, strict: true });
  } catch (error) {
    throw new RestoreRefused(`${file} is not a portal backup archive (${error instanceof Error ? error.message : String(error)})`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(into, MANIFEST_FILE), 'utf8')) as BackupManifest;
  } catch {
    throw new RestoreRefused(`${file} has no readable ${MANIFEST_FILE}: it is not a portal backup archive`);
  }
  if (manifest.format !== ARCHIVE_FORMAT) throw new RestoreRefused(`${file} is a "${manifest.format}" archive; this portal restores "${ARCHIVE_FORMAT}"`);
  const listed = manifest.method === 'pg_dump' && manifest.dump ? [manifest.dump] : manifest.tables;
  for (const entry of listed) {
    const where = path.resolve(into, entry.file);
    if (!where.startsWith(`${path.resolve(into)}${path.sep}`)) throw new RestoreRefused(`${file}: ${entry.file} points outside the archive`);
    const actual = await sha256OfFile(where).catch(() => null);
    if (actual !== entry.sha256) throw new RestoreRefused(`${file}: ${entry.file} ${actual ? 'does not match its checksum' : 'is missing'}: the archive is damaged`);
  }
  return manifest;
}

/** What the target already holds: relations in public, graphile-worker's schema, and rows. */
async function whatIsThere(client: Client): Promise<{ empty: boolean; description: string }> {
  const { rows: [{ relations, queue }] } = await client.query<{ relations: number; queue: boolean }>(
    `SELECT (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')) AS relations,
            EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'graphile_worker') AS queue`);
  const tables = await tablesInRestoreOrder(client).catch(() => []);
  const rows = Object.values(await rowCounts(client, tables)).reduce((sum, n) => sum + n, 0);
  return { empty: relations === 0 && !queue, description: `${relations} tables and sequences${queue ? ' and a job queue' : ''}, ${rows} rows` };
}

async function verifyCounts(client: Client, manifest: BackupManifest): Promise<number> {
  const tables = Object.keys(manifest.rowCounts).map((key) => {
    const [schema, ...rest] = key.split('.');
    return { schema, table: rest.join('.') };
  });
  const counts = await rowCounts(client, tables);
  const wrong = tables.map(keyOf).filter((key) => counts[key] !== manifest.rowCounts[key]);
  if (wrong.length) {
    throw new Error(`restored row counts differ from the backup's: ${wrong.map((key) => `${key} ${counts[key]} ≠ ${manifest.rowCounts[key]}`).join(', ')}`);
  }
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

async function loadCopies(client: Client, manifest: BackupManifest, dir: string): Promise<void> {
  const present = new Map((await tablesInRestoreOrder(client)).map((t) => [keyOf(t), t]));
  for (const table of manifest.tables) {
    const there = present.get(keyOf(table));
    const same = there && there.columns.length === table.columns.length && table.columns.every((c) => there.columns.includes(c));
    if (!same) throw new Error(`${keyOf(table)}: the migrated schema does not have the backup's columns (${table.columns.join(', ')})`);
  }
  const unexpected = [...present.keys()].filter((key) => !manifest.tables.some((t) => keyOf(t) === key));
  if (unexpected.length) throw new Error(`the migrated schema has tables the backup does not: ${unexpected.join(', ')}`);

  // Rows the migrations themselves wrote (reference data such as mandatory subjects) give way
  // to the backup's; only tables holding rows are touched (the append-only tables refuse even an empty DELETE).
  const seeded = await rowCounts(client, manifest.tables);
  for (const table of [...manifest.tables].reverse()) {
    if (seeded[keyOf(table)] > 0) await client.query(`DELETE FROM ${qualified(table.schema, table.table)}`);
  }
  for (const table of manifest.tables) {
    const sink = client.query(copyFrom(`COPY ${qualified(table.schema, table.table)} (${table.columns.map(quote).join(', ')}) FROM STDIN`));
    await pipeline(createReadStream(path.join(dir, table.file)), sink);
  }
  for (const { schema, sequence, lastValue, isCalled } of manifest.sequences) {
    await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [qualified(schema, sequence), lastValue, isCalled]);
  }
  // Jobs a worker held when the backup was taken belong to no worker now: free them to run at once.
  await client.query(`
    SELECT graphile_worker.force_unlock_workers(array_agg(DISTINCT locked_by))
    FROM (SELECT locked_by FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL
          UNION SELECT locked_by FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL) held
    HAVING count(*) > 0`);
}

/**
 * Restores an archive made by backupDatabase into the database at `url`, which must be empty
 * (no tables, no job queue) unless `replace` is set. Checked before anything is written: the
 * archive's checksums, and for a COPY archive that this code's migrations are the archive's.
 *
 * A COPY archive: the migrations build the schema, then every table is loaded in one
 * transaction in foreign-key order with every constraint checked, sequences are set, and the
 * row counts are compared with the archive's before it commits. A pg_dump archive: pg_restore
 * of the server's major version, in a single transaction, then the same row-count check.
 */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions): Promise<RestoreSummary> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'portal-restore-'));
  const client = new Client({ connectionString: url, application_name: 'partnership-portal-restore' });
  client.on('error', () => {});
  try {
    const manifest = await readArchive(file, work);
    await client.connect();
    const { rows: [server] } = await client.query<{ num: string; version: string }>(
      `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`);
    const serverMajor = serverMajorOf(Number(server.num));

    let pgRestore: { path: string } | null = null;
    if (manifest.method === 'pg_dump') {
      pgRestore = await matchingPgTool('pg_restore', serverMajor);
      if (!pgRestore) throw new RestoreRefused(`this archive holds a pg_dump dump (${manifest.dump?.pgDumpVersion}): restoring it needs pg_restore ${serverMajor} on PATH (the server is PostgreSQL ${server.version})`);
    } else if (manifest.migrations.join(',') !== options.migrationNames.join(',')) {
      throw new RestoreRefused(`the backup was taken at migration ${manifest.migrations.at(-1) ?? '(none)'} (${manifest.migrations.length} migrations); `
        + `this code is at ${options.migrationNames.at(-1)} (${options.migrationNames.length}): restore it with the portal version that made it`);
    }

    const there = await whatIsThere(client);
    if (!there.empty) {
      if (!options.replace) {
        throw new RestoreRefused(`the database is not empty (${there.description}): `
          + 'db:restore writes only into an empty database; add --replace to drop everything in it first');
      }
      await client.query('BEGIN');
      await client.query('DROP SCHEMA IF EXISTS graphile_worker CASCADE');
      await client.query('DROP SCHEMA IF EXISTS public CASCADE');
      await client.query('CREATE SCHEMA public');
      await client.query('COMMIT');
    }

    if (pgRestore) {
      const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
      await runPgTool(pgRestore.path, ['--exit-on-error', '--single-transaction', '--no-owner', '--no-acl', `--dbname=${database}`,
        path.join(work, manifest.dump!.file)], url);
      const rows = await verifyCounts(client, manifest);
      return { method: 'pg_dump', createdAt: manifest.createdAt, tables: Object.keys(manifest.rowCounts).length, rows };
    }

    await options.migrate(url);
    const { rows: queue } = await client.query<{ id: number }>('SELECT id FROM graphile_worker.migrations ORDER BY id')
      .catch(() => ({ rows: [] as Array<{ id: number }> }));
    if (queue.map((r) => Number(r.id)).join(',') !== manifest.jobQueueMigrations.join(',')) {
      throw new Error(`the job queue's schema (graphile_worker migrations ${queue.length}) is not the backup's (${manifest.jobQueueMigrations.length}): `
        + 'restore with the portal version that made the backup');
    }
    await client.query('BEGIN');
    try {
      await loadCopies(client, manifest, work);
      const rows = await verifyCounts(client, manifest);
      await client.query('COMMIT');
      return { method: 'copy', createdAt: manifest.createdAt, tables: manifest.tables.length, rows };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw new Error(`${error instanceof Error ? error.message : String(error)}; nothing was loaded: the database is left migrated `
        + 'and without data (run the restore again with --replace)');
    }
  } finally {
    await client.end().catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}
