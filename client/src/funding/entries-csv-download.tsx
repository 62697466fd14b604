import { useApolloClient } from '@apollo/client/react';
import type {
  LedgerEntriesQuery as LedgerEntriesQueryResult, LedgerEntriesQueryVariables, LedgerEntryFieldsFragment, LedgerEntryFilter,
} from '../gql/graphql';
import { SERVICE_PROBLEM } from '../ui/form-errors';
import { ProgressiveDownload, type DownloadWork } from './csv-download';
import { csvText, poundsFromPence, saveFile, ukDateTimeText, type CsvColumn } from './csv-text';
import { LedgerEntriesQuery } from './funding.operations';
import { ENTRY_KIND_TEXT } from './funding-text';

/** The most the API gives in one page of entries. */
const PAGE = 200;

export const ENTRY_CSV_COLUMNS: Array<CsvColumn<LedgerEntryFieldsFragment>> = [
  { header: 'Stream', value: (e) => e.stream.name },
  { header: 'Entry', value: (e) => e.sequence },
  { header: 'Kind', value: (e) => ENTRY_KIND_TEXT[e.kind].text },
  { header: 'Amount (£)', value: (e) => poundsFromPence(e.amount.pence) },
  { header: 'Budget effect (£)', value: (e) => poundsFromPence(e.effect.budget.pence) },
  { header: 'Committed effect (£)', value: (e) => poundsFromPence(e.effect.committed.pence) },
  { header: 'Spent effect (£)', value: (e) => poundsFromPence(e.effect.spent.pence) },
  { header: 'Remaining effect (£)', value: (e) => poundsFromPence(e.effect.remaining.pence) },
  { header: 'Organisation', value: (e) => e.organisation?.name },
  { header: 'Course', value: (e) => e.courseTitle },
  { header: 'Wasted', value: (e) => e.wasted },
  { header: 'Occurred at (UK time)', value: (e) => ukDateTimeText(e.occurredAt) },
  { header: 'Quarter', value: (e) => `Q${e.quarter}` },
  { header: 'Reason', value: (e) => e.reason },
  { header: 'Entry ID', value: (e) => e.id },
  { header: 'Stream ID', value: (e) => e.stream.id },
  { header: 'Course ID', value: (e) => e.courseId },
  { header: 'Session ID', value: (e) => e.sessionId },
  { header: 'Reverses entry ID', value: (e) => e.reversesEntryId },
];

/**
 * "Download CSV" of the entries behind a figure on a drill-down page: the entries are fetched a
 * page at a time through the API (the same scope and figures as the page), with progress shown
 * against their count, then saved as one file.
 */
export function EntriesCsvDownload({ filter, filename, what }: { filter: LedgerEntryFilter; filename: string; what: string }) {
  const client = useApolloClient();
  const work: DownloadWork = async (report) => {
    const entries: LedgerEntryFieldsFragment[] = [];
    let after: string | null = null;
    for (;;) {
      const variables: LedgerEntriesQueryVariables = { filter, first: PAGE, after };
      const { data } = await client.query({ query: LedgerEntriesQuery, variables, fetchPolicy: 'network-only' });
      if (!data) return { failed: SERVICE_PROBLEM };
      const page: LedgerEntriesQueryResult['ledgerEntries'] = data.ledgerEntries;
      entries.push(...page.edges.map((edge) => edge.node));
      report({ received: entries.length, total: page.totalCount });
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    saveFile(new Blob([csvText(ENTRY_CSV_COLUMNS, entries)], { type: 'text/csv;charset=utf-8' }), filename);
    return { rows: entries.length };
  };
  return <ProgressiveDownload work={work} what={what} noun={['entry', 'entries']} testId="entries-csv" />;
}

/** "Spend" for an entry's kind. */
export function entryKindText(kind: LedgerEntryFieldsFragment['kind']): string {
  return ENTRY_KIND_TEXT[kind].text;
}
