import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../server/src/db/data-source';
import { createTestDatabase, dbSettings, dropTestDatabase } from '../support/test-database';
import { freePort } from '../support/free-port';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { chargeCourseTo, makeStream } from '../support/funding-fixtures';
import { writeResults } from './measure';

/**
 * The booking rush alone: 200 signed-in people POST bookSession at once on one session of 20
 * seats (side-by-side.bench.ts measures the same rush in its portal-only figures), against the
 * portal at demo size, several trials, each on a session of its own. Reported per trial: the time
 * until the last answer, each request's latency, the SQL statements each bookSession cost (from
 * the response's `extensions.sqlStatements`), how long each booking that took a seat held the
 * session's row (from triggers on training_session that only this bench installs: one when a
 * transaction updates the row, a deferred one as it commits), the pool's queue, and this
 * process's CPU and event-loop delay (the server and the 200 clients share this process).
 *
 * RUSH_TRIALS (3), RUSH_POOL (the pool size, 10 as in production), RUSH_FUNDED=1 (the course
 * costs £40 paid by a stream: the ledger's commitment rides on each confirmed place).
 */
const PEOPLE = 200;
const SEATS = 20;
const TRIALS = Number(process.env.RUSH_TRIALS ?? 3);
const POOL = Number(process.env.RUSH_POOL ?? 10);
const FUNDED = process.env.RUSH_FUNDED === '1';
const DIST = process.env.RUSH_SERVER === 'dist';

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code } } }`;

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

interface Answer { ms: number; status?: string; statements?: number }

/** As side-by-side.bench.ts posts: node:http over a kept-alive agent, a reset reused socket sent again. */
function post(url: string, body: unknown, token: string): Promise<string> {
  const payload = JSON.stringify(body);
  const once = (): Promise<string> => new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    request.on('error', (error: NodeJS.ErrnoException) => (request.reusedSocket && error.code === 'ECONNRESET' ? once().then(resolve, reject) : reject(error)));
    request.end(payload);
  });
  return once();
}

const LOCK_WATCH = `
  CREATE TABLE bench_lock_watch (session_id uuid PRIMARY KEY);
  CREATE TABLE bench_lock_event (xid xid8 NOT NULL, what text NOT NULL, at timestamptz NOT NULL);
  CREATE FUNCTION bench_lock_event() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF EXISTS (SELECT 1 FROM bench_lock_watch WHERE session_id = NEW.id) THEN
      INSERT INTO bench_lock_event VALUES (pg_current_xact_id(), TG_ARGV[0], clock_timestamp());
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER bench_lock_taken AFTER UPDATE ON training_session FOR EACH ROW EXECUTE FUNCTION bench_lock_event('taken');
  CREATE CONSTRAINT TRIGGER bench_lock_committing AFTER UPDATE ON training_session DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION bench_lock_event('committing');`;

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The portal under test: in this process, or the production build in a process of its own (RUSH_SERVER=dist). */
interface Target {
  url: string;
  dataSource: DataSource;
  pool: () => Pool | null;
  /** The statements the answered requests cost: each one's own (in process), or their mean from /metrics (dist). */
  statementsSince: (answers: Answer[]) => Promise<string>;
  cpuMs: () => number;
  stop: () => Promise<void>;
}

let target: Target;
let partnershipId: string;
let provider: string;
let streamId: string | null = null;
let people: Array<{ personId: string; token: string }>;
let courses = 0;

async function inProcess(): Promise<Target> {
  const portal: RunningPortal = await startPortal({ template: 'demo', config: { dbPoolSize: POOL } });
  return {
    url: target.url, dataSource: target.dataSource, stop: portal.stop,
    pool: () => (target.dataSource.driver as unknown as { master: Pool }).master,
    statementsSince: async (answers) => [...new Set(answers.map((a) => a.statements))].sort().join('/'),
    cpuMs: () => { const cpu = process.cpuUsage(); return (cpu.user + cpu.system) / 1000; },
  };
}

const METRICS_TOKEN = 'bench-metrics-token-0123456789abcdef';
const CLOCK_TICK_MS = 10;

/** As side-by-side.bench.ts starts the portal: NODE_ENV=production, request logging on, no jobs; BENCH_CPU_PROF=<folder> profiles it. */
async function productionBuild(): Promise<Target> {
  const main = path.resolve(__dirname, '..', '..', 'server', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first`);
  const database = await createTestDatabase('demo');
  const dataSource = createDataSource(database.url, dbSettings);
  await dataSource.initialize();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const log = createWriteStream(path.join(os.tmpdir(), `booking-rush-portal-${port}.log`));
  const child = spawn(process.execPath, [...profile, main], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url,
      JOBS_ENABLED: 'false', METRICS_TOKEN, DB_POOL_SIZE: String(POOL) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null || tries > 600) throw new Error(`the portal did not start (exit ${child.exitCode})`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const metricsSum = async () => (await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text())
    .split('\n').filter((line) => line.startsWith('graphql_sql_statements_sum')).reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  let mark = await metricsSum();
  return {
    url, dataSource, pool: () => null,
    statementsSince: async (answers) => {
      const now = await metricsSum();
      const mean = (now - mark) / answers.length;
      mark = now;
      return `mean ${round1(mean)}`;
    },
    cpuMs: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await dataSource.destroy();
      await dropTestDatabase(database.name);
    },
  };
}

beforeAll(async () => {
  target = DIST ? await productionBuild() : await inProcess();
  await target.dataSource.query(LOCK_WATCH);
  const partnership = await makePartnership(target.dataSource, 'rush-bench');
  partnershipId = partnership.id;
  provider = await makeOrganisation(target.dataSource, partnershipId, { shortCode: 'RUSH' });
  people = await makeSignedInPeople(target.dataSource, partnershipId, PEOPLE);
  if (FUNDED) {
    streamId = await makeStream(target.dataSource, { partnershipId, managingOrganisationId: provider, budgetPence: 100_000_00 });
  }
}, 300_000);

afterAll(async () => {
  agent.destroy();
  await target?.stop();
});

/** A session of its own on a course of its own: each person holds one place per course. */
async function newSession(): Promise<string> {
  courses += 1;
  const course = await makeCourse(target.dataSource, partnershipId, provider, { title: `Rush course ${courses}`, audience: 'both', costPence: FUNDED ? 4000 : 0 });
  if (streamId) await chargeCourseTo(target.dataSource, course, streamId);
  return makeSession(target.dataSource, partnershipId, course, { startsInDays: 30 + courses, capacity: SEATS });
}

async function rush(sessionId: string, who = people) {
  const pool = target.pool();
  let poolQueue = 0;
  const sampler = setInterval(() => { poolQueue = Math.max(poolQueue, pool?.waitingCount ?? 0); }, 2);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const cpuBefore = target.cpuMs();
  const eluBefore = performance.eventLoopUtilization();
  const started = performance.now();
  const answers: Answer[] = await Promise.all(who.map(async (person) => {
    const text = await post(`${target.url}/graphql`, { query: BOOK, variables: { input: { sessionId } } }, person.token);
    const ms = performance.now() - started;
    const body = JSON.parse(text) as { data?: { bookSession: { booking: { status: string } | null } }; extensions?: { sqlStatements?: number } };
    return { ms, status: body.data?.bookSession.booking?.status, statements: body.extensions?.sqlStatements };
  }));
  const totalMs = performance.now() - started;
  const cpuMs = target.cpuMs() - cpuBefore;
  const elu = performance.eventLoopUtilization(eluBefore);
  delay.disable();
  clearInterval(sampler);
  return { answers, totalMs, cpuMs, elu: elu.utilization, delayP99: delay.percentile(99) / 1e6, poolQueue };
}

/** Each transaction that updated the session's row: from its first update (the row lock taken) to its commit. */
async function lockHolds() {
  const rows: Array<{ held_ms: number; taken: Date; committing: Date }> = await target.dataSource.query(
    `SELECT extract(epoch FROM max(at) FILTER (WHERE what = 'committing') - min(at) FILTER (WHERE what = 'taken')) * 1000 AS held_ms,
       min(at) FILTER (WHERE what = 'taken') AS taken, max(at) FILTER (WHERE what = 'committing') AS committing
     FROM bench_lock_event GROUP BY xid ORDER BY taken`);
  await target.dataSource.query('DELETE FROM bench_lock_event');
  const held = rows.map((r) => Number(r.held_ms)).sort((a, b) => a - b);
  const span = rows.length ? rows.at(-1)!.committing.getTime() - rows[0].taken.getTime() : 0;
  return { holders: rows.length, p50: percentile(held, 0.5) ?? 0, max: held.at(-1) ?? 0, span };
}

it('measures 200 people booking 20 seats at once', async () => {
  // Warm-up: compile the booking path, fill the pool, as a portal that has served for a while.
  const warm = await newSession();
  for (const person of people.slice(0, 10)) await post(`${target.url}/graphql`, { query: BOOK, variables: { input: { sessionId: warm } } }, person.token);
  await target.dataSource.query('DELETE FROM bench_lock_event');
  await target.statementsSince([{ ms: 0 }]);

  const rows: Array<Array<string | number>> = [];
  const notes: string[] = [];
  for (let trial = 1; trial <= TRIALS; trial += 1) {
    const sessionId = await newSession();
    await target.dataSource.query('INSERT INTO bench_lock_watch VALUES ($1)', [sessionId]);
    const run = await rush(sessionId);
    const locks = await lockHolds();
    const [{ holding }] = await target.dataSource.query(
      `SELECT count(*)::int AS holding FROM booking WHERE session_id = $1 AND status IN ('confirmed', 'requested')`, [sessionId]);
    const latencies = run.answers.map((a) => a.ms).sort((a, b) => a - b);
    const confirmed = run.answers.filter((a) => a.status === 'CONFIRMED');
    const waitlisted = run.answers.filter((a) => a.status === 'WAITLISTED');
    expect(confirmed).toHaveLength(SEATS);
    expect(waitlisted).toHaveLength(PEOPLE - SEATS);
    expect(holding).toBe(SEATS);
    rows.push([trial, Math.round(run.totalMs), round1(percentile(latencies, 0.5)), round1(percentile(latencies, 0.9)), round1(percentile(latencies, 0.99)),
      round1(latencies.at(-1)!), ...(DIST ? [await target.statementsSince(run.answers), '–'] : [await target.statementsSince(confirmed), await target.statementsSince(waitlisted)]), locks.holders, round1(locks.p50), round1(locks.max), Math.round(locks.span),
      DIST ? '–' : run.poolQueue, round1(run.cpuMs / PEOPLE), round1(run.elu * 100), round1(run.delayP99), Math.max(0, holding - SEATS)]);
    console.log(`rush trial ${trial}: ${rows.at(-1)!.join(' | ')}`);
  }
  notes.push(`${PEOPLE} signed-in people POST bookSession at once (node:http, one kept-alive agent) on one session of ${SEATS} seats${FUNDED ? ', a £40 place paid by a funding stream' : ', free'}; `
    + (DIST ? `the production build in a process of its own (NODE_ENV=production, request logging on, no jobs, as side-by-side.bench.ts starts it)`
      : 'the portal in this process (test/support/start-portal.ts)')
    + `, demo data, a pool of ${POOL} connections, after 10 warm-up bookings. Latencies from the rush's start.`,
  'Row lock: per transaction that updated the session\'s row, from its first update to its commit (an AFTER UPDATE trigger and a deferred constraint trigger that '
    + 'only this bench installs); span: the first holder\'s update to the last holder\'s commit. CPU: the server\'s per request (in process: with the clients\'); '
    + 'event loop: this process\'s (in process: the server\'s and the clients\').');
  writeResults(`booking-rush${FUNDED ? '-funded' : ''}${DIST ? '-dist' : ''}`, `Booking rush: ${PEOPLE} people, ${SEATS} seats, at once`,
    ['trial', 'all answered ms', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'SQL confirmed', 'SQL waitlisted', 'row holders', 'row held p50 ms', 'row held max ms',
      'row span ms', 'pool queue max', 'CPU ms per request', 'event loop busy %', 'event loop delay p99 ms', 'overbooked'], rows, notes);
}, 600_000);
