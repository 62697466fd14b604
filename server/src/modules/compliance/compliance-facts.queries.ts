import type { EntityManager } from 'typeorm';

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

/** The rules of these organisations of the partnership, in one statement. */
export async function complianceRules(manager: EntityManager, partnershipId: string, organisationIds: readonly string[]): Promise<RuleFacts> {
  const [row] = await manager.query(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('code', m.code, 'name', m.name, 'subject', m.subject, 'subjectName', m.subject_name,
          'level', m.level, 'renewalMonths', m.renewal_months) ORDER BY m.subject_name, m.level NULLS FIRST), '[]') FROM mandatory_subject m) AS subjects,
       (SELECT coalesce(json_agg(json_build_object('organisationId', r.organisation_id, 'subjectCode', r.subject_code, 'months', r.renewal_months)), '[]')
          FROM compliance_renewal_period r WHERE r.partnership_id = $1 AND r.organisation_id = ANY($2::uuid[])) AS periods,
       (SELECT coalesce(json_agg(json_build_object('id', q.id, 'organisationId', q.organisation_id, 'subjectCode', q.subject_code,
          'personKind', q.person_kind, 'jobTitle', q.job_title, 'team', q.team) ORDER BY q.created_at, q.id), '[]')
          FROM compliance_requirement q WHERE q.partnership_id = $1 AND q.organisation_id = ANY($2::uuid[])) AS requirements,
       (SELECT coalesce(json_agg(json_build_object('organisationId', f.organisation_id, 'fromOrganisationId', f.from_organisation_id,
          'fromOrganisationName', o.name, 'subjectCode', f.subject_code, 'reason', f.reason) ORDER BY o.name, f.subject_code), '[]')
          FROM compliance_refusal f JOIN organisation o ON o.id = f.from_organisation_id
          WHERE f.partnership_id = $1 AND f.organisation_id = ANY($2::uuid[])) AS refusals,
       (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'sector', o.sector) ORDER BY o.name), '[]')
          FROM organisation o WHERE o.partnership_id = $1 AND o.id = ANY($2::uuid[])) AS organisations`,
    [partnershipId, organisationIds]);
  const renewalPeriods = new Map<string, Map<string, number>>();
  for (const period of row.periods as Array<{ organisationId: string; subjectCode: string; months: number }>) {
    if (!renewalPeriods.has(period.organisationId)) renewalPeriods.set(period.organisationId, new Map());
    renewalPeriods.get(period.organisationId)!.set(period.subjectCode, period.months);
  }
  return { subjects: row.subjects, renewalPeriods, requirements: row.requirements, refusals: row.refusals, organisations: row.organisations };
}
