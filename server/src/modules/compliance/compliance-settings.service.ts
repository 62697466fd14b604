import type { DataSource, EntityManager } from 'typeorm';
import { renewalPeriodProblem } from '@portal/domain';
import { Refusal, unlessRefused } from '../../graphql/refusal';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import type { UserError } from '../../graphql/user-error';
import { isUuid } from '../../graphql/uuid';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { userError } from './compliance.errors';
import type { AcceptCompletionsInput, AddComplianceRequirementInput, RefuseCompletionsInput, RemoveComplianceRequirementInput,
  SetRenewalPeriodInput } from './compliance.inputs';
import { requireManagingCompliance } from './compliance.policy';
import type { ComplianceRefusal, ComplianceRequirement, ComplianceSettings, RenewalPeriodSetting } from './compliance.types';
import type { PersonKind } from './compliance.enums';

const NO_ORGANISATION = 'There is no such organisation in your partnership';
const NO_SUBJECT = 'Choose a mandatory subject from the list';

interface Found { organisation: { id: string; partnership_id: string } | null; subject: { code: string; renewal_months: number } | null }

/**
 * An organisation's compliance settings: its renewal periods, who needs which subject, whose
 * completions it refuses. Each change is one transaction with its audit row, and writes nothing
 * while any problem stands (all of them answered at once). Access is decided on the organisation
 * first; an id of another partnership is answered as unknown.
 */
export class ComplianceSettingsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Reads the organisation and subject named, refuses access, and collects the unknown ones. */
  private async organisationAndSubject(manager: EntityManager, viewer: Viewer, input: { organisationId: string; subjectCode: string },
    inputProblems: readonly UserError[], errors: UserError[]): Promise<Found> {
    const organisationId = !refusedField(inputProblems, 'organisationId') && isUuid(input.organisationId) ? input.organisationId : null;
    const subjectCode = refusedField(inputProblems, 'subjectCode') ? null : input.subjectCode.trim();
    const [found] = await manager.query(
      `SELECT (SELECT json_build_object('id', id, 'partnership_id', partnership_id) FROM organisation WHERE id = $1 AND partnership_id = $2) AS organisation,
         (SELECT json_build_object('code', code, 'renewal_months', renewal_months) FROM mandatory_subject WHERE code = $3) AS subject`,
      [organisationId, viewer.partnershipId, subjectCode]);
    if (!refusedField(inputProblems, 'organisationId')) {
      if (!found.organisation) errors.push(userError(['input', 'organisationId'], NO_ORGANISATION, 'NOT_FOUND'));
      else requireManagingCompliance(viewer, { id: found.organisation.id, partnershipId: found.organisation.partnership_id });
    }
    if (subjectCode !== null && !found.subject) errors.push(userError(['input', 'subjectCode'], NO_SUBJECT, 'NOT_FOUND'));
    return found;
  }

  /**
   * The settings of an organisation whose access the caller has decided: every subject's period
   * (its own, else the framework's), its staff groups' requirements and its refusals, in one statement.
   */
  async settings(partnershipId: string, organisation: { id: string }): Promise<Omit<ComplianceSettings, 'organisation'>> {
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT coalesce(json_agg(json_build_object('subjectCode', m.code, 'renewalMonths', coalesce(r.renewal_months, m.renewal_months),
            'own', r.renewal_months IS NOT NULL) ORDER BY m.code), '[]')
          FROM mandatory_subject m LEFT JOIN compliance_renewal_period r ON r.subject_code = m.code AND r.organisation_id = $1 AND r.partnership_id = $2) AS periods,
         (SELECT coalesce(json_agg(json_build_object('id', q.id, 'subjectCode', q.subject_code, 'personKind', q.person_kind, 'jobTitle', q.job_title, 'team', q.team)
            ORDER BY q.subject_code, q.person_kind NULLS FIRST, q.job_title NULLS FIRST, q.team NULLS FIRST, q.id), '[]')
          FROM compliance_requirement q WHERE q.organisation_id = $1 AND q.partnership_id = $2) AS requirements,
         (SELECT coalesce(json_agg(json_build_object('fromOrganisationId', f.from_organisation_id, 'fromOrganisationName', o.name,
            'subjectCode', f.subject_code, 'reason', f.reason) ORDER BY o.name, f.subject_code), '[]')
          FROM compliance_refusal f JOIN organisation o ON o.id = f.from_organisation_id WHERE f.organisation_id = $1 AND f.partnership_id = $2) AS refusals`,
      [organisation.id, partnershipId]);
    return { renewalPeriods: row.periods, requirements: row.requirements, refusals: row.refusals };
  }

  async setRenewalPeriod(viewer: Viewer, input: SetRenewalPeriodInput, origin: RequestOrigin, inputProblems: readonly UserError[]) {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager): Promise<RenewalPeriodSetting> => {
      const errors: UserError[] = [];
      const found = await this.organisationAndSubject(manager, viewer, input, inputProblems, errors);
      const months = input.renewalMonths ?? null;
      if (months !== null) {
        const problem = renewalPeriodProblem(months);
        if (problem) errors.push(userError(['input', 'renewalMonths'], problem.message, problem.code));
      }
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));
      const organisationId = found.organisation!.id;
      const code = found.subject!.code;
      if (months === null) {
        await manager.query('DELETE FROM compliance_renewal_period WHERE organisation_id = $1 AND subject_code = $2', [organisationId, code]);
      } else {
        await manager.query(
          `INSERT INTO compliance_renewal_period (partnership_id, organisation_id, subject_code, renewal_months) VALUES ($1, $2, $3, $4)
           ON CONFLICT (organisation_id, subject_code) DO UPDATE SET renewal_months = EXCLUDED.renewal_months, updated_at = now()`,
          [viewer.partnershipId, organisationId, code, months]);
      }
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'compliance.renewal_period_set',
        subjectType: 'organisation', subjectId: organisationId, details: { subjectCode: code, renewalMonths: months } });
      return { subjectCode: code, renewalMonths: months ?? found.subject!.renewal_months, own: months !== null };
    }));
    return { renewalPeriod: result, userErrors };
  }

  async addRequirement(viewer: Viewer, input: AddComplianceRequirementInput, origin: RequestOrigin, inputProblems: readonly UserError[]) {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager): Promise<ComplianceRequirement> => {
      const errors: UserError[] = [];
      const found = await this.organisationAndSubject(manager, viewer, input, inputProblems, errors);
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));
      const jobTitle = input.jobTitle?.trim() || null;
      const team = input.team?.trim() || null;
      const personKind = input.personKind ?? null;
      const [row] = await manager.query(
        `INSERT INTO compliance_requirement (partnership_id, organisation_id, subject_code, person_kind, job_title, team)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
        [viewer.partnershipId, found.organisation!.id, found.subject!.code, personKind, jobTitle, team]);
      if (!row) throw new Refusal([userError(['input', 'subjectCode'], 'This staff group already needs this subject', 'ALREADY_EXISTS')]);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'compliance.requirement_added',
        subjectType: 'organisation', subjectId: found.organisation!.id, details: { subjectCode: found.subject!.code, personKind, jobTitle, team } });
      return { id: row.id, subjectCode: found.subject!.code, personKind: personKind as PersonKind | null, jobTitle, team };
    }));
    return { requirement: result, userErrors };
  }

  async removeRequirement(viewer: Viewer, input: RemoveComplianceRequirementInput, origin: RequestOrigin, inputProblems: readonly UserError[]) {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager): Promise<ComplianceRequirement> => {
      const id = !refusedField(inputProblems, 'requirementId') && isUuid(input.requirementId) ? input.requirementId : null;
      const [row] = id ? await manager.query(
        `SELECT id, organisation_id, partnership_id, subject_code, person_kind, job_title, team FROM compliance_requirement
         WHERE id = $1 AND partnership_id = $2 FOR UPDATE`, [id, viewer.partnershipId]) : [];
      if (row) requireManagingCompliance(viewer, { id: row.organisation_id, partnershipId: row.partnership_id });
      const errors = row || refusedField(inputProblems, 'requirementId') ? [] : [userError(['input', 'requirementId'], 'There is no such requirement in your partnership', 'NOT_FOUND')];
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));
      await manager.query('DELETE FROM compliance_requirement WHERE id = $1', [row.id]);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'compliance.requirement_removed',
        subjectType: 'organisation', subjectId: row.organisation_id, details: { subjectCode: row.subject_code, personKind: row.person_kind, jobTitle: row.job_title, team: row.team } });
      return { id: row.id, subjectCode: row.subject_code, personKind: row.person_kind, jobTitle: row.job_title, team: row.team };
    }));
    return { requirement: result, userErrors };
  }

  async refuseCompletions(viewer: Viewer, input: RefuseCompletionsInput, origin: RequestOrigin, inputProblems: readonly UserError[]) {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager): Promise<ComplianceRefusal> => {
      const errors: UserError[] = [];
      const found = await this.organisationAndSubject(manager, viewer, input, inputProblems, errors);
      const from = await this.otherOrganisation(manager, viewer, input, inputProblems, errors);
      const reason = input.reason.trim();
      if (!reason && !refusedField(inputProblems, 'reason')) errors.push(userError(['input', 'reason'], 'Enter the reason (up to 500 characters)', 'REQUIRED'));
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));
      await manager.query(
        `INSERT INTO compliance_refusal (partnership_id, organisation_id, from_organisation_id, subject_code, reason) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organisation_id, from_organisation_id, subject_code) DO UPDATE SET reason = EXCLUDED.reason`,
        [viewer.partnershipId, found.organisation!.id, from!.id, found.subject!.code, reason]);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'compliance.completions_refused',
        subjectType: 'organisation', subjectId: found.organisation!.id, details: { fromOrganisationId: from!.id, subjectCode: found.subject!.code, reason } });
      return { fromOrganisationId: from!.id, fromOrganisationName: from!.name, subjectCode: found.subject!.code, reason };
    }));
    return { refusal: result, userErrors };
  }

  async acceptCompletions(viewer: Viewer, input: AcceptCompletionsInput, origin: RequestOrigin, inputProblems: readonly UserError[]) {
    const { userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const errors: UserError[] = [];
      const found = await this.organisationAndSubject(manager, viewer, input, inputProblems, errors);
      const from = await this.otherOrganisation(manager, viewer, input, inputProblems, errors);
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));
      await manager.query('DELETE FROM compliance_refusal WHERE organisation_id = $1 AND from_organisation_id = $2 AND subject_code = $3',
        [found.organisation!.id, from!.id, found.subject!.code]);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'compliance.completions_accepted',
        subjectType: 'organisation', subjectId: found.organisation!.id, details: { fromOrganisationId: from!.id, subjectCode: found.subject!.code } });
      return true;
    }));
    return { refusal: null, userErrors };
  }

  private async otherOrganisation(manager: EntityManager, viewer: Viewer, input: { organisationId: string; fromOrganisationId: string },
    inputProblems: readonly UserError[], errors: UserError[]): Promise<{ id: string; name: string } | null> {
    if (refusedField(inputProblems, 'fromOrganisationId')) return null;
    const field = ['input', 'fromOrganisationId'];
    if (input.fromOrganisationId === input.organisationId) {
      errors.push(userError(field, 'Choose another organisation: your own completions always count', 'NOT_ALLOWED'));
      return null;
    }
    const [from] = isUuid(input.fromOrganisationId)
      ? await manager.query('SELECT id, name FROM organisation WHERE id = $1 AND partnership_id = $2', [input.fromOrganisationId, viewer.partnershipId]) : [];
    if (!from) errors.push(userError(field, NO_ORGANISATION, 'NOT_FOUND'));
    return from ?? null;
  }
}
