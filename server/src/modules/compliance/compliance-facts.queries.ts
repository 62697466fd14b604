import type { EntityManager } from 'typeorm';
import { complianceCellsSql, STATUS_FILTER, type CellsScope } from './compliance-cells.sql';

/**
 * What a compliance picture is made from, in two statements whatever the number of people:
 * the people in scope with every completion of theirs (an attended booking on a course that
 * satisfies a mandatory subject, at any partner, on the day its session ended in the
 * partnership's time zone, with the organisation the person booked as), then the rules of
 * their organisations (subjects, renewal periods, requirements, refusals).
 */

export type PeopleScope =
  | { kind: 'organisation'; partnershipId: string; organisationId: string }
  | { kind: 'reports'; partnershipId: string; managerId: string }
  | { kind: 'partnership'; partnershipId: string };

export interface PersonFacts {
  id: string;
  organisationId: string | null;
  kind: 'staff' | 'volunteer';
  name: string;
  email: string;
  jobTitle: string | null;
  team: string | null;
  lineManagerId: string | null;
  completions: Array<{ code: string; completedOn: string; fromOrganisationId: string | null }>;
}

export interface SubjectFacts { code: string; name: string; subject: string; subjectName: string; level: number | null; renewalMonths: number }
export interface RequirementFacts { id: string; organisationId: string; subjectCode: string; personKind: 'staff' | 'volunteer' | null; jobTitle: string | null; team: string | null }
export interface RefusalFacts { organisationId: string; fromOrganisationId: string; fromOrganisationName: string; subjectCode: string; reason: string }
export interface OrganisationFacts { id: string; name: string; sector: string }
export interface RuleFacts {
  subjects: SubjectFacts[];
  /** organisation id → subject code → months */
  renewalPeriods: Map<string, Map<string, number>>;
  requirements: RequirementFacts[];
  refusals: RefusalFacts[];
  organisations: OrganisationFacts[];
}

const SCOPE_FILTER: Record<PeopleScope['kind'], string> = {
  organisation: 'p.organisation_id = $2',
  reports: 'p.line_manager_id = $2',
  partnership: 'p.organisation_id IS NOT NULL',
};

function scopeArgument(scope: PeopleScope): string | null {
  return scope.kind === 'organisation' ? scope.organisationId : scope.kind === 'reports' ? scope.managerId : null;
}

/** The people in scope (not disabled), by name, each with their completions as `code|YYYY-MM-DD|organisation`. */
export async function peopleWithCompletions(manager: EntityManager, scope: PeopleScope): Promise<PersonFacts[]> {
  const argument = scopeArgument(scope);
  const rows: Array<{ id: string; organisation_id: string | null; kind: 'staff' | 'volunteer'; name: string; email: string; job_title: string | null;
    team: string | null; line_manager_id: string | null; completions: string[] }> = await manager.query(
    `SELECT p.id, p.organisation_id, p.kind, p.name, p.email, p.job_title, p.team, p.line_manager_id,
       array(SELECT c.mandatory_subject || '|' || to_char((s.ends_at AT TIME ZONE pt.time_zone)::date, 'YYYY-MM-DD') || '|' || coalesce(b.organisation_id::text, '')
             FROM booking b
             JOIN training_session s ON s.id = b.session_id
             JOIN course c ON c.id = s.course_id
             WHERE b.person_id = p.id AND b.status = 'attended' AND c.mandatory_subject IS NOT NULL) AS completions
     FROM person p JOIN partnership pt ON pt.id = p.partnership_id
     WHERE p.partnership_id = $1 AND p.disabled_at IS NULL AND ${SCOPE_FILTER[scope.kind]}
     ORDER BY p.name, p.id`,
    argument === null ? [scope.partnershipId] : [scope.partnershipId, argument]);
  return rows.map((row) => ({
    id: row.id, organisationId: row.organisation_id, kind: row.kind, name: row.name, email: row.email, jobTitle: row.job_title, team: row.team,
    lineManagerId: row.line_manager_id,
    completions: row.completions.map((text) => {
      const [code, completedOn, from] = text.split('|');
      return { code, completedOn, fromOrganisationId: from || null };
    }),
  }));
}

const COMPLETIONS_SQL = (person: string) => `array(SELECT c.mandatory_subject || '|' || to_char((s.ends_at AT TIME ZONE pt.time_zone)::date, 'YYYY-MM-DD') || '|' || coalesce(b.organisation_id::text, '')
             FROM booking b
             JOIN training_session s ON s.id = b.session_id
             JOIN course c ON c.id = s.course_id
             WHERE b.person_id = ${person} AND b.status = 'attended' AND c.mandatory_subject IS NOT NULL)`;

type PersonRow = { id: string; organisation_id: string | null; kind: 'staff' | 'volunteer'; name: string; email: string; job_title: string | null;
  team: string | null; line_manager_id: string | null; completions: string[] };

function personFacts(row: PersonRow): PersonFacts {
  return {
    id: row.id, organisationId: row.organisation_id, kind: row.kind, name: row.name, email: row.email, jobTitle: row.job_title, team: row.team,
    lineManagerId: row.line_manager_id,
    completions: row.completions.map((text) => {
      const [code, completedOn, from] = text.split('|');
      return { code, completedOn, fromOrganisationId: from || null };
    }),
  };
}

/** What the SQL form of the rule reads for a picture: its scope, the day, the filters. */
export interface CellsQuery { scope: PeopleScope; today: string; team?: string | null; subjectCode?: string | null; status?: string | null }

/** $1 to $5 of complianceCellsSql, and $6 (the status filter) for the statements that use STATUS_FILTER. */
function cellsParameters(query: CellsQuery, withStatus = true): unknown[] {
  const first = [query.scope.partnershipId, scopeArgument(query.scope), query.today, query.team || null, query.subjectCode || null];
  return withStatus ? [...first, query.status || null] : first;
}

export interface MatrixTotalsFacts {
  counts: Array<{ code: string; state: string; n: number }>;
  columns: Array<{ code: string; renewalMonths: number }>;
  rowCount: number;
  teams: string[];
}

/**
 * The whole filtered picture's totals in one statement, by the SQL form of the rule: how many cells
 * of each subject are in each state (subject and team filters applied, the status filter not: the
 * totals say what the filter picks from), the renewal period of each column (that of the first
 * person by name who needs it), how many rows the filters give, and the teams of everyone in scope.
 */
export async function matrixTotals(manager: EntityManager, query: CellsQuery): Promise<MatrixTotalsFacts> {
  const [row] = await manager.query(
    `${complianceCellsSql(query.scope.kind as CellsScope)}
     SELECT
       (SELECT coalesce(json_agg(t), '[]') FROM (SELECT c.code, c.state, count(*)::int AS n FROM cells c GROUP BY c.code, c.state) t) AS counts,
       (SELECT coalesce(json_agg(t), '[]') FROM (SELECT DISTINCT ON (c.code) c.code, c.renewal_months AS "renewalMonths"
          FROM cells c JOIN people pp ON pp.id = c.person_id ORDER BY c.code, pp.name, pp.id) t) AS columns,
       (SELECT count(*)::int FROM matrix_rows r WHERE ${STATUS_FILTER}) AS row_count,
       (SELECT coalesce(array_agg(DISTINCT s.team), '{}') FROM scoped s WHERE coalesce(s.team, '') <> '') AS teams`,
    cellsParameters(query));
  return { counts: row.counts, columns: row.columns, rowCount: row.row_count, teams: row.teams };
}

/** One page of the matrix's rows (filters applied, by name then id, after the cursor), each person with their completions. */
export async function matrixPeoplePage(manager: EntityManager, query: CellsQuery, after: readonly [string, string] | null, limit: number | null): Promise<PersonFacts[]> {
  const rows: PersonRow[] = await manager.query(
    `${complianceCellsSql(query.scope.kind as CellsScope)}
     SELECT r.id, r.organisation_id, r.kind, r.name, r.email, r.job_title, r.team, r.line_manager_id, ${COMPLETIONS_SQL('r.id')} AS completions
     FROM matrix_rows r CROSS JOIN partnership pt
     WHERE pt.id = $1 AND ${STATUS_FILTER} AND ($7::text IS NULL OR (r.name, r.id) > ($7::text, $8::uuid))
     ORDER BY r.name, r.id
     LIMIT $9::int`,
    [...cellsParameters(query), after?.[0] ?? null, after?.[1] ?? null, limit]);
  return rows.map(personFacts);
}

export interface SqlCell { personId: string; code: string; state: string; completedOn: string | null; expiresOn: string | null; daysLeft: number | null; renewalMonths: number }

/** Every cell of the scope as the SQL form of the rule gives it: what the agreement test compares with the pure rule. */
export async function sqlCells(manager: EntityManager, query: CellsQuery): Promise<SqlCell[]> {
  return manager.query(
    `${complianceCellsSql(query.scope.kind as CellsScope)}
     SELECT c.person_id AS "personId", c.code, c.state, to_char(c.completed_on, 'YYYY-MM-DD') AS "completedOn",
       to_char(c.expires_on, 'YYYY-MM-DD') AS "expiresOn", c.days_left AS "daysLeft", c.renewal_months AS "renewalMonths"
     FROM cells c ORDER BY c.person_id, c.code`,
    cellsParameters(query, false));
}

export interface OrganisationCounts { id: string; name: string; sector: string; people: number; hasPeople: boolean; counts: Record<string, number> }

/** Every organisation of the partnership with its cells counted by state and the people who need anything, in one statement. */
export async function partnershipCounts(manager: EntityManager, partnershipId: string, today: string): Promise<OrganisationCounts[]> {
  return manager.query(
    `${complianceCellsSql('partnership')},
     per_state AS (SELECT pp.organisation_id, c.state, count(*)::int AS n FROM cells c JOIN people pp ON pp.id = c.person_id GROUP BY 1, 2),
     per_organisation AS (SELECT organisation_id, json_object_agg(state, n) AS counts FROM per_state GROUP BY 1),
     needing AS (SELECT pp.organisation_id, count(DISTINCT c.person_id)::int AS n FROM cells c JOIN people pp ON pp.id = c.person_id GROUP BY 1)
     SELECT o.id, o.name, o.sector, coalesce(n.n, 0) AS people, coalesce(po.counts, '{}') AS counts,
       EXISTS (SELECT 1 FROM people pp WHERE pp.organisation_id = o.id) AS "hasPeople"
     FROM organisation o
     LEFT JOIN per_organisation po ON po.organisation_id = o.id
     LEFT JOIN needing n ON n.organisation_id = o.id
     WHERE o.partnership_id = $1
     ORDER BY o.name`,
    cellsParameters({ scope: { kind: 'partnership', partnershipId }, today }, false));
}

/** The rules of these organisations of the partnership, in one statement. */
export async function complianceRules(manager: EntityManager, partnershipId: string,
  organisations: readonly string[] | { managerId: string }): Promise<RuleFacts> {
  // A line manager's reports' organisations are found in the same statement.
  const ids = Array.isArray(organisations) ? '$2::uuid[]'
    : `(SELECT coalesce(array_agg(DISTINCT p.organisation_id), '{}') FROM person p WHERE p.partnership_id = $1 AND p.line_manager_id = $2::uuid
        AND p.disabled_at IS NULL AND p.organisation_id IS NOT NULL)`;
  const argument = Array.isArray(organisations) ? organisations : (organisations as { managerId: string }).managerId;
  const [row] = await manager.query(
    `WITH scope AS (SELECT ${ids} AS ids)
     SELECT
       (SELECT coalesce(json_agg(json_build_object('code', m.code, 'name', m.name, 'subject', m.subject, 'subjectName', m.subject_name,
          'level', m.level, 'renewalMonths', m.renewal_months) ORDER BY m.subject_name, m.level NULLS FIRST), '[]') FROM mandatory_subject m) AS subjects,
       (SELECT coalesce(json_agg(json_build_object('organisationId', r.organisation_id, 'subjectCode', r.subject_code, 'months', r.renewal_months)), '[]')
          FROM compliance_renewal_period r WHERE r.partnership_id = $1 AND r.organisation_id = ANY((SELECT ids FROM scope)::uuid[])) AS periods,
       (SELECT coalesce(json_agg(json_build_object('id', q.id, 'organisationId', q.organisation_id, 'subjectCode', q.subject_code,
          'personKind', q.person_kind, 'jobTitle', q.job_title, 'team', q.team) ORDER BY q.created_at, q.id), '[]')
          FROM compliance_requirement q WHERE q.partnership_id = $1 AND q.organisation_id = ANY((SELECT ids FROM scope)::uuid[])) AS requirements,
       (SELECT coalesce(json_agg(json_build_object('organisationId', f.organisation_id, 'fromOrganisationId', f.from_organisation_id,
          'fromOrganisationName', o.name, 'subjectCode', f.subject_code, 'reason', f.reason) ORDER BY o.name, f.subject_code), '[]')
          FROM compliance_refusal f JOIN organisation o ON o.id = f.from_organisation_id
          WHERE f.partnership_id = $1 AND f.organisation_id = ANY((SELECT ids FROM scope)::uuid[])) AS refusals,
       (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'sector', o.sector) ORDER BY o.name), '[]')
          FROM organisation o WHERE o.partnership_id = $1 AND o.id = ANY((SELECT ids FROM scope)::uuid[])) AS organisations`,
    [partnershipId, argument]);
  const renewalPeriods = new Map<string, Map<string, number>>();
  for (const period of row.periods as Array<{ organisationId: string; subjectCode: string; months: number }>) {
    if (!renewalPeriods.has(period.organisationId)) renewalPeriods.set(period.organisationId, new Map());
    renewalPeriods.get(period.organisationId)!.set(period.subjectCode, period.months);
  }
  return { subjects: row.subjects, renewalPeriods, requirements: row.requirements, refusals: row.refusals, organisations: row.organisations };
}
