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

/**
 * How loudly a failed statement is logged. A constraint violation (SQLSTATE class 23) is how the
 * database tells a service about a user's mistake (a duplicate booking, a taken name): the service
 * answers it as a userError, so it is no fault. Deadlocks and serialisation failures are retried or
 * answered, but worth seeing. Anything else is logged as an error; one that reaches a resolver is
 * also logged, masked, with its reference (graphql/apollo.ts).
 */
export function queryErrorLevel(error: unknown): 'debug' | 'warn' | 'error' {
  const code = sqlState(error);
  if (code?.startsWith('23')) return 'debug';
  if (code === '40001' || code === '40P01' || code === '55P03') return 'warn';
  return 'error';
}

export function sqlState(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const driver = (error as { driverError?: { code?: unknown } }).driverError?.code;
  return typeof driver === 'string' ? driver : undefined;
}

export type QueryErrorHandler = (error: string | Error, query: string) => void;

/** A TypeORM logger that counts queries and passes errors to the application's logger. */
export class SqlCountingLogger implements Logger {
  constructor(private readonly onError: QueryErrorHandler) {}

  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    const tally = tallies.getStore();
    if (tally) tally.statements += 1;
  }
  logQueryError(error: string | Error, query: string): void {
    this.onError(error, query);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
