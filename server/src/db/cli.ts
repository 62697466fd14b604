import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../config';
import { createLogger, type Logger } from '../observability/logger';
import { backupDatabase, type BackupMethodChoice } from './backup/backup-database';
import { restoreDatabase, RestoreRefused } from './backup/restore-database';
import { createDataSource, migrations } from './data-source';
import { ensureDatabase, startEmbeddedPostgres, usableDataDir } from './embedded-postgres';
import { DATABASE_NAME, prepareDatabase } from './prepare-database';
import { peopleWithAddressProblems } from '../modules/people/email-address-report';

const USAGE = 'usage: cli.js migrate | seed --demo | email-report | backup [FILE] [--method=auto|copy|pg_dump] | restore FILE [--replace]';

/**
 * The database that DATABASE_URL names, or else the embedded PostgreSQL's portal database
 * (started from the data folder for the length of the command, as `npm start` would).
 */
async function withDatabase<T>(config: Config, log: Logger, work: (url: string) => Promise<T>): Promise<T> {
  if (config.databaseUrl) return work(config.databaseUrl);
  const dataDir = usableDataDir(config.dataDir);
  let embedded;
  try {
    embedded = await startEmbeddedPostgres({
      dataDir, port: config.embeddedPostgresPort, log: (message) => log.warn({ postgres: message }, 'embedded PostgreSQL'),
    });
  } catch (error) {
    throw new Error(`could not start the embedded PostgreSQL in ${dataDir} (${error instanceof Error ? error.message : 'it exited'}). `
      + 'If the portal is running, stop it first, or set DATABASE_URL to its database.');
  }
  try {
    await ensureDatabase(embedded.url('postgres'), DATABASE_NAME);
    return await work(embedded.url(DATABASE_NAME));
  } finally {
    await embedded.stop();
  }
}

function option(flags: string[], name: string): string | undefined {
  return flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const timestamp = (now: Date): string => now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * `npm run db:migrate`: apply migrations. `npm run db:seed -- --demo`: also load the demo
 * partnership if the database has no partnership yet (it never loads into a database by accident).
 * `npm run db:backup -- [FILE]`: one archive of the whole database. `npm run db:restore -- FILE`:
 * into an empty database only, unless `--replace` says to drop what is there.
 * `npm run db:email-report`: one JSON line per person whose stored email address breaks the
 * portal's rule (packages/domain parseEmailAddress), for an administrator to correct.
 */
async function run(command: string | undefined, args: string[]): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const flags = args.filter((a) => a.startsWith('--'));
  const [file] = args.filter((a) => !a.startsWith('--'));
  // The embedded PostgreSQL runs detached and is stopped by close(): a signal waits for that.
  let interrupted: NodeJS.Signals | null = null;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => { interrupted ??= signal; });
  const exitIfInterrupted = () => {
    if (interrupted) process.exit(128 + os.constants.signals[interrupted]);
  };

  if (command === 'backup') {
    const method = (option(flags, 'method') ?? 'auto') as BackupMethodChoice;
    if (!['auto', 'copy', 'pg_dump'].includes(method)) throw new Error(`--method must be auto, copy or pg_dump, got "${method}"`);
    const target = path.resolve(config.invocationDir, file ?? `portal-backup-${timestamp(new Date())}.tar.gz`);
    const summary = await withDatabase(config, log, (url) => backupDatabase(url, target, { method }));
    log.info({ ...summary }, `backup written by ${summary.method === 'pg_dump' ? 'pg_dump' : 'COPY'}`);
    exitIfInterrupted();
    return;
  }
  if (command === 'restore') {
    if (!file) throw new Error('Say which archive to restore: npm run db:restore -- FILE [--replace]');
    const source = path.resolve(config.invocationDir, file);
    const summary = await withDatabase(config, log, (url) => restoreDatabase(url, source, {
      replace: flags.includes('--replace'),
      migrationNames: migrations.map((m) => m.name),
      migrate: async (target) => {
        const dataSource = createDataSource(target, config);
        await dataSource.initialize();
        try {
          await dataSource.runMigrations({ transaction: 'each' });
        } finally {
          await dataSource.destroy();
        }
      },
    }));
    log.info({ file: source, ...summary }, 'backup restored');
    exitIfInterrupted();
    return;
  }

  if (command === 'seed' && !flags.includes('--demo')) {
    throw new Error('Say what to load: npm run db:seed -- --demo');
  }
  if (command === 'email-report') {
    const database = await prepareDatabase(config, log, { demo: false });
    try {
      const problems = await peopleWithAddressProblems(database.dataSource);
      for (const problem of problems) process.stdout.write(`${JSON.stringify(problem)}\n`);
      log.info({ count: problems.length }, 'people whose email address breaks the rule');
    } finally {
      await database.close();
    }
    exitIfInterrupted();
    return;
  }
  if (command !== 'migrate' && command !== 'seed') throw new Error(USAGE);
  const database = await prepareDatabase(config, log, { demo: command === 'seed' });
  await database.close();
  exitIfInterrupted();
}

run(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error instanceof RestoreRefused ? `Restore refused: ${error.message}` : error instanceof Error ? error.message : error);
  process.exit(1);
});
