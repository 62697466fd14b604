import type { ColumnOption } from 'csv-stringify';
import { percentFromShare, poundsFromPence, ukDateTime } from './funding-export.format';
import { MAX_PAGE } from './ledger-entries.args';

/**
 * The tables of the funding page as CSV: the operations that fetch them (the page's own queries)
 * and how each row is written, for a person reading it in a spreadsheet: money is pounds with 2
 * decimals, ratios are percentages, codes are words ("Commitment", not COMMITMENT), times are UK
 * time (Europe/London) and every name comes before the ids, which are last.
 */

export const EXPORT_TABLES = ['totals', 'streams', 'funders', 'organisations', 'sectors', 'quarters', 'entries'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export function isExportTable(name: string): name is ExportTable {
  return (EXPORT_TABLES as readonly string[]).includes(name);
}

/** Rows per ledgerEntries page: the most the query gives (200). */
export const ENTRIES_PAGE_SIZE = MAX_PAGE;

interface MoneyData { pence: number }
export interface SumsData { budget: MoneyData; committed: MoneyData; spent: MoneyData; remaining: MoneyData }
interface BreakdownData { key: string; label: string; summary: SumsData }

export interface OverviewData {
  fundingOverview: {
    financialYear: string;
    scope: { kind: 'PARTNERSHIP' | 'ORGANISATION' };
    totals: SumsData;
    byStream: Array<{ stream: { id: string; name: string; funderName: string; funderKind: string; pooled: boolean; managingOrganisation: { name: string } }; summary: SumsData }>;
    byFunder: BreakdownData[];
    byOrganisation: BreakdownData[];
    bySector: BreakdownData[];
    byQuarter: BreakdownData[];
    costPerLearner: MoneyData | null;
    costPerLearningHour: MoneyData | null;
    seatUtilisation: number;
    noShowCost: MoneyData;
    learners: number;
    learningHours: number;
    seatsOffered: number;
    seatsUsed: number;
  };
}

export interface LedgerEntryData {
  id: string; sequence: number; kind: string; amount: MoneyData; effect: SumsData; balanceAfter: SumsData | null;
  stream: { id: string; name: string }; organisation: { name: string } | null; courseId: string | null; courseTitle: string | null;
  sessionId: string | null; bookingId: string | null; reversesEntryId: string | null; wasted: boolean;
  occurredAt: string; quarter: number; reason: string; recordedAt: string;
}

export interface EntriesPageData {
  ledgerEntries: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: LedgerEntryData }>;
  };
}

const SUMS = 'fragment ExportSums on MoneySummary { budget { pence } committed { pence } spent { pence } remaining { pence } }';
const BREAKDOWN = 'key label summary { ...ExportSums }';

export const OVERVIEW_QUERY = `query FundingExportOverview($partnershipSlug: String!, $financialYear: String!) {
  fundingOverview(partnershipSlug: $partnershipSlug, financialYear: $financialYear) {
    financialYear scope { kind } totals { ...ExportSums }
    byStream { stream { id name funderName funderKind pooled managingOrganisation { name } } summary { ...ExportSums } }
    byFunder { ${BREAKDOWN} } byOrganisation { ${BREAKDOWN} } bySector { ${BREAKDOWN} } byQuarter { ${BREAKDOWN} }
    costPerLearner { pence } costPerLearningHour { pence } seatUtilisation noShowCost { pence }
    learners learningHours seatsOffered seatsUsed
  }
}
${SUMS}`;

export const ENTRIES_QUERY = `query FundingExportEntries($partnershipSlug: String!, $financialYear: String!, $organisationId: ID, $first: Int!,
  $after: String) {
  ledgerEntries(filter: { partnershipSlug: $partnershipSlug, financialYear: $financialYear, organisationId: $organisationId }, first: $first,
    after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node {
      id sequence kind amount { pence } effect { ...ExportSums } balanceAfter { ...ExportSums }
      stream { id name } organisation { name } courseId courseTitle sessionId bookingId reversesEntryId wasted
      occurredAt quarter reason recordedAt
    } }
  }
}
${SUMS}`;

export type CsvRow = Record<string, string | number>;

const pounds = (money: MoneyData | null): string => (money ? poundsFromPence(money.pence) : '');
const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** The GraphQL enum names as words (FunderKind, LedgerEntryKind). */
const FUNDER_KIND_WORDS: Record<string, string> = {
  PARTNER: 'Partner organisation', NHS_EDUCATION: 'NHS education funding', APPRENTICESHIP_LEVY: 'Apprenticeship levy',
  COUNCIL_GRANT: 'Council grant', CHARITY_GRANT: 'Charity or trust grant', IN_KIND: 'In kind', OTHER: 'Other outside body',
};
const ENTRY_KIND_WORDS: Record<string, string> = {
  BUDGET: 'Budget', CONTRIBUTION: 'Contribution', ALLOCATION: 'Allocation', COMMITMENT: 'Commitment', RELEASE: 'Release',
  SPEND: 'Spend', ADJUSTMENT: 'Adjustment',
};
const words = (table: Record<string, string>, code: string): string => table[code] ?? code;

const SUM_COLUMNS: ColumnOption[] = [
  { key: 'budget', header: 'Budget (£)' }, { key: 'committed', header: 'Committed (£)' },
  { key: 'spent', header: 'Spent (£)' }, { key: 'remaining', header: 'Remaining (£)' },
];

function sums(summary: SumsData): CsvRow {
  return { budget: pounds(summary.budget), committed: pounds(summary.committed), spent: pounds(summary.spent), remaining: pounds(summary.remaining) };
}

/** A summary table: its columns (keys and headers) and its rows, all from one fundingOverview answer. */
export interface SummaryTable { columns: ColumnOption[]; rows: CsvRow[] }

/**
 * An organisation's own money (an L&D lead's figures) has committed and spent but no budget of a
 * stream's, so its tables leave out budget and remaining, as its page does: a £0 budget and a
 * negative remaining would be figures of no one's.
 */
const SPENDING_COLUMNS = SUM_COLUMNS.filter((column) => column.key === 'committed' || column.key === 'spent');

export function summaryTable(table: Exclude<ExportTable, 'entries'>, data: OverviewData['fundingOverview']): SummaryTable {
  // The rows keep every figure; csv-stringify writes only the columns listed.
  const sumColumns = data.scope.kind === 'ORGANISATION' ? SPENDING_COLUMNS : SUM_COLUMNS;
  const breakdown = (label: string, rows: BreakdownData[], withKey?: string): SummaryTable => ({
    columns: [{ key: 'label', header: label }, ...sumColumns, ...(withKey ? [{ key: 'key', header: withKey }] : [])],
    rows: rows.map((row) => ({ ...(withKey ? { key: row.key } : {}), label: row.label, ...sums(row.summary) })),
  });
  switch (table) {
    case 'totals':
      return {
        columns: [{ key: 'financialYear', header: 'Financial year' }, ...sumColumns,
          { key: 'costPerLearner', header: 'Cost per learner (£)' }, { key: 'costPerLearningHour', header: 'Cost per learning hour (£)' },
          { key: 'seatUtilisation', header: 'Seat utilisation (%)' }, { key: 'noShowCost', header: 'No-show cost (£)' },
          { key: 'learners', header: 'Learners' }, { key: 'learningHours', header: 'Learning hours' },
          { key: 'seatsOffered', header: 'Seats offered' }, { key: 'seatsUsed', header: 'Seats used' }],
        rows: [{
          financialYear: data.financialYear, ...sums(data.totals),
          costPerLearner: pounds(data.costPerLearner), costPerLearningHour: pounds(data.costPerLearningHour),
          seatUtilisation: percentFromShare(data.seatUtilisation), noShowCost: pounds(data.noShowCost), learners: data.learners,
          learningHours: data.learningHours, seatsOffered: data.seatsOffered, seatsUsed: data.seatsUsed,
        }],
      };
    case 'streams':
      return {
        columns: [{ key: 'name', header: 'Stream' }, { key: 'funder', header: 'Funder' },
          { key: 'funderKind', header: 'Funder kind' }, { key: 'managedBy', header: 'Managed by' }, { key: 'pooled', header: 'Pooled' },
          ...sumColumns, { key: 'id', header: 'Stream ID' }],
        rows: data.byStream.map(({ stream, summary }) => ({
          id: stream.id, name: stream.name, funder: stream.funderName, funderKind: words(FUNDER_KIND_WORDS, stream.funderKind),
          managedBy: stream.managingOrganisation.name, pooled: yesNo(stream.pooled), ...sums(summary),
        })),
      };
    case 'funders': return breakdown('Funder', data.byFunder);
    case 'organisations': return breakdown('Organisation', data.byOrganisation, 'Organisation ID');
    case 'sectors': return breakdown('Sector', data.bySector);
    case 'quarters': return breakdown('Period', data.byQuarter, 'Quarter');
  }
}

export const ENTRY_COLUMNS: ColumnOption[] = [
  { key: 'stream', header: 'Stream' }, { key: 'sequence', header: 'Entry' }, { key: 'kind', header: 'Kind' },
  { key: 'amount', header: 'Amount (£)' },
  { key: 'budgetEffect', header: 'Budget effect (£)' }, { key: 'committedEffect', header: 'Committed effect (£)' },
  { key: 'spentEffect', header: 'Spent effect (£)' }, { key: 'remainingEffect', header: 'Remaining effect (£)' },
  { key: 'budgetAfter', header: 'Budget after (£)' }, { key: 'committedAfter', header: 'Committed after (£)' },
  { key: 'spentAfter', header: 'Spent after (£)' }, { key: 'remainingAfter', header: 'Remaining after (£)' },
  { key: 'organisation', header: 'Organisation' }, { key: 'course', header: 'Course' }, { key: 'wasted', header: 'Wasted' },
  { key: 'occurredAt', header: 'Occurred at (UK time)' }, { key: 'quarter', header: 'Quarter' }, { key: 'reason', header: 'Reason' },
  { key: 'recordedAt', header: 'Recorded at (UK time)' }, { key: 'id', header: 'Entry ID' }, { key: 'streamId', header: 'Stream ID' },
  { key: 'courseId', header: 'Course ID' }, { key: 'sessionId', header: 'Session ID' }, { key: 'bookingId', header: 'Booking ID' },
  { key: 'reversesEntryId', header: 'Reverses entry ID' },
];

export function entryRow(entry: LedgerEntryData): CsvRow {
  return {
    stream: entry.stream.name, sequence: entry.sequence, kind: words(ENTRY_KIND_WORDS, entry.kind), amount: pounds(entry.amount),
    budgetEffect: pounds(entry.effect.budget), committedEffect: pounds(entry.effect.committed),
    spentEffect: pounds(entry.effect.spent), remainingEffect: pounds(entry.effect.remaining),
    budgetAfter: pounds(entry.balanceAfter?.budget ?? null), committedAfter: pounds(entry.balanceAfter?.committed ?? null),
    spentAfter: pounds(entry.balanceAfter?.spent ?? null), remainingAfter: pounds(entry.balanceAfter?.remaining ?? null),
    organisation: entry.organisation?.name ?? '', course: entry.courseTitle ?? '', wasted: yesNo(entry.wasted),
    occurredAt: ukDateTime(new Date(entry.occurredAt)), quarter: `Q${entry.quarter}`, reason: entry.reason,
    recordedAt: ukDateTime(new Date(entry.recordedAt)),
    id: entry.id, streamId: entry.stream.id, courseId: entry.courseId ?? '', sessionId: entry.sessionId ?? '',
    bookingId: entry.bookingId ?? '', reversesEntryId: entry.reversesEntryId ?? '',
  };
}
