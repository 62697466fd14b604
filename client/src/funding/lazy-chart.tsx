import { lazy, Suspense } from 'react';
import { ChartBoundary } from '../ui/chart-boundary';
import type { ChartRow, ChartSeries } from './chart-data';

// Recharts loads only here, and only when a chart is first drawn: its own chunk, never part of
// the catalogue's or any other page's download.
const BreakdownChart = lazy(() => import('./funding-charts').then((module) => ({ default: module.BreakdownChart })));

/**
 * A chart as one labelled image: a screen reader hears what it shows and that the table beside
 * it has the figures, and nothing inside it is focusable. While the chart library loads, the
 * space it will take is kept so the page does not jump.
 */
export function FundingChart({ label, rows, series, layout }: {
  /** What the chart shows, e.g. "Bar chart of spent, committed and remaining by funder". */
  label: string;
  rows: ChartRow[];
  series: ChartSeries[];
  layout: 'bars' | 'columns';
}) {
  if (!rows.length) return null;
  return (
    <div className={`funding-chart funding-chart--${layout}`} role="img" aria-label={`${label}. The table below gives the same figures.`}
      data-testid="funding-chart">
      <ChartBoundary>
        <Suspense fallback={<div className="funding-chart__loading" style={{ minHeight: layout === 'bars' ? rows.length * 40 + 80 : 260 }} />}>
          <BreakdownChart rows={rows} series={series} layout={layout} />
        </Suspense>
      </ChartBoundary>
    </div>
  );
}
