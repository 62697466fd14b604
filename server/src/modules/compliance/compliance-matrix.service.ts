import type { DataSource } from 'typeorm';
import { stringify } from 'csv-stringify/sync';
import { complianceToday, COMPLIANCE_STATE_LABELS, type ComplianceState } from '@portal/domain';
import { neutraliseFormula } from '../funding/funding-export.format';
import { sectorLabel } from '@portal/domain';
import { cursorArgument, keysetPage, type KeysetPage } from '../../graphql/keyset-cursor';
import { isUuid } from '../../graphql/uuid';
import { complianceRules, matrixPeoplePage, matrixTotals, partnershipCounts, type CellsQuery, type OrganisationCounts, type PeopleScope, type RuleFacts,
  type SubjectFacts } from './compliance-facts.queries';
import { buildComplianceCells, compliantShare, emptyCounts, indexRules, type ComplianceRowValue, type IndexedRules, type MatrixFilter } from './compliance-matrix';
import type { ComplianceCounts, ComplianceMatrix, ComplianceRow, ComplianceShare, ComplianceSummary } from './compliance.types';
import type { ComplianceStatus, PersonKind } from './compliance.enums';

const TIME_ZONE = 'Europe/London';

export function countsOf(counts: Record<ComplianceState, number>): ComplianceCounts {
  const share = compliantShare(counts);
  return {
    required: Object.values(counts).reduce((a, b) => a + b, 0),
    compliant: counts.COMPLIANT, expiring90: counts.EXPIRING_90, expiring60: counts.EXPIRING_60, expiring30: counts.EXPIRING_30,
    overdue: counts.OVERDUE, neverDone: counts.NEVER_DONE,
    compliantPercent: share === null ? null : Math.round(share * 1000) / 10,
  };
}

/** The CSV's header line for these columns. */
export function matrixCsvHeader(subjects: readonly { name: string }[]): string {
  return stringify([['Name', 'Job title', 'Team', ...subjects.flatMap((s) => [`${s.name}: status`, `${s.name}: expires`])]]);
}

/** CSV lines for rows of the matrix, one per person, a status and expiry per column. */
export function matrixCsvLines(subjects: readonly SubjectFacts[], rows: readonly ComplianceRowValue[]): string {
  const lines = rows.map((row) => {
    const byCode = new Map(row.cells.map((c) => [c.subjectCode, c]));
    return [row.person.name, row.person.jobTitle ?? '', row.person.team ?? '', ...subjects.flatMap((s) => {
      const cell = byCode.get(s.code);
      if (!cell) return ['Not required', ''];
      return [COMPLIANCE_STATE_LABELS[cell.state] + (cell.refused ? ` (${cell.refused.fromOrganisationName}'s completion not accepted: ${cell.refused.reason})` : ''),
        cell.expiresOn ?? ''];
    })].map(neutraliseFormula);
  });
  return lines.length ? stringify(lines) : '';
}

function rowOf({ person, cells }: ComplianceRowValue): ComplianceRow {
  return {
    personId: person.id, name: person.name, jobTitle: person.jobTitle, team: person.team, kind: person.kind as PersonKind,
    cells: cells.map((cell) => ({ subjectCode: cell.subjectCode, status: cell.state as ComplianceStatus, completedOn: cell.completedOn,
      expiresOn: cell.expiresOn, daysLeft: cell.daysLeft, renewalMonths: cell.renewalMonths, refused: cell.refused })),
  };
}

/** What a matrix's rows are read from: set when its totals are, read again by the rows, the page and the CSV. */
export interface MatrixSource {
  query: CellsQuery; rules: RuleFacts; indexed: IndexedRules; subjects: SubjectFacts[];
  /** Every row, read once in one statement when `rows` or the `csv` field asks. */
  everyRow?: Promise<ComplianceRowValue[]>;
}

const personCursorChecks = [(name: string) => name.length <= 400, isUuid];

/** A page of rows may ask for 1 to MAX_MATRIX_PAGE; with none, DEFAULT_MATRIX_PAGE. */
export const DEFAULT_MATRIX_PAGE = 50;
export const MAX_MATRIX_PAGE = 200;
/** The CSV and the whole list are read in pages of this many. */
const BATCH = 500;

/**
 * The compliance pictures. A matrix is its totals, one set-based statement by the SQL form of the
 * rule (compliance-cells.sql.ts) over the whole filtered organisation, and its rows, read a page
 * at a time (keyset by name and id) and built by the pure rule; the CSV is read in pages only when
 * asked (the download route). The partnership's percentages are one grouped statement. Read-only,
 * so they tolerate a read replica's lag.
 */
export class ComplianceMatrixService {
  constructor(private readonly dataSource: DataSource) {}

  async organisationMatrix(partnershipId: string, organisation: { id: string }, now: Date, filter: MatrixFilter): Promise<ComplianceMatrix> {
    const rules = await complianceRules(this.dataSource.manager, partnershipId, [organisation.id]);
    return this.matrix({ kind: 'organisation', partnershipId, organisationId: organisation.id }, rules, organisation, now, filter);
  }

  async teamMatrix(partnershipId: string, managerId: string, now: Date, filter: MatrixFilter): Promise<ComplianceMatrix> {
    const rules = await complianceRules(this.dataSource.manager, partnershipId, { managerId });
    return this.matrix({ kind: 'reports', partnershipId, managerId }, rules, null, now, filter);
  }

  private async matrix(scope: PeopleScope, rules: RuleFacts, organisation: { id: string } | null, now: Date, filter: MatrixFilter): Promise<ComplianceMatrix> {
    const today = complianceToday(now, TIME_ZONE);
    const query: CellsQuery = { scope, today, team: filter.team, subjectCode: filter.subjectCode, status: filter.status };
    const facts = await matrixTotals(this.dataSource.manager, query);
    const counts = new Map<string, Record<ComplianceState, number>>();
    for (const { code, state, n } of facts.counts) {
      if (!counts.has(code)) counts.set(code, emptyCounts());
      counts.get(code)![state as ComplianceState] += n;
    }
    const months = new Map(facts.columns.map((c) => [c.code, c.renewalMonths]));
    const subjects = rules.subjects.filter((s) => counts.has(s.code));
    const all = emptyCounts();
    for (const byState of counts.values()) for (const [state, n] of Object.entries(byState)) all[state as ComplianceState] += n;
    const organisationId = organisation?.id ?? null;
    const own = organisationId ? rules.renewalPeriods.get(organisationId) : undefined;
    const source: MatrixSource = { query, rules, indexed: indexRules(rules), subjects };
    return {
      organisation,
      today,
      subjects: subjects.map((s) => ({ subject: s, renewalMonths: months.get(s.code) ?? s.renewalMonths, totals: countsOf(counts.get(s.code)!) })),
      totals: countsOf(all),
      rowCount: facts.rowCount,
      teams: [...facts.teams].sort((a, b) => a.localeCompare(b)),
      requirements: organisationId ? rules.requirements.map((r) => ({ id: r.id, subjectCode: r.subjectCode, personKind: r.personKind as PersonKind | null,
        jobTitle: r.jobTitle, team: r.team })) : [],
      refusals: rules.refusals.map((r) => ({ fromOrganisationId: r.fromOrganisationId, fromOrganisationName: r.fromOrganisationName,
        subjectCode: r.subjectCode, reason: r.reason })),
      renewalPeriods: organisationId ? rules.subjects.map((s) => ({ subjectCode: s.code, renewalMonths: own?.get(s.code) ?? s.renewalMonths, own: own?.has(s.code) ?? false })) : [],
      source,
    };
  }

  /** Rows after `after` (name, id), built by the pure rule; `limit` people read, so limit = first + 1 tells whether more follow. */
  private async rowValues(source: MatrixSource, after: readonly [string, string] | null, limit: number | null): Promise<ComplianceRowValue[]> {
    const people = await matrixPeoplePage(this.dataSource.manager, source.query, after, limit);
    const { subjectCode } = source.query;
    return people.map((person) => {
      const cells = buildComplianceCells(person, source.indexed, source.query.today);
      return { person, cells: subjectCode ? cells.filter((cell) => cell.subjectCode === subjectCode) : cells };
    });
  }

  /** One page of rows: keyset by name then id, the filters applied, one statement whatever the size. */
  async page(source: MatrixSource, args: { first: number; after?: string | null }): Promise<KeysetPage<ComplianceRow>> {
    const cursor = cursorArgument(args.after, personCursorChecks);
    const rows = await this.rowValues(source, cursor ? [cursor[0], cursor[1]] : null, args.first + 1);
    return keysetPage(rows, args.first, (row) => [row.person.name, row.person.id], rowOf);
  }

  /** Every row, in pages of BATCH (the deprecated `rows`, and the CSV's lines). */
  async *batches(source: MatrixSource): AsyncGenerator<ComplianceRowValue[]> {
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await this.rowValues(source, after, BATCH);
      if (rows.length) yield rows;
      if (rows.length < BATCH) return;
      const last = rows.at(-1)!.person;
      after = [last.name, last.id];
    }
  }

  /** Every row in one statement, shared by the deprecated `rows` and `csv` fields of one matrix. */
  private everyRow(source: MatrixSource): Promise<ComplianceRowValue[]> {
    source.everyRow ??= this.rowValues(source, null, null);
    return source.everyRow;
  }

  async allRows(source: MatrixSource): Promise<ComplianceRow[]> {
    return (await this.everyRow(source)).map(rowOf);
  }

  /** The whole CSV as one text (the deprecated `csv` field). */
  async csvText(source: MatrixSource): Promise<string> {
    return matrixCsvHeader(source.subjects) + matrixCsvLines(source.subjects, await this.everyRow(source));
  }

  /** The CSV as text chunks: the header, then a chunk per batch of rows. */
  async *csv(source: MatrixSource): AsyncGenerator<string> {
    yield matrixCsvHeader(source.subjects);
    for await (const batch of this.batches(source)) yield matrixCsvLines(source.subjects, batch);
  }

  /** Every organisation of the partnership: counts by organisation and by sector, no person named; one statement. */
  async summary(partnershipId: string, now: Date): Promise<ComplianceSummary> {
    const today = complianceToday(now, TIME_ZONE);
    const rows = await partnershipCounts(this.dataSource.manager, partnershipId, today);
    const countsOfRow = (row: OrganisationCounts) => {
      const counts = emptyCounts();
      for (const [state, n] of Object.entries(row.counts)) counts[state as ComplianceState] += n;
      return counts;
    };
    const organisations: ComplianceShare[] = rows.map((o) => ({ organisationId: o.id, name: o.name, sector: o.sector, people: o.people,
      totals: countsOf(countsOfRow(o)) }));
    const sectors = new Map<string, { counts: Record<ComplianceState, number>; people: number }>();
    const all = emptyCounts();
    for (const o of rows) {
      if (!o.hasPeople) continue;
      if (!sectors.has(o.sector)) sectors.set(o.sector, { counts: emptyCounts(), people: 0 });
      const sector = sectors.get(o.sector)!;
      sector.people += o.people;
      for (const [state, n] of Object.entries(countsOfRow(o))) {
        sector.counts[state as ComplianceState] += n;
        all[state as ComplianceState] += n;
      }
    }
    return {
      today,
      totals: countsOf(all),
      organisations,
      sectors: [...sectors.entries()].map(([sector, entry]) => ({ organisationId: null, name: sectorLabel(sector), sector, people: entry.people,
        totals: countsOf(entry.counts) })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
}
