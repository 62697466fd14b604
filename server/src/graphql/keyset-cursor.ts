import { badArgument } from './user-error';

/**
 * Keyset paging, the one way every list pages (docs/architecture.md, "Paging").
 *
 * A cursor is the sort key of the last row, as a tuple of strings in base64url JSON. Each list
 * says what its values must look like; anything else is refused, so a cursor can never carry
 * more than the values it was made from.
 *
 * Times travel as PostgreSQL wrote them, to the microsecond (`keysetTimestampSql` in the page's
 * own statement): a JavaScript Date keeps milliseconds only, and a cursor rounded to the
 * millisecond skips or repeats rows made within the same millisecond.
 */
export function encodeKeysetCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeKeysetCursor(text: string, checks: ReadonlyArray<(value: string) => boolean>): string[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== checks.length) return null;
    return value.every((item, i) => typeof item === 'string' && checks[i](item)) ? (value as string[]) : null;
  } catch {
    return null;
  }
}

export const INVALID_CURSOR_MESSAGE = 'The cursor is not one this server gave. Start again from the first page.';

/** The `after` argument decoded, or a BAD_USER_INPUT on `after` (INVALID_CURSOR); null for the first page. */
export function cursorArgument(after: string | null | undefined, checks: ReadonlyArray<(value: string) => boolean>,
  message = INVALID_CURSOR_MESSAGE): string[] | null {
  if (after == null) return null;
  const values = decodeKeysetCursor(after, checks);
  if (!values) throw badArgument(['after'], message, 'INVALID_CURSOR');
  return values;
}

/** A timestamptz column as a cursor carries it: UTC, always six decimals ("2026-12-01T09:30:00.000001Z"). */
export function keysetTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

// Exactly what keysetTimestampSql writes, and a real date, so nothing else reaches ::timestamptz.
const KEYSET_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;

export function isKeysetTimestamp(text: string): boolean {
  const match = KEYSET_TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface KeysetPage<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Edges and page info from the first + 1 rows a page read: the extra row only says there is a next page. */
export function keysetPage<R, T = R>(rows: readonly R[], first: number, cursorOf: (row: R) => readonly string[],
  nodeOf: (row: R) => T = (row) => row as unknown as T): KeysetPage<T> {
  const edges = rows.slice(0, first).map((row) => ({ cursor: encodeKeysetCursor(cursorOf(row)), node: nodeOf(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
