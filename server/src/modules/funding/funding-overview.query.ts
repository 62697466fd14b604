import { NO_SECTOR_KEY } from '@portal/domain';
import { FIGURE_IN_SCOPE, STREAM_HELD } from './funding.policy';
import { SESSION_SEATS } from './session-seats.sql';

/**
 * The whole funding overview of one year in one statement, so that its cost does not grow with
 * the data and every breakdown is summed from the same snapshot as the totals (they cannot drift
 * apart between statements). Parameters: $1 partnership, $2 the scope's organisations (null: the
 * whole partnership), $3 the financial year's label, $4 and $5 its first and next year's first instant.
 *
 * The figures are the scope's own money (FIGURE_IN_SCOPE): the partnership's, or the entries that
 * name the lead's organisation. Rows: one per grouping (dimension, grouping_key, grouping_label,
 * sum_*): every stream with figures in scope (with its funding_stream columns, so resolvers get
 * the entity without another statement; for the partnership every stream, with no sums when it
 * has no entries), funder, organisation, sector and quarter, the 'total' row, which also carries
 * the attendance and seat measures, and a 'held' row per stream the scope holds (STREAM_HELD)
 * with the whole stream's sums.
 */
export const OVERVIEW_SQL = `
WITH scoped_streams AS (
  SELECT fs.* FROM funding_stream fs WHERE fs.financial_year = $3 AND fs.partnership_id = $1
    AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM ledger_cell le WHERE le.stream_id = fs.id AND ${FIGURE_IN_SCOPE}))
),
-- The entries in scope, summed at the finest grain any breakdown needs (stream, organisation and
-- quarter) from ledger_cell, which postEntry keeps (a few hundred rows, whatever the number of
-- entries). Its delivered spend is spend naming a session (packages/domain/src/learning-cost.ts).
cells AS (
  SELECT le.stream_id, le.organisation_id, le.quarter,
    sum(le.budget_pence) AS budget, sum(le.committed_pence) AS committed, sum(le.spent_pence) AS spent,
    sum(le.wasted_pence) AS wasted, sum(le.delivered_pence) AS delivered
  FROM ledger_cell le JOIN funding_stream fs ON fs.id = le.stream_id
  WHERE fs.financial_year = $3 AND (${FIGURE_IN_SCOPE})
  GROUP BY le.stream_id, le.organisation_id, le.quarter
),
labelled AS (
  SELECT cells.*, fs.funder_name, coalesce(cells.organisation_id::text, 'none') AS organisation_key, o.name AS organisation_name,
    coalesce(o.sector, '${NO_SECTOR_KEY}') AS sector
  FROM cells JOIN funding_stream fs ON fs.id = cells.stream_id LEFT JOIN organisation o ON o.id = cells.organisation_id
),
money AS (
  -- Keys are never null inside a grouping ('none', '${NO_SECTOR_KEY}'), so grouping() alone says which set a row belongs to.
  SELECT CASE WHEN grouping(stream_id) = 0 THEN 'stream' WHEN grouping(funder_name) = 0 THEN 'funder'
      WHEN grouping(organisation_key) = 0 THEN 'organisation' WHEN grouping(sector) = 0 THEN 'sector'
      WHEN grouping(quarter) = 0 THEN 'quarter' ELSE 'total' END AS dimension,
    stream_id AS grouped_stream_id,
    coalesce(funder_name, organisation_key, sector, quarter::text) AS grouping_key,
    organisation_name AS grouping_label,
    sum(budget) AS sum_budget, sum(committed) AS sum_committed, sum(spent) AS sum_spent, sum(wasted) AS sum_wasted,
    sum(delivered) AS sum_delivered
  FROM labelled
  GROUP BY GROUPING SETS ((stream_id), (funder_name), (organisation_key, organisation_name), (sector), (quarter), ())
),
-- Learners are the people who attended a place whose spend is in scope: the booking's own spend
-- entry, or an invoice for the whole session (a spend entry with a session and no booking). Each
-- kind of spend entry is read from its covering index (ledger_entry_booking_spend_idx,
-- ledger_entry_session_spend_idx). Their bookings are found by id (booking_pkey) and by session
-- (booking_session_places_idx): the ids and sessions are handed over as arrays, because as joins
-- or IN lists the planner reads every booking of the partnership instead (some 135,000 at
-- benchmark scale, against the few thousand looked up).
paid_bookings AS (
  SELECT le.booking_id
  FROM ledger_entry le JOIN funding_stream fs ON fs.id = le.stream_id
  WHERE fs.financial_year = $3 AND le.kind = 'spend' AND le.booking_id IS NOT NULL AND (${FIGURE_IN_SCOPE})
),
invoiced_sessions AS (
  SELECT DISTINCT le.session_id
  FROM ledger_entry le JOIN funding_stream fs ON fs.id = le.stream_id
  WHERE fs.financial_year = $3 AND le.kind = 'spend' AND le.booking_id IS NULL AND le.session_id IS NOT NULL AND (${FIGURE_IN_SCOPE})
),
attended AS (
  SELECT b.person_id, c.duration_minutes
  FROM booking b JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
  WHERE b.partnership_id = $1 AND b.status = 'attended'
    AND (b.id = ANY (ARRAY(SELECT booking_id FROM paid_bookings)) OR b.session_id = ANY (ARRAY(SELECT session_id FROM invoiced_sessions)))
),
year_sessions AS (
  SELECT s.id, s.capacity FROM training_session s
  WHERE s.partnership_id = $1 AND s.status <> 'cancelled' AND s.starts_at >= $4::timestamptz AND s.starts_at < $5::timestamptz
),
seats AS (
  SELECT coalesce(sum(x.offered), 0) AS offered, coalesce(sum(x.used), 0) AS used
  FROM year_sessions s CROSS JOIN LATERAL ${SESSION_SEATS} x
),
measures AS (
  SELECT (SELECT count(DISTINCT person_id) FROM attended) AS learners,
    (SELECT coalesce(sum(duration_minutes), 0) FROM attended) AS learning_minutes,
    seats.offered AS seats_offered, seats.used AS seats_used
  FROM seats
),
held_sums AS (
  SELECT le.stream_id, sum(le.budget_pence) AS budget, sum(le.committed_pence) AS committed, sum(le.spent_pence) AS spent
  FROM ledger_cell le JOIN funding_stream fs ON fs.id = le.stream_id
  WHERE fs.financial_year = $3 AND (${STREAM_HELD})
  GROUP BY le.stream_id
)
SELECT coalesce(m.dimension, 'stream') AS dimension,
  coalesce(m.grouped_stream_id::text, m.grouping_key, ss.id::text) AS grouping_key,
  coalesce(m.grouping_label, ss.name) AS grouping_label,
  m.sum_budget, m.sum_committed, m.sum_spent, m.sum_wasted, m.sum_delivered,
  ms.learners, ms.learning_minutes, ms.seats_offered, ms.seats_used,
  ss.*
FROM money m
FULL JOIN scoped_streams ss ON ss.id = m.grouped_stream_id
LEFT JOIN measures ms ON m.dimension = 'total'
UNION ALL
SELECT 'held', fs.id::text, fs.name, coalesce(hs.budget, 0), coalesce(hs.committed, 0), coalesce(hs.spent, 0), 0, 0,
  NULL, NULL, NULL, NULL, fs.*
FROM funding_stream fs LEFT JOIN held_sums hs ON hs.stream_id = fs.id
WHERE fs.financial_year = $3 AND (${STREAM_HELD})`;

export type OverviewDimension = 'stream' | 'funder' | 'organisation' | 'sector' | 'quarter' | 'total' | 'held';

/** A row of OVERVIEW_SQL: the grouping's figures, then (stream rows only) the stream's own columns. */
export interface OverviewRow extends Record<string, unknown> {
  dimension: OverviewDimension;
  grouping_key: string | null;
  grouping_label: string | null;
  sum_budget: string | null;
  sum_committed: string | null;
  sum_spent: string | null;
  sum_wasted: string | null;
  sum_delivered: string | null;
  learners: string | null;
  learning_minutes: string | null;
  seats_offered: string | null;
  seats_used: string | null;
  /** The stream's id on stream rows (funding_stream.*); null on the others. */
  id: string | null;
}
