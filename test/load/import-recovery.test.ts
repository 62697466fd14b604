import { Client } from 'pg';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { createTestDatabase, dbSettings, dropTestDatabase } from '../support/test-database';
import { ADMIN, signInAs } from '../support/admin-fixtures';
import { createDataSource } from '../../server/src/db/data-source';
import { failInterruptedImports, holdImport, type HeldImport } from '../../server/src/modules/people/import-ownership';
import { createLogger } from '../../server/src/observability/logger';

/**
 * An import whose process died (a crash, a kill -9) must not stay RUNNING forever: the next
 * start marks it FAILED with the reason. One still running on a live replica is left alone.
 */
let database: { url: string; name: string };
let portal: RunningPortal | undefined;
let live: HeldImport | null = null;

const PROGRESS = 'query($id: ID!) { peopleImport(id: $id) { id status processedRows totalRows importedCount errors { line field message } } }';

/** A running import row as a process writes it at the start of an import, with that process's lock. */
async function runningImport(url: string): Promise<{ id: string; lock: HeldImport }> {
  const dataSource = createDataSource(url, dbSettings);
  await dataSource.initialize();
  try {
    const lock = (await holdImport(dataSource, crypto.randomUUID()))!;
    await dataSource.query(
      `INSERT INTO people_import (id, partnership_id, organisation_id, started_by_person_id, total_rows, processed_rows)
       SELECT $1, o.partnership_id, o.id, p.id, 10, 3 FROM organisation o
       JOIN person p ON p.partnership_id = o.partnership_id AND p.email = $2
       WHERE o.partnership_id = p.partnership_id ORDER BY o.name LIMIT 1`, [lock.id, ADMIN]);
    return { id: lock.id, lock };
  } finally {
    await dataSource.destroy();
  }
}

beforeAll(async () => {
  database = await createTestDatabase('demo');
});

afterAll(async () => {
  await live?.release();
  if (portal) await portal.stop();
  else await dropTestDatabase(database.name);
});

it('fails the imports of a process that is gone on the next start, and leaves a live one running', async () => {
  const crashed = await runningImport(database.url);
  const running = await runningImport(database.url);
  live = running.lock;
  // The crash: the process's connections end without a word, and with them its lock.
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  const { rowCount } = await admin.query(`SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE l.locktype = 'advisory' AND a.application_name = 'partnership-portal-import'
      AND l.objid::bigint = (hashtext($1)::bigint & 4294967295)`, [crashed.id]);
  expect(rowCount).toBe(1);
  await admin.end();

  portal = await startPortal({ database });
  const token = (await signInAs(portal, [ADMIN]))[ADMIN];
  const after = async (id: string) => (await portal!.graphql<{ peopleImport: Record<string, unknown> }>(PROGRESS, { id }, { token })).data!.peopleImport;

  expect(await after(crashed.id)).toEqual({ id: crashed.id, status: 'FAILED', processedRows: 10, totalRows: 10, importedCount: 0,
    errors: [{ line: 1, field: 'csv', message: expect.stringContaining('interrupted') }] });
  expect(await after(running.id)).toMatchObject({ id: running.id, status: 'RUNNING', processedRows: 3 });
  const audit = await portal.dataSource.query(`SELECT action, subject_id FROM audit_log WHERE subject_type = 'people_import'`);
  expect(audit).toEqual([{ action: 'people.import_interrupted', subject_id: crashed.id }]);

  // A second replica starting while the live import still runs leaves it alone too.
  const second = await startPortal({ replicaOf: portal });
  try {
    expect(await after(running.id)).toMatchObject({ status: 'RUNNING' });
  } finally {
    await second.stop();
  }
});

it('never fails an import while the request running it holds on, however often another replica starts', async () => {
  const token = (await signInAs(portal!, [ADMIN]))[ADMIN];
  const [organisation] = await portal!.dataSource.query(
    `SELECT o.id FROM organisation o JOIN person p ON p.partnership_id = o.partnership_id AND p.email = $1 ORDER BY o.name LIMIT 1`, [ADMIN]);
  const lines = Array.from({ length: 5000 }, (_, i) => `Carer ${i},carer${i}@recovery.example,staff,Carer,Team ${i % 10},`);
  const importId = crypto.randomUUID();
  let finished = false;
  const importing = portal!.graphql<{ importPeople: { import: { status: string; importedCount: number } | null } }>(
    `mutation($input: ImportPeopleInput!) { importPeople(input: $input) { import { status importedCount } userErrors { message } } }`,
    { input: { organisationId: organisation.id, importId, csv: ['name,email,kind,job_title,team,line_manager_email', ...lines].join('\n') } },
    { token }).finally(() => { finished = true; });
  // What each replica does as it starts, over and over while the import runs.
  const log = createLogger('silent');
  let whileRunning = 0;
  let failed = 0;
  while (!finished) {
    const [row] = await portal!.dataSource.query(`SELECT status FROM people_import WHERE id = $1`, [importId]);
    if (row?.status === 'running') whileRunning += 1;
    failed += await failInterruptedImports(portal!.dataSource, log);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(whileRunning).toBeGreaterThan(0);
  expect(failed).toBe(0);
  expect((await importing).data!.importPeople.import).toEqual({ status: 'SUCCEEDED', importedCount: 5000 });
}, 60_000);
