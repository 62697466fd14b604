import type { DataSource } from 'typeorm';
import { stringify } from 'csv-stringify/sync';
import { complianceToday, COMPLIANCE_STATE_LABELS, type ComplianceState } from '@portal/domain';
import { neutraliseFormula } from '../funding/funding-export.format';
import { sectorLabel } from '@portal/domain';
import { complianceRules, peopleWithCompletions, type PeopleScope, type RuleFacts } from './compliance-facts.queries';
import { buildComplianceMatrix, compliantShare, emptyCounts, type ComplianceMatrixValue, type MatrixFilter } from './compliance-matrix';
import type { ComplianceCounts, ComplianceMatrix, ComplianceShare, ComplianceSummary } from './compliance.types';
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

function matrixCsv(value: ComplianceMatrixValue): string {
  const subjects = value.subjects.map((s) => s.subject);
  const header = ['Name', 'Job title', 'Team', ...subjects.flatMap((s) => [`${s.name}: status`, `${s.name}: expires`])];
  const lines = value.rows.map((row) => {
    const byCode = new Map(row.cells.map((c) => [c.subjectCode, c]));
    return [row.person.name, row.person.jobTitle ?? '', row.person.team ?? '', ...subjects.flatMap((s) => {
      const cell = byCode.get(s.code);
      if (!cell) return ['Not required', ''];
      return [COMPLIANCE_STATE_LABELS[cell.state] + (cell.refused ? ` (${cell.refused.fromOrganisationName}'s completion not accepted: ${cell.refused.reason})` : ''),
        cell.expiresOn ?? ''];
    })].map(neutraliseFormula);
  });
  return stringify([header, ...lines]);
}

function toMatrix(value: ComplianceMatrixValue, rules: RuleFacts, organisation: unknown, people: readonly { team: string | null }[], today: string,
  organisationId: string | null): ComplianceMatrix {
  const all = emptyCounts();
  for (const subject of value.subjects) for (const [state, n] of Object.entries(subject.counts)) all[state as ComplianceState] += n;
  const own = organisationId ? rules.renewalPeriods.get(organisationId) : undefined;
  return {
    organisation,
    today,
    subjects: value.subjects.map((s) => ({ subject: s.subject, renewalMonths: s.renewalMonths, totals: countsOf(s.counts) })),
    rows: value.rows.map(({ person, cells }) => ({
      personId: person.id, name: person.name, jobTitle: person.jobTitle, team: person.team, kind: person.kind as PersonKind,
      cells: cells.map((cell) => ({ subjectCode: cell.subjectCode, status: cell.state as ComplianceStatus, completedOn: cell.completedOn,
        expiresOn: cell.expiresOn, daysLeft: cell.daysLeft, renewalMonths: cell.renewalMonths, refused: cell.refused })),
    })),
    totals: countsOf(all),
    teams: [...new Set(people.flatMap((p) => (p.team ? [p.team] : [])))].sort((a, b) => a.localeCompare(b)),
    requirements: organisationId ? value.requirements.map((r) => ({ id: r.id, subjectCode: r.subjectCode, personKind: r.personKind as PersonKind | null,
      jobTitle: r.jobTitle, team: r.team })) : [],
    refusals: value.refusals.map((r) => ({ fromOrganisationId: r.fromOrganisationId, fromOrganisationName: r.fromOrganisationName,
      subjectCode: r.subjectCode, reason: r.reason })),
    renewalPeriods: organisationId ? rules.subjects.map((s) => ({ subjectCode: s.code, renewalMonths: own?.get(s.code) ?? s.renewalMonths, own: own?.has(s.code) ?? false })) : [],
    csv: matrixCsv(value),
  };
}

/**
 * The compliance pictures, each from compliance-facts.queries.ts's two statements: an
 * organisation's matrix, a line manager's team's, and the partnership's percentages.
 * Read-only, so they tolerate a read replica's lag.
 */
export class ComplianceMatrixService {
  constructor(private readonly dataSource: DataSource) {}

  async organisationMatrix(partnershipId: string, organisation: { id: string }, now: Date, filter: MatrixFilter): Promise<ComplianceMatrix> {
    const manager = this.dataSource.manager;
    const people = await peopleWithCompletions(manager, { kind: 'organisation', partnershipId, organisationId: organisation.id });
    const rules = await complianceRules(manager, partnershipId, [organisation.id]);
    const value = buildComplianceMatrix(people, rules, now, TIME_ZONE, filter);
    return toMatrix(value, rules, organisation, people, complianceToday(now, TIME_ZONE), organisation.id);
  }

  async teamMatrix(partnershipId: string, managerId: string, now: Date, filter: MatrixFilter): Promise<ComplianceMatrix> {
    const manager = this.dataSource.manager;
    const people = await peopleWithCompletions(manager, { kind: 'reports', partnershipId, managerId });
    const organisations = [...new Set(people.flatMap((p) => (p.organisationId ? [p.organisationId] : [])))];
    const rules = await complianceRules(manager, partnershipId, organisations);
    const value = buildComplianceMatrix(people, rules, now, TIME_ZONE, filter);
    return toMatrix(value, rules, null, people, complianceToday(now, TIME_ZONE), null);
  }

  /** Every organisation of the partnership: counts by organisation and by sector, no person named. */
  async summary(partnershipId: string, now: Date): Promise<ComplianceSummary> {
    const manager = this.dataSource.manager;
    const scope: PeopleScope = { kind: 'partnership', partnershipId };
    const people = await peopleWithCompletions(manager, scope);
    const [{ ids }] = await manager.query('SELECT coalesce(array_agg(id), \'{}\') AS ids FROM organisation WHERE partnership_id = $1', [partnershipId]);
    const rules = await complianceRules(manager, partnershipId, ids);
    const byOrganisation = new Map<string, { counts: Record<ComplianceState, number>; people: Set<string> }>();
    const value = buildComplianceMatrix(people, rules, now, TIME_ZONE);
    for (const row of value.rows) {
      const key = row.person.organisationId!;
      if (!byOrganisation.has(key)) byOrganisation.set(key, { counts: emptyCounts(), people: new Set() });
      const entry = byOrganisation.get(key)!;
      if (row.cells.length) entry.people.add(row.person.id);
      for (const cell of row.cells) entry.counts[cell.state] += 1;
    }
    const organisations: ComplianceShare[] = rules.organisations.map((o) => {
      const entry = byOrganisation.get(o.id) ?? { counts: emptyCounts(), people: new Set<string>() };
      return { organisationId: o.id, name: o.name, sector: o.sector, people: entry.people.size, totals: countsOf(entry.counts) };
    });
    const sectors = new Map<string, { counts: Record<ComplianceState, number>; people: number }>();
    const all = emptyCounts();
    for (const o of rules.organisations) {
      const entry = byOrganisation.get(o.id);
      if (!entry) continue;
      if (!sectors.has(o.sector)) sectors.set(o.sector, { counts: emptyCounts(), people: 0 });
      const sector = sectors.get(o.sector)!;
      sector.people += entry.people.size;
      for (const [state, n] of Object.entries(entry.counts)) {
        sector.counts[state as ComplianceState] += n;
        all[state as ComplianceState] += n;
      }
    }
    return {
      today: complianceToday(now, TIME_ZONE),
      totals: countsOf(all),
      organisations,
      sectors: [...sectors.entries()].map(([sector, entry]) => ({ organisationId: null, name: sectorLabel(sector), sector, people: entry.people,
        totals: countsOf(entry.counts) })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
}
