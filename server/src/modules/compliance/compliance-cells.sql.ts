/**
 * The compliance rule (packages/domain/src/compliance-status.ts, with compliance-matrix.ts's
 * requirements, levels and refusals) written as SQL, so that a whole organisation's totals, the
 * status filter of a page and the partnership's percentages are one set-based statement each
 * instead of every person's cells built in Node. The pure rule stays the source of truth: the
 * rows a page shows are built by it, and test/api/compliance-sql-rule.test.ts checks that this
 * SQL gives the same status, completion, expiry and days left on every boundary (90/60/30 days,
 * the day of expiry, levels, refused completions, never done).
 *
 * `complianceCellsSql` is a WITH list. Its parameters: $1 the partnership, $2 the scope's argument
 * (organisation or line manager; unused for the partnership), $3 today (YYYY-MM-DD, Europe/London),
 * $4 the team filter (null: every team), $5 the subject filter (null: every subject). It defines:
 *
 * - `scoped`: the people in scope, not disabled (the team filter not applied: the teams list).
 * - `people`: those of the team filter.
 * - `cells`: one row per person and subject they need (the highest level of each subject their
 *   organisation's requirements give them; then the subject filter), with `code`, `renewal_months`,
 *   `completed_on`, `expires_on`, `days_left` and `state`.
 * - `matrix_rows`: the people who are rows of the matrix (with the subject filter, only those who
 *   need it); the status filter is the page's own, on `cells`.
 */
export type CellsScope = 'organisation' | 'reports' | 'partnership';

const SCOPE_FILTER: Record<CellsScope, string> = {
  organisation: 'p.organisation_id = $2::uuid',
  reports: 'p.line_manager_id = $2::uuid',
  partnership: 'p.organisation_id IS NOT NULL AND $2::uuid IS NULL',
};

/** Compared as compliance-matrix.ts's `same` does: trimmed, without case, a missing value as ''. */
const same = (a: string, b: string) => `lower(btrim(coalesce(${a}, ''))) = lower(btrim(coalesce(${b}, '')))`;

export function complianceCellsSql(scope: CellsScope): string {
  return `WITH
  zone AS (SELECT time_zone FROM partnership WHERE id = $1),
  scoped AS (
    SELECT p.id, p.organisation_id, p.kind, p.name, p.email, p.job_title, p.team, p.line_manager_id
    FROM person p
    WHERE p.partnership_id = $1 AND p.disabled_at IS NULL AND ${SCOPE_FILTER[scope]}),
  people AS (SELECT * FROM scoped s WHERE $4::text IS NULL OR ${same('s.team', '$4::text')}),
  -- Who needs what depends only on organisation, kind, job title and team: worked out once per such profile, not per person.
  profiles AS (
    SELECT DISTINCT pp.organisation_id, pp.kind, lower(btrim(coalesce(pp.job_title, ''))) AS job_title, lower(btrim(coalesce(pp.team, ''))) AS team
    FROM people pp),
  -- Materialised: a small table read once, whatever plan the row estimates lead to.
  profile_needs AS MATERIALIZED (
    SELECT DISTINCT ON (f.organisation_id, f.kind, f.job_title, f.team, m.subject) f.organisation_id, f.kind, f.job_title, f.team,
      m.code, m.subject, coalesce(m.level, 1) AS level, coalesce(rp.renewal_months, m.renewal_months) AS renewal_months
    FROM profiles f
    JOIN compliance_requirement q ON q.partnership_id = $1 AND q.organisation_id = f.organisation_id
      AND (q.person_kind IS NULL OR q.person_kind = f.kind)
      AND (q.job_title IS NULL OR lower(btrim(q.job_title)) = f.job_title)
      AND (q.team IS NULL OR lower(btrim(q.team)) = f.team)
    JOIN mandatory_subject m ON m.code = q.subject_code
    LEFT JOIN compliance_renewal_period rp ON rp.partnership_id = $1 AND rp.organisation_id = f.organisation_id AND rp.subject_code = m.code
    ORDER BY f.organisation_id, f.kind, f.job_title, f.team, m.subject, coalesce(m.level, 1) DESC, q.created_at, q.id),
  needed AS (
    SELECT pp.id AS person_id, pp.organisation_id, n.code, n.subject, n.level, n.renewal_months
    FROM people pp
    JOIN profile_needs n ON n.organisation_id = pp.organisation_id AND n.kind = pp.kind
      AND n.job_title = lower(btrim(coalesce(pp.job_title, ''))) AND n.team = lower(btrim(coalesce(pp.team, '')))
    WHERE $5::text IS NULL OR n.code = $5::text),
  -- The day each session that can count ended, where the partnership is: once per session, not per booking.
  counting_sessions AS (
    SELECT s.id, cm.subject, coalesce(cm.level, 1) AS level, (s.ends_at AT TIME ZONE (SELECT time_zone FROM zone))::date AS completed_on
    FROM training_session s JOIN course c ON c.id = s.course_id JOIN mandatory_subject cm ON cm.code = c.mandatory_subject
    WHERE c.partnership_id = $1),
  done AS (
    SELECT b.person_id, x.subject, x.level, b.organisation_id AS from_organisation_id, max(x.completed_on) AS completed_on
    FROM booking b
    JOIN counting_sessions x ON x.id = b.session_id
    WHERE b.status = 'attended' AND b.person_id IN (SELECT id FROM people) AND x.completed_on <= $3::date
    GROUP BY 1, 2, 3, 4),
  latest AS (
    SELECT n.person_id, n.code, n.renewal_months, max(d.completed_on) AS completed_on
    FROM needed n
    LEFT JOIN done d ON d.person_id = n.person_id AND d.subject = n.subject AND d.level >= n.level
      AND NOT EXISTS (SELECT 1 FROM compliance_refusal f WHERE f.partnership_id = $1 AND f.organisation_id = n.organisation_id
        AND f.from_organisation_id = d.from_organisation_id AND f.subject_code = n.code AND d.from_organisation_id <> n.organisation_id)
    GROUP BY n.person_id, n.code, n.renewal_months),
  expiring AS (
    SELECT l.*, (l.completed_on + make_interval(months => l.renewal_months))::date AS expires_on FROM latest l),
  cells AS (
    SELECT e.person_id, e.code, e.renewal_months, e.completed_on, e.expires_on, e.expires_on - $3::date AS days_left,
      CASE WHEN e.completed_on IS NULL THEN 'NEVER_DONE'
           WHEN e.expires_on - $3::date <= 0 THEN 'OVERDUE'
           WHEN e.expires_on - $3::date <= 30 THEN 'EXPIRING_30'
           WHEN e.expires_on - $3::date <= 60 THEN 'EXPIRING_60'
           WHEN e.expires_on - $3::date <= 90 THEN 'EXPIRING_90'
           ELSE 'COMPLIANT' END AS state
    FROM expiring e),
  matrix_rows AS (
    SELECT pp.* FROM people pp WHERE $5::text IS NULL OR EXISTS (SELECT 1 FROM cells c WHERE c.person_id = pp.id))`;
}

/** The rows of the status filter ($6: null for any): people with at least one cell in that state. */
export const STATUS_FILTER = '($6::text IS NULL OR EXISTS (SELECT 1 FROM cells c WHERE c.person_id = r.id AND c.state = $6::text))';
