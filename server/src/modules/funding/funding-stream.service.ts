import type { DataSource, EntityManager } from 'typeorm';
import { effectsOf, formatPence, parseFinancialYear, parsePounds } from '@portal/domain';
import { Refusal, unlessRefused } from '../../graphql/refusal';
import type { UserError } from '../../graphql/user-error';
import { refuse, userError } from './funding.errors';
import { withInputErrors } from '../../graphql/input-errors';
import { isUuid } from '../../graphql/uuid';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import type { CreateFundingStreamInput } from './create-funding-stream.input';
import { FundingStreamEntity } from './funding-stream.entity';
import { FunderKind } from './funding.enums';
import { STREAM_IN_SCOPE, ENTRY_IN_SCOPE, scopeParams, type FundingScope } from './funding.policy';
import { postEntry } from './ledger';
import { penceFromSql } from './sql-pence';

/** Sums in pence over the entries of one stream that the caller's scope covers. */
export interface ScopedSummary { budget: number; committed: number; spent: number }
export type ScopedStream = FundingStreamEntity & { scopedSummary?: ScopedSummary };

export type CreateStreamResult = { fundingStream: ScopedStream | null; userErrors: UserError[] };

export function financialYearError(field: string[]): UserError {
  return userError(field, 'Write the financial year like 2026/27: the year it starts and the next, 1 April to 31 March.', 'INVALID_FINANCIAL_YEAR');
}

export class FundingStreamService {
  constructor(private readonly dataSource: DataSource) {}

  /** The streams the scope covers, with their sums in scope, in one statement. */
  async list(scope: FundingScope, filter: { financialYear?: string | null; ids?: string[] } = {}): Promise<ScopedStream[]> {
    const rows: Array<{ id: string; budget: string; committed: string; spent: string }> = await this.dataSource.query(
      `SELECT fs.id, coalesce(sum(le.budget_effect_pence), 0) AS budget, coalesce(sum(le.committed_effect_pence), 0) AS committed,
         coalesce(sum(le.spent_effect_pence), 0) AS spent
       FROM funding_stream fs LEFT JOIN ledger_entry le ON le.stream_id = fs.id AND ${ENTRY_IN_SCOPE}
       WHERE ${STREAM_IN_SCOPE} AND ($3::text IS NULL OR fs.financial_year = $3) AND ($4::uuid[] IS NULL OR fs.id = ANY($4))
       GROUP BY fs.id`,
      [...scopeParams(scope), filter.financialYear ?? null, filter.ids ?? null]);
    if (!rows.length) return [];
    const streams = await this.dataSource.getRepository(FundingStreamEntity).createQueryBuilder('s')
      .where('s.id = ANY(:ids)', { ids: rows.map((r) => r.id) })
      .orderBy('s.financial_year', 'DESC').addOrderBy('s.name').getMany();
    const sums = new Map(rows.map((r) => [r.id, { budget: penceFromSql(r.budget), committed: penceFromSql(r.committed), spent: penceFromSql(r.spent) }]));
    return streams.map((s) => Object.assign(s, { scopedSummary: sums.get(s.id)! }));
  }

  async create(viewer: Viewer, input: CreateFundingStreamInput, origin: RequestOrigin, now: Date,
    inputProblems: readonly UserError[] = []): Promise<CreateStreamResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const checked = await this.check(manager, viewer, input, inputProblems);
      const [row] = await manager.query(
        `INSERT INTO funding_stream (partnership_id, name, description, funder_kind, funder_name, funder_organisation_id, financial_year,
           year_starts_at, year_ends_at, audience, eligible_sectors, purposes, pooled, managing_organisation_id, created_by_person_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (partnership_id, financial_year, name) DO NOTHING RETURNING id`,
        [viewer.partnershipId, input.name.trim(), input.description ?? '', input.funderKind, checked.funderName, input.funderOrganisationId ?? null,
          checked.year.label, checked.year.start, checked.year.end, input.audience ?? 'both', [...new Set(input.eligibleSectors ?? [])],
          [...new Set(input.purposes ?? [])], !!input.pooled, input.managingOrganisationId, viewer.personId, now]);
      if (!row) {
        refuse(['input', 'name'], `There is already a stream called "${input.name.trim()}" in ${checked.year.label}.`, 'DUPLICATE');
      }
      const postings = input.pooled
        ? checked.contributions.map((c) => ({ kind: 'contribution' as const, organisationId: c.organisationId, amount: c.pence }))
        : [{ kind: 'budget' as const, organisationId: input.funderOrganisationId ?? input.managingOrganisationId, amount: checked.amount }];
      for (const p of postings) {
        const posted = await postEntry(manager, {
          partnershipId: viewer.partnershipId, streamId: row.id, kind: p.kind, amountPence: p.amount, effects: effectsOf(p.kind, p.amount),
          organisationId: p.organisationId, occurredAt: checked.year.start, reason: p.kind === 'budget' ? 'Stream set up' : 'Contribution pledged at set-up',
          recordedByPersonId: viewer.personId, recordedAt: now,
        }, origin);
        if (!posted.ok) throw new Error(`funding: set-up posting refused: ${posted.problem}`);
      }
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'funding.stream_created',
        subjectType: 'funding_stream', subjectId: row.id,
        details: { name: input.name.trim(), financialYear: checked.year.label, amountPence: checked.amount, pooled: !!input.pooled } });
      return manager.getRepository(FundingStreamEntity).findOneByOrFail({ id: row.id });
    }));
    return { fundingStream: result, userErrors };
  }

  /** Every mistake at once, each on its field. Ids of another partnership are answered as unknown. */
  private async check(manager: EntityManager, viewer: Viewer, input: CreateFundingStreamInput, inputProblems: readonly UserError[]) {
    const errors: UserError[] = [];
    const year = parseFinancialYear(input.financialYear.trim());
    if (!year) errors.push(financialYearError(['input', 'financialYear']));
    const amount = parsePounds(input.amount);
    if (!amount.ok) errors.push(userError(['input', 'amount'], amount.message, amount.code));

    const orgIds = [input.managingOrganisationId, input.funderOrganisationId, ...(input.contributions ?? []).map((c) => c.organisationId)]
      .filter((id): id is string => !!id && isUuid(id));
    const known: Array<{ id: string; name: string }> = await manager.query(
      'SELECT id, name FROM organisation WHERE partnership_id = $1 AND id = ANY($2::uuid[])', [viewer.partnershipId, orgIds]);
    const names = new Map(known.map((o) => [o.id, o.name]));
    const unknown = (field: string[], message: string) => errors.push(userError(field, message, 'NOT_FOUND'));
    if (!names.has(input.managingOrganisationId)) unknown(['input', 'managingOrganisationId'], 'There is no such organisation in your partnership.');

    let funderName = input.funderName?.trim() ?? '';
    if (input.funderKind === FunderKind.PARTNER) {
      if (!input.funderOrganisationId) errors.push(userError(['input', 'funderOrganisationId'], 'Choose the partner organisation that funds the stream.', 'REQUIRED'));
      else if (!names.has(input.funderOrganisationId)) unknown(['input', 'funderOrganisationId'], 'There is no such organisation in your partnership.');
      else funderName = names.get(input.funderOrganisationId)!;
    } else {
      if (input.funderOrganisationId) errors.push(userError(['input', 'funderOrganisationId'], 'Only a PARTNER funder is an organisation of the partnership: leave this empty.', 'NOT_ALLOWED'));
      if (!funderName) errors.push(userError(['input', 'funderName'], 'Enter the funder\'s name.', 'REQUIRED'));
    }

    const contributions = (input.contributions ?? []).map((c, i) => {
      const parsed = parsePounds(c.amount);
      if (!parsed.ok) errors.push(userError(['input', 'contributions', String(i), 'amount'], parsed.message, parsed.code));
      if (!names.has(c.organisationId)) unknown(['input', 'contributions', String(i), 'organisationId'], 'There is no such organisation in your partnership.');
      return { organisationId: c.organisationId, pence: parsed.ok ? parsed.pence : 0 };
    });
    if (input.pooled) {
      if (!contributions.length) errors.push(userError(['input', 'contributions'], 'A pooled stream needs each partner\'s contribution.', 'REQUIRED'));
      const seen = new Set<string>();
      contributions.forEach((c, i) => {
        if (seen.has(c.organisationId)) errors.push(userError(['input', 'contributions', String(i), 'organisationId'], 'List each partner once.', 'DUPLICATE'));
        seen.add(c.organisationId);
      });
      const total = contributions.reduce((sum, c) => sum + c.pence, 0);
      if (amount.ok && contributions.length && contributions.every((c) => c.pence > 0) && total !== amount.pence) {
        errors.push(userError(['input', 'contributions'], `The contributions add up to ${formatPence(total)}, but the amount is ${formatPence(amount.pence)}.`, 'CONTRIBUTIONS_MISMATCH'));
      }
    } else if (contributions.length) {
      errors.push(userError(['input', 'contributions'], 'Only a pooled stream has contributions: mark it pooled or leave them out.', 'NOT_ALLOWED'));
    }
    if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));
    return { year: year!, amount: (amount as { pence: number }).pence, funderName, contributions };
  }
}
