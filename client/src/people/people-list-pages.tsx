import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { paths } from '../paths';
import { ledOrganisations, type SignedInViewer } from '../ui/use-viewer';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { Pager } from '../ui/pager';
import { AREA_AUDIENCE, RequireRole, type AreaRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { PeopleListQuery } from './people.query';
import { PeopleCount, PeopleSearchForm, usePeopleSearch } from './people-search';
import { PeopleTable } from './people-table';

const PAGE_SIZE = 20;

/**
 * A read-only people list for a lead or a line manager. The API decides who is in it (the
 * organisations a lead leads, a manager's direct reports); the page only searches and pages.
 */
function PeopleList({ viewer, role, title, intro, organisations, more }: {
  viewer: SignedInViewer;
  role: AreaRole;
  title: string;
  intro: string;
  /** What else the page offers, after its introduction. */
  more?: ReactNode;
  organisations?: Array<{ id: string; name: string }>;
}) {
  const current = usePeopleSearch();
  const { data, loading, error } = useQuery(PeopleListQuery, {
    // "My team" is always the direct reports, even for a manager who also leads the organisation.
    variables: { search: current.search || null, organisationId: current.organisationId || null,
      directReportsOnly: role === 'LINE_MANAGER', first: PAGE_SIZE, after: current.after },
    fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle([title, viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...AREA_AUDIENCE[role]} />;
  const people = data?.people.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <h1>{title}</h1>
      <p>{intro}</p>
      {more}
      <PeopleSearchForm current={current} organisations={organisations} />
      <PeopleCount loading={loading && !data} total={data?.people.totalCount ?? null} shown={people.length}
        page={current.page} pageSize={PAGE_SIZE} />
      {error && !data ? <p>Sorry, there is a problem with the service. Try again later.</p> : null}
      {people.length ? <PeopleTable people={people} caption={title} /> : null}
      {data ? (
        <Pager page={current.page} pageSize={PAGE_SIZE} total={data.people.totalCount}
          endCursor={data.people.pageInfo.endCursor} hasNextPage={data.people.pageInfo.hasNextPage} />
      ) : null}
    </>
  );
}

/** L&D leads: the people of the organisation they lead. */
export function OrganisationPeoplePage() {
  return (
    <RequireRole role="LD_LEAD">
      {(viewer) => {
        const organisations = ledOrganisations(viewer);
        const names = organisations.map((o) => o.name).join(' and ');
        return (
          <PeopleList viewer={viewer} role="LD_LEAD" title="My organisation's people" organisations={organisations}
            intro={`The staff and volunteers of ${names || 'your organisation'}.`} />
        );
      }}
    </RequireRole>
  );
}

/** Line managers: the people who report to them. */
export function TeamPage() {
  return (
    <RequireRole role="LINE_MANAGER">
      {(viewer) => (
        <PeopleList viewer={viewer} role="LINE_MANAGER" title="My team" intro="The people who report to you."
          more={<p>Training your team needs that is not on offer? <Link to={paths.raiseTrainingNeed(viewer.partnership.slug)}>Raise a training need</Link> for your team.</p>} />
      )}
    </RequireRole>
  );
}
