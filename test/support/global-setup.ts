// Starts one PostgreSQL for the whole jest run: the embedded one in a fresh temporary folder,
// or the server DATABASE_URL points at. Test files then clone their own databases from it
// (test/support/test-database.ts). The embedded one is started as the server starts it, so a
// clone in a private folder works the same way.
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../server/src/db/embedded-postgres';
import { freePort } from './free-port';

declare global {
  var __PORTAL_TEST_PG__: { pg: EmbeddedPostgresHandle; dir: string } | undefined;
}


export default async function globalSetup(): Promise<void> {
  // Shared by every worker: the demo template is dated relative to this instant, and databases
  // made by this run are named with this key.
  process.env.PORTAL_TEST_NOW = new Date().toISOString();
  process.env.PORTAL_TEST_RUN_KEY = Date.now().toString(36);
  if (process.env.DATABASE_URL) {
    process.env.PORTAL_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-test-pg-'));
  chmodSync(dir, 0o755); // reachable by the postgres user when running as root
  const port = await freePort();
  const pg = await startEmbeddedPostgres({
    dataDir: dir,
    port,
    log: (message) => console.error(`embedded PostgreSQL: ${message}`),
    // Tests may lose data on a crash: trade durability for speed.
    settings: { max_connections: '300', fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  globalThis.__PORTAL_TEST_PG__ = { pg, dir };
  process.env.PORTAL_TEST_ADMIN_URL = pg.url('postgres');
}
