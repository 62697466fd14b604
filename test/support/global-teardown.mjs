import pg from 'pg';
import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const handle = globalThis.__PORTAL_TEST_PG__;
  if (handle) {
    await handle.pg.stop();
    rmSync(handle.dir, { recursive: true, force: true });
    return;
  }
  // DATABASE_URL: drop what this run created, leave everything else alone.
  const client = new pg.Client({ connectionString: process.env.PORTAL_TEST_ADMIN_URL });
  await client.connect();
  try {
    const key = process.env.PORTAL_TEST_RUN_KEY;
    const { rows } = await client.query(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2",
      [`t\\_${key}\\_%`, `tpl\\_%\\_${key}`]);
    for (const { datname } of rows) {
      await client.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`);
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
