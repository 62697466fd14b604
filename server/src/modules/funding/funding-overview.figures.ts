import { hoursOf, NO_SECTOR_KEY, quarterLabel, seatUtilisation, sectorLabel, unitCosts,
  type FinancialYear, type LedgerEffects, type Pence } from '@portal/domain';
import type { OverviewDimension } from './funding-overview.query';

/**
 * Turns the overview statement's groupings into the figures the page shows: labels, order, the
 * four quarters always present, and the measures worked out from their parts. No I/O.
 */
export interface Grouping { dimension: OverviewDimension; key: string; label: string | null; sums: LedgerEffects; wastedPence: Pence; deliveredPence: Pence }
export interface Measures { learners: number; learningMinutes: number; seatsOffered: number; seatsUsed: number }
export interface BreakdownRow { key: string; label: string; sums: LedgerEffects }

export interface OverviewFigures {
  totals: LedgerEffects;
  /** Keyed by stream id, in the order of the streams' names. */
  byStream: BreakdownRow[];
  byFunder: BreakdownRow[];
  byOrganisation: BreakdownRow[];
  bySector: BreakdownRow[];
  byQuarter: BreakdownRow[];
  /** The streams the scope holds (manages, funds or contributes to), each whole, by name; and their sum. */
  streamsHeld: BreakdownRow[];
  streamsHeldTotals: LedgerEffects;
  noShowPence: Pence;
  /** What the unit costs divide: spend on delivered learning. */
  deliveredSpendPence: Pence;
  costPerLearner: Pence | null;
  costPerLearningHour: Pence | null;
  learners: number;
  learningHours: number;
  seatsOffered: number;
  seatsUsed: number;
  seatUtilisation: number;
}

export const NO_ORGANISATION_KEY = 'none';
export const NO_ORGANISATION_LABEL = 'No organisation (independent volunteers)';
const ZERO: LedgerEffects = { budget: 0, committed: 0, spent: 0 };
const QUARTERS = [1, 2, 3, 4] as const;

export function quarterKey(quarter: number): string {
  return `Q${quarter}`;
}

/** By label, with the row for "no organisation" (or sector) last, where a reader looks for the rest. */
function byLabel(rows: BreakdownRow[], lastKey?: string): BreakdownRow[] {
  return [...rows].sort((a, b) => Number(a.key === lastKey) - Number(b.key === lastKey) || a.label.localeCompare(b.label, 'en-GB')
    || a.key.localeCompare(b.key));
}

function rowsOf(groupings: Grouping[], dimension: OverviewDimension, label: (g: Grouping) => string): BreakdownRow[] {
  return groupings.filter((g) => g.dimension === dimension).map((g) => ({ key: g.key, label: label(g), sums: g.sums }));
}

export function overviewFigures(groupings: Grouping[], measures: Measures, year: FinancialYear): OverviewFigures {
  const total = groupings.find((g) => g.dimension === 'total');
  const totals = total?.sums ?? ZERO;
  const deliveredPence = total?.deliveredPence ?? 0;
  const held = byLabel(rowsOf(groupings, 'held', (g) => g.label ?? g.key));
  const quarters = new Map(groupings.filter((g) => g.dimension === 'quarter').map((g) => [Number(g.key), g.sums]));
  return {
    totals,
    byStream: byLabel(rowsOf(groupings, 'stream', (g) => g.label ?? g.key)),
    byFunder: byLabel(rowsOf(groupings, 'funder', (g) => g.key)),
    byOrganisation: byLabel(rowsOf(groupings, 'organisation', (g) => (g.key === NO_ORGANISATION_KEY ? NO_ORGANISATION_LABEL : g.label ?? g.key)),
      NO_ORGANISATION_KEY),
    bySector: byLabel(rowsOf(groupings, 'sector', (g) => sectorLabel(g.key)), NO_SECTOR_KEY),
    byQuarter: QUARTERS.map((q) => ({ key: quarterKey(q), label: quarterLabel(year, q), sums: quarters.get(q) ?? ZERO })),
    streamsHeld: held,
    streamsHeldTotals: held.reduce((acc, row) => ({
      budget: acc.budget + row.sums.budget, committed: acc.committed + row.sums.committed, spent: acc.spent + row.sums.spent,
    }), ZERO),
    noShowPence: total?.wastedPence ?? 0,
    deliveredSpendPence: deliveredPence,
    ...unitCosts({ deliveredSpendPence: deliveredPence, learners: measures.learners, learningMinutes: measures.learningMinutes }),
    learners: measures.learners,
    learningHours: hoursOf(measures.learningMinutes),
    seatsOffered: measures.seatsOffered,
    seatsUsed: measures.seatsUsed,
    seatUtilisation: seatUtilisation(measures.seatsUsed, measures.seatsOffered),
  };
}

/** Whether each breakdown adds up to the totals, figure by figure: the names of those that do not. */
export function breakdownsNotAddingUp(figures: OverviewFigures): string[] {
  const names = ['byStream', 'byFunder', 'byOrganisation', 'bySector', 'byQuarter'] as const;
  return names.filter((name) => {
    const sum = figures[name].reduce((acc, row) => ({
      budget: acc.budget + row.sums.budget, committed: acc.committed + row.sums.committed, spent: acc.spent + row.sums.spent,
    }), ZERO);
    return sum.budget !== figures.totals.budget || sum.committed !== figures.totals.committed || sum.spent !== figures.totals.spent;
  });
}
