import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import * as tar from 'tar';
import { matchingPgTool } from '../../server/src/db/backup/pg-tools';
import { ledgerInvariantProblems } from '../support/ledger-invariants';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { dropTestDatabase, urlFor } from '../support/test-database';

/**
 * `npm run db:backup` and `npm run db:restore` as a person runs them (the built CLI, against
 * DATABASE_URL): a demo database with fresh bookings, cancellations and ledger entries is backed
 * up, restored into a new empty database, and the copy is the same row for row, keeps the
 * ledger's invariants, and runs the portal. A database that is not empty is refused.
 */
const CLI = path.resolve(__dirname, '..', '..', 'server', 'dist', 'db', 'cli.js');
const run = promisify(execFile);

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code message } } }`;
const CANCEL = `mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id status } userErrors { code } } }`;
type BookData = { bookSession: { booking: { id: string; status: string } | null; userErrors: Array<{ code: string; message: string }> } };
type CancelData = { cancelBooking: { booking: { id: string; status: string } | null; userErrors: Array<{ code: string }> } };

let source: RunningPortal;
let sourceUrl: string;
let restored: RunningPortal | undefined;
let work: string;
const freshName = `restore_${Date.now().toString(36)}_${process.pid}`;
const created: string[] = [];

async function cli(args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // Run from the work folder as a person would run it there (not through npm, which would set INIT_CWD).
    const { INIT_CWD: _npmFolder, ...env } = process.env;
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' }, cwd: work,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every table of the portal and of the job queue with its row count and a digest of its rows (all columns, in a fixed order). */
async function fingerprint(url: string): Promise<Record<string, { rows: number; digest: string | null }>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ schema: string; table: string }>(
      `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
       WHERE table_schema IN ('public', 'graphile_worker') AND table_type = 'BASE TABLE' ORDER BY 1, 2`);
    const result: Record<string, { rows: number; digest: string | null }> = {};
    for (const { schema, table } of tables) {
      const name = `"${schema}"."${table}"`;
      // graphile-worker's migration ledger records when each step ran: the count is what must match.
      const digest = table === 'migrations' ? 'NULL' : `md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))`;
      const { rows: [row] } = await client.query<{ rows: number; digest: string | null }>(
        `SELECT count(*)::int AS rows, ${digest} AS digest FROM ${name} t`);
      result[`${schema}.${table}`] = row;
    }
    return result;
  });
}

async function paidSessionsFor(portal: RunningPortal, email: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await portal.dataSource.query(
    `SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id
     JOIN funding_stream f ON f.id = coalesce(s.funding_stream_id, c.funding_stream_id)
     WHERE s.status = 'scheduled' AND s.booking_closes_at > now() AND c.cost_per_place_pence > 0 AND c.audience IN ('staff', 'both')
       AND c.eligible_sectors = '{}' AND s.capacity - s.seats_taken > 2 AND f.budget_pence - f.committed_pence - f.spent_pence > c.cost_per_place_pence
       AND s.partnership_id = (SELECT partnership_id FROM person WHERE email = $1)
       -- One live place per person per course: none on this session's course yet.
       AND NOT EXISTS (SELECT 1 FROM booking b JOIN person p ON p.id = b.person_id JOIN training_session o ON o.id = b.session_id
         WHERE o.course_id = s.course_id AND p.email = $1 AND b.status IN ('requested', 'confirmed', 'waitlisted'))
     ORDER BY s.starts_at DESC LIMIT 12`, [email]);
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the server first (npx turbo run build)`);
  work = mkdtempSync(path.join(os.tmpdir(), 'portal-backup-test-'));
  source = await startPortal({ template: 'demo' });
  sourceUrl = urlFor((await source.dataSource.query('SELECT current_database() AS name'))[0].name);

  // Traffic of the kind the portal gets: places booked and paid for from a stream, one cancelled.
  const lead = await source.signIn('lead@demo.portal');
  const [{ id: learnerId }] = await source.dataSource.query(`SELECT id FROM person WHERE email = 'learner@demo.portal'`);
  for (const sessionId of await paidSessionsFor(source, 'learner@demo.portal')) {
    const response = await source.graphql<BookData>(BOOK, { input: { sessionId, personId: learnerId } }, { token: lead });
    const booking = response.data?.bookSession.booking;
    if (booking?.status === 'CONFIRMED') created.push(booking.id);
    if (created.length === 3) break;
  }
  expect(created).toHaveLength(3);
  const cancelled = await source.graphql<CancelData>(CANCEL, { input: { bookingId: created[0] } }, { token: lead });
  expect(cancelled.data?.cancelBooking.userErrors).toEqual([]);
  await withClient(urlFor('postgres'), (client) => client.query(`CREATE DATABASE "${freshName}"`));
}, 180_000);

afterAll(async () => {
  await restored?.stop();
  await source?.stop();
  await dropTestDatabase(freshName);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('db:backup and db:restore', () => {
  const archive = () => path.join(work, 'portal.tar.gz');

  it('restores into a fresh database the same rows, a sound ledger, and a portal that signs in and books', async () => {
    const before = await fingerprint(sourceUrl);
    const ledgerEntries = before['public.ledger_entry'].rows;
    const [{ count: newEntries }] = await source.dataSource.query(
      `SELECT count(*)::int AS count FROM ledger_entry WHERE booking_id = ANY($1::uuid[])`, [created]);
    expect(newEntries).toBeGreaterThanOrEqual(4); // three commitments and one release
    expect(before['graphile_worker._private_jobs'].rows).toBeGreaterThan(0); // the booking emails, queued

    const backup = await cli(['backup', 'portal.tar.gz'], sourceUrl);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    // pg_dump when one of the server's major version is on PATH (as with DATABASE_URL at a server
    // that Debian's client programs match), else COPY (the embedded PostgreSQL ships no pg_dump).
    const major = Math.floor(Number((await source.dataSource.query(`SELECT current_setting('server_version_num') AS n`))[0].n) / 10000);
    const method = (await matchingPgTool('pg_dump', major)) ? 'pg_dump' : 'copy';
    expect(backup.stdout).toContain(`"method":"${method}"`);
    expect(existsSync(archive())).toBe(true);

    const restore = await cli(['restore', archive()], urlFor(freshName));
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);

    const after = await fingerprint(urlFor(freshName));
    expect(after).toEqual(before);
    expect(after['public.ledger_entry'].rows).toBe(ledgerEntries);

    restored = await startPortal({ database: { url: urlFor(freshName), name: freshName } });
    expect(await ledgerInvariantProblems(restored.dataSource)).toEqual([]);
    const learner = await restored.signIn('learner@demo.portal');
    const mine = await restored.graphql<{ myBookings: { edges: Array<{ node: { id: string; status: string } }> } }>(
      'query { myBookings(first: 50) { edges { node { id status } } } }', {}, { token: learner });
    const statuses = new Map(mine.data!.myBookings.edges.map((e) => [e.node.id, e.node.status]));
    expect(created.map((id) => statuses.get(id))).toEqual(['CANCELLED', 'CONFIRMED', 'CONFIRMED']);

    // New rows after the restore get new ids (the sequences came back too) and keep the ledger sound.
    const [sessionId] = await paidSessionsFor(restored, 'learner@demo.portal');
    const again = await restored.graphql<BookData>(BOOK, { input: { sessionId } }, { token: learner });
    expect(again.data?.bookSession.userErrors).toEqual([]);
    expect(await ledgerInvariantProblems(restored.dataSource)).toEqual([]);
  });

  it('refuses to restore over a database that is not empty, and leaves it as it was', async () => {
    const target = sourceUrl;
    const before = await fingerprint(target);
    const refused = await cli(['restore', archive()], target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Restore refused: the database is not empty .*--replace/);
    expect(await fingerprint(target)).toEqual(before);
  });

  it('refuses a damaged archive before touching the database', async () => {
    const empty = `${freshName}_damaged`;
    await withClient(urlFor('postgres'), (client) => client.query(`CREATE DATABASE "${empty}"`));
    try {
      const bytes = readFileSync(archive());
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      writeFileSync(path.join(work, 'damaged.tar.gz'), bytes);
      const refused = await cli(['restore', 'damaged.tar.gz'], urlFor(empty));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Restore refused/);
      const tables = await withClient(urlFor(empty), (client) => client.query(
        `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`));
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await dropTestDatabase(empty);
    }
  });

  it('refuses a COPY archive taken at other migrations than this code has, before touching the database', async () => {
    const empty = `${freshName}_older`;
    const unpacked = path.join(work, 'older');
    await withClient(urlFor('postgres'), (client) => client.query(`CREATE DATABASE "${empty}"`));
    try {
      expect((await cli(['backup', 'copy.tar.gz', '--method=copy'], sourceUrl)).code).toBe(0);
      mkdirSync(unpacked);
      await tar.x({ file: path.join(work, 'copy.tar.gz'), cwd: unpacked });
      const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8'));
      expect(manifest.method).toBe('copy');
      manifest.migrations = manifest.migrations.slice(0, -1);
      writeFileSync(path.join(unpacked, 'manifest.json'), JSON.stringify(manifest));
      await tar.c({ gzip: true, file: path.join(work, 'older.tar.gz'), cwd: unpacked }, ['.']);
      const refused = await cli(['restore', 'older.tar.gz'], urlFor(empty));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Restore refused: the backup was taken at migration .*portal version that made it/);
      const tables = await withClient(urlFor(empty), (client) => client.query(
        `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`));
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await dropTestDatabase(empty);
    }
  });
});
