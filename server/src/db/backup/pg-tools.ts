import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * PostgreSQL's own client programs (pg_dump, pg_restore) on PATH, used only when their major
 * version is the server's: an older pg_dump refuses a newer server, and a dump restored by a
 * different major is not guaranteed. The embedded PostgreSQL ships initdb, pg_ctl and postgres
 * only, so with it this is usually null and the backup takes the COPY path.
 */
export async function matchingPgTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): Promise<{ path: string; version: string } | null> {
  try {
    const { stdout } = await run(name, ['--version'], { timeout: 10_000 });
    const version = /(\d+)(?:\.(\d+))?/.exec(stdout);
    if (!version || Number(version[1]) !== serverMajor) return null;
    return { path: name, version: stdout.trim() };
  } catch {
    return null;
  }
}

/** Runs a PostgreSQL client program with the connection in the environment (not in argv, where `ps` shows the password). */
export async function runPgTool(tool: string, args: string[], url: string): Promise<void> {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: decodeURIComponent(parsed.hostname),
    PGPORT: parsed.port || '5432',
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  };
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  try {
    await run(tool, args, { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${tool} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

export function serverMajorOf(versionNum: number): number {
  return Math.floor(versionNum / 10000);
}
