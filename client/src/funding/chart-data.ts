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

/** Splits a long name into lines of about `width` characters, at most `max` lines (the last cut with "…"). */
export function wrapLabel(text: string, width: number, max = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
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
  kept[max - 1] = `${kept[max - 1].slice(0, Math.max(width - 1, 1))}…`;
  return kept;
}
