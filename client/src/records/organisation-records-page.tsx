import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Table } from 'nhsuk-react-components';
import type { PeopleLearningRecordsQuery as RecordsResult } from '../gql/graphql';
import { paths } from '../paths';
import { RECORDS_PATHS } from '../route-patterns';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { Pager } from '../ui/pager';
import { AREA_AUDIENCE, RequireRole } from '../ui/require-role';
import { useDocumentTitle } from '../ui/use-document-title';
import { ledOrganisations, type SignedInViewer } from '../ui/use-viewer';
import { calendarDate } from '../compliance/compliance-text';
import { PeopleCount, PeopleSearchForm, usePeopleSearch } from '../people/people-search';
import { PeopleLearningRecordsQuery } from './records.operations';
import type { RecordBackState } from './learning-record-page';

const PAGE_SIZE = 20;
type Listed = RecordsResult['people']['edges'][number]['node'];

const hoursText = (hours: number) => hours.toLocaleString('en-GB', { maximumFractionDigits: 2 });

function RecordsTable({ people, back }: { people: Listed[]; back: RecordBackState }) {
  return (
    <Table responsive caption="People and their learning records" captionProps={{ className: 'nhsuk-u-visually-hidden' }} data-testid="learning-records">
      <Table.Head>
        <Table.Row>
          <Table.Cell>Name</Table.Cell>
          <Table.Cell>Job title</Table.Cell>
          <Table.Cell>Team</Table.Cell>
          <Table.Cell format="numeric">Courses completed</Table.Cell>
          <Table.Cell format="numeric">Informal learning</Table.Cell>
          <Table.Cell format="numeric">Hours</Table.Cell>
          <Table.Cell>Latest learning</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {people.map((person) => {
          const counts = person.learningRecordCounts;
          return (
            <Table.Row key={person.id} data-person={person.id}>
              <Table.Cell>
                <Link to={paths.personLearningRecord(person.id)} state={back}>{person.name}<span className="nhsuk-u-visually-hidden">: learning record</span></Link>
              </Table.Cell>
              <Table.Cell>{person.jobTitle ?? ''}</Table.Cell>
              <Table.Cell>{person.team ?? ''}</Table.Cell>
              <Table.Cell format="numeric" data-figure="completions">{counts ? counts.completions.toLocaleString('en-GB') : ''}</Table.Cell>
              <Table.Cell format="numeric" data-figure="informal">{counts ? counts.informalEntries.toLocaleString('en-GB') : ''}</Table.Cell>
              <Table.Cell format="numeric" data-figure="hours">{counts ? hoursText(counts.totalHours) : ''}</Table.Cell>
              <Table.Cell>{counts?.lastLearnedOn ? calendarDate(counts.lastLearnedOn) : 'None yet'}</Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}

function OrganisationRecords({ viewer }: { viewer: SignedInViewer }) {
  const current = usePeopleSearch();
  const organisations = ledOrganisations(viewer);
  const { data, loading, error } = useQuery(PeopleLearningRecordsQuery, {
    variables: { search: current.search || null, organisationId: current.organisationId || null, first: PAGE_SIZE, after: current.after },
    fetchPolicy: 'cache-and-network',
  });
  useDocumentTitle(['Learning records', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...AREA_AUDIENCE.LD_LEAD} />;
  const people = data?.people.edges.map((edge) => edge.node) ?? [];
  const names = organisations.map((o) => o.name).join(' and ');
  const back: RecordBackState = { recordBack: { href: `${RECORDS_PATHS.organisationRecords}${window.location.search}`, text: 'Learning records' } };
  return (
    <>
      <h1>Learning records</h1>
      <p>What the learning record of each person of {names || 'your organisation'} holds: courses completed and informal learning. Open a name to see the whole record.</p>
      <PeopleSearchForm current={current} organisations={organisations} />
      <PeopleCount loading={loading && !data} total={data?.people.totalCount ?? null} shown={people.length} page={current.page} pageSize={PAGE_SIZE} />
      {error && !data ? <p>Sorry, there is a problem with the service. Try again later.</p> : null}
      {people.length ? <RecordsTable people={people} back={back} /> : null}
      {data ? (
        <Pager page={current.page} pageSize={PAGE_SIZE} total={data.people.totalCount}
          endCursor={data.people.pageInfo.endCursor} hasNextPage={data.people.pageInfo.hasNextPage} />
      ) : null}
    </>
  );
}

/** L&D leads: their organisation's people with what each learning record holds, each opening the record. */
export function OrganisationRecordsPage() {
  return <RequireRole role="LD_LEAD">{(viewer) => <OrganisationRecords viewer={viewer} />}</RequireRole>;
}
