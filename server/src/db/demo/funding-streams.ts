import { financialYearOf, financialYearStarting, type FinancialYear } from '@portal/domain';
import type { DemoCourse } from './courses';
import { organisationOf, type Tenancy } from './organisations';
import type { FundingStreamSpec, PartnershipSpec } from './partnership-spec';
import type { Rng } from './prng';
import type { FundingStreamRow, Sector } from './rows';
import type { DemoSession } from './sessions';

/**
 * The partnership's funding streams for the financial year of `now` and the one before, and
 * which of them pays for what: every paid course is charged to its stream of the current year;
 * a session of the previous year is charged to the same stream's previous-year twin (through
 * training_session.funding_stream_id). Sessions of next year keep no stream of their own, so they
 * fall back to their course's, the current year's, as booking-ledger.ts would charge them:
 * next year's budgets are not set yet.
 */
export interface DemoStream {
  row: FundingStreamRow;
  spec: FundingStreamSpec;
  year: FinancialYear;
  current: boolean;
  /** The paid courses charged to it (the same courses in both years). */
  courses: DemoCourse[];
  /** Free courses whose delivery it pays for by invoice. */
  delivered: DemoCourse[];
  /** Organisations its hand-recorded entries may name. */
  organisationIds: string[];
}

/** Last year's budgets were a little smaller. */
const PREVIOUS_YEAR_FACTOR = 0.94;

function fundingYears(now: Date, startMonth: number): { current: FinancialYear; previous: FinancialYear } {
  const current = financialYearOf(now, startMonth);
  return { current, previous: financialYearStarting(current.startYear - 1, startMonth) };
}

/** Whole pounds to pence, rounded to £500 for the previous year's smaller figures. */
export function nominalPence(pounds: number, current: boolean): number {
  return current ? pounds * 100 : Math.round((pounds * PREVIOUS_YEAR_FACTOR) / 500) * 500 * 100;
}

function fits(stream: FundingStreamSpec, course: DemoCourse, tenancy: Tenancy): boolean {
  const c = course.row;
  if (stream.audience !== 'both' && stream.audience !== c.audience) return false;
  const sectors = stream.sectors ?? [];
  if (sectors.length === 0) return true;
  const courseSectors: readonly string[] = c.visibility === 'organisation'
    ? [tenancy.organisations.find((o) => o.id === c.visibility_organisation_id)!.sector]
    : c.eligible_sectors;
  return courseSectors.length > 0 && courseSectors.every((s) => sectors.includes(s as Sector));
}

function checkSpec(spec: PartnershipSpec, tenancy: Tenancy, courses: readonly DemoCourse[]): void {
  const fail = (message: string): never => {
    throw new Error(`demo funding of ${spec.slug}: ${message}`);
  };
  const names = new Set<string>();
  for (const stream of spec.funding) {
    if (names.has(stream.name)) fail(`two streams are called "${stream.name}"`);
    names.add(stream.name);
    if ((stream.pounds === undefined) === (stream.contributions === undefined)) fail(`"${stream.name}" needs pounds or contributions, not both`);
    if (stream.funderKind === 'partner') organisationOf(tenancy, stream.funder);
    organisationOf(tenancy, stream.managedBy);
    for (const code of [...(stream.organisations ?? []), ...(stream.contributions ?? []).map((c) => c.code)]) organisationOf(tenancy, code);
    if ((stream.courses ?? []).length > 0 && stream.years === 'current') fail(`"${stream.name}" pays for courses, so it runs both years`);
    if (stream.allocations.some((a) => !a.includes('{course}') && !a.includes('{organisation}'))) {
      fail(`each allocation of "${stream.name}" names a {course} or an {organisation}`);
    }
    for (const title of [...(stream.courses ?? []), ...(stream.delivers ?? [])]) {
      if (!spec.courses.some((t) => t.title === title)) fail(`"${stream.name}" names a course not in the catalogue: "${title}"`);
    }
  }
  for (const course of courses) {
    if (course.row.cost_per_place_pence <= 0) continue;
    const payers = spec.funding.filter((s) => s.courses?.includes(course.template.title));
    if (payers.length !== 1) fail(`paid course "${course.template.title}" needs exactly one stream, has ${payers.length}`);
    if (!fits(payers[0], course, tenancy)) fail(`"${payers[0].name}" may not pay for "${course.row.title}" (audience or sectors)`);
  }
}

function organisationsFor(stream: FundingStreamSpec, tenancy: Tenancy): string[] {
  if (stream.organisations) return stream.organisations.map((code) => organisationOf(tenancy, code).id);
  const sectors: readonly string[] = stream.sectors ?? [];
  return tenancy.organisations
    .filter((o) => (sectors.length === 0 || sectors.includes(o.sector))
      && (stream.audience === 'volunteers' ? o.volunteer_headcount > 0 : o.staff_headcount > 0))
    .map((o) => o.id);
}

/**
 * Builds the streams and sets course.funding_stream_id and (previous year) training_session.
 * funding_stream_id. Running totals, creator and creation time are filled in by the ledger.
 */
export function buildFundingStreams(spec: PartnershipSpec, tenancy: Tenancy, courses: readonly DemoCourse[],
  sessions: readonly DemoSession[], rng: Rng, now: Date): DemoStream[] {
  checkSpec(spec, tenancy, courses);
  const years = fundingYears(now, tenancy.partnership.financial_year_start_month);
  const streams: DemoStream[] = [];
  for (const stream of spec.funding) {
    const paid = courses.filter((c) => c.row.cost_per_place_pence > 0 && stream.courses?.includes(c.template.title));
    const delivered = courses.filter((c) => c.row.cost_per_place_pence === 0 && stream.delivers?.includes(c.template.title));
    const inYears = stream.years === 'current' ? [years.current] : [years.previous, years.current];
    for (const year of inYears) {
      const row: FundingStreamRow = {
        id: rng.uuid(),
        partnership_id: tenancy.partnership.id,
        name: stream.name,
        description: stream.description,
        funder_kind: stream.funderKind,
        funder_name: stream.funderKind === 'partner' ? organisationOf(tenancy, stream.funder).name : stream.funder,
        funder_organisation_id: stream.funderKind === 'partner' ? organisationOf(tenancy, stream.funder).id : null,
        financial_year: year.label,
        year_starts_at: year.start,
        year_ends_at: year.end,
        audience: stream.audience,
        eligible_sectors: [...(stream.sectors ?? [])],
        purposes: [...stream.purposes],
        pooled: stream.contributions !== undefined,
        managing_organisation_id: organisationOf(tenancy, stream.managedBy).id,
        budget_pence: 0,
        committed_pence: 0,
        spent_pence: 0,
        entry_count: 0,
        created_by_person_id: null,
        created_at: now,
      };
      streams.push({ row, spec: stream, year, current: year === years.current, courses: paid, delivered,
        organisationIds: organisationsFor(stream, tenancy) });
    }
  }
  const currentOf = new Map<string, string>();
  const previousOf = new Map<string, string>();
  for (const s of streams) {
    for (const course of s.courses) (s.current ? currentOf : previousOf).set(course.row.id, s.row.id);
  }
  for (const course of courses) {
    if (course.row.cost_per_place_pence > 0) course.row.funding_stream_id = currentOf.get(course.row.id)!;
  }
  for (const session of sessions) {
    const previous = previousOf.get(session.course.row.id);
    // Sessions of the years before the current one (a few days of the year before last included) are last year's.
    if (previous !== undefined && session.row.starts_at < years.current.start) session.row.funding_stream_id = previous;
  }
  return streams;
}
