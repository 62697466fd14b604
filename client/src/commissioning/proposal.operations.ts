import { graphql } from '../gql/gql';

export const CommissioningProposalsQuery = graphql(`
  query CommissioningProposals($partnershipSlug: String!) {
    commissioningProposals(partnershipSlug: $partnershipSlug) {
      id
      title
      status
      pledgeDeadline
      proposingOrganisation { id name }
      progress {
        seatsPledged
        seatsPlanned
        moneyPledged { pence formatted }
        moneyTarget { pence formatted }
      }
    }
  }
`);

export const CommissioningProposalQuery = graphql(`
  query CommissioningProposal($id: ID!) {
    commissioningProposal(id: $id) {
      id
      title
      summary
      status
      financialYear
      sessionsPlanned
      seatsPerSession
      seatsPlanned
      pledgeDeadline
      decidedAt
      decisionReason
      estimatedCost { pence formatted }
      shortfallAccepted { pence formatted }
      proposingOrganisation { id name }
      course { id title }
      draftCourse { title summary durationHours providerOrganisation { id name } }
      progress {
        seatsPledged
        seatsPlanned
        covered
        moneyPledged { pence formatted }
        moneyTarget { pence formatted }
        shortfall { pence formatted }
      }
      needs { id topic peopleCount status organisation { id name } }
      deliveryOptions { id kind providerName notes chosen quotedCost { pence formatted } }
      pledges { id seats status createdAt amount { pence formatted } organisation { id name } stream { id name } }
      pledgesByOrganisation { seats amount { pence formatted } costShare { pence formatted } organisation { id name } }
      sessions { id startsAt endsAt capacity }
      pledgeableStreams { id name funderName financialYear remaining { pence formatted } organisation { id name } }
    }
  }
`);

export const PledgeToProposalMutation = graphql(`
  mutation PledgeToProposal($input: PledgeInput!) {
    pledgeToProposal(input: $input) {
      pledge { id seats amount { formatted } }
      proposal { id }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const WithdrawPledgeMutation = graphql(`
  mutation WithdrawPledge($input: WithdrawPledgeInput!) {
    withdrawPledge(input: $input) {
      pledge { id status }
      proposal { id }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const ApproveProposalMutation = graphql(`
  mutation ApproveProposal($input: ApproveProposalInput!) {
    approveProposal(input: $input) {
      proposal { id status }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const DeclineProposalMutation = graphql(`
  mutation DeclineProposal($input: DeclineProposalInput!) {
    declineProposal(input: $input) {
      proposal { id status }
      userErrors { ...UserErrorFields }
    }
  }
`);

/** The venues an administrator may hold the sessions at (the steering group may not list venues: their sessions are online). */
export const ApprovalVenuesQuery = graphql(`
  query ApprovalVenues {
    venues { id name town }
  }
`);

/**
 * What the "Propose a joint course" form offers: the needs the viewer may name (their organisations'
 * own, and the other organisations' parts of each shared group, by id alone), the courses already on
 * offer for the groups, the partner organisations and the mandatory subjects.
 */
export const ProposeChoicesQuery = graphql(`
  query ProposeChoices($partnershipSlug: String!) {
    trainingNeedGroups(partnershipSlug: $partnershipSlug) {
      key
      label
      organisations {
        needIds
        needCount
        peopleCount
        organisation { id name }
      }
      needs { id }
      sessions { id course { id title provider { id name } } }
    }
    trainingNeeds(partnershipSlug: $partnershipSlug, first: 100) {
      edges {
        node { id topic peopleCount wantedBy status organisation { id name } }
      }
    }
    organisations(partnershipSlug: $partnershipSlug) { id name deliversTraining }
    mandatorySubjects { code name }
  }
`);

export const ProposeCommissioningMutation = graphql(`
  mutation ProposeCommissioning($input: ProposeCommissioningInput!) {
    proposeCommissioning(input: $input) {
      proposal { id title }
      userErrors { ...UserErrorFields }
    }
  }
`);
