/**
 * Cursor paging kept in the address, the one helper for every paged list: `after` is the cursor
 * of the page shown and `prev` the cursors of the pages before it ("" for the first), so the
 * back button, "Previous page" and shared links all work. Other keys (a search) are kept: all of
 * them, or only the `keep` keys a page names (Find training drops anything it does not know).
 */
export interface PageState {
  after: string | null;
  prev: string[];
}

export function pageStateOf(params: URLSearchParams): PageState {
  const after = params.get('after') || null;
  if (!after) return { after: null, prev: [] };
  const prev = params.has('prev') ? (params.get('prev') ?? '').split(',') : [''];
  return { after, prev };
}

/** 1 for the first page. */
export function pageNumberOf(state: PageState): number {
  return state.prev.length + 1;
}

/** The keys a page keeps across pages; all of them when it names none. */
export type KeptKeys = readonly string[] | undefined;

function withPage(params: URLSearchParams, after: string | null, prev: string[], keep: KeptKeys): URLSearchParams {
  const next = keep ? new URLSearchParams() : new URLSearchParams(params);
  for (const key of keep ?? []) {
    for (const value of params.getAll(key)) next.append(key, value);
  }
  next.delete('after');
  next.delete('prev');
  if (after) {
    next.set('after', after);
    next.set('prev', prev.join(','));
  }
  return next;
}

export function nextPageSearch(params: URLSearchParams, endCursor: string, keep?: KeptKeys): URLSearchParams {
  const { after, prev } = pageStateOf(params);
  return withPage(params, endCursor, [...prev, after ?? ''], keep);
}

/** The page before this one (page 1 carries no paging keys). */
export function previousPageSearch(params: URLSearchParams, keep?: KeptKeys): URLSearchParams {
  const { prev } = pageStateOf(params);
  return withPage(params, prev.at(-1) || null, prev.slice(0, -1), keep);
}

/** Page 1 of the same search (after the search or its order changed). */
export function pageOneSearch(params: URLSearchParams, keep?: KeptKeys): URLSearchParams {
  return withPage(params, null, [], keep);
}

/** A new search: these keys set (blank ones left out), back on page 1. */
export function firstPageSearch(values: Record<string, string>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value.trim()) params.set(key, value.trim());
  }
  return params;
}

/** "Showing 21 to 40 of 57" for the page shown. */
export function showingText(page: number, pageSize: number, shown: number, total: number): string {
  if (!shown) return '';
  const first = (page - 1) * pageSize + 1;
  return `Showing ${first.toLocaleString('en-GB')} to ${(first + shown - 1).toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;
}

export function hrefWith(pathname: string, params: URLSearchParams): string {
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}
