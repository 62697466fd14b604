import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Table } from 'nhsuk-react-components';
import { paths } from '../paths';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { Pager } from '../ui/pager';
import { pageNumberOf, pageStateOf, showingText } from '../ui/paging';
import { useDocumentTitle } from '../ui/use-document-title';
import { useViewer, type SignedInViewer } from '../ui/use-viewer';
import { TrainingNeedsQuery } from './commissioning.operations';
import { NeedStatusTag } from './need-status-tag';
import { formatCalendarDate, NEED_SCOPE_TEXT, NEEDS_AUDIENCE, PRIORITY_TEXT } from './need-text';

const PAGE_SIZE = 20;

/** What the raise form tells this page after a need is raised. */
export interface NeedRaisedState {
  needRaised: { topic: string };
}

function Raised({ topic }: { topic: string }) {
  return (
    <div className="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" aria-labelledby="need-raised-title">
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="need-raised-title">Success</h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">The training need “{topic}” has been raised</p>
      </div>
    </div>
  );
}

/** The page's heading: what the list holds for this reader (the API decides what is in it). */
function headingFor(viewer: SignedInViewer): { title: string; lead: string } {
  const roles = new Set(viewer.roles.map((grant) => grant.role));
  if (roles.has('PARTNERSHIP_ADMIN') || roles.has('STEERING_GROUP')) {
    return { title: 'Training needs', lead: `Every training need raised in ${viewer.partnership.name}, newest first.` };
  }
  if (roles.has('LD_LEAD')) {
    return { title: "My organisation's needs", lead: 'The needs of the organisation you lead, its teams and its people, and those you raised, newest first.' };
  }
  if (roles.has('LINE_MANAGER')) return { title: 'Training needs', lead: "Your team's needs and the ones you raised, newest first." };
  return { title: 'My training needs', lead: 'The needs you raised from your 1:1 or appraisal. They go to your organisation\'s L&D lead.' };
}

function NeedsList({ viewer, slug }: { viewer: SignedInViewer; slug: string }) {
  const { search, state } = useLocation();
  const raised = (state ?? {}) as Partial<NeedRaisedState>;
  const paging = pageStateOf(new URLSearchParams(search));
  const page = pageNumberOf(paging);
  const { data, loading, error } = useQuery(TrainingNeedsQuery, {
    variables: { partnershipSlug: slug, first: PAGE_SIZE, after: paging.after }, fetchPolicy: 'cache-and-network',
  });
  const heading = headingFor(viewer);
  useDocumentTitle([heading.title, viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} {...NEEDS_AUDIENCE} />;
  const needs = data?.trainingNeeds.edges.map((edge) => edge.node) ?? [];
  const total = data?.trainingNeeds.totalCount ?? 0;

  return (
    <>
      {raised.needRaised ? <Raised topic={raised.needRaised.topic} /> : null}
      <h1>{heading.title}</h1>
      <p>{heading.lead}</p>
      <Button asElement={Link} to={paths.raiseTrainingNeed(slug)}>Raise a training need</Button>
      {loading && !data ? <p role="status">Loading the training needs…</p> : null}
      {error && !data ? <p>Sorry, the training needs could not be loaded. Try again later.</p> : null}
      {data ? (
        <>
          <p className="nhsuk-body-s" role="status">{total ? `${showingText(page, PAGE_SIZE, needs.length, total)} needs` : 'No training needs have been raised yet.'}</p>
          {needs.length ? (
            <Table responsive caption={heading.title} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Need</Table.Cell>
                  <Table.Cell>For</Table.Cell>
                  <Table.Cell>People</Table.Cell>
                  <Table.Cell>Wanted by</Table.Cell>
                  <Table.Cell>Status</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {needs.map((need) => (
                  <Table.Row key={need.id} data-need-id={need.id}>
                    <Table.Cell>
                      <strong>{need.topic}</strong>
                      <div className="nhsuk-body-s nhsuk-u-secondary-text-color nhsuk-u-margin-bottom-0">
                        {[need.mandatorySubject?.name, need.ksfDimension ? `KSF ${need.ksfDimension}` : null, `${PRIORITY_TEXT[need.priority]} priority`]
                          .filter(Boolean).join(' · ')}
                      </div>
                      {need.metByCourse ? <div>Met by {need.metByCourse.title}</div> : null}
                      {need.withdrawnReason ? <div>Withdrawn: {need.withdrawnReason}</div> : null}
                    </Table.Cell>
                    <Table.Cell>
                      {need.organisation.name}
                      <div className="nhsuk-body-s nhsuk-u-secondary-text-color nhsuk-u-margin-bottom-0">
                        {NEED_SCOPE_TEXT[need.scope]}{need.raisedBy ? `, raised by ${need.raisedBy.name}` : ''}
                      </div>
                    </Table.Cell>
                    <Table.Cell>{need.peopleCount.toLocaleString('en-GB')}</Table.Cell>
                    <Table.Cell>{formatCalendarDate(need.wantedBy)}</Table.Cell>
                    <Table.Cell><NeedStatusTag status={need.status} /></Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : null}
          <Pager page={page} pageSize={PAGE_SIZE} total={total} endCursor={data.trainingNeeds.pageInfo.endCursor}
            hasNextPage={data.trainingNeeds.pageInfo.hasNextPage} />
        </>
      ) : null}
    </>
  );
}

/** Everyone signed in: the needs they may see (their organisation's for a lead, their team's for a line manager, their own). */
export function NeedsPage() {
  const { slug = '' } = useParams();
  const { viewer, loading } = useViewer();
  if (loading) return <p role="status">Loading…</p>;
  if (!viewer) return <AccessProblemPage problem="UNAUTHENTICATED" {...NEEDS_AUDIENCE} />;
  return <NeedsList viewer={viewer} slug={slug} />;
}
