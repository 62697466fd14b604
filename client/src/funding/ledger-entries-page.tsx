import { Link, useSearchParams } from 'react-router';
import { BackLink } from 'nhsuk-react-components';
import type { LedgerEntryFilter, LedgerEntryKind } from '../gql/graphql';
import type { SignedInViewer } from '../ui/use-viewer';
import { RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { ENTRY_KIND_TEXT } from './funding-text';
import { LedgerEntriesList } from './ledger-entries-list';
import { FUNDING_AUDIENCE, fundingHomeOf } from './require-funding-role';
import { useFundingYear } from './use-funding-year';
import './funding.scss';

const KINDS = Object.keys(ENTRY_KIND_TEXT) as LedgerEntryKind[];

/** The address's narrowing (?funder=…&quarter=2) as the API's filter, and in words. */
export function entriesFilterOf(params: URLSearchParams, partnershipSlug: string, financialYear: string): { filter: LedgerEntryFilter; words: string[] } {
  const filter: LedgerEntryFilter = { partnershipSlug, financialYear };
  const words: string[] = [];
  const text = (key: string) => params.get(key)?.trim() || null;
  const funder = text('funder');
  if (funder) {
    filter.funderName = funder;
    words.push(`funded by ${funder}`);
  }
  const sector = text('sector');
  if (sector) {
    filter.sector = sector;
    words.push('in one sector');
  }
  const quarter = Number(text('quarter'));
  if ([1, 2, 3, 4].includes(quarter)) {
    filter.quarter = quarter;
    words.push(`in quarter ${quarter}`);
  }
  const kind = text('kind')?.toUpperCase();
  if (kind && KINDS.includes(kind as LedgerEntryKind)) {
    filter.kind = kind as LedgerEntryKind;
    words.push(`of kind ${ENTRY_KIND_TEXT[kind as LedgerEntryKind].text.toLowerCase()}`);
  }
  if (text('wasted') === 'yes') {
    filter.wasted = true;
    words.push('for no-shows and late cancellations');
  }
  for (const [key, field, word] of [['stream', 'streamId', 'on one stream'], ['organisation', 'organisationId', 'for one organisation'],
    ['course', 'courseId', 'for one course'], ['session', 'sessionId', 'for one session']] as const) {
    const value = text(key);
    if (value) {
      filter[field] = value;
      words.push(word);
    }
  }
  return { filter, words };
}

function LedgerEntries({ viewer }: { viewer: SignedInViewer }) {
  const [params] = useSearchParams();
  const year = useFundingYear();
  const { filter, words } = entriesFilterOf(params, viewer.partnership.slug, year.year);
  const title = `Ledger entries, ${year.year}`;
  useDocumentTitle([title, viewer.partnership.name]);
  const home = fundingHomeOf(viewer);
  return (
    <div className="funding-page">
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={`${home.path}?year=${year.param}`}>{home.text} {year.year}</BackLink>
      <h1>{title}</h1>
      <p>{words.length ? `The entries ${words.join(', ')}. ` : 'Every entry of the year. '}
        Their sums are the figures on the funding page.</p>
      {words.length ? <p><Link to={`?year=${year.param}`}>See every entry of {year.year}</Link></p> : null}
      <LedgerEntriesList filter={filter} caption={words.length ? 'Matching entries' : 'All entries'}
        filename={`funding-${year.param}-entries-selected.csv`} />
    </div>
  );
}

/** The entries behind any figure of the funding pages. */
export function LedgerEntriesPage() {
  return <RequireRole audience={FUNDING_AUDIENCE.anyFunding}>{(viewer) => <LedgerEntries viewer={viewer} />}</RequireRole>;
}
