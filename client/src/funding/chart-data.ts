import type { MoneySummaryFieldsFragment } from '../gql/graphql';

/**
 * What the charts draw, as plain data: no chart library here, so the pages can prepare it and
 * tests can check it without loading Recharts.
 */
export type ChartSeries = 'spent' | 'committed' | 'remaining';

export interface ChartRow {
  key: string;
  label: string;
  /** For a narrow axis: "Q1" for "Q1 (Apr–Jun 2025)". */
  shortLabel?: string;
  summary: MoneySummaryFieldsFragment;
}

/** Spent first (solid blue), then committed (orange), then what is left (pale grey): the budget's story left to right. */
export const SERIES: Record<ChartSeries, { name: string; fill: string; stroke: string }> = {
  spent: { name: 'Spent', fill: '#005eb8', stroke: '#ffffff' },
  committed: { name: 'Committed', fill: '#ed8b00', stroke: '#ffffff' },
  remaining: { name: 'Remaining', fill: '#d8dde0', stroke: '#768692' },
};

export type ChartDatum = { label: string; shortLabel: string } & Partial<Record<ChartSeries, number>> & Partial<Record<`${ChartSeries}Text`, string>>;

/**
 * Pounds to draw for each series, with the exact figure for the tooltip. A bar cannot be drawn
 * below nothing, so a negative figure (more committed than budgeted: an overspend) is drawn as
 * none; the table beside the chart gives the real figure.
 */
export function chartData(rows: readonly ChartRow[], series: readonly ChartSeries[]): ChartDatum[] {
  return rows.map((row) => {
    const datum: ChartDatum = { label: row.label, shortLabel: row.shortLabel ?? row.label };
    for (const key of series) {
      datum[key] = Math.max(row.summary[key].pence, 0) / 100;
      datum[`${key}Text`] = row.summary[key].formatted;
    }
    return datum;
  });
}

/** "Q1" from "Q1 (Apr–Jun 2025)"; the label itself when it has no such start. */
export function quarterShortLabel(label: string): string {
  return /^Q[1-4]\b/.exec(label)?.[0] ?? label;
}

/**
 * Splits a long name into lines of at most `width` characters, at most `max` lines (the last cut
 * with "…"). A word longer than a line is cut across lines, so no line is wider than its place.
 */
export function wrapLabel(text: string, width: number, max = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      line = '';
      lines.push(`${word.slice(0, width - 1)}-`);
      word = word.slice(width - 1);
    }
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1].replace(/-$/, '').slice(0, Math.max(width - 1, 1))}…`;
  return kept;
}

/** Pence as the API writes money ("£1,234.56", "-£5.00"), for figures the page adds up itself. */
const GBP = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });
export function moneyOf(pence: number): MoneySummaryFieldsFragment['budget'] {
  return { pence, formatted: GBP.format(pence / 100) };
}

function summaryOf(budget: number, committed: number, spent: number): MoneySummaryFieldsFragment {
  return { budget: moneyOf(budget), committed: moneyOf(committed), spent: moneyOf(spent), remaining: moneyOf(budget - committed - spent) };
}

/** How much a row moved: committed plus spent, the length of its bar. */
const sizeOf = (row: { summary: MoneySummaryFieldsFragment }) => row.summary.committed.pence + row.summary.spent.pence;

/** Largest first (committed plus spent, then budget), so the chart reads as a ranking; ties by name. */
export function bySize<R extends { label: string; summary: MoneySummaryFieldsFragment }>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => sizeOf(b) - sizeOf(a) || b.summary.budget.pence - a.summary.budget.pence
    || a.label.localeCompare(b.label, 'en-GB'));
}

/**
 * The `limit` largest rows and one row adding up the rest ("Others (8 organisations)"), so a chart
 * of many organisations fits a laptop's screen; the table beside it keeps every row.
 */
export function topWithOthers(rows: readonly ChartRow[], limit: number, noun: [string, string]): ChartRow[] {
  const sorted = bySize(rows);
  if (sorted.length <= limit + 1) return sorted;
  const rest = sorted.slice(limit);
  const add = (key: 'budget' | 'committed' | 'spent') => rest.reduce((sum, row) => sum + row.summary[key].pence, 0);
  return [...sorted.slice(0, limit), {
    key: 'others', label: `Others (${rest.length} ${rest.length === 1 ? noun[0] : noun[1]})`,
    summary: summaryOf(add('budget'), add('committed'), add('spent')),
  }];
}

/**
 * The quarters as a budget holder reads them: each quarter's committed and spent, against the
 * year's budget (not split across quarters: every quarter shows the whole year's budget), and
 * what was left of it at the end of each quarter (the year's budget less everything committed and
 * spent up to then). The last quarter's remaining is the year's.
 */
export function quarterPosition<R extends ChartRow>(quarters: readonly R[], yearBudgetPence: number): R[] {
  let committed = 0;
  let spent = 0;
  return quarters.map((row) => {
    committed += row.summary.committed.pence;
    spent += row.summary.spent.pence;
    return {
      ...row,
      summary: { ...row.summary, budget: moneyOf(yearBudgetPence), remaining: moneyOf(yearBudgetPence - committed - spent) },
    };
  });
}
