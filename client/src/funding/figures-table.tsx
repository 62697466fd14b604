import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { MoneySummaryFieldsFragment } from '../gql/graphql';

export interface FiguresRow {
  key: string;
  label: string;
  /** The page behind the row: a stream, an organisation, or the entries behind its figures. */
  href?: string | null;
  /** More about the row under its name ("Managed by …"). */
  note?: ReactNode;
  summary: MoneySummaryFieldsFragment;
}

const FIGURES = [
  ['budget', 'Budget'],
  ['committed', 'Committed'],
  ['spent', 'Spent'],
  ['remaining', 'Remaining'],
] as const;

export type FigureKey = (typeof FIGURES)[number][0];

export interface FiguresTableProps {
  caption: string;
  labelHeader: string;
  rows: FiguresRow[];
  /** A last row adding them up, when the rows are a breakdown of it. */
  total?: MoneySummaryFieldsFragment | null;
  figures?: readonly FigureKey[];
  testId?: string;
  /** Columns of other facts after the label (counts, dates). */
  extraColumns?: Array<{ header: string; numeric?: boolean; cell: (row: FiguresRow) => ReactNode }>;
  /** Other words for a figure's column: "Contribution" for the budget a partner put in. */
  figureHeaders?: Partial<Record<FigureKey, string>>;
}

/**
 * A table of budget, committed, spent and remaining: the accessible form of a chart, and the
 * figures themselves. On a phone each row is stacked, its name above and each figure beside its
 * column's name (the NHS.UK responsive table, the names drawn from `data-label` so the cells'
 * text stays the figure); the roles keep it a table for a screen reader, however it is laid out.
 */
export function FiguresTable({
  caption, labelHeader, rows, total, figures = FIGURES.map(([key]) => key), testId, extraColumns = [], figureHeaders = {},
}: FiguresTableProps) {
  const captionId = useId();
  const shown = FIGURES.filter(([key]) => figures.includes(key));
  return (
    <ScrollingTable labelledBy={captionId}>
      <table className="nhsuk-table funding-table funding-table--stacked" role="table" data-testid={testId}>
        <caption id={captionId} className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
        <thead className="nhsuk-table__head" role="rowgroup">
          <tr className="nhsuk-table__row" role="row">
            <th scope="col" role="columnheader" className="nhsuk-table__header">{labelHeader}</th>
            {extraColumns.map((column) => (
              <th key={column.header} scope="col" role="columnheader" className={`nhsuk-table__header${column.numeric ? ' nhsuk-table__header--numeric' : ''}`}>
                {column.header}
              </th>
            ))}
            {shown.map(([key, header]) => (
              <th key={key} scope="col" role="columnheader" className="nhsuk-table__header nhsuk-table__header--numeric">{figureHeaders[key] ?? header}</th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body" role="rowgroup">
          {rows.map((row) => (
            <tr key={row.key} className="nhsuk-table__row" role="row" data-row-key={row.key}>
              <th scope="row" role="rowheader" className="nhsuk-table__header funding-table__label">
                {row.href ? <Link to={row.href}>{row.label}</Link> : row.label}
                {row.note ? <span className="funding-table__note">{row.note}</span> : null}
              </th>
              {extraColumns.map((column) => (
                <td key={column.header} role="cell" data-label={column.header}
                  className={`nhsuk-table__cell${column.numeric ? ' nhsuk-table__cell--numeric' : ''}`}>
                  {column.cell(row)}
                </td>
              ))}
              {shown.map(([key, header]) => (
                <td key={key} role="cell" data-label={figureHeaders[key] ?? header}
                  className="nhsuk-table__cell nhsuk-table__cell--numeric funding-table__money" data-figure={key}>
                  {row.summary[key].formatted}
                </td>
              ))}
            </tr>
          ))}
          {total ? (
            <tr className="nhsuk-table__row funding-table__total" role="row" data-row-key="total">
              <th scope="row" role="rowheader" className="nhsuk-table__header">Total</th>
              {extraColumns.map((column) => <td key={column.header} role="cell" className="nhsuk-table__cell funding-table__empty" />)}
              {shown.map(([key, header]) => (
                <td key={key} role="cell" data-label={figureHeaders[key] ?? header} className="nhsuk-table__cell nhsuk-table__cell--numeric funding-table__money" data-figure={key}>
                  {total[key].formatted}
                </td>
              ))}
            </tr>
          ) : null}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/**
 * A wide table's own sideways scroll: a region named by the table's caption, reachable by keyboard,
 * with a shadow at the edge that has more to scroll to, so a phone shows that there is more.
 */
export function ScrollingTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="funding-table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
