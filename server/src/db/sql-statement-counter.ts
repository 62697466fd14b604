import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements a unit of work (one HTTP request) sends, so tests can assert that
 * a page costs a fixed number of statements and /metrics can show the distribution.
 */
interface Tally { statements: number }
const tallies = new AsyncLocalStorage<Tally>();

export function countSqlStatements<T>(work: () => T): { result: T; tally: Tally } {
  const tally: Tally = { statements: 0 };
  const result = tallies.run(tally, work);
  return { result, tally };
}

export function currentSqlTally(): Tally | undefined {
  return tallies.getStore();
}

/** A TypeORM logger that counts queries and passes errors to the application's logger. */
export class SqlCountingLogger implements Logger {
  constructor(private readonly onError: (message: string, query: string) => void) {}

  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    const tally = tallies.getStore();
    if (tally) tally.statements += 1;
  }
  logQueryError(error: string | Error, query: string): void {
    this.onError(typeof error === 'string' ? error : error.message, query);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
