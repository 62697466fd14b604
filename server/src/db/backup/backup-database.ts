import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import * as tar from 'tar';
import { ARCHIVE_FORMAT, MANIFEST_FILE, type BackupManifest, type BackupMethod, type SequenceValue, type TableCopy } from './backup-manifest';
import { keyOf, qualified, quote, rowCounts, sequencesOf, tablesInRestoreOrder } from './database-catalogue';
import { matchingPgTool, runPgTool, serverMajorOf } from './pg-tools';

export interface BackupSummary {
  file: string;
  method: BackupMethod;
  /** Why this method: which pg_dump was used, or why none could be. */
  methodReason: string;
  tables: number;
  rows: number;
  bytes: number;
}

/** 'auto': pg_dump when one of the server's major version is on PATH, else COPY. */
export type BackupMethodChoice = BackupMethod | 'auto';

/** A hash of everything that passes through, for the manifest's checksums. */
function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({ transform(chunk: Buffer, _encoding, done) { hash.update(chunk); done(null, chunk); } });
}

export async function sha256OfFile(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/**
 * Writes one archive file holding the whole database as of one instant: every table is read in
 * a single REPEATABLE READ transaction, so the ledger, its streams' running totals and the
 * bookings they belong to are consistent with each other however busy the portal is meanwhile.
 *
 * With a pg_dump of the server's major version on PATH (method 'auto' or 'pg_dump'), the
 * archive holds a pg_dump custom-format dump taken from that same transaction's exported
 * snapshot. Otherwise (the embedded PostgreSQL ships no pg_dump) it holds one COPY file per
 * table, which db:restore loads onto a freshly migrated schema.
 */
export async function backupDatabase(url: string, file: string, options: { method?: BackupMethodChoice; now?: Date } = {}): Promise<BackupSummary> {
  const client = new Client({ connectionString: url, application_name: 'partnership-portal-backup' });
  client.on('error', () => {});
  await client.connect();
  const work = await mkdtemp(path.join(os.tmpdir(), 'portal-backup-'));
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: [server] } = await client.query<{ version: string; num: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num`);
    const { rows: [{ migrated }] } = await client.query<{ migrated: boolean }>(`SELECT to_regclass('public.schema_migration') IS NOT NULL AS migrated`);
    if (!migrated) throw new Error('this database has no schema_migration table: it is not a portal database, or it was never migrated');
    const { rows: migrationRows } = await client.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY timestamp, id');
    const { rows: queueRows } = await client.query<{ id: number }>(
      `SELECT id FROM graphile_worker.migrations ORDER BY id`).catch(() => ({ rows: [] as Array<{ id: number }> }));

    const tables = await tablesInRestoreOrder(client);
    const counts = await rowCounts(client, tables);
    const serverMajor = serverMajorOf(Number(server.num));
    const choice = options.method ?? 'auto';
    const pgDump = choice === 'copy' ? null : await matchingPgTool('pg_dump', serverMajor);
    if (choice === 'pg_dump' && !pgDump) throw new Error(`--method=pg_dump needs pg_dump ${serverMajor} on PATH (the server is PostgreSQL ${server.version})`);

    const manifest: BackupManifest = {
      format: ARCHIVE_FORMAT,
      method: pgDump ? 'pg_dump' : 'copy',
      createdAt: (options.now ?? new Date()).toISOString(),
      serverVersion: server.version,
      migrations: migrationRows.map((r) => r.name),
      jobQueueMigrations: queueRows.map((r) => Number(r.id)),
      rowCounts: counts,
      tables: [],
      sequences: [],
    };
    const files: string[] = [];
    let methodReason: string;

    if (pgDump) {
      const { rows: [{ snapshot }] } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
      const dumpFile = 'database.pgdump';
      await runPgTool(pgDump.path, ['--format=custom', '--no-owner', '--no-acl', `--snapshot=${snapshot}`, `--file=${path.join(work, dumpFile)}`], url);
      manifest.dump = { file: dumpFile, sha256: await sha256OfFile(path.join(work, dumpFile)), pgDumpVersion: pgDump.version };
      files.push(dumpFile);
      methodReason = `${pgDump.version} matches the server (PostgreSQL ${server.version})`;
    } else {
      await mkdir(path.join(work, 'data'));
      for (const [index, table] of tables.entries()) {
        const name = `data/${String(index + 1).padStart(3, '0')}-${keyOf(table)}.copy`;
        const hash = createHash('sha256');
        const columns = table.columns.map(quote).join(', ');
        const source = client.query(copyTo(`COPY ${qualified(table.schema, table.table)} (${columns}) TO STDOUT`));
        await pipeline(source, hashing(hash), createWriteStream(path.join(work, name)));
        if (source.rowCount !== counts[keyOf(table)]) {
          throw new Error(`${keyOf(table)}: COPY wrote ${source.rowCount} rows, the snapshot counted ${counts[keyOf(table)]}`);
        }
        const copy: TableCopy = { ...table, rows: source.rowCount, file: name, sha256: hash.digest('hex') };
        manifest.tables.push(copy);
        files.push(name);
      }
      for (const { schema, sequence } of await sequencesOf(client)) {
        const { rows: [value] } = await client.query<{ last_value: string; is_called: boolean }>(
          `SELECT last_value::text, is_called FROM ${qualified(schema, sequence)}`);
        const entry: SequenceValue = { schema, sequence, lastValue: value.last_value, isCalled: value.is_called };
        manifest.sequences.push(entry);
      }
      methodReason = choice === 'copy' ? 'asked for (--method=copy)' : `no pg_dump ${serverMajor} on PATH (the server is PostgreSQL ${server.version})`;
    }
    await client.query('COMMIT');

    await writeFile(path.join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    // Written beside the target and renamed into place: a failed backup never leaves a truncated archive under the real name.
    const target = path.resolve(file);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    try {
      await tar.c({ gzip: true, file: partial, cwd: work, portable: true }, [MANIFEST_FILE, ...files]);
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return {
      file: target,
      method: manifest.method,
      methodReason,
      tables: tables.length,
      rows: Object.values(counts).reduce((sum, n) => sum + n, 0),
      bytes: (await stat(target)).size,
    };
  } finally {
    await client.end().catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}
