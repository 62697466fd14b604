/**
 * Where the funding pages live. The financial year travels in the address as "2025-26", so a
 * page can be bookmarked and shared for a given year; links between the pages keep it.
 */
export const FUNDING_PATHS = {
  overview: '/funding',
  entries: '/funding/entries',
  myOrganisation: '/funding/my-organisation',
  admin: '/admin/funding',
  adminNewStream: '/admin/funding/streams/new',
  adminRecordEntry: '/admin/funding/entries/new',
} as const;

function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function overviewPath(yearParam: string | null): string {
  return withQuery(FUNDING_PATHS.overview, { year: yearParam });
}

export function streamPath(id: string): string {
  return `/funding/streams/${encodeURIComponent(id)}`;
}

export function organisationFundingPath(id: string, yearParam: string | null): string {
  return withQuery(`/funding/organisations/${encodeURIComponent(id)}`, { year: yearParam });
}

/** What narrows the ledger, as address keys of the entries page. */
export interface EntriesQuery {
  year: string;
  stream?: string | null;
  organisation?: string | null;
  funder?: string | null;
  sector?: string | null;
  quarter?: string | null;
  kind?: string | null;
  wasted?: 'yes' | null;
  course?: string | null;
  session?: string | null;
}

export function entriesPath(query: EntriesQuery): string {
  return withQuery(FUNDING_PATHS.entries, { ...query });
}

/** The server's exports of the funding page's tables: GET, with the session cookie. */
export function exportPath(slug: string, yearParam: string, file: string): string {
  return `/exports/funding/${encodeURIComponent(slug)}/${encodeURIComponent(yearParam)}/${file}`;
}
