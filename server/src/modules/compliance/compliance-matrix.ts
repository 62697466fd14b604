import { complianceStatusOn, complianceToday, COMPLIANCE_STATES, countsAsCompliant, type ComplianceResult, type ComplianceState } from '@portal/domain';
import type { PersonFacts, RequirementFacts, RuleFacts, SubjectFacts } from './compliance-facts.queries';

/**
 * The compliance picture built from the facts (compliance-facts.queries.ts) by the domain rule:
 * no SQL here, so its cost is the two statements that read the facts, whatever the size.
 *
 * - A person needs a subject when a requirement of their organisation matches them (every
 *   criterion it gives: staff or volunteer, job title, team, compared without case); of one
 *   subject's levels only the highest they need is kept (it covers the lower ones).
 * - Completions at any partner count wherever the person works now, except those made while at an
 *   organisation whose completions of that subject the person's organisation refuses: those are
 *   shown with the reason when they would have counted, never counted.
 */

export interface RefusedCompletion { fromOrganisationName: string; completedOn: string; reason: string }

export interface ComplianceCellValue extends ComplianceResult {
  subjectCode: string;
  renewalMonths: number;
  refused: RefusedCompletion | null;
}

export interface ComplianceRowValue { person: PersonFacts; cells: ComplianceCellValue[] }

export interface SubjectTotals {
  subject: SubjectFacts;
  /** The renewal period of the first organisation in the picture that set one, else the framework's. */
  renewalMonths: number;
  required: number;
  counts: Record<ComplianceState, number>;
}

export interface ComplianceMatrixValue {
  subjects: SubjectTotals[];
  rows: ComplianceRowValue[];
  requirements: RequirementFacts[];
  refusals: RuleFacts['refusals'];
}

const same = (a: string | null, b: string | null) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

export function requirementMatches(requirement: RequirementFacts, person: PersonFacts): boolean {
  return requirement.organisationId === person.organisationId
    && (requirement.personKind === null || requirement.personKind === person.kind)
    && (requirement.jobTitle === null || same(requirement.jobTitle, person.jobTitle))
    && (requirement.team === null || same(requirement.team, person.team));
}

/** The subject codes a person needs: the highest level of each subject their requirements name. */
export function requiredCodes(person: PersonFacts, requirements: readonly RequirementFacts[], subjectsByCode: Map<string, SubjectFacts>): string[] {
  const highest = new Map<string, SubjectFacts>();
  for (const requirement of requirements) {
    if (!requirementMatches(requirement, person)) continue;
    const subject = subjectsByCode.get(requirement.subjectCode);
    if (!subject) continue;
    const held = highest.get(subject.subject);
    if (!held || (subject.level ?? 1) > (held.level ?? 1)) highest.set(subject.subject, subject);
  }
  return [...highest.values()].map((subject) => subject.code);
}

export function emptyCounts(): Record<ComplianceState, number> {
  return Object.fromEntries(COMPLIANCE_STATES.map((state) => [state, 0])) as Record<ComplianceState, number>;
}

/** The rules read once for a whole matrix: each organisation's requirements and refusals, the subjects by code. */
export interface IndexedRules {
  rules: RuleFacts;
  subjectsByCode: Map<string, SubjectFacts>;
  requirementsOf: Map<string, RequirementFacts[]>;
  refusalsOf: Map<string, Map<string, RuleFacts['refusals'][number]>>;
}

export function indexRules(rules: RuleFacts): IndexedRules {
  const requirementsOf = new Map<string, RequirementFacts[]>();
  for (const r of rules.requirements) requirementsOf.set(r.organisationId, [...(requirementsOf.get(r.organisationId) ?? []), r]);
  const refusalsOf = new Map<string, Map<string, RuleFacts['refusals'][number]>>();
  for (const r of rules.refusals) {
    if (!refusalsOf.has(r.organisationId)) refusalsOf.set(r.organisationId, new Map());
    refusalsOf.get(r.organisationId)!.set(`${r.fromOrganisationId}|${r.subjectCode}`, r);
  }
  return { rules, subjectsByCode: new Map(rules.subjects.map((s) => [s.code, s])), requirementsOf, refusalsOf };
}

const NO_REFUSALS = new Map<string, RuleFacts['refusals'][number]>();

export function buildComplianceCells(person: PersonFacts, indexed: IndexedRules, today: string): ComplianceCellValue[] {
  const { rules, subjectsByCode } = indexed;
  const refused = (person.organisationId && indexed.refusalsOf.get(person.organisationId)) || NO_REFUSALS;
  const completions = person.completions.flatMap((completion) => {
    const subject = subjectsByCode.get(completion.code);
    return subject ? [{ ...completion, subject: subject.subject, level: subject.level }] : [];
  });
  return requiredCodes(person, (person.organisationId && indexed.requirementsOf.get(person.organisationId)) || [], subjectsByCode).map((code) => {
    const subject = subjectsByCode.get(code)!;
    const renewalMonths = (person.organisationId && rules.renewalPeriods.get(person.organisationId)?.get(code)) || subject.renewalMonths;
    const required = { subject: subject.subject, level: subject.level, renewalMonths };
    const refusalOf = (c: (typeof completions)[number]) => (c.fromOrganisationId && c.fromOrganisationId !== person.organisationId
      ? refused.get(`${c.fromOrganisationId}|${code}`) ?? null : null);
    const accepted = completions.filter((c) => !refusalOf(c));
    const result = complianceStatusOn(required, accepted, today);
    const all = complianceStatusOn(required, completions, today);
    let refusedCompletion: RefusedCompletion | null = null;
    if (all.completedOn && all.completedOn !== result.completedOn) {
      const deciding = completions.find((c) => c.completedOn === all.completedOn && refusalOf(c))!;
      const refusal = refusalOf(deciding)!;
      refusedCompletion = { fromOrganisationName: refusal.fromOrganisationName, completedOn: deciding.completedOn, reason: refusal.reason };
    }
    return { ...result, subjectCode: code, renewalMonths, refused: refusedCompletion };
  });
}

export interface MatrixFilter { subjectCode?: string | null; status?: ComplianceState | null; team?: string | null }

export function buildComplianceMatrix(people: readonly PersonFacts[], rules: RuleFacts, now: Date, timeZone: string, filter: MatrixFilter = {}): ComplianceMatrixValue {
  const indexed = indexRules(rules);
  const { subjectsByCode } = indexed;
  const inTeam = filter.team ? people.filter((p) => same(p.team, filter.team!)) : people;
  const today = complianceToday(now, timeZone);
  let rows = inTeam.map((person) => ({ person, cells: buildComplianceCells(person, indexed, today) }));
  if (filter.subjectCode) {
    rows = rows.map((row) => ({ ...row, cells: row.cells.filter((cell) => cell.subjectCode === filter.subjectCode) }))
      .filter((row) => row.cells.length > 0);
  }
  const totals = new Map<string, SubjectTotals>();
  for (const row of rows) {
    for (const cell of row.cells) {
      let total = totals.get(cell.subjectCode);
      if (!total) {
        total = { subject: subjectsByCode.get(cell.subjectCode)!, renewalMonths: cell.renewalMonths, required: 0, counts: emptyCounts() };
        totals.set(cell.subjectCode, total);
      }
      total.required += 1;
      total.counts[cell.state] += 1;
    }
  }
  if (filter.status) rows = rows.filter((row) => row.cells.some((cell) => cell.state === filter.status));
  const order = rules.subjects.map((s) => s.code);
  const subjects = [...totals.values()].sort((a, b) => order.indexOf(a.subject.code) - order.indexOf(b.subject.code));
  return { subjects, rows, requirements: rules.requirements, refusals: rules.refusals };
}

/** Share of required subject places that are done and unexpired, 0 to 1; null when nothing is required. */
export function compliantShare(counts: Record<ComplianceState, number>): number | null {
  const required = COMPLIANCE_STATES.reduce((sum, state) => sum + counts[state], 0);
  if (!required) return null;
  return COMPLIANCE_STATES.filter(countsAsCompliant).reduce((sum, state) => sum + counts[state], 0) / required;
}
