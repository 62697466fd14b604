import 'reflect-metadata';
import os from 'node:os';
import { loadConfig } from '../config';
import { createLogger } from '../observability/logger';
import { prepareDatabase } from './prepare-database';

/**
 * `npm run db:migrate`: apply migrations. `npm run db:seed -- --demo`: also load the demo
 * partnership if the database has no partnership yet (it never loads into a database by accident).
 */
async function run(command: string | undefined, flags: string[]): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (command === 'seed' && !flags.includes('--demo')) {
    throw new Error('Say what to load: npm run db:seed -- --demo');
  }
  if (command !== 'migrate' && command !== 'seed') throw new Error('usage: cli.js migrate | seed --demo');
  // The embedded PostgreSQL runs detached and is stopped by close(): a signal waits for that.
  let interrupted: NodeJS.Signals | null = null;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => { interrupted ??= signal; });
  const database = await prepareDatabase(config, log, { demo: command === 'seed' });
  await database.close();
  if (interrupted) process.exit(128 + os.constants.signals[interrupted]);
}

run(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
