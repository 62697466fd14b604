import { Link, useLocation, useNavigate } from 'react-router';
import { Select } from 'nhsuk-react-components';
import type { FindSessionsQuery, SessionSort } from '../gql/graphql';
import { Pager } from '../ui/pager';
import { hrefWith as href } from '../ui/paging';
import { canSortByDistance, PAGE_SIZE, SEARCH_KEYS, sortParams } from './filter-params';
import { SessionResultCard } from './session-result-card';
import { paths } from '../paths';

function countText(total: number): string {
  if (total === 0) return 'No sessions found';
  return total === 1 ? '1 session found' : `${total.toLocaleString('en-GB')} sessions found`;
}

/**
 * The results column. The count sits in a live region that is always on the page, so a screen
 * reader hears the new count after each search without focus moving.
 */
export function SessionResults(props: {
  slug: string;
  params: URLSearchParams;
  sort: SessionSort;
  /** The town searched for: distance is measured from it. */
  town: string;
  page: number;
  loading: boolean;
  failed: boolean;
  sessions: FindSessionsQuery['sessions'] | null;
  clearHref: string | null;
}) {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const { sessions, page, params } = props;
  const byDistance = canSortByDistance(props.town);
  const total = sessions?.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = (page - 1) * PAGE_SIZE + 1;
  const shown = sessions?.edges.length ?? 0;

  let status = '';
  if (props.loading) status = 'Searching for sessions…';
  else if (sessions) status = countText(total);

  return (
    <section aria-labelledby="results-heading" aria-busy={props.loading}>
      <div role="status" aria-live="polite" aria-atomic="true">
        <h2 id="results-heading" className="nhsuk-heading-m portal-results-count">{status || 'Sessions'}</h2>
        {sessions && total > PAGE_SIZE && shown ? (
          <p className="nhsuk-body-s">{`Showing ${first} to ${first + shown - 1} of ${total}, page ${page} of ${pages}`}</p>
        ) : null}
      </div>

      {sessions && total > 1 ? (
        <Select id="sort" label="Sort by" formGroupProps={{ className: 'portal-results-sort' }} value={props.sort}
          onChange={(event) => navigate(href(pathname, sortParams(params, event.currentTarget.value as SessionSort)),
            { preventScrollReset: true })}>
          <Select.Option value="DATE">Date (soonest first)</Select.Option>
          <Select.Option value="DISTANCE" disabled={!byDistance}>
            {byDistance ? `Distance from ${props.town} (nearest first)` : 'Distance (enter a town first)'}
          </Select.Option>
        </Select>
      ) : null}

      {props.failed ? (
        <p>Sorry, there is a problem with the service. Try again later.</p>
      ) : null}

      {sessions && total === 0 ? (
        <>
          <p>No sessions match. Try removing a filter.</p>
          {props.clearHref ? <p><Link to={props.clearHref}>Clear filters</Link></p> : null}
        </>
      ) : null}

      {sessions && shown ? (
        <ul className="nhsuk-list portal-results" aria-label="Sessions">
          {sessions.edges.map(({ node }) => (
            <li key={node.id}>
              <SessionResultCard session={node} resultsSearch={search}
                href={paths.session(props.slug, node.id)} />
            </li>
          ))}
        </ul>
      ) : null}

      {sessions ? (
        <Pager page={page} pageSize={PAGE_SIZE} total={total} endCursor={sessions.pageInfo.endCursor}
          hasNextPage={sessions.pageInfo.hasNextPage} keep={SEARCH_KEYS} />
      ) : null}
    </section>
  );
}
