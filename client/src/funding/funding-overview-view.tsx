import { Link } from 'react-router';
import type { FundingOverviewQuery } from '../gql/graphql';
import { BreakdownSection } from './breakdown-section';
import { bySize, quarterPosition, quarterShortLabel, topWithOthers } from './chart-data';
import { ExportCsvLink, StreamedCsvDownload } from './csv-download';
import { countText, hoursText, percentText } from './funding-text';
import { FiguresTable } from './figures-table';
import { HeadlineFigures, type HeadlineFigure } from './headline-figures';
import { paths } from '../paths';

export type Overview = FundingOverviewQuery['fundingOverview'];

/** Whose figures these are, said once at the top of the page: one scope per page. */
export function ScopeStatement({ overview }: { overview: Overview }) {
  const partnership = overview.scope.kind === 'PARTNERSHIP';
  return (
    <div className="nhsuk-inset-text funding-scope" data-testid="funding-scope">
      <p className="nhsuk-body-l nhsuk-u-margin-bottom-2">
        <strong>{partnership ? 'Figures for the whole partnership' : `Figures for ${overview.scope.name}`}</strong>
      </p>
      <p>
        {partnership
          ? `Every funding stream of ${overview.scope.name} and everything committed and spent from them, by every organisation.`
          : `The money that names ${overview.scope.name}: its people’s places and what was paid to it, on whichever stream. No other organisation’s money is in these figures.`}
      </p>
    </div>
  );
}

/** What the unit costs divide, and by what, in words beside the figures. */
function unitCostFigures(overview: Overview): HeadlineFigure[] {
  const spend = overview.deliveredLearningSpend.formatted;
  return [
    {
      key: 'cost-per-learner', label: 'Cost per learner', value: overview.costPerLearner?.formatted ?? 'No learners yet',
      note: <span data-testid="formula-cost-per-learner">Spend on delivered learning ({spend}) ÷ distinct learners who attended
        ({overview.learners.toLocaleString('en-GB')})</span>,
    },
    {
      key: 'cost-per-hour', label: 'Cost per learning hour', value: overview.costPerLearningHour?.formatted ?? 'No hours yet',
      note: <span data-testid="formula-cost-per-hour">Spend on delivered learning ({spend}) ÷ learning hours attended
        ({hoursText(overview.learningHours)})</span>,
    },
  ];
}

function utilisationFigure(overview: Overview): HeadlineFigure {
  const offered = overview.scope.kind === 'PARTNERSHIP'
    ? 'Offered: the capacity of the year’s sessions.'
    : `Offered: the seats allocated to ${overview.scope.name} plus the places its people took from the shared pool.`;
  return {
    key: 'utilisation', label: 'Seat utilisation', value: percentText(overview.seatUtilisation),
    note: <>{overview.seatsUsed.toLocaleString('en-GB')} of {countText(overview.seatsOffered, 'seat', 'seats')} offered were used. {offered}</>,
  };
}

const NO_SHOW_FIGURE = (overview: Overview): HeadlineFigure => (
  { key: 'no-show-cost', label: 'Cost of no-shows', value: overview.noShowCost.formatted, note: 'Paid for places not used: no-shows and late cancellations' });

/** The figures at the top of the partnership's page, each in words a steering group would use. */
export function headlineFigures(overview: Overview): HeadlineFigure[] {
  const { totals } = overview;
  return [
    { key: 'budget', label: 'Total funding', value: totals.budget.formatted, note: countText(overview.byStream.length, 'funding stream', 'funding streams') },
    { key: 'committed', label: 'Committed', value: totals.committed.formatted, note: 'Promised: booked places and pledges not yet paid' },
    { key: 'spent', label: 'Spent', value: totals.spent.formatted },
    { key: 'remaining', label: 'Remaining', value: totals.remaining.formatted, note: 'Total funding less committed and spent' },
    ...unitCostFigures(overview),
    utilisationFigure(overview),
    NO_SHOW_FIGURE(overview),
  ];
}

/** An organisation's own figures: what its people committed and spent; no budget, which is the streams'. */
export function organisationHeadlineFigures(overview: Overview): HeadlineFigure[] {
  return [
    { key: 'committed', label: 'Committed', value: overview.totals.committed.formatted, note: 'Promised: its people’s booked places not yet paid' },
    { key: 'spent', label: 'Spent', value: overview.totals.spent.formatted, note: 'Its people’s places, and what was paid to it' },
    ...unitCostFigures(overview),
    utilisationFigure(overview),
    NO_SHOW_FIGURE(overview),
  ];
}

/**
 * What is left is a stream's (and so a funder's) figure: an organisation, a sector or a quarter
 * spends from streams it did not fund, so its own "remaining" would be a meaningless negative.
 * The CSV exports still carry every column.
 */
const WITHOUT_REMAINING = ['budget', 'committed', 'spent'] as const;
const SPENDING = ['committed', 'spent'] as const;

/** The charts' order is the money's size; the organisation chart keeps the ten largest and adds up the rest. */
const CHART_TOP = 10;

/** Budget is the year's in every quarter, and remaining is what was left at each quarter's end (chart-data.ts). */
function quarterRows(overview: Overview, yearParam: string, withLinks: boolean) {
  return quarterPosition(overview.byQuarter.map((row) => ({
    key: row.key, label: row.label, shortLabel: quarterShortLabel(row.label), summary: row.summary,
    href: withLinks ? paths.fundingEntries({ year: yearParam, quarter: row.key.replace(/^Q/, '') }) : null,
  })), overview.totals.budget.pence);
}

const QUARTER_HEADERS = { budget: 'Year’s budget', remaining: 'Remaining at quarter end' } as const;

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
  const csv = (table: string) => paths.fundingExport(slug, yearParam, `${table}.csv`);
  const streams = overview.byStream.map(({ stream, summary }) => ({
    key: stream.id, label: stream.name, href: paths.fundingStream(stream.id), summary,
    note: `${stream.funderName}${stream.pooled ? ' (pooled)' : ''}. Managed by ${stream.managingOrganisation.name}`,
  }));
  const breakdown = (rows: Overview['byFunder'], href: (key: string) => string | null) =>
    bySize(rows).map((row) => ({ key: row.key, label: row.label, summary: row.summary, href: href(row.key) }));
  const organisations = breakdown(overview.byOrganisation, (key) => paths.fundingOrganisation(key, yearParam));

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
        table={{ caption: `Funding by funder, ${year}, largest first`, labelHeader: 'Funder', rows: breakdown(overview.byFunder, (key) => paths.fundingEntries({ year: yearParam, funder: key })), total: overview.totals }}
        actions={<ExportCsvLink href={csv('funders')} what={`funding by funder for ${year}`} />} />

      <BreakdownSection id="organisations" title="By organisation"
        intro={<p>The money each organisation’s people committed and spent, and what it contributed to pooled streams.</p>}
        chart={{
          label: `Bar chart of spent and committed by organisation, ${year}, largest first${organisations.length > CHART_TOP + 1 ? `: the ${CHART_TOP} largest and the others together` : ''}`,
          series: ['spent', 'committed'], layout: 'bars', rows: topWithOthers(organisations, CHART_TOP, ['organisation', 'organisations']),
        }}
        table={{
          caption: `Funding by organisation, ${year}, largest first`, labelHeader: 'Organisation', total: overview.totals, figures: WITHOUT_REMAINING,
          rows: organisations,
        }}
        actions={<ExportCsvLink href={csv('organisations')} what={`funding by organisation for ${year}`} />} />

      <BreakdownSection id="sectors" title="By sector"
        chart={{ label: `Bar chart of spent and committed by sector, ${year}`, series: ['spent', 'committed'], layout: 'bars' }}
        table={{ caption: `Funding by sector, ${year}, largest first`, labelHeader: 'Sector', figures: WITHOUT_REMAINING, rows: breakdown(overview.bySector, (key) => paths.fundingEntries({ year: yearParam, sector: key })), total: overview.totals }}
        actions={<ExportCsvLink href={csv('sectors')} what={`funding by sector for ${year}`} />} />

      <BreakdownSection id="quarters" title="By quarter"
        intro={<p data-testid="quarters-note">The budget is the year’s budget, shown against every quarter (it is not split between
          quarters). Committed and spent are each quarter’s own; remaining is what was left of the year’s budget at the end of the quarter.</p>}
        chart={{ label: `Column chart of spent and committed by quarter, ${year}`, series: ['spent', 'committed'], layout: 'columns' }}
        table={{
          caption: `Funding by quarter, ${year}`, labelHeader: 'Quarter', total: overview.totals, figureHeaders: QUARTER_HEADERS,
          rows: quarterRows(overview, yearParam, true),
        }}
        actions={<ExportCsvLink href={csv('quarters')} what={`funding by quarter for ${year}`} />} />

      <section className="funding-section" aria-labelledby="entries-heading" data-testid="section-entries">
        <h2 id="entries-heading">Every ledger entry</h2>
        <p>Each figure on this page adds up entries of the funding ledger: budgets, contributions, commitments, spend and
          corrections. <Link to={paths.fundingEntries({ year: yearParam })}>See the entries for {year}</Link>, or download them all.</p>
        <StreamedCsvDownload href={csv('entries')} filename={`funding-${yearParam}-entries.csv`} what={`every ledger entry for ${year}`} />
        <p className="nhsuk-body-s">
          <a href={paths.fundingExport(slug, yearParam, '360giving.json')} download>Download the streams as 360Giving data (JSON)</a>, the open
          standard for publishing grants.
        </p>
      </section>
    </>
  );
}

/**
 * An L&D lead's page, one scope throughout (their organisation): what its people committed and
 * spent, by stream and by quarter (no budget or remaining: those are the streams', not the
 * organisation's), then the streams it manages or funds, each whole with its budget.
 */
export function OrganisationFundingView({ overview }: { overview: Overview }) {
  const year = overview.financialYear;
  const name = overview.scope.name;
  const streams = bySize(overview.byStream.map(({ stream, summary }) => ({
    key: stream.id, label: stream.name, href: paths.fundingStream(stream.id), summary,
    note: `${stream.funderName}${stream.pooled ? ' (pooled)' : ''}. Managed by ${stream.managingOrganisation.name}`,
  })));
  const held = overview.streamsHeld.map(({ stream, summary }) => ({
    key: stream.id, label: stream.name, href: paths.fundingStream(stream.id), summary,
    note: `${stream.funderName}${stream.pooled ? ' (pooled)' : ''}. Managed by ${stream.managingOrganisation.name}`,
  }));
  const quarters = overview.byQuarter.map((row) => ({ key: row.key, label: row.label, shortLabel: quarterShortLabel(row.label), summary: row.summary }));
  return (
    <>
      <section className="funding-section" aria-labelledby="spent-heading" data-testid="section-spent">
        <h2 id="spent-heading">What our organisation spent</h2>
        <p>What {name}’s people committed and spent in {year}, on whichever stream paid for it.</p>
        <HeadlineFigures figures={organisationHeadlineFigures(overview)} />
      </section>

      <BreakdownSection id="spent-streams" title="Our spending by stream"
        intro={<p>{name}’s committed and spent money on each stream, largest first. A stream’s budget and what is left of it are the
          stream’s, not {name}’s: see the streams you manage or fund below.</p>}
        chart={{ label: `Bar chart of ${name}’s spent and committed money by stream, ${year}, largest first`, series: ['spent', 'committed'], layout: 'bars' }}
        table={{ caption: `${name}’s spending by stream, ${year}`, labelHeader: 'Stream', rows: streams, total: overview.totals, figures: SPENDING }} />

      <BreakdownSection id="spent-quarters" title="Our spending by quarter"
        chart={{ label: `Column chart of ${name}’s spent and committed money by quarter, ${year}`, series: ['spent', 'committed'], layout: 'columns' }}
        table={{ caption: `${name}’s spending by quarter, ${year}`, labelHeader: 'Quarter', rows: quarters, total: overview.totals, figures: SPENDING }} />

      <section className="funding-section" aria-labelledby="held-heading" data-testid="section-held">
        <h2 id="held-heading">Streams we manage or fund</h2>
        <p>The streams {name} manages, funds or contributes to in {year}, each whole: its budget and everything committed and spent from
          it, by every organisation whose people it pays for.</p>
        {held.length ? (
          <>
            <HeadlineFigures figures={[
              { key: 'held-budget', label: 'Budget of these streams', value: overview.streamsHeldTotals.budget.formatted,
                note: countText(held.length, 'funding stream', 'funding streams') },
              { key: 'held-committed', label: 'Committed from them', value: overview.streamsHeldTotals.committed.formatted },
              { key: 'held-spent', label: 'Spent from them', value: overview.streamsHeldTotals.spent.formatted },
              { key: 'held-remaining', label: 'Remaining', value: overview.streamsHeldTotals.remaining.formatted, note: 'Budget less committed and spent' },
            ]} />
            <FiguresTable caption={`Streams ${name} manages or funds, ${year}`} labelHeader="Stream" rows={held}
              total={overview.streamsHeldTotals} testId="table-held" />
          </>
        ) : <p data-testid="no-held-streams">{name} manages or funds no stream in {year}.</p>}
      </section>
    </>
  );
}
