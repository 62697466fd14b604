import type { ReactNode } from 'react';
import type { ChartSeries } from './chart-data';
import { FiguresTable, type FiguresRow, type FiguresTableProps } from './figures-table';
import { FundingChart } from './lazy-chart';

/**
 * One breakdown of the year's money: its heading, the chart, the table with the same figures
 * (the chart's accessible form) and what can be done with it (download it as CSV).
 */
export function BreakdownSection({ id, title, intro, chart, table, actions }: {
  id: string;
  title: string;
  intro?: ReactNode;
  chart?: { label: string; series: ChartSeries[]; layout: 'bars' | 'columns'; rows?: Array<FiguresRow & { shortLabel?: string }> } | null;
  table: Omit<FiguresTableProps, 'testId' | 'rows'> & { rows: Array<FiguresRow & { shortLabel?: string }> };
  actions?: ReactNode;
}) {
  return (
    <section className="funding-section" aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {intro}
      {table.rows.length ? (
        <>
          {chart ? <FundingChart label={chart.label} rows={chart.rows ?? table.rows} series={chart.series} layout={chart.layout} /> : null}
          <FiguresTable {...table} testId={`table-${id}`} />
        </>
      ) : <p>Nothing recorded.</p>}
      {actions}
    </section>
  );
}
