import { NO_SECTOR_KEY } from '@portal/domain';
import { FIGURE_IN_SCOPE } from '../../server/src/modules/funding/funding.policy';
import { SESSION_SEATS } from '../../server/src/modules/funding/session-seats.sql';

/**
 * The funding bench's baseline: the overview's statement as it was before ledger_cell, summing
 * every entry of the year (three reads of ledger_entry), kept here only to be timed side by side
 * with the product's statement in the same run and checked to give the same rows.
 */
const STREAM_HELD_FROM_ENTRIES = `fs.partnership_id = $1 AND ($2::uuid[] IS NULL OR fs.managing_organisation_id = ANY($2) OR fs.funder_organisation_id = ANY($2)
  OR EXISTS (SELECT 1 FROM ledger_entry c WHERE c.stream_id = fs.id AND c.kind = 'contribution' AND c.organisation_id = ANY($2)))`;

export const OVERVIEW_FROM_ENTRIES_SQL = `
WITH scoped_streams AS (
  SELECT fs.* FROM funding_stream fs WHERE fs.financial_year = $3 AND fs.partnership_id = $1
    AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM ledger_entry le WHERE le.stream_id = fs.id AND ${FIGURE_IN_SCOPE}))
),
-- The entries in scope, summed once at the finest grain any breakdown needs (a few rows per
-- stream, organisation and quarter), so that the grouping sets below work on hundreds of rows,
-- not on every entry.
cells AS (
  SELECT le.stream_id, le.organisation_id, le.quarter,
    sum(le.budget_effect_pence) AS budget, sum(le.committed_effect_pence) AS committed, sum(le.spent_effect_pence) AS spent,
    coalesce(sum(le.spent_effect_pence) FILTER (WHERE le.wasted), 0) AS wasted,
    -- Spend on delivered learning (packages/domain/src/learning-cost.ts): what names a session.
    coalesce(sum(le.spent_effect_pence) FILTER (WHERE le.session_id IS NOT NULL), 0) AS delivered
  FROM ledger_entry le JOIN funding_stream fs ON fs.id = le.stream_id
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
spend AS (
  SELECT le.booking_id, le.session_id
  FROM ledger_entry le JOIN funding_stream fs ON fs.id = le.stream_id
  WHERE fs.financial_year = $3 AND le.kind = 'spend' AND (${FIGURE_IN_SCOPE})
),
-- Learners are the people who attended a place whose spend is in scope: the booking's own spend
-- entry, or an invoice for the whole session (a spend entry with a session and no booking).
attended AS (
  SELECT b.person_id, c.duration_minutes
  FROM booking b JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
  WHERE b.partnership_id = $1 AND b.status = 'attended'
    AND (b.id IN (SELECT booking_id FROM spend WHERE booking_id IS NOT NULL)
      OR b.session_id IN (SELECT session_id FROM spend WHERE booking_id IS NULL AND session_id IS NOT NULL))
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
  SELECT le.stream_id, sum(le.budget_effect_pence) AS budget, sum(le.committed_effect_pence) AS committed, sum(le.spent_effect_pence) AS spent
  FROM ledger_entry le JOIN funding_stream fs ON fs.id = le.stream_id
  WHERE fs.financial_year = $3 AND (${STREAM_HELD_FROM_ENTRIES})
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
WHERE fs.financial_year = $3 AND (${STREAM_HELD_FROM_ENTRIES})`;
