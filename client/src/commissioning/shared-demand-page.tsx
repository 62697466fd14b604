import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Details, Table } from 'nhsuk-react-components';
import type { TrainingNeedGroupKind, TrainingNeedGroupsQuery as GroupsResult } from '../gql/graphql';
import { paths } from '../paths';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { RequireRole } from '../ui/require-role';
import { formatUkTimeRange } from '../ui/uk-date-time';
import { useDocumentTitle } from '../ui/use-document-title';
import type { SignedInViewer } from '../ui/use-viewer';
import { TrainingNeedGroupsQuery } from './commissioning.operations';
import { COMMISSIONING_AUDIENCE, formatCalendarDate, peopleText } from './need-text';

type Group = GroupsResult['trainingNeedGroups'][number];

const KIND_TEXT: Record<TrainingNeedGroupKind, string> = {
  MANDATORY_SUBJECT: 'Mandatory subject', KSF_DIMENSION: 'KSF dimension', TOPIC: 'Similar topics',
};

const nameOf = (group: Group, organisationId: string) =>
  group.organisations.find((part) => part.organisation.id === organisationId)?.organisation.name ?? 'An organisation';

function GroupCard({ group, slug, proposes }: { group: Group; slug: string; proposes: boolean }) {
  const headingId = `group-${group.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  return (
    <section className="nhsuk-card" aria-labelledby={headingId} data-group-key={group.key}>
      <div className="nhsuk-card__content">
        <span className="nhsuk-caption-m">{KIND_TEXT[group.kind]}</span>
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id={headingId}>{group.label}</h2>
        <p className="nhsuk-body-l nhsuk-u-margin-bottom-3">
          <strong>{peopleText(group.peopleCount)}</strong> from {group.organisations.length} organisations,
          in {group.needCount} {group.needCount === 1 ? 'need' : 'needs'}, wanted by {formatCalendarDate(group.earliestWantedBy)} at the earliest
        </p>
        <Table responsive caption={`Organisations with needs for ${group.label}`} captionProps={{ size: 's' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Organisation</Table.Cell>
              <Table.Cell format="numeric">Needs</Table.Cell>
              <Table.Cell format="numeric">People</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {group.organisations.map((part) => (
              <Table.Row key={part.organisation.id}>
                <Table.Cell>{part.organisation.name}</Table.Cell>
                <Table.Cell format="numeric">{part.needCount}</Table.Cell>
                <Table.Cell format="numeric">{part.peopleCount.toLocaleString('en-GB')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {group.needs.length ? (
          <Details>
            <Details.Summary>{group.needs.length === group.needCount ? 'The needs' : 'Your organisation\'s needs'} ({group.needs.length})</Details.Summary>
            <Details.Text>
              <ul className="nhsuk-list">
                {group.needs.map((need) => (
                  <li key={need.id} data-need-id={need.id}>
                    <strong>{need.topic}</strong>: {nameOf(group, need.organisation.id)}, {peopleText(need.peopleCount)},
                    wanted by {formatCalendarDate(need.wantedBy)}
                  </li>
                ))}
              </ul>
            </Details.Text>
          </Details>
        ) : null}
        <h3 className="nhsuk-heading-s">Sessions already on offer that could meet it</h3>
        {group.sessions.length ? (
          <ul className="nhsuk-list nhsuk-list--border">
            {group.sessions.map((session) => (
              <li key={session.id}>
                <Link to={paths.session(slug, session.id)}>{session.course.title}</Link>
                <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                  {formatUkTimeRange(session.startsAt, session.endsAt)}
                  {session.venue ? `, ${session.venue.name}, ${session.venue.town}` : ', online'}
                </div>
                <div className="nhsuk-body-s nhsuk-u-secondary-text-color nhsuk-u-margin-bottom-0">
                  {session.course.provider.name} · {session.seatsLeft === 1 ? '1 seat left' : `${session.seatsLeft.toLocaleString('en-GB')} seats left`}
                </div>
              </li>
            ))}
          </ul>
        ) : <p>No upcoming session could meet it yet: this demand may need a course commissioning.</p>}
        {proposes ? (
          <Button asElement={Link} to={paths.propose(slug, group.key)} secondary className="nhsuk-u-margin-bottom-0">
            Propose a course for this need<span className="nhsuk-u-visually-hidden">: {group.label}</span>
          </Button>
        ) : null}
      </div>
    </section>
  );
}

function SharedDemand({ viewer, slug }: { viewer: SignedInViewer; slug: string }) {
  const { data, loading, error } = useQuery(TrainingNeedGroupsQuery, { variables: { partnershipSlug: slug }, fetchPolicy: 'cache-and-network' });
  useDocumentTitle(['Shared demand', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} needs={COMMISSIONING_AUDIENCE.needs} who={COMMISSIONING_AUDIENCE.who} />;
  const groups = data?.trainingNeedGroups ?? [];
  const leads = viewer.roles.some((grant) => grant.role === 'LD_LEAD');
  const leadsOnly = !viewer.roles.some((grant) => grant.role === 'PARTNERSHIP_ADMIN' || grant.role === 'STEERING_GROUP');

  return (
    <>
      <h1>Shared demand</h1>
      <p>Open training needs that two or more organisations share, by mandatory subject, KSF dimension or similar topic, with the
        sessions already on offer that could meet them. Check what exists before commissioning something new.</p>
      {leadsOnly ? <p className="nhsuk-body-s">Other organisations&apos; needs are shown as a count of needs and people.</p> : null}
      <div className="nhsuk-button-group">
        <Button asElement={Link} to={paths.raiseTrainingNeed(slug)}>Raise a training need</Button>
        <Button asElement={Link} to={paths.trainingNeeds(slug)} secondary>{leadsOnly ? "My organisation's needs" : 'All training needs'}</Button>
        <Button asElement={Link} to={paths.proposals(slug)} secondary>Commissioning proposals</Button>
      </div>
      {loading && !data ? <p role="status">Loading shared demand…</p> : null}
      {error && !data ? <p>Sorry, shared demand could not be loaded. Try again later.</p> : null}
      {data && !groups.length ? <p>No two organisations share a need yet.</p> : null}
      {groups.map((group) => <GroupCard key={group.key} group={group} slug={slug} proposes={leads} />)}
    </>
  );
}

/** L&D leads, the steering group and administrators: needs grouped across organisations, with the sessions that could meet them. */
export function SharedDemandPage() {
  const { slug = '' } = useParams();
  return <RequireRole audience={COMMISSIONING_AUDIENCE}>{(viewer) => <SharedDemand viewer={viewer} slug={slug} />}</RequireRole>;
}
