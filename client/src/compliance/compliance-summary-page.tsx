import { useQuery } from '@apollo/client/react';
import { Table } from 'nhsuk-react-components';
import type { ComplianceSummaryQuery as SummaryResult } from '../gql/graphql';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { RequireRole, type Audience } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import type { SignedInViewer } from '../ui/use-viewer';
import { ComplianceSummaryQuery } from './compliance.operations';
import { calendarDate, percentText } from './compliance-text';
import './compliance.scss';

const AUDIENCE: Audience = {
  roles: ['STEERING_GROUP', 'PARTNERSHIP_ADMIN'],
  needs: 'a steering group member or an administrator',
  who: 'Steering group members and partnership administrators',
};

type Share = SummaryResult['complianceSummary']['organisations'][number];

const BAR_HEIGHT = 28;
const LABEL_WIDTH = 46; // per cent of the drawing

/**
 * Done and in date as horizontal bars, one per row, drawn as one labelled image: a screen reader
 * hears what it shows and that the table below has the figures. Plain SVG (no inline style).
 */
function ShareBars({ label, rows }: { label: string; rows: Share[] }) {
  const shown = rows.filter((r) => r.totals.compliantPercent != null);
  if (!shown.length) return null;
  const height = shown.length * BAR_HEIGHT + 8;
  return (
    <svg className="compliance-bars" viewBox={`0 0 1000 ${height}`} role="img" aria-label={`${label}. The table below gives the same figures.`}
      data-testid="compliance-chart">
      {shown.map((row, index) => {
        const y = index * BAR_HEIGHT + 4;
        const percent = row.totals.compliantPercent!;
        const width = ((100 - LABEL_WIDTH - 8) * 10 * percent) / 100;
        const name = row.name.length > 42 ? `${row.name.slice(0, 40)}…` : row.name;
        return (
          <g key={row.organisationId ?? row.sector}>
            <title>{`${row.name}: ${percentText(percent)}`}</title>
            <text x={LABEL_WIDTH * 10 - 8} y={y + 18} textAnchor="end" fontSize="16" fill="#212b32">{name}</text>
            <rect x={LABEL_WIDTH * 10} y={y + 3} width={Math.max(width, 1)} height={BAR_HEIGHT - 8} fill="#005eb8" />
            <text x={LABEL_WIDTH * 10 + width + 6} y={y + 18} fontSize="16" fill="#212b32">{percentText(percent)}</text>
          </g>
        );
      })}
    </svg>
  );
}

function SharesTable({ caption, first, rows }: { caption: string; first: string; rows: Share[] }) {
  return (
    <Table responsive caption={caption}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>{first}</Table.Cell>
          <Table.Cell>People</Table.Cell>
          <Table.Cell>Subjects needed</Table.Cell>
          <Table.Cell>Done and in date</Table.Cell>
          <Table.Cell>Expiring within 30 days</Table.Cell>
          <Table.Cell>Overdue</Table.Cell>
          <Table.Cell>Never done</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.organisationId ?? row.sector}>
            <Table.Cell>{row.name}</Table.Cell>
            <Table.Cell>{row.people.toLocaleString('en-GB')}</Table.Cell>
            <Table.Cell>{row.totals.required.toLocaleString('en-GB')}</Table.Cell>
            <Table.Cell>{percentText(row.totals.compliantPercent)}</Table.Cell>
            <Table.Cell>{row.totals.expiring30.toLocaleString('en-GB')}</Table.Cell>
            <Table.Cell>{row.totals.overdue.toLocaleString('en-GB')}</Table.Cell>
            <Table.Cell>{row.totals.neverDone.toLocaleString('en-GB')}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function Summary({ viewer }: { viewer: SignedInViewer }) {
  const { data, loading, error } = useQuery(ComplianceSummaryQuery, { variables: { partnershipSlug: viewer.partnership.slug } });
  useDocumentTitle(['Mandatory training compliance', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} needs={AUDIENCE.needs} who={AUDIENCE.who} />;
  const summary = data?.complianceSummary;
  const organisations = [...(summary?.organisations ?? [])].sort((a, b) => (b.totals.compliantPercent ?? -1) - (a.totals.compliantPercent ?? -1));
  return (
    <>
      <span className="nhsuk-caption-l">{viewer.partnership.name}</span>
      <h1>Mandatory training compliance</h1>
      {loading && !data ? <p role="status">Loading compliance…</p> : null}
      {error && !data ? <p>Sorry, compliance could not be loaded. Try again later.</p> : null}
      {summary ? (
        <>
          <p>
            On {calendarDate(summary.today)}, {percentText(summary.totals.compliantPercent)} of the mandatory subjects people need across the
            partnership are done and in date. Counts only: no one is named.
          </p>
          <h2>By organisation</h2>
          <ShareBars label="Bar chart of the share of mandatory subjects done and in date, by organisation" rows={organisations} />
          <SharesTable caption="Compliance by organisation" first="Organisation" rows={organisations} />
          <h2>By sector</h2>
          <ShareBars label="Bar chart of the share of mandatory subjects done and in date, by sector" rows={summary.sectors} />
          <SharesTable caption="Compliance by sector" first="Sector" rows={summary.sectors} />
        </>
      ) : null}
    </>
  );
}

/** The steering group's and administrators' view: compliance percentages by organisation and sector, no names. */
export function ComplianceSummaryPage() {
  return <RequireRole audience={AUDIENCE}>{(viewer) => <Summary viewer={viewer} />}</RequireRole>;
}
