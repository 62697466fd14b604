import { ENTRY_IN_SCOPE } from './funding.policy';
import { SESSION_SEATS } from './session-seats.sql';

/**
 * The courses and sessions of a batch of streams ($3) with their sums over the entries in scope
 * ($1, $2 as in funding.policy.ts), in one statement: a row per (stream, course) with
 * session_row = false, and a row per (stream, course, session) with the session's seats.
 */
export const STREAM_COURSES_SQL = `
WITH entries AS (
  SELECT le.stream_id, le.course_id, le.session_id, le.budget_effect_pence, le.committed_effect_pence, le.spent_effect_pence
  FROM ledger_entry le JOIN funding_stream fs ON fs.id = le.stream_id
  WHERE le.stream_id = ANY($3::uuid[]) AND le.course_id IS NOT NULL AND (${ENTRY_IN_SCOPE})
),
grouped AS (
  SELECT stream_id, course_id, session_id, grouping(session_id) = 0 AS session_row,
    sum(budget_effect_pence) AS budget, sum(committed_effect_pence) AS committed, sum(spent_effect_pence) AS spent
  FROM entries
  GROUP BY GROUPING SETS ((stream_id, course_id), (stream_id, course_id, session_id))
)
SELECT g.stream_id, g.course_id, c.title, g.session_id, g.session_row, g.budget, g.committed, g.spent,
  s.starts_at, s.status = 'cancelled' AS cancelled, seats.offered, seats.used
FROM grouped g
JOIN course c ON c.id = g.course_id
LEFT JOIN training_session s ON g.session_row AND s.id = g.session_id
LEFT JOIN LATERAL ${SESSION_SEATS} seats ON s.id IS NOT NULL
WHERE NOT g.session_row OR g.session_id IS NOT NULL
ORDER BY g.stream_id, c.title, g.course_id, s.starts_at NULLS FIRST, g.session_id NULLS FIRST`;

export interface StreamCourseRow {
  stream_id: string;
  course_id: string;
  title: string;
  session_id: string | null;
  session_row: boolean;
  budget: string;
  committed: string;
  spent: string;
  starts_at: Date | null;
  cancelled: boolean | null;
  offered: number | string | null;
  used: string | null;
}
