import { lazy, Suspense, useId } from 'react';
import { ChartBoundary } from '../ui/chart-boundary';
import { useQuery } from '@apollo/client/react';
import type { EvaluationCellFieldsFragment } from '../gql/graphql';
import { FUNDING_PATHS, RECORDS_PATHS } from '../route-patterns';
import { Link } from 'react-router';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import type { SignedInViewer } from '../ui/use-viewer';
import { TableCsvButton } from '../funding/csv-download';
import { csvText } from '../funding/csv-text';
import { ScrollingTable } from '../funding/figures-table';
import { EvaluationReportQuery } from './evaluation.operations';
import { npsText, outcomeCsvColumns, percentText, ratingText, responsesText } from './outcome-text';
import '../funding/funding.scss';

const OUTCOMES_AUDIENCE = {
  roles: ['STEERING_GROUP', 'PARTNERSHIP_ADMIN', 'LD_LEAD', 'PROVIDER_COORDINATOR'] as const,
  needs: 'a steering group member, an L&D lead, a provider or an administrator',
  who: 'Steering group members, L&D leads, providers and partnership administrators',
};

// The chart library loads only when a chart is first drawn, as on the funding pages.
const NpsBarChart = lazy(() => import('./nps-chart').then((module) => ({ default: module.NpsBarChart })));

type Cell = EvaluationCellFieldsFragment;

function NpsChart({ label, cells }: { label: string; cells: Cell[] }) {
  const rows = cells.filter((c) => c.netPromoterScore != null).slice(0, 10).map((c) => ({ label: c.label, score: c.netPromoterScore! }));
  if (!rows.length) return null;
  return (
    <div className="funding-chart funding-chart--bars" role="img" aria-label={`${label}. The table below gives the same figures.`} data-testid="outcome-chart">
      <ChartBoundary>
        <Suspense fallback={<div className="funding-chart__loading" style={{ minHeight: rows.length * 36 + 60 }} />}>
          <NpsBarChart rows={rows} />
        </Suspense>
      </ChartBoundary>
    </div>
  );
}

const COLUMNS: Array<[string, (c: Cell) => string]> = [
  ['Responses', (c) => responsesText(c)],
  ['Response rate', (c) => percentText(c.responseRate)],
  ['Mean rating', (c) => ratingText(c.meanRating)],
  ['NPS', (c) => npsText(c.netPromoterScore)],
  ['Applying', (c) => percentText(c.applyingRate)],
];

function OutcomeTable({ caption, labelHeader, cells, testId }: { caption: string; labelHeader: string; cells: Cell[]; testId: string }) {
  const captionId = useId();
  return (
    <ScrollingTable labelledBy={captionId}>
      <table className="nhsuk-table funding-table funding-table--stacked" role="table" data-testid={testId}>
        <caption id={captionId} className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
        <thead className="nhsuk-table__head" role="rowgroup">
          <tr className="nhsuk-table__row" role="row">
            <th scope="col" role="columnheader" className="nhsuk-table__header">{labelHeader}</th>
            {COLUMNS.map(([header]) => <th key={header} scope="col" role="columnheader" className="nhsuk-table__header nhsuk-table__header--numeric">{header}</th>)}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body" role="rowgroup">
          {cells.map((cell) => (
            <tr key={cell.key} className="nhsuk-table__row" role="row" data-row-key={cell.key}>
              <th scope="row" role="rowheader" className="nhsuk-table__header funding-table__label">
                {cell.label}
                {cell.suppressed && cell.responses > 0 ? <span className="funding-table__note">Fewer than 5 responses: figures withheld</span> : null}
              </th>
              {COLUMNS.map(([header, value]) => (
                <td key={header} role="cell" data-label={header} className="nhsuk-table__cell nhsuk-table__cell--numeric">{value(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function Breakdown({ title, labelHeader, cells, slug, file }: { title: string; labelHeader: string; cells: Cell[]; slug: string; file: string }) {
  if (!cells.length) return null;
  return (
    <section aria-labelledby={`outcomes-${file}`} className="nhsuk-u-margin-bottom-7">
      <h2 id={`outcomes-${file}`}>{title}</h2>
      <NpsChart label={`Bar chart of Net Promoter Score ${title.toLowerCase()}`} cells={cells} />
      <OutcomeTable caption={`Feedback and impact ${title.toLowerCase()}`} labelHeader={labelHeader} cells={cells} testId={`outcomes-${file}`} />
      <TableCsvButton filename={`outcomes-${file}-${slug}.csv`} what={`feedback and impact ${title.toLowerCase()}`}
        csv={() => csvText(outcomeCsvColumns(labelHeader), cells)} />
    </section>
  );
}

function Comments({ cell }: { cell: Cell }) {
  if (cell.suppressed || (!cell.whatWorked.length && !cell.whatToImprove.length)) return null;
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary"><span className="nhsuk-details__summary-text">What learners said</span></summary>
      <div className="nhsuk-details__text">
        {cell.whatWorked.length ? <><h3 className="nhsuk-heading-s">What worked well</h3><ul>{cell.whatWorked.map((t, i) => <li key={i}>{t}</li>)}</ul></> : null}
        {cell.whatToImprove.length ? <><h3 className="nhsuk-heading-s">What could be better</h3><ul>{cell.whatToImprove.map((t, i) => <li key={i}>{t}</li>)}</ul></> : null}
      </div>
    </details>
  );
}

function Outcomes({ viewer }: { viewer: SignedInViewer }) {
  const slug = viewer.partnership.slug;
  const { data, loading, error } = useQuery(EvaluationReportQuery, { variables: { partnershipSlug: slug } });
  useDocumentTitle(['Outcomes', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...OUTCOMES_AUDIENCE} />;
  if (loading && !data) return <p role="status">Loading outcomes…</p>;
  const report = data?.evaluationReport;
  if (!report) return <p>The outcomes could not be loaded. Try again later.</p>;
  const t = report.totals;
  const partnershipWide = viewer.roles.some((grant) => grant.role === 'STEERING_GROUP' || grant.role === 'PARTNERSHIP_ADMIN');
  return (
    <>
      <h1>Outcomes of learning</h1>
      <p className="nhsuk-lede-text">{report.scope}: what learners said after their courses (Kirkpatrick level 1) and whether the learning is being applied 1 to 3 months on (level 3).</p>
      <p>
        <Link to={FUNDING_PATHS.overview}>See the funding behind it</Link>
        {partnershipWide ? <> or <Link to={RECORDS_PATHS.activity}>the learning activity</Link></> : null}
      </p>
      <ul className="nhsuk-grid-row nhsuk-card-group" data-testid="outcome-headlines">
        {[['Responses', responsesText(t)], ['Response rate', percentText(t.responseRate)], ['Mean rating', `${ratingText(t.meanRating)} out of 5`],
          ['Net Promoter Score', npsText(t.netPromoterScore)], ['Applying the learning', percentText(t.applyingRate)]].map(([label, value]) => (
          <li key={label} className="nhsuk-grid-column-one-third nhsuk-card-group__item">
            <div className="nhsuk-card"><div className="nhsuk-card__content">
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{label}</p>
              <p className="nhsuk-heading-l nhsuk-u-margin-bottom-0">{value}</p>
            </div></div>
          </li>
        ))}
      </ul>
      <p className="nhsuk-body-s">Net Promoter Score: the percentage who would recommend a course (9 or 10 out of 10) minus those who would not (0 to 6).
        Where fewer than {report.minimumCellSize} people answered, only the counts are shown, so no one can be identified.</p>
      <Comments cell={t} />
      <Breakdown title="By course" labelHeader="Course" cells={report.byCourse} slug={slug} file="courses" />
      <Breakdown title="By provider" labelHeader="Provider" cells={report.byProvider} slug={slug} file="providers" />
      <Breakdown title="By organisation" labelHeader="Learners' organisation" cells={report.byOrganisation} slug={slug} file="organisations" />
      <Breakdown title="By sector" labelHeader="Sector" cells={report.bySector} slug={slug} file="sectors" />
    </>
  );
}

/** The steering group (and administrators, leads and providers, each for their part): feedback and impact, beside funding. */
export function OutcomesPage() {
  return <RequireRole audience={{ ...OUTCOMES_AUDIENCE, roles: [...OUTCOMES_AUDIENCE.roles] }}>{(viewer) => <Outcomes viewer={viewer} />}</RequireRole>;
}
