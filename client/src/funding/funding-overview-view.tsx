import { Link } from 'react-router';
import type { FundingOverviewQuery } from '../gql/graphql';
import { BreakdownSection } from './breakdown-section';
import { quarterShortLabel } from './chart-data';
import { ExportCsvLink, StreamedCsvDownload } from './csv-download';
import { entriesPath, exportPath, organisationFundingPath, streamPath } from './funding-paths';
import { countText, hoursText, percentText } from './funding-text';
import { HeadlineFigures, type HeadlineFigure } from './headline-figures';

export type Overview = FundingOverviewQuery['fundingOverview'];

/** The figures at the top of the page, each in words a steering group would use. */
export function headlineFigures(overview: Overview): HeadlineFigure[] {
  const { totals } = overview;
  return [
    { key: 'budget', label: 'Total funding', value: totals.budget.formatted, note: countText(overview.byStream.length, 'funding stream', 'funding streams') },
    { key: 'committed', label: 'Committed', value: totals.committed.formatted, note: 'Promised: booked places and pledges not yet paid' },
    { key: 'spent', label: 'Spent', value: totals.spent.formatted },
    { key: 'remaining', label: 'Remaining', value: totals.remaining.formatted, note: 'Total funding less committed and spent' },
    {
      key: 'cost-per-learner', label: 'Cost per learner', value: overview.costPerLearner?.formatted ?? 'No learners yet',
      note: countText(overview.learners, 'learner attended', 'learners attended'),
    },
    {
      key: 'cost-per-hour', label: 'Cost per learning hour', value: overview.costPerLearningHour?.formatted ?? 'No hours yet',
      note: `${hoursText(overview.learningHours)} of learning attended`,
    },
    {
      key: 'utilisation', label: 'Seat utilisation', value: percentText(overview.seatUtilisation),
      note: `${overview.seatsUsed.toLocaleString('en-GB')} of ${countText(overview.seatsOffered, 'seat', 'seats')} offered were used`,
    },
    { key: 'no-show-cost', label: 'Cost of no-shows', value: overview.noShowCost.formatted, note: 'Paid for places not used: no-shows and late cancellations' },
  ];
}

/**
 * What is left is a stream's (and so a funder's) figure: an organisation, a sector or a quarter
 * spends from streams it did not fund, so its own "remaining" would be a meaningless negative.
 * The CSV exports still carry every column.
 */
const WITHOUT_REMAINING = ['budget', 'committed', 'spent'] as const;

const SECTIONS = [
  ['headline', 'Headline figures'],
  ['position', 'Committed, spent and remaining'],
  ['streams', 'Funding streams'],
  ['funders', 'By funder'],
  ['organisations', 'By organisation'],
  ['sectors', 'By sector'],
  ['quarters', 'By quarter'],
  ['entries', 'Every ledger entry'],
] as const;

/**
 * A financial year's funding in the caller's scope: the whole partnership for the steering
 * group and administrators, their organisation's slice for an L&D lead (the API decides).
 * Every chart has its table beside it, every table its CSV download.
 */
export function FundingOverviewView({ overview, slug, yearParam }: { overview: Overview; slug: string; yearParam: string }) {
  const year = overview.financialYear;
  const csv = (table: string) => exportPath(slug, yearParam, `${table}.csv`);
  const streams = overview.byStream.map(({ stream, summary }) => ({
    key: stream.id, label: stream.name, href: streamPath(stream.id), summary,
    note: `${stream.funderName}${stream.pooled ? ' (pooled)' : ''}. Managed by ${stream.managingOrganisation.name}`,
  }));
  const breakdown = (rows: Overview['byFunder'], href: (key: string) => string | null) =>
    rows.map((row) => ({ key: row.key, label: row.label, summary: row.summary, href: href(row.key) }));

  return (
    <>
      <nav className="funding-contents" aria-label="On this page">
        <h2 className="nhsuk-heading-s">On this page</h2>
        <ul className="nhsuk-list">
          {SECTIONS.map(([id, text]) => <li key={id}><a href={`#${id}-heading`}>{text}</a></li>)}
        </ul>
      </nav>

      <section className="funding-section" aria-labelledby="headline-heading" data-testid="section-headline">
        <h2 id="headline-heading">Headline figures</h2>
        <HeadlineFigures figures={headlineFigures(overview)} />
        <ExportCsvLink href={csv('totals')} what={`the headline figures for ${year}`} />
      </section>

      <BreakdownSection id="position" title="Committed, spent and remaining"
        intro={<p>How much of the year’s funding is spent, how much is promised, and how much is left.</p>}
        chart={{ label: `Bar chart of the ${year} funding: spent, committed and remaining`, series: ['spent', 'committed', 'remaining'], layout: 'bars' }}
        table={{ caption: `Funding position, ${year}`, labelHeader: 'Funding', rows: [{ key: 'all', label: `All streams, ${year}`, summary: overview.totals }] }} />

      <BreakdownSection id="streams" title="Funding streams"
        intro={<p>Choose a stream to see the courses and sessions it pays for.</p>}
        table={{ caption: `Funding streams, ${year}`, labelHeader: 'Stream', rows: streams, total: overview.totals }}
        actions={<ExportCsvLink href={csv('streams')} what={`the funding streams for ${year}`} />} />

      <BreakdownSection id="funders" title="By funder"
        chart={{ label: `Bar chart of spent, committed and remaining by funder, ${year}`, series: ['spent', 'committed', 'remaining'], layout: 'bars' }}
        table={{ caption: `Funding by funder, ${year}`, labelHeader: 'Funder', rows: breakdown(overview.byFunder, (key) => entriesPath({ year: yearParam, funder: key })), total: overview.totals }}
        actions={<ExportCsvLink href={csv('funders')} what={`funding by funder for ${year}`} />} />

      <BreakdownSection id="organisations" title="By organisation"
        intro={<p>The money each organisation’s people committed and spent, and what it contributed to pooled streams.</p>}
        chart={{ label: `Bar chart of spent and committed by organisation, ${year}`, series: ['spent', 'committed'], layout: 'bars' }}
        table={{
          caption: `Funding by organisation, ${year}`, labelHeader: 'Organisation', total: overview.totals, figures: WITHOUT_REMAINING,
          rows: breakdown(overview.byOrganisation, (key) => organisationFundingPath(key, yearParam)),
        }}
        actions={<ExportCsvLink href={csv('organisations')} what={`funding by organisation for ${year}`} />} />

      <BreakdownSection id="sectors" title="By sector"
        chart={{ label: `Bar chart of spent and committed by sector, ${year}`, series: ['spent', 'committed'], layout: 'bars' }}
        table={{ caption: `Funding by sector, ${year}`, labelHeader: 'Sector', figures: WITHOUT_REMAINING, rows: breakdown(overview.bySector, (key) => entriesPath({ year: yearParam, sector: key })), total: overview.totals }}
        actions={<ExportCsvLink href={csv('sectors')} what={`funding by sector for ${year}`} />} />

      <BreakdownSection id="quarters" title="By quarter"
        chart={{ label: `Column chart of spent and committed by quarter, ${year}`, series: ['spent', 'committed'], layout: 'columns' }}
        table={{
          caption: `Funding by quarter, ${year}`, labelHeader: 'Quarter', total: overview.totals, figures: WITHOUT_REMAINING,
          rows: overview.byQuarter.map((row) => ({
            key: row.key, label: row.label, shortLabel: quarterShortLabel(row.label), summary: row.summary,
            href: entriesPath({ year: yearParam, quarter: row.key.replace(/^Q/, '') }),
          })),
        }}
        actions={<ExportCsvLink href={csv('quarters')} what={`funding by quarter for ${year}`} />} />

      <section className="funding-section" aria-labelledby="entries-heading" data-testid="section-entries">
        <h2 id="entries-heading">Every ledger entry</h2>
        <p>Each figure on this page adds up entries of the funding ledger: budgets, contributions, commitments, spend and
          corrections. <Link to={entriesPath({ year: yearParam })}>See the entries for {year}</Link>, or download them all.</p>
        <StreamedCsvDownload href={csv('entries')} filename={`funding-${yearParam}-entries.csv`} what={`every ledger entry for ${year}`} />
        <p className="nhsuk-body-s">
          <a href={exportPath(slug, yearParam, '360giving.json')} download>Download the streams as 360Giving data (JSON)</a>, the open
          standard for publishing grants.
        </p>
      </section>
    </>
  );
}
