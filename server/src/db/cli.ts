import 'reflect-metadata';
import os from 'node:os';
import { loadConfig } from '../config';
import { createLogger } from '../observability/logger';
import { prepareDatabase } from './prepare-database';
import { peopleWithAddressProblems } from '../modules/people/email-address-report';

/**
 * `npm run db:migrate`: apply migrations. `npm run db:seed -- --demo`: also load the demo
 * partnership if the database has no partnership yet (it never loads into a database by accident).
 * `npm run db:email-report`: one JSON line per person whose stored email address breaks the
 * portal's rule (packages/domain parseEmailAddress), for an administrator to correct.
 */
async function run(command: string | undefined, flags: string[]): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (command === 'seed' && !flags.includes('--demo')) {
    throw new Error('Say what to load: npm run db:seed -- --demo');
  }
  if (command !== 'migrate' && command !== 'seed' && command !== 'email-report') {
    throw new Error('usage: cli.js migrate | seed --demo | email-report');
  }
  // The embedded PostgreSQL runs detached and is stopped by close(): a signal waits for that.
  let interrupted: NodeJS.Signals | null = null;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => { interrupted ??= signal; });
  if (command === 'email-report') {
    const database = await prepareDatabase(config, log, { demo: false });
    try {
      const problems = await peopleWithAddressProblems(database.dataSource);
      for (const problem of problems) process.stdout.write(`${JSON.stringify(problem)}\n`);
      log.info({ count: problems.length }, 'people whose email address breaks the rule');
    } finally {
      await database.close();
    }
    if (interrupted) process.exit(128 + os.constants.signals[interrupted]);
    return;
  }
  const database = await prepareDatabase(config, log, { demo: command === 'seed' });
  await database.close();
  if (interrupted) process.exit(128 + os.constants.signals[interrupted]);
}

run(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
