/**
 * The one SQL definition of a waiting list's order and positions (1 = next): by the time each
 * person joined, then the booking's id, as `waitlistPositions` in packages/domain orders them
 * (waitlist-position.int.test.ts holds the two to the same answers). `sessionIds` is an SQL
 * expression of type uuid[].
 */
export function waitlistPositionsSql(sessionIds: string): string {
  return `SELECT id, session_id, row_number() OVER (PARTITION BY session_id ORDER BY waitlisted_at, id)::int AS position
    FROM booking WHERE session_id = ANY(${sessionIds}) AND status = 'waitlisted'`;
}

/** A waiting booking `alias`'s position, as a scalar subquery; null when it is not waiting. */
export function waitlistPositionOfSql(alias: string): string {
  return `(SELECT w.position FROM (${waitlistPositionsSql(`ARRAY[${alias}.session_id]`)}) w WHERE w.id = ${alias}.id)`;
}
