import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { BackLink, Button, SummaryList, Table, Tag } from 'nhsuk-react-components';
import type { CommissioningProposalQuery as ProposalResult } from '../gql/graphql';
import { paths } from '../paths';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { RequireRole } from '../ui/require-role';
import { formatUkDate, formatUkDateTime, formatUkTimeRange } from '../ui/uk-date-time';
import { useDocumentTitle } from '../ui/use-document-title';
import type { SignedInViewer } from '../ui/use-viewer';
import { COMMISSIONING_AUDIENCE, peopleText } from './need-text';
import { NeedStatusTag } from './need-status-tag';
import { CommissioningProposalQuery } from './proposal.operations';
import { ProposalProgressBar } from './proposal-progress';
import { PLEDGE_STATUS, PROPOSAL_STATUS, seatsText } from './proposal-text';
import { WithdrawPledgeControl } from './withdraw-pledge';

type Proposal = NonNullable<ProposalResult['commissioningProposal']>;

export const ledOrganisationIds = (viewer: SignedInViewer) =>
  viewer.roles.filter((grant) => grant.role === 'LD_LEAD' && grant.organisation).map((grant) => grant.organisation!.id);
export const decides = (viewer: SignedInViewer) => viewer.roles.some((grant) => grant.role === 'PARTNERSHIP_ADMIN' || grant.role === 'STEERING_GROUP');

const pledgeText = (pledge: Proposal['pledges'][number]) => [pledge.seats ? seatsText(pledge.seats) : '', pledge.amount.pence ? pledge.amount.formatted : '']
  .filter(Boolean).join(' and ');

function Pledges({ proposal, viewer }: { proposal: Proposal; viewer: SignedInViewer }) {
  const led = new Set(ledOrganisationIds(viewer));
  if (!proposal.pledges.length) return <p>No one has pledged yet.</p>;
  return (
    <Table responsive caption="Every pledge, newest first" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Organisation</Table.Cell>
          <Table.Cell>Seats</Table.Cell>
          <Table.Cell>Money</Table.Cell>
          <Table.Cell>Status</Table.Cell>
          <Table.Cell><span className="nhsuk-u-visually-hidden">Action</span></Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {proposal.pledges.map((pledge) => (
          <Table.Row key={pledge.id} data-pledge-id={pledge.id}>
            <Table.Cell>{pledge.organisation.name}<div className="nhsuk-body-s nhsuk-u-margin-bottom-0">{formatUkDateTime(pledge.createdAt)}</div></Table.Cell>
            <Table.Cell>{pledge.seats ? seatsText(pledge.seats) : 'None'}</Table.Cell>
            <Table.Cell>{pledge.amount.pence ? `${pledge.amount.formatted} from ${pledge.stream?.name ?? 'a stream'}` : 'None'}</Table.Cell>
            <Table.Cell>{PLEDGE_STATUS[pledge.status]}</Table.Cell>
            <Table.Cell>
              {proposal.status === 'OPEN' && pledge.status === 'ACTIVE' && led.has(pledge.organisation.id) ? (
                <WithdrawPledgeControl pledgeId={pledge.id} what={`the pledge of ${pledge.organisation.name}: ${pledgeText(pledge)}`} />
              ) : null}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function ProposalDetails({ viewer, slug, id }: { viewer: SignedInViewer; slug: string; id: string }) {
  const { data, loading, error } = useQuery(CommissioningProposalQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const proposal = data?.commissioningProposal ?? null;
  useDocumentTitle([proposal?.title ?? 'Proposal', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} needs={COMMISSIONING_AUDIENCE.needs} who={COMMISSIONING_AUDIENCE.who} />;
  if (loading && !data) return <p role="status">Loading the proposal…</p>;
  if (error && !data) return <p>Sorry, the proposal could not be loaded. Try again later.</p>;
  if (!proposal) return <><h1>Proposal not found</h1><p>There is no such proposal in your partnership.</p></>;
  const { progress } = proposal;
  const canPledge = proposal.status === 'OPEN' && ledOrganisationIds(viewer).length > 0;
  const canDecide = proposal.status === 'OPEN' && decides(viewer);
  const status = PROPOSAL_STATUS[proposal.status];

  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={paths.proposals(slug)}>Commissioning proposals</BackLink>
      <span className="nhsuk-caption-l">{proposal.proposingOrganisation.name} proposes</span>
      <h1>{proposal.title}</h1>
      <p><Tag modifier={status.tag} data-testid="proposal-status">{status.text}</Tag></p>
      {proposal.summary ? <p className="nhsuk-body-l">{proposal.summary}</p> : null}

      <h2>Pledges against the target</h2>
      <ProposalProgressBar id="seats-progress" label="Seats" part={progress.seatsPledged} whole={progress.seatsPlanned}
        text={`${progress.seatsPledged.toLocaleString('en-GB')} of ${seatsText(progress.seatsPlanned)} pledged`} />
      <ProposalProgressBar id="money-progress" label="Money" part={progress.moneyPledged.pence} whole={progress.moneyTarget.pence}
        text={`${progress.moneyPledged.formatted} of ${progress.moneyTarget.formatted} pledged${progress.covered ? ', the cost is covered' : `, ${progress.shortfall.formatted} short`}`} />
      <div className="nhsuk-button-group">
        {canPledge ? <Button asElement={Link} to={paths.pledgeToProposal(slug, proposal.id)}>Pledge seats or money</Button> : null}
        {canDecide ? <Button asElement={Link} to={paths.decideProposal(slug, proposal.id)} secondary>Approve or decline</Button> : null}
      </div>

      <SummaryList>
        <SummaryList.Row><SummaryList.Key>Course</SummaryList.Key><SummaryList.Value>
          {proposal.course ? proposal.course.title : `${proposal.draftCourse?.title ?? ''} (a new course${proposal.draftCourse?.providerOrganisation ? `, provided by ${proposal.draftCourse.providerOrganisation.name}` : ''})`}
        </SummaryList.Value></SummaryList.Row>
        <SummaryList.Row><SummaryList.Key>Sessions planned</SummaryList.Key>
          <SummaryList.Value>{proposal.sessionsPlanned} × {seatsText(proposal.seatsPerSession)}</SummaryList.Value></SummaryList.Row>
        <SummaryList.Row><SummaryList.Key>Estimated cost</SummaryList.Key><SummaryList.Value>{proposal.estimatedCost.formatted}</SummaryList.Value></SummaryList.Row>
        <SummaryList.Row><SummaryList.Key>Financial year</SummaryList.Key><SummaryList.Value>{proposal.financialYear}</SummaryList.Value></SummaryList.Row>
        <SummaryList.Row><SummaryList.Key>Pledges close</SummaryList.Key><SummaryList.Value>{formatUkDateTime(proposal.pledgeDeadline)}</SummaryList.Value></SummaryList.Row>
        {proposal.decidedAt ? (
          <SummaryList.Row><SummaryList.Key>Decided</SummaryList.Key><SummaryList.Value>
            {formatUkDate(proposal.decidedAt)}{proposal.decisionReason ? `: ${proposal.decisionReason}` : ''}
            {proposal.shortfallAccepted ? ` (shortfall of ${proposal.shortfallAccepted.formatted} accepted)` : ''}
          </SummaryList.Value></SummaryList.Row>
        ) : null}
      </SummaryList>

      <h2>Pledges by organisation</h2>
      {proposal.pledgesByOrganisation.length ? (
        <Table responsive caption="Seats and money per organisation, with its share of the cost by seats" captionProps={{ size: 's' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Organisation</Table.Cell>
              <Table.Cell format="numeric">Seats</Table.Cell>
              <Table.Cell format="numeric">Money pledged</Table.Cell>
              <Table.Cell format="numeric">Share of the cost</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {proposal.pledgesByOrganisation.map((part) => (
              <Table.Row key={part.organisation.id}>
                <Table.Cell>{part.organisation.name}</Table.Cell>
                <Table.Cell format="numeric">{part.seats.toLocaleString('en-GB')}</Table.Cell>
                <Table.Cell format="numeric">{part.amount.formatted}</Table.Cell>
                <Table.Cell format="numeric">{part.costShare.formatted}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : <p>No seats or money are pledged yet.</p>}
      <h2>Every pledge</h2>
      <Pledges proposal={proposal} viewer={viewer} />

      {proposal.sessions.length ? (
        <>
          <h2>Sessions</h2>
          <ul className="nhsuk-list nhsuk-list--border">
            {proposal.sessions.map((session) => (
              <li key={session.id}><Link to={paths.session(slug, session.id)}>{formatUkTimeRange(session.startsAt, session.endsAt)}</Link>, {seatsText(session.capacity)}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>The needs it answers</h2>
      {proposal.needs.length ? null : <p>It names no needs.</p>}
      <ul className="nhsuk-list nhsuk-list--border">
        {proposal.needs.map((need) => (
          <li key={need.id}>{need.topic}: {need.organisation.name}, {peopleText(need.peopleCount)} <NeedStatusTag status={need.status} /></li>
        ))}
      </ul>

      <h2>Delivery options compared</h2>
      <Table responsive caption="Who could deliver it, and their quotes" captionProps={{ size: 's' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Provider</Table.Cell>
            <Table.Cell format="numeric">Quote</Table.Cell>
            <Table.Cell>Notes</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {proposal.deliveryOptions.map((option) => (
            <Table.Row key={option.id}>
              <Table.Cell>{option.providerName} ({option.kind === 'INTERNAL' ? 'a partner' : 'external'}){option.chosen ? <> <Tag modifier="green">Chosen</Tag></> : null}</Table.Cell>
              <Table.Cell format="numeric">{option.quotedCost.formatted}</Table.Cell>
              <Table.Cell>{option.notes}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}

/** L&D leads, the steering group and administrators: one proposal, its progress towards its seats and money, and its pledges. */
export function ProposalPage() {
  const { slug = '', id = '' } = useParams();
  return <RequireRole audience={COMMISSIONING_AUDIENCE}>{(viewer) => <ProposalDetails viewer={viewer} slug={slug} id={id} />}</RequireRole>;
}
