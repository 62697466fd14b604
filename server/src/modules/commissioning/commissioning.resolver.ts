import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { isUuid } from '../../graphql/uuid';
import { PartnershipService } from '../partnerships/partnership.service';
import { requireDecider, requireLead, requireOwnPartnership, requireProposalReader } from './commissioning.policy';
import { CommissioningProposal, CommissioningProposalPayload } from './commissioning.types';
import { ApproveProposalInput, DeclineProposalInput, PledgeInput, ProposeCommissioningInput, WithdrawPledgeInput } from './commissioning.inputs';
import type { CommissioningProposalEntity } from './commissioning-proposal.entity';
import { ProposalService, type ProposalResult } from './proposal.service';
import { PledgeService, type PledgeResult } from './pledge.service';
import { ProposalDecisionService } from './proposal-decision.service';
import { ProposalsService } from './proposals.service';

/** Shared commissioning: proposals against needs, pledges of seats and money, and the decision. */
@Resolver()
export class CommissioningResolver {
  @Query(() => [CommissioningProposal], { description: 'L&D leads, the steering group and administrators: the partnership\'s proposals, newest first (at most 200).' })
  async commissioningProposals(@Arg('partnershipSlug') partnershipSlug: string, @Ctx() ctx: Context): Promise<CommissioningProposalEntity[]> {
    const viewer = requireProposalReader(ctx.viewer);
    const partnership = await new PartnershipService(ctx.dataSource).findBySlug(partnershipSlug);
    requireOwnPartnership(viewer, partnership?.id ?? '');
    return new ProposalsService(ctx.dataSource).list(viewer);
  }

  @Query(() => CommissioningProposal, { nullable: true, description: 'One proposal of the caller\'s partnership (null for any other).' })
  async commissioningProposal(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CommissioningProposalEntity | null> {
    const viewer = requireProposalReader(ctx.viewer);
    return isUuid(id) ? new ProposalsService(ctx.dataSource).one(viewer, id) : null;
  }

  @Mutation(() => CommissioningProposalPayload, { description: 'An L&D lead, for an organisation they lead: proposes a joint course against needs of the partnership. The needs become IN_PROPOSAL.' })
  async proposeCommissioning(@Arg('input', () => ProposeCommissioningInput, { validate: false }) input: ProposeCommissioningInput,
    @Ctx() ctx: Context): Promise<ProposalResult> {
    const viewer = requireLead(ctx.viewer, 'propose commissioning');
    return new ProposalService(ctx.dataSource).propose(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }

  @Mutation(() => CommissioningProposalPayload, { description: 'An L&D lead, for an organisation they lead: pledges seats and/or money (a commitment on a stream the organisation manages or funds, never past what it has left) to an open proposal.' })
  async pledgeToProposal(@Arg('input', () => PledgeInput, { validate: false }) input: PledgeInput, @Ctx() ctx: Context): Promise<PledgeResult> {
    const viewer = requireLead(ctx.viewer, 'pledge');
    return new PledgeService(ctx.dataSource).pledge(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }

  @Mutation(() => CommissioningProposalPayload, { description: 'An L&D lead of the pledging organisation: withdraws its pledge from an open proposal; the money returns to its stream.' })
  async withdrawPledge(@Arg('input', () => WithdrawPledgeInput, { validate: false }) input: WithdrawPledgeInput, @Ctx() ctx: Context): Promise<PledgeResult> {
    const viewer = requireLead(ctx.viewer, 'withdraw pledges');
    return new PledgeService(ctx.dataSource).withdraw(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }

  @Mutation(() => CommissioningProposalPayload, { description: 'Administrators and steering group members: approves an open proposal whose pledges cover its cost (or with the shortfall accepted), publishing the course and scheduling its sessions with the pledged seats.' })
  async approveProposal(@Arg('input', () => ApproveProposalInput, { validate: false }) input: ApproveProposalInput, @Ctx() ctx: Context): Promise<ProposalResult> {
    const viewer = requireDecider(ctx.viewer);
    return new ProposalDecisionService(ctx.dataSource, ctx.services.notices).approve(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }

  @Mutation(() => CommissioningProposalPayload, { description: 'Administrators and steering group members: declines an open proposal, releasing every pledge.' })
  async declineProposal(@Arg('input', () => DeclineProposalInput, { validate: false }) input: DeclineProposalInput, @Ctx() ctx: Context): Promise<ProposalResult> {
    const viewer = requireDecider(ctx.viewer);
    return new ProposalDecisionService(ctx.dataSource, ctx.services.notices).decline(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }
}
