import { Pool } from 'pg';
import { Logger as WorkerLogger, parseCronItems, run, runOnce, type CronItem, type Runner, type TaskList } from 'graphile-worker';
import type { DataSourceOptions } from 'typeorm';
import type { Logger } from '../observability/logger';

/**
 * Background jobs on graphile-worker: a queue kept in PostgreSQL (schema graphile_worker), so a
 * job added inside a transaction exists only if that transaction commits, and each job runs
 * once however many replicas run a worker (jobs are taken with SKIP LOCKED; cron items are
 * scheduled once per minute across all of them through graphile_worker's known_crontabs).
 */
export interface JobRunner {
  /** Works continuously (LISTEN for new jobs, poll for retries, cron). Idempotent. */
  start: () => Promise<void>;
  /** Runs every job that is due now, one at a time, then returns: for tests and scripts. */
  runDueJobs: () => Promise<void>;
  /** Finishes the jobs in hand, stops, and closes the worker's connections. */
  stop: () => Promise<void>;
}

export interface JobRunnerOptions {
  connectionString: string;
  taskList: TaskList;
  cronItems?: CronItem[];
  concurrency: number;
  log: Logger;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  /** How often to look for jobs that became due without a notification (retries, run_at). */
  pollIntervalMs?: number;
}

/** Where a TypeORM data source connects, as a connection string for the worker's own pool. */
export function connectionStringOf(options: DataSourceOptions): string {
  const pg = options as { url?: string; host?: string; port?: number; username?: string; password?: string; database?: string };
  if (pg.url) return pg.url;
  const auth = pg.username ? `${encodeURIComponent(pg.username)}${pg.password ? `:${encodeURIComponent(pg.password)}` : ''}@` : '';
  return `postgres://${auth}${pg.host ?? 'localhost'}:${pg.port ?? 5432}/${encodeURIComponent(pg.database ?? 'postgres')}`;
}

/** graphile-worker's log lines into the portal's pino log, scoped by worker, task and job. */
function workerLogger(log: Logger): WorkerLogger {
  const levels: Record<string, 'error' | 'warn' | 'info' | 'debug'> = { error: 'error', warning: 'warn', info: 'debug', debug: 'debug' };
  return new WorkerLogger((scope) => (level, message, meta) => {
    log[levels[String(level)] ?? 'info']({ jobs: scope, ...(meta ? { meta } : {}) }, message);
  });
}

/**
 * The worker's own pool, kept apart from the request pool so a burst of jobs cannot starve
 * requests. Listeners on the pool and on every client: a database restart must not crash Node.
 */
function workerPool(options: JobRunnerOptions): Pool {
  const pool = new Pool({
    connectionString: options.connectionString,
    // One connection listens for new jobs, one per concurrent job, one for cron and lock upkeep.
    max: options.concurrency + 3,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    statement_timeout: options.statementTimeoutMs ?? 15000,
    idleTimeoutMillis: 30_000,
    application_name: 'partnership-portal-jobs',
  });
  pool.on('error', (error) => options.log.warn({ err: error }, 'job queue: idle database connection failed'));
  pool.on('connect', (client) => {
    client.on('error', (error) => options.log.warn({ err: error }, 'job queue: database connection failed'));
  });
  return pool;
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  let pool: Pool | null = null;
  let runner: Runner | null = null;
  let starting: Promise<void> | null = null;
  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  const logger = workerLogger(options.log);
  const usePool = () => (pool ??= workerPool(options));
  const parsedCronItems = parseCronItems(options.cronItems ?? []);

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => {});
    return work;
  };

  return {
    start: () => {
      if (stopped) return Promise.reject(new Error('the job runner has been stopped'));
      starting ??= track((async () => {
        runner = await run({
          pgPool: usePool(), taskList: options.taskList, parsedCronItems, concurrency: options.concurrency,
          pollInterval: options.pollIntervalMs ?? 2000, noHandleSignals: true, logger,
        });
        // A worker that stops on its own (a lost database it could not get back) is logged, not thrown.
        runner.promise.catch((error: unknown) => options.log.error({ err: error }, 'job runner failed and stopped'));
        options.log.info({ concurrency: options.concurrency, tasks: Object.keys(options.taskList) }, 'job runner started');
      })());
      return starting;
    },
    runDueJobs: () => {
      if (stopped) return Promise.reject(new Error('the job runner has been stopped'));
      return track(runOnce({ pgPool: usePool(), taskList: options.taskList, noHandleSignals: true, logger }));
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await Promise.allSettled([...inFlight]);
      if (runner) await runner.stop();
      if (pool) await pool.end();
      if (runner) options.log.info('job runner stopped');
    },
  };
}
