import { Link, useLocation } from 'react-router';
import { Pagination } from 'nhsuk-react-components';
import { hrefWith, nextPageSearch, previousPageSearch, type KeptKeys } from './paging';

/** "Previous page" and "Next page" for a list paged by cursors in the address (ui/paging.ts). */
export function Pager({ page, pageSize, total, endCursor, hasNextPage, keep }: {
  page: number;
  pageSize: number;
  total: number;
  endCursor: string | null | undefined;
  hasNextPage: boolean;
  /** The address keys kept across pages; all when absent (ui/paging.ts). */
  keep?: KeptKeys;
}) {
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hasNext = hasNextPage && !!endCursor;
  if (page <= 1 && !hasNext) return null;
  return (
    <Pagination>
      {page > 1 ? (
        <Pagination.Link previous asElement={Link} to={hrefWith(pathname, previousPageSearch(params, keep))}
          labelText={`Page ${page - 1} of ${pages}`} />
      ) : null}
      {hasNext ? (
        <Pagination.Link next asElement={Link} to={hrefWith(pathname, nextPageSearch(params, endCursor, keep))}
          labelText={`Page ${page + 1} of ${pages}`} />
      ) : null}
    </Pagination>
  );
}
