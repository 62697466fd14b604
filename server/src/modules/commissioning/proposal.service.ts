import type { DataSource, EntityManager } from 'typeorm';
import { parseFinancialYear, parsePounds } from '@portal/domain';
import { unlessRefused } from '../../graphql/refusal';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import type { UserError } from '../../graphql/user-error';
import { isUuid } from '../../graphql/uuid';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { CoursePublishingService } from '../catalogue/course-publishing.service';
import { refreshNeedGrouping } from '../needs/need-grouping';
import { refuseAll, userError } from './commissioning.errors';
import { requireActingFor } from './commissioning.policy';
import { CommissioningProposalEntity } from './commissioning-proposal.entity';
import type { DeliveryOptionInput, ProposeCommissioningInput } from './commissioning.inputs';

export type ProposalResult = { proposal: CommissioningProposalEntity | null; pledge?: unknown; userErrors: UserError[] };

/** The largest programme the portal takes: £10,000,000. */
const MAX_PROGRAMME_PENCE = 1_000_000_000;

/** "0" and "free" are nothing; anything else is pounds and pence, more than nothing. */
export function programmePence(text: string): { ok: true; pence: number } | { ok: false; message: string; code: 'NOT_A_NUMBER' | 'NEGATIVE' | 'FRACTIONAL_PENNY' | 'ZERO' | 'TOO_LARGE' } {
  if (/^(£?0+(\.0{1,2})?|free)$/i.test(text.trim())) return { ok: true, pence: 0 };
  const parsed = parsePounds(text, MAX_PROGRAMME_PENCE);
  return parsed.ok ? parsed : { ok: false, message: parsed.message.replace(/\.$/, ''), code: parsed.code };
}

/**
 * proposeCommissioning: one transaction that writes nothing while any problem stands, every
 * problem answered at once. The needs it names are locked and must be open (or grouped); they
 * become IN_PROPOSAL, and the grouping of the others is refreshed in the same transaction.
 */
export class ProposalService {
  constructor(private readonly dataSource: DataSource) {}

  async propose(viewer: Viewer, input: ProposeCommissioningInput, origin: RequestOrigin, now: Date,
    inputProblems: readonly UserError[]): Promise<ProposalResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const organisationId = requireActingFor(viewer, refusedField(inputProblems, 'organisationId') ? null : input.organisationId, 'propose commissioning');
      const errors: UserError[] = [];
      errors.push(...await this.needProblems(manager, viewer, input.needIds ?? [], inputProblems));
      errors.push(...await this.courseProblems(manager, viewer, input, inputProblems));
      const options = await this.optionProblems(manager, viewer, input.deliveryOptions ?? [], inputProblems);
      errors.push(...options.errors);
      const cost = programmePence(input.estimatedCost);
      if (!cost.ok) errors.push(userError(['input', 'estimatedCost'], cost.message, cost.code));
      if (!refusedField(inputProblems, 'financialYear') && !parseFinancialYear(input.financialYear)) {
        errors.push(userError(['input', 'financialYear'], 'Write the financial year like 2026/27, the second year following the first', 'OUT_OF_RANGE'));
      }
      if (Number.isNaN(input.pledgeDeadline.getTime()) || input.pledgeDeadline <= now) {
        errors.push(userError(['input', 'pledgeDeadline'], 'The pledge deadline must be in the future', 'IN_THE_PAST'));
      }
      refuseAll(withInputErrors(inputProblems, errors));

      const [row] = await manager.query(
        `INSERT INTO commissioning_proposal (partnership_id, proposed_by_person_id, proposing_organisation_id, title, summary, course_id,
           draft_course, financial_year, sessions_planned, seats_per_session, estimated_cost_pence, pledge_deadline, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [viewer.partnershipId, viewer.personId, organisationId, input.title.trim(), input.summary?.trim() ?? '', input.courseId ?? null,
          input.newCourse ? JSON.stringify(input.newCourse) : null, input.financialYear, input.sessionsPlanned, input.seatsPerSession,
          cost.ok ? cost.pence : 0, input.pledgeDeadline, now]);
      await manager.query(
        `INSERT INTO commissioning_delivery_option (partnership_id, proposal_id, position, kind, provider_organisation_id, provider_name,
           quoted_cost_pence, notes)
         SELECT $1, $2, t.position, CASE WHEN t.organisation_id IS NULL THEN 'external' ELSE 'internal' END, t.organisation_id, t.name, t.pence, t.notes
         FROM unnest($3::int[], $4::uuid[], $5::text[], $6::bigint[], $7::text[]) AS t(position, organisation_id, name, pence, notes)`,
        [viewer.partnershipId, row.id, options.rows.map((_, i) => i + 1), options.rows.map((o) => o.organisationId),
          options.rows.map((o) => o.name), options.rows.map((o) => o.pence), options.rows.map((o) => o.notes)]);
      const needIds = [...new Set(input.needIds)];
      await manager.query(
        `WITH linked AS (
           INSERT INTO commissioning_proposal_need (partnership_id, proposal_id, need_id) SELECT $1, $2, unnest($3::uuid[]) RETURNING need_id
         )
         UPDATE training_need SET status = 'in_proposal', updated_at = $4 WHERE id IN (SELECT need_id FROM linked)`,
        [viewer.partnershipId, row.id, needIds, now]);
      await refreshNeedGrouping(manager, viewer.partnershipId);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'commissioning.proposed',
        subjectType: 'commissioning_proposal', subjectId: row.id, details: {
          title: input.title.trim(), organisationId, needIds, courseId: input.courseId ?? null, newCourse: !!input.newCourse,
          sessionsPlanned: input.sessionsPlanned, seatsPerSession: input.seatsPerSession, estimatedCostPence: cost.ok ? cost.pence : 0,
          financialYear: input.financialYear, pledgeDeadline: input.pledgeDeadline.toISOString(),
        } });
      return manager.getRepository(CommissioningProposalEntity).findOneByOrFail({ id: row.id });
    }));
    return { proposal: result, userErrors };
  }

  /** Each need named must be the partnership's and still open or grouped; they are locked until the proposal is written. */
  private async needProblems(manager: EntityManager, viewer: Viewer, needIds: readonly string[], inputProblems: readonly UserError[]): Promise<UserError[]> {
    if (refusedField(inputProblems, 'needIds')) return [];
    const found: Array<{ id: string; status: string; topic: string }> = await manager.query(
      `SELECT id, status, topic FROM training_need WHERE partnership_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [viewer.partnershipId, needIds.filter(isUuid)]);
    const byId = new Map(found.map((n) => [n.id, n]));
    const seen = new Set<string>();
    return needIds.flatMap((id, index) => {
      const field = ['input', 'needIds', String(index)];
      if (seen.has(id)) return [userError(field, 'This need is named twice', 'DUPLICATE')];
      seen.add(id);
      const need = byId.get(id);
      if (!need) return [userError(field, 'There is no such need in your partnership', 'NOT_FOUND')];
      if (need.status !== 'open' && need.status !== 'grouped') {
        const now = { in_proposal: 'is already in a proposal', met: 'is already met', withdrawn: 'was withdrawn' }[need.status] ?? 'is not open';
        return [userError(field, `"${need.topic}" ${now}`, 'NEED_NOT_OPEN')];
      }
      return [];
    });
  }

  /** An existing course of the partnership, or a new one checked as createCourse checks it: one of the two. */
  private async courseProblems(manager: EntityManager, viewer: Viewer, input: ProposeCommissioningInput, inputProblems: readonly UserError[]): Promise<UserError[]> {
    if (input.courseId && input.newCourse) {
      return [userError(['input', 'newCourse'], 'Choose an existing course or describe a new one, not both', 'NOT_ALLOWED')];
    }
    if (!input.courseId && !input.newCourse) {
      return [userError(['input', 'courseId'], 'Choose an existing course or describe a new one', 'REQUIRED')];
    }
    if (input.courseId) {
      if (refusedField(inputProblems, 'courseId')) return [];
      const rows = await manager.query('SELECT 1 FROM course WHERE id = $1 AND partnership_id = $2', [input.courseId, viewer.partnershipId]);
      return rows.length ? [] : [userError(['input', 'courseId'], 'There is no such course in your partnership', 'NOT_FOUND')];
    }
    return new CoursePublishingService(this.dataSource).draftCourseProblems(manager, viewer, input.newCourse!, inputProblems, ['input', 'newCourse']);
  }

  private async optionProblems(manager: EntityManager, viewer: Viewer, options: readonly DeliveryOptionInput[], inputProblems: readonly UserError[]): Promise<{
    errors: UserError[]; rows: Array<{ organisationId: string | null; name: string | null; pence: number; notes: string }>;
  }> {
    const ids = options.map((o) => o.providerOrganisationId).filter((id): id is string => !!id && isUuid(id));
    const known: Array<{ id: string }> = ids.length
      ? await manager.query('SELECT id FROM organisation WHERE partnership_id = $1 AND id = ANY($2::uuid[])', [viewer.partnershipId, ids]) : [];
    const knownIds = new Set(known.map((r) => r.id));
    const errors: UserError[] = [];
    const rows = options.map((option, index) => {
      const at = (field: string) => ['input', 'deliveryOptions', String(index), field];
      const organisationId = option.providerOrganisationId ?? null;
      const name = option.providerName?.trim() || null;
      if (organisationId && name) errors.push(userError(at('providerName'), 'Name an external provider or choose a partner organisation, not both', 'NOT_ALLOWED'));
      else if (!organisationId && !name) errors.push(userError(at('providerName'), 'Name the provider, or choose the partner organisation that would deliver it', 'REQUIRED'));
      else if (organisationId && !refusedField(inputProblems, 'deliveryOptions', String(index), 'providerOrganisationId') && !knownIds.has(organisationId)) {
        errors.push(userError(at('providerOrganisationId'), 'There is no such organisation in your partnership', 'NOT_FOUND'));
      }
      const quote = programmePence(option.quotedCost);
      if (!quote.ok) errors.push(userError(at('quotedCost'), quote.message, quote.code));
      return { organisationId, name: organisationId ? null : name, pence: quote.ok ? quote.pence : 0, notes: option.notes?.trim() ?? '' };
    });
    return { errors: errors.filter((e) => !refusedField(inputProblems, ...e.field.slice(1))), rows };
  }
}
