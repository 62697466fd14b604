import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { SoakStats } from './soak-stats';
import { PERSONAS, seededRandom, VirtualUser } from './virtual-users';
import { freePort } from '../support/free-port';

/**
 * `npm run soak` (never part of `npm test`): the production build (NODE_ENV=production, the
 * built client and server) on its own fresh data folder and embedded PostgreSQL, or on
 * DATABASE_URL when set, with the demo loaded, driven by SOAK_USERS virtual users (default 8)
 * for SOAK_MINUTES (default 10). Email goes over SMTP to a local catcher, as production needs a
 * mail server. Writes test/bench/results/soak.md: requests, errors by kind (5xx apart), p50/p99
 * per kind, and the server's resident memory (VmRSS) at start, after a warm-up minute and at
 * the end, sampled along the way. Fails when any 5xx was answered or memory grew by 10 % or more.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'server', 'dist', 'main.js');
const CLI = path.join(ROOT, 'server', 'dist', 'db', 'cli.js');
const CLIENT = path.join(ROOT, 'client', 'dist', 'index.html');
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const USERS = Number(process.env.SOAK_USERS ?? 8);
const WARM_UP_MS = Math.min(60_000, (MINUTES * 60_000) / 5);


function rssKiB(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

async function metric(base: string, name: string): Promise<number | null> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : null;
}

async function waitReady(base: string, server: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
      throw new Error(`the server exited with ${server.exitCode} before it was ready:\n${tail}`);
    }
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s`);
}

const mib = (kib: number) => (kib / 1024).toFixed(1);
const ms = (n: number) => n.toFixed(1);

let server: ChildProcess | undefined;
let mail: MailCatcher | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  await mail?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it(`soaks the production server for ${MINUTES} minutes with ${USERS} virtual users`, async () => {
  for (const file of [MAIN, CLI, CLIENT]) if (!existsSync(file)) throw new Error(`${file} is missing: build first (npm run build)`);
  mail = await startMailCatcher();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-soak-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    SMTP_URL: mail.url,
    // Every virtual user comes from 127.0.0.1 and a handful of demo accounts sign in again at
    // each visit: the per-address and per-account sign-in limits are for attackers, not for this.
    SIGN_IN_LIMIT_PER_ADDRESS: '100000',
    SIGN_IN_LIMIT_PER_ACCOUNT: '10000',
  };
  if (process.env.DATABASE_URL) {
    await promisify(execFile)(process.execPath, [CLI, 'seed', '--demo'], { env });
  }
  const logFile = path.join(dataDir, 'server.log');
  const log = createWriteStream(logFile);
  server = spawn(process.execPath, ['--enable-source-maps', MAIN], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  await waitReady(base, server, logFile, 300_000);
  const pid = server.pid!;

  const stats = new SoakStats();
  const startedAt = new Date();
  const rss: Array<{ at: number; kib: number; heap: number | null }> = [];
  const sample = async () => rss.push({ at: Date.now() - startedAt.getTime(), kib: rssKiB(pid), heap: await metric(base, 'nodejs_heap_size_used_bytes') });
  await sample();
  const deadline = startedAt.getTime() + MINUTES * 60_000;
  let warm: { at: number; kib: number; heap: number | null } | undefined;
  const sampler = setInterval(() => {
    void sample().then(() => {
      if (!warm && rss.at(-1)!.at >= WARM_UP_MS) warm = rss.at(-1);
      mail!.messages.length = 0; // the catcher keeps nothing the soak does not read
    }).catch(() => {});
  }, 15_000);

  const users = Array.from({ length: USERS }, (_, n) =>
    new VirtualUser(base, PERSONAS[n % PERSONAS.length], stats, deadline, seededRandom(1000 + n)));
  await Promise.all(users.map((user) => user.run()));
  clearInterval(sampler);
  await sample();
  const end = rss.at(-1)!;
  warm ??= rss[0];

  const total = stats.total();
  const start = rss[0];
  const growth = (from: number) => ((end.kib - from) / from) * 100;
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const rows = stats.rows();
  const lines = [
    '# Soak: the production server under mixed traffic', '',
    `Run ${startedAt.toISOString()} for ${MINUTES} min with ${USERS} virtual users on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, `
      + `Node ${process.version}, ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}; the machine was shared with other work, `
      + 'so latencies are of a loaded machine. `npm run soak` (SOAK_MINUTES, SOAK_USERS).', '',
    `**${total.requests} requests** (${(total.requests / seconds).toFixed(1)}/s), p50 ${ms(total.p50)} ms, p99 ${ms(total.p99)} ms; `
      + `**${total.failures.http5xx} 5xx**, ${total.failures.http4xx} other HTTP errors, ${total.failures.graphql} GraphQL errors, ${total.failures.network} network errors.`, '',
    `Server RSS: ${mib(start.kib)} MiB at start, ${mib(warm.kib)} MiB after the warm-up (${(warm.at / 1000).toFixed(0)} s), `
      + `${mib(end.kib)} MiB at the end: **${growth(warm.kib).toFixed(1)} %** since the warm-up, ${growth(start.kib).toFixed(1)} % since start.`, '',
    '| kind | requests | p50 ms | p99 ms | max ms | 5xx | other HTTP | GraphQL errors | network | refusals (userErrors) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.kind} | ${r.requests} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.failures.http5xx} | ${r.failures.http4xx} | `
      + `${r.failures.graphql} | ${r.failures.network} | ${Object.entries(r.refusals).map(([code, n]) => `${code} ${n}`).join(', ') || '–'} |`),
    '', 'Memory along the way (server process):', '', '| at s | RSS MiB | JS heap used MiB |', '| --- | --- | --- |',
    ...rss.filter((_, i) => i % 4 === 0 || i === rss.length - 1)
      .map((s) => `| ${(s.at / 1000).toFixed(0)} | ${mib(s.kib)} | ${s.heap === null ? '–' : (s.heap / 1048576).toFixed(1)} |`),
    '', ...(stats.samples.length ? ['Failures seen (first 20):', '', ...stats.samples.map((s) => `- ${s.replace(/\|/g, '\\|')}`), ''] : []),
  ];
  const report = lines.join('\n');
  writeFileSync(path.join(ROOT, 'test', 'bench', 'results', 'soak.md'), report);
  console.log(report);

  expect(total.failures.http5xx).toBe(0);
  expect(growth(warm.kib)).toBeLessThan(10);
}, (MINUTES + 10) * 60_000);
