import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { BackLink, Button, Table, Tag } from 'nhsuk-react-components';
import { paths } from '../paths';
import { accessProblemOf } from '../ui/access-errors';
import { AccessProblemPage } from '../ui/access-problem';
import { RequireRole } from '../ui/require-role';
import { formatUkDate } from '../ui/uk-date-time';
import { useDocumentTitle } from '../ui/use-document-title';
import type { SignedInViewer } from '../ui/use-viewer';
import { COMMISSIONING_AUDIENCE } from './need-text';
import { CommissioningProposalsQuery } from './proposal.operations';
import { PROPOSAL_STATUS, seatsText } from './proposal-text';

function ProposalList({ viewer, slug }: { viewer: SignedInViewer; slug: string }) {
  const { data, loading, error } = useQuery(CommissioningProposalsQuery, { variables: { partnershipSlug: slug }, fetchPolicy: 'cache-and-network' });
  useDocumentTitle(['Commissioning proposals', viewer.partnership.name]);
  const problem = accessProblemOf(error);
  if (problem) return <AccessProblemPage problem={problem} needs={COMMISSIONING_AUDIENCE.needs} who={COMMISSIONING_AUDIENCE.who} />;
  const proposals = data?.commissioningProposals ?? [];
  return (
    <>
      <BackLink className="nhsuk-u-margin-bottom-5" asElement={Link} to={paths.sharedDemand(slug)}>Shared demand</BackLink>
      <h1>Commissioning proposals</h1>
      <p>Joint courses proposed against shared needs. Partners pledge seats and money; when the pledges cover the cost, an
        administrator or the steering group approves it and its sessions appear in the catalogue.</p>
      {viewer.roles.some((grant) => grant.role === 'LD_LEAD') ? (
        <Button asElement={Link} to={paths.propose(slug)}>Propose a joint course</Button>
      ) : null}
      {loading && !data ? <p role="status">Loading proposals…</p> : null}
      {error && !data ? <p>Sorry, the proposals could not be loaded. Try again later.</p> : null}
      {data && !proposals.length ? <p>No course has been proposed yet.</p> : null}
      {proposals.length ? (
        <Table responsive caption="Proposals, newest first" captionProps={{ size: 's' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Proposal</Table.Cell>
              <Table.Cell>Status</Table.Cell>
              <Table.Cell>Seats pledged</Table.Cell>
              <Table.Cell>Money pledged</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {proposals.map((proposal) => (
              <Table.Row key={proposal.id}>
                <Table.Cell>
                  <Link to={paths.proposal(slug, proposal.id)}>{proposal.title}</Link>
                  <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                    {proposal.proposingOrganisation.name}{proposal.status === 'OPEN' ? `, pledges close ${formatUkDate(proposal.pledgeDeadline)}` : ''}
                  </div>
                </Table.Cell>
                <Table.Cell><Tag modifier={PROPOSAL_STATUS[proposal.status].tag}>{PROPOSAL_STATUS[proposal.status].text}</Tag></Table.Cell>
                <Table.Cell>{proposal.progress.seatsPledged.toLocaleString('en-GB')} of {seatsText(proposal.progress.seatsPlanned)}</Table.Cell>
                <Table.Cell>{proposal.progress.moneyPledged.formatted} of {proposal.progress.moneyTarget.formatted}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </>
  );
}

/** L&D leads, the steering group and administrators: every proposal of the partnership. */
export function ProposalListPage() {
  const { slug = '' } = useParams();
  return <RequireRole audience={COMMISSIONING_AUDIENCE}>{(viewer) => <ProposalList viewer={viewer} slug={slug} />}</RequireRole>;
}
