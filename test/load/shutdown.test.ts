import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { freePort } from '../support/free-port';

/**
 * The built server (`node server/dist/main.js`, as `npm start` runs it) over its embedded
 * PostgreSQL, stopped while a request is in flight: by SIGTERM to the portal alone (a process
 * manager) and by SIGINT to its whole process group (Ctrl-C in a terminal). Either way the
 * request completes, new connections are refused, the job runner and PostgreSQL stop after
 * the requests, and nothing is logged at WARN or above.
 */
const root = path.resolve(__dirname, '..', '..');
const main = path.join(root, 'server', 'dist', 'main.js');

let dataDir: string;


interface Portal {
  child: ChildProcess;
  port: number;
  pgPort: number;
  lines: () => Array<Record<string, unknown> & { level: number; msg: string }>;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startBuiltPortal(): Promise<Portal> {
  const [port, pgPort] = [await freePort(), await freePort()];
  let out = '';
  let err = '';
  // Its own process group, as a terminal gives a command it runs: Ctrl-C signals the whole group.
  const child = spawn(process.execPath, [main], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), EMBEDDED_POSTGRES_PORT: String(pgPort),
      NODE_ENV: 'development', LOG_LEVEL: 'info', SMTP_URL: '' },
  });
  child.stdout!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const lines = () => out.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
  const deadline = Date.now() + 90_000;
  while (!lines().some((line) => String(line.msg).includes('is ready at'))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the portal did not start:\n${out}\n${err}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, port, pgPort, lines, stderr: () => err, exited };
}

/** A sign-in whose body is sent in two parts: in flight from the first byte until the answer. */
function slowSignIn(port: number) {
  const body = JSON.stringify({ query: 'mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { message } } }',
    variables: { input: { email: 'lead@demo.portal', password: 'partnership-demo' } } });
  let finish!: () => void;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => { text += chunk.toString(); });
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, 20));
    finish = () => req.end(body.slice(20));
  });
  return { answer, finish: () => finish() };
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => { socket.destroy(); resolve(false); });
    socket.on('error', () => resolve(true));
  });
}

const pidFile = () => path.join(dataDir, 'postgres', 'postmaster.pid');

beforeAll(() => {
  if (!existsSync(main)) throw new Error('server/dist/main.js is missing: run npx turbo run build first');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-shutdown-'));
  chmodSync(dataDir, 0o755); // reachable by the postgres user when running as root
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function stopsCleanly(send: (portal: Portal) => void) {
  const portal = await startBuiltPortal();
  try {
    // An idle keep-alive connection must not hold the shutdown up.
    await fetch(`http://127.0.0.1:${portal.port}/healthz`);
    expect(existsSync(pidFile())).toBe(true);
    const postmasterPid = Number(readFileSync(pidFile(), 'utf8').split('\n')[0]);

    const inFlight = slowSignIn(portal.port);
    await new Promise((resolve) => setTimeout(resolve, 300));
    send(portal);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await refused(portal.port)).toBe(true);
    expect(portal.child.exitCode).toBeNull();
    inFlight.finish();

    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.signIn.token).toEqual(expect.any(String));
    expect(await portal.exited).toEqual({ code: 0, signal: null });

    const lines = portal.lines();
    const loud = lines.filter((line) => line.level >= 40).map((line) => `${line.level} ${line.msg}`);
    expect(loud).toEqual([]);
    expect(portal.stderr()).toBe('');
    // In order: the request finished, then the jobs, then PostgreSQL.
    const at = (msg: string) => lines.findIndex((line) => line.msg === msg);
    const requestDone = lines.findIndex((line) => line.msg === 'request' && line.path === '/graphql');
    expect(at('shutting down')).toBeGreaterThan(-1);
    expect(requestDone).toBeGreaterThan(at('shutting down'));
    expect(at('job runner stopped')).toBeGreaterThan(requestDone);
    expect(at('embedded PostgreSQL stopped')).toBeGreaterThan(at('job runner stopped'));
    expect(at('stopped')).toBeGreaterThan(at('embedded PostgreSQL stopped'));
    expect(existsSync(pidFile())).toBe(false);
    expect(() => process.kill(postmasterPid, 0)).toThrow();
    expect(await refused(portal.pgPort)).toBe(true);
    return lines;
  } finally {
    if (portal.child.exitCode === null) process.kill(-portal.child.pid!, 'SIGKILL');
  }
}

describe('stopping the built server with its embedded PostgreSQL', () => {
  it('on SIGTERM lets the request in flight finish, then stops the jobs and PostgreSQL, quietly, exit code 0', async () => {
    await stopsCleanly((portal) => portal.child.kill('SIGTERM'));
  }, 120_000);

  it('on Ctrl-C (SIGINT to the whole process group) does the same: PostgreSQL is stopped by the portal, last', async () => {
    await stopsCleanly((portal) => process.kill(-portal.child.pid!, 'SIGINT'));
  }, 120_000);
});
