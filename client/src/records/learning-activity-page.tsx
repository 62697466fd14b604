import { lazy, Suspense, useId } from 'react';
import { ChartBoundary } from '../ui/chart-boundary';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import type { LearningActivityQuery as ActivityResult, LearningCategory } from '../gql/graphql';
import { EVALUATION_PATHS, FUNDING_PATHS } from '../route-patterns';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import type { SignedInViewer } from '../ui/use-viewer';
import { TableCsvButton } from '../funding/csv-download';
import { csvText, type CsvColumn } from '../funding/csv-text';
import { ScrollingTable } from '../funding/figures-table';
import { CATEGORY_TEXT } from './learning-record-view';
import { LearningActivityQuery } from './records.operations';
import '../funding/funding.scss';

const ACTIVITY_AUDIENCE = {
  roles: ['STEERING_GROUP', 'PARTNERSHIP_ADMIN'] as const,
  needs: 'a steering group member or an administrator',
  who: 'Steering group members and partnership administrators',
};

const CHART_ROWS = 10;
const CATEGORIES: LearningCategory[] = ['EXPERIENTIAL', 'SOCIAL', 'FORMAL'];

// The chart library loads only when a chart is first drawn, as on the funding and outcomes pages.
const LearningHoursChart = lazy(() => import('./learning-activity-chart').then((module) => ({ default: module.LearningHoursChart })));

type Activity = ActivityResult['learningActivity'];
type OrganisationRow = Activity['byOrganisation'][number];

/** A count as people read it: 4,131. */
const countText = (n: number) => n.toLocaleString('en-GB');
const hoursText = (hours: number) => hours.toLocaleString('en-GB', { maximumFractionDigits: 1 });
const shareText = (share: number) => `${Math.round(share * 100)}%`;
const hoursOf = (row: OrganisationRow, category: LearningCategory) => row.balance.categories.find((c) => c.category === category)?.hours ?? 0;

const COLUMNS: Array<[string, (row: OrganisationRow) => string]> = [
  ['People with learning', (r) => countText(r.learners)],
  ['Completions', (r) => countText(r.completions)],
  ['Informal entries', (r) => countText(r.informalEntries)],
  ['Hours', (r) => hoursText(r.balance.totalHours)],
  ...CATEGORIES.map((category): [string, (row: OrganisationRow) => string] => [CATEGORY_TEXT[category], (r) => {
    const c = r.balance.categories.find((x) => x.category === category);
    return c ? `${hoursText(c.hours)} (${shareText(c.share)})` : '0';
  }]),
];

const CSV_COLUMNS: Array<CsvColumn<OrganisationRow>> = [
  { header: 'Organisation', value: (r) => r.organisationName },
  { header: 'People with learning', value: (r) => r.learners },
  { header: 'Completions', value: (r) => r.completions },
  { header: 'Informal entries', value: (r) => r.informalEntries },
  { header: 'Hours', value: (r) => r.balance.totalHours },
  ...CATEGORIES.map((category): CsvColumn<OrganisationRow> => ({ header: `${CATEGORY_TEXT[category]} hours`, value: (r) => hoursOf(r, category) })),
];

function HoursChart({ rows }: { rows: OrganisationRow[] }) {
  // The ten with the most hours, most first: the table below has every organisation.
  const bars = rows.filter((r) => r.balance.totalHours > 0).sort((a, b) => b.balance.totalHours - a.balance.totalHours).slice(0, CHART_ROWS).map((r) => ({
    label: r.organisationName, EXPERIENTIAL: hoursOf(r, 'EXPERIENTIAL'), SOCIAL: hoursOf(r, 'SOCIAL'), FORMAL: hoursOf(r, 'FORMAL'),
  }));
  if (!bars.length) return null;
  const which = rows.length > CHART_ROWS ? `the ${CHART_ROWS} organisations with the most hours` : 'each organisation';
  return (
    <>
    <p className="nhsuk-body-s" data-testid="activity-chart-note">Hours of learning of {which}, by 70:20:10 category.</p>
    <div className="funding-chart funding-chart--bars" role="img" data-testid="activity-chart"
      aria-label={`Bar chart of hours of learning of ${which}, by 70:20:10 category. The table below gives every organisation's figures.`}>
      <ChartBoundary>
        <Suspense fallback={<div className="funding-chart__loading" style={{ minHeight: bars.length * 36 + 90 }} />}>
          <LearningHoursChart rows={bars} />
        </Suspense>
      </ChartBoundary>
    </div>
    </>
  );
}

function OrganisationTable({ rows }: { rows: OrganisationRow[] }) {
  const captionId = useId();
  return (
    <ScrollingTable labelledBy={captionId}>
      <table className="nhsuk-table funding-table funding-table--stacked" role="table" data-testid="activity-organisations">
        <caption id={captionId} className="nhsuk-table__caption nhsuk-table__caption--s">Learning by organisation</caption>
        <thead className="nhsuk-table__head" role="rowgroup">
          <tr className="nhsuk-table__row" role="row">
            <th scope="col" role="columnheader" className="nhsuk-table__header">Organisation</th>
            {COLUMNS.map(([header]) => <th key={header} scope="col" role="columnheader" className="nhsuk-table__header nhsuk-table__header--numeric">{header}</th>)}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body" role="rowgroup">
          {rows.map((row) => (
            <tr key={row.organisationId ?? 'none'} className="nhsuk-table__row" role="row" data-row-key={row.organisationId ?? 'none'}>
              <th scope="row" role="rowheader" className="nhsuk-table__header funding-table__label">{row.organisationName}</th>
              {COLUMNS.map(([header, value]) => (
                <td key={header} role="cell" data-label={header} className="nhsuk-table__cell nhsuk-table__cell--numeric">{value(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function BalanceTable({ balance }: { balance: Activity['balance'] }) {
  const captionId = useId();
  return (
    <ScrollingTable labelledBy={captionId}>
      <table className="nhsuk-table funding-table funding-table--stacked" role="table" data-testid="activity-balance">
        <caption id={captionId} className="nhsuk-table__caption nhsuk-table__caption--s">Hours by 70:20:10 category, across the partnership</caption>
        <thead className="nhsuk-table__head" role="rowgroup">
          <tr className="nhsuk-table__row" role="row">
            <th scope="col" role="columnheader" className="nhsuk-table__header">Category</th>
            {['Hours', 'Share', 'The model\'s share'].map((h) => <th key={h} scope="col" role="columnheader" className="nhsuk-table__header nhsuk-table__header--numeric">{h}</th>)}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body" role="rowgroup">
          {balance.categories.map((c) => (
            <tr key={c.category} className="nhsuk-table__row" role="row">
              <th scope="row" role="rowheader" className="nhsuk-table__header funding-table__label">{CATEGORY_TEXT[c.category]}</th>
              <td role="cell" data-label="Hours" className="nhsuk-table__cell nhsuk-table__cell--numeric">{hoursText(c.hours)}</td>
              <td role="cell" data-label="Share" className="nhsuk-table__cell nhsuk-table__cell--numeric">{shareText(c.share)}</td>
              <td role="cell" data-label="The model's share" className="nhsuk-table__cell nhsuk-table__cell--numeric">{shareText(c.target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function ActivityReport({ viewer }: { viewer: SignedInViewer }) {
  const slug = viewer.partnership.slug;
  const { data, loading, error } = useQuery(LearningActivityQuery, { variables: { partnershipSlug: slug } });
  useDocumentTitle(['Learning activity', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...ACTIVITY_AUDIENCE} />;
  if (loading && !data) return <p role="status">Loading learning activity…</p>;
  const activity = data?.learningActivity;
  if (!activity) return <p>The learning activity could not be loaded. Try again later.</p>;
  const headlines: Array<[string, string]> = [
    ['People with learning on their record', countText(activity.learners)], ['Courses completed', countText(activity.completions)],
    ['Informal learning logged', countText(activity.informalEntries)], ['Hours of learning', hoursText(activity.balance.totalHours)],
  ];
  return (
    <>
      <h1>Learning activity</h1>
      <p className="nhsuk-lede-text">{viewer.partnership.name}: the learning on people&rsquo;s records, courses completed and informal learning logged, as counts. No one is named.</p>
      <p><Link to={FUNDING_PATHS.overview}>See the funding</Link> or <Link to={EVALUATION_PATHS.outcomes}>the outcomes of learning</Link></p>
      <ul className="nhsuk-grid-row nhsuk-card-group" data-testid="activity-headlines">
        {headlines.map(([label, value]) => (
          <li key={label} className="nhsuk-grid-column-one-quarter nhsuk-card-group__item">
            <div className="nhsuk-card"><div className="nhsuk-card__content">
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{label}</p>
              <p className="nhsuk-heading-l nhsuk-u-margin-bottom-0" data-headline={label}>{value}</p>
            </div></div>
          </li>
        ))}
      </ul>
      <section aria-labelledby="activity-balance-heading" className="nhsuk-u-margin-bottom-7">
        <h2 id="activity-balance-heading">The 70:20:10 balance</h2>
        <p>The model expects about 70% of learning on the job, 20% from others and 10% on courses.</p>
        <BalanceTable balance={activity.balance} />
      </section>
      {activity.byOrganisation.length ? (
        <section aria-labelledby="activity-organisations-heading" className="nhsuk-u-margin-bottom-7">
          <h2 id="activity-organisations-heading">By organisation</h2>
          <HoursChart rows={activity.byOrganisation} />
          <OrganisationTable rows={activity.byOrganisation} />
          <TableCsvButton filename={`learning-activity-${slug}.csv`} what="learning by organisation" csv={() => csvText(CSV_COLUMNS, activity.byOrganisation)} />
        </section>
      ) : <p>No learning is on anyone&rsquo;s record yet.</p>}
    </>
  );
}

/** The steering group and administrators: the partnership's learning records as counts, beside funding and outcomes. */
export function LearningActivityPage() {
  return <RequireRole audience={{ ...ACTIVITY_AUDIENCE, roles: [...ACTIVITY_AUDIENCE.roles] }}>{(viewer) => <ActivityReport viewer={viewer} />}</RequireRole>;
}
