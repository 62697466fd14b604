import { useQuery } from '@apollo/client/react';
import { Table } from 'nhsuk-react-components';
import { useLocation } from 'react-router';
import type { SignedInViewer } from '../ui/use-viewer';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { Pager } from '../ui/pager';
import { pageNumberOf, pageStateOf, showingText } from '../ui/paging';
import { AREA_AUDIENCE, RequireRole } from '../ui/require-role';
import { formatUkDateTime } from '../ui/uk-date-time';
import { useDocumentTitle } from '../ui/use-document-title';
import { AuditLogQuery } from './admin.operations';

const PAGE_SIZE = 25;

function AuditLog({ viewer }: { viewer: SignedInViewer }) {
  const { search } = useLocation();
  const paging = pageStateOf(new URLSearchParams(search));
  const page = pageNumberOf(paging);
  const { data, loading, error } = useQuery(AuditLogQuery, {
    variables: { first: PAGE_SIZE, after: paging.after }, fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(['Audit log', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...AREA_AUDIENCE.PARTNERSHIP_ADMIN} />;
  const entries = data?.auditLog.edges.map((edge) => edge.node) ?? [];
  const total = data?.auditLog.totalCount ?? 0;

  return (
    <>
      <h1>Audit log</h1>
      <p>Who did what in {viewer.partnership.name}, newest first: sign-ins, changes to people, roles and organisations, and imports.</p>
      {loading && !data ? <p role="status">Loading the audit log…</p> : null}
      {error && !data ? <p>Sorry, the audit log could not be loaded. Try again later.</p> : null}
      {data ? (
        <>
          <p className="nhsuk-body-s" role="status">{total ? `${showingText(page, PAGE_SIZE, entries.length, total)} entries` : 'Nothing has been recorded yet.'}</p>
          <Table responsive caption="Audit log entries" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>When</Table.Cell>
                <Table.Cell>What happened</Table.Cell>
                <Table.Cell>IP address</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {entries.map((entry) => (
                <Table.Row key={entry.id}>
                  <Table.Cell>{formatUkDateTime(entry.occurredAt)}</Table.Cell>
                  <Table.Cell><span className="portal-break-anywhere">{entry.summary}</span></Table.Cell>
                  <Table.Cell>{entry.ipAddress ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager page={page} pageSize={PAGE_SIZE} total={total} endCursor={data.auditLog.pageInfo.endCursor}
            hasNextPage={data.auditLog.pageInfo.hasNextPage} />
        </>
      ) : null}
    </>
  );
}

/** Administrators: the partnership's audit log. */
export function AuditLogPage() {
  return <RequireRole role="PARTNERSHIP_ADMIN">{(viewer) => <AuditLog viewer={viewer} />}</RequireRole>;
}
