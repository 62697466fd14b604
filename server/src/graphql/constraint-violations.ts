import { sqlState } from '../db/sql-statement-counter';

/**
 * How a service learns of a person's mistake from the database itself: a unique index or a
 * foreign key that refused a write (two people taking the same code at once, a retried request,
 * rows that changed under an import). The service turns it into its own userError; the failed
 * statement was logged at debug (db/sql-statement-counter.ts, queryErrorLevel).
 */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/** The constraint a driver error names (pg puts it on the error, TypeORM on its driverError). */
function constraintOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const own = (error as { constraint?: unknown }).constraint;
  if (typeof own === 'string') return own;
  const driver = (error as { driverError?: { constraint?: unknown } }).driverError?.constraint;
  return typeof driver === 'string' ? driver : undefined;
}

/** A unique violation, of `constraint` when it is given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return sqlState(error) === UNIQUE_VIOLATION && (constraint === undefined || constraintOf(error) === constraint);
}

/** A unique or foreign-key violation: rows the service checked changed before its write. */
export function isStaleReference(error: unknown): boolean {
  return isUniqueViolation(error) || sqlState(error) === FOREIGN_KEY_VIOLATION;
}
