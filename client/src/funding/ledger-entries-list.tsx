import { useId } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import type { LedgerEntryFieldsFragment, LedgerEntryFilter } from '../gql/graphql';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { SERVICE_PROBLEM } from '../ui/form-errors';
import { Pager } from '../ui/pager';
import { pageNumberOf, pageStateOf, showingText } from '../ui/paging';
import { formatUkDate } from '../ui/uk-date-time';
import { EntriesCsvDownload } from './entries-csv-download';
import { ScrollingTable } from './figures-table';
import { LedgerEntriesQuery } from './funding.operations';
import { ENTRY_KIND_TEXT } from './funding-text';
import { HeadlineFigures } from './headline-figures';
import { FUNDING_AUDIENCE } from './require-funding-role';
import { paths } from '../paths';

const PAGE_SIZE = 50;

function EntriesTable({ entries, caption, showStream }: { entries: LedgerEntryFieldsFragment[]; caption: string; showStream: boolean }) {
  const captionId = useId();
  return (
    <ScrollingTable labelledBy={captionId}>
      <table className="nhsuk-table funding-table funding-table--entries" data-testid="entries-table">
        <caption id={captionId} className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Date</th>
            {showStream ? <th scope="col" className="nhsuk-table__header">Stream</th> : null}
            <th scope="col" className="nhsuk-table__header">Kind</th>
            <th scope="col" className="nhsuk-table__header">For</th>
            <th scope="col" className="nhsuk-table__header">Reason</th>
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Amount</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {entries.map((entry) => (
            <tr key={entry.id} className="nhsuk-table__row" data-entry-id={entry.id}>
              <td className="nhsuk-table__cell funding-table__nowrap">{formatUkDate(entry.occurredAt)}</td>
              {showStream ? <td className="nhsuk-table__cell"><Link to={paths.fundingStream(entry.stream.id)}>{entry.stream.name}</Link></td> : null}
              <td className="nhsuk-table__cell">
                {ENTRY_KIND_TEXT[entry.kind].text}
                {entry.wasted ? <span className="funding-table__note">No-show or late cancellation</span> : null}
              </td>
              <td className="nhsuk-table__cell">
                {entry.organisation?.name ?? ''}
                {entry.courseTitle ? <span className="funding-table__note">{entry.courseTitle}</span> : null}
              </td>
              <td className="nhsuk-table__cell funding-table__reason">{entry.reason}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric funding-table__money">{entry.amount.formatted}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/**
 * The ledger entries behind a figure, a page at a time (the cursor lives in the address), with
 * their sum at the top, which is the figure itself, and a CSV of all of them.
 */
export function LedgerEntriesList({ filter, caption, filename, showStream = true, headingLevel = 2, withBudget = true }: {
  filter: LedgerEntryFilter;
  caption: string;
  filename: string;
  showStream?: boolean;
  headingLevel?: 2 | 3;
  /** Off where the page's figures are an organisation's own spending, which has no budget of its own. */
  withBudget?: boolean;
}) {
  const { search } = useLocation();
  const paging = pageStateOf(new URLSearchParams(search));
  const page = pageNumberOf(paging);
  const { data, loading, error } = useQuery(LedgerEntriesQuery, {
    variables: { filter, first: PAGE_SIZE, ...(paging.after ? { after: paging.after } : {}) },
  });
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} needs={FUNDING_AUDIENCE.anyFunding.needs} who={FUNDING_AUDIENCE.anyFunding.who} />;
  const connection = data?.ledgerEntries ?? null;
  const entries = connection?.edges.map((edge) => edge.node) ?? [];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="funding-section" aria-labelledby="ledger-heading" data-testid="ledger-entries">
      <Heading id="ledger-heading">{caption}</Heading>
      <div role="status">
        {loading && !connection ? <p>Loading entries…</p> : null}
        {connection ? (
          <p>
            {connection.totalCount === 1 ? '1 entry' : `${connection.totalCount.toLocaleString('en-GB')} entries`}
            {connection.totalCount > PAGE_SIZE ? `. ${showingText(page, PAGE_SIZE, entries.length, connection.totalCount)}` : ''}
          </p>
        ) : null}
      </div>
      {error && !connection ? <p>{SERVICE_PROBLEM}</p> : null}
      {connection && connection.totalCount ? (
        <>
          <HeadlineFigures figures={[
            ...(withBudget ? [{ key: 'entries-budget', label: 'Budget', value: connection.summary.budget.formatted }] : []),
            { key: 'entries-committed', label: 'Committed', value: connection.summary.committed.formatted },
            { key: 'entries-spent', label: 'Spent', value: connection.summary.spent.formatted },
          ]} />
          <EntriesTable entries={entries} caption={`${caption}, page ${page}`} showStream={showStream} />
          <Pager page={page} pageSize={PAGE_SIZE} total={connection.totalCount} endCursor={connection.pageInfo.endCursor}
            hasNextPage={connection.pageInfo.hasNextPage} />
          <EntriesCsvDownload filter={filter} filename={filename} what={caption} />
        </>
      ) : null}
    </section>
  );
}
