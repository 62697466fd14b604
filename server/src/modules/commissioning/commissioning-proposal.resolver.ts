import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { splitCostProRata } from '@portal/domain';
import type { Context } from '../../graphql/context';
import { money, Money } from '../../graphql/money.type';
import { Organisation } from '../organisations/organisation.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { Course } from '../catalogue/course.type';
import type { CourseEntity } from '../catalogue/course.entity';
import { Session } from '../catalogue/session.type';
import type { TrainingSessionEntity } from '../catalogue/training-session.entity';
import { TrainingNeed, toTrainingNeed } from '../needs/training-need.type';
import {
  CommissioningProposal, DeliveryOption, DraftCourse, OrganisationPledges, Pledge, PledgeableStream, PledgedStream, ProposalProgress,
} from './commissioning.types';
import type { CommissioningProposalEntity } from './commissioning-proposal.entity';
import type { CommissioningPledgeEntity } from './commissioning-pledge.entity';
import type { DeliveryOptionEntity } from './delivery-option.entity';
import { seatsPerOrganisation } from './proposal-decision.service';

/** Pledges that count towards the targets: active ones, and once approved the converted ones. */
const counts = (pledge: CommissioningPledgeEntity) => pledge.status === 'active' || pledge.status === 'converted';

async function organisationOf(ctx: Context, id: string): Promise<OrganisationEntity> {
  const organisation = await ctx.loaders.organisationsById.load(id);
  if (!organisation) throw new Error(`organisation ${id} is missing`);
  return organisation;
}

/** A proposal's fields, every list through the request's loaders: a page of proposals costs what one does. */
@Resolver(() => CommissioningProposal)
export class CommissioningProposalResolver {
  @FieldResolver(() => Organisation)
  proposingOrganisation(@Root() proposal: CommissioningProposalEntity, @Ctx() ctx: Context): Promise<OrganisationEntity> {
    return organisationOf(ctx, proposal.proposingOrganisationId);
  }

  @FieldResolver(() => Course, { nullable: true })
  course(@Root() proposal: CommissioningProposalEntity, @Ctx() ctx: Context): Promise<CourseEntity | null> | null {
    return proposal.courseId ? ctx.loaders.coursesById.load(proposal.courseId) : null;
  }

  @FieldResolver(() => DraftCourse, { nullable: true })
  draftCourse(@Root() proposal: CommissioningProposalEntity, @Ctx() ctx: Context): DraftCourse | null {
    const draft = proposal.draftCourse as { title?: string; summary?: string | null; providerOrganisationId?: string | null; durationHours?: number } | null;
    if (!draft) return null;
    return Object.assign(new DraftCourse(), {
      title: draft.title ?? '', summary: draft.summary ?? '', durationHours: draft.durationHours ?? 0,
      providerOrganisation: draft.providerOrganisationId ? ctx.loaders.organisationsById.load(draft.providerOrganisationId) : null,
    });
  }

  @FieldResolver(() => Money)
  estimatedCost(@Root() proposal: CommissioningProposalEntity): Money {
    return money(proposal.estimatedCostPence);
  }

  @FieldResolver(() => Money, { nullable: true })
  shortfallAccepted(@Root() proposal: CommissioningProposalEntity): Money | null {
    return proposal.shortfallAcceptedPence === null ? null : money(proposal.shortfallAcceptedPence);
  }

  @FieldResolver(() => ProposalProgress)
  async progress(@Root() proposal: CommissioningProposalEntity, @Ctx() ctx: Context): Promise<ProposalProgress> {
    const pledges = (await ctx.loaders.proposalPledges.load(proposal.id)).filter(counts);
    const pledged = pledges.reduce((sum, p) => sum + p.amountPence, 0);
    return Object.assign(new ProposalProgress(), {
      seatsPledged: pledges.reduce((sum, p) => sum + p.seats, 0), seatsPlanned: proposal.seatsPlanned,
      moneyPledged: money(pledged), moneyTarget: money(proposal.estimatedCostPence),
      shortfall: money(Math.max(proposal.estimatedCostPence - pledged, 0)), covered: pledged >= proposal.estimatedCostPence,
    });
  }

  @FieldResolver(() => [TrainingNeed])
  async needs(@Root() proposal: CommissioningProposalEntity, @Ctx() ctx: Context): Promise<TrainingNeed[]> {
    return (await ctx.loaders.proposalNeeds.load(proposal.id)).map(toTrainingNeed);
  }

  @FieldResolver(() => [DeliveryOption])
  async deliveryOptions(@Root() proposal: CommissioningProposalEntity, @Ctx() ctx: Context): Promise<DeliveryOptionEntity[]> {
    return [...await ctx.loaders.proposalOptions.load(proposal.id)].sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => [Pledge])
  async pledges(@Root() proposal: CommissioningProposalEntity, @Ctx() ctx: Context): Promise<CommissioningPledgeEntity[]> {
    return [...await ctx.loaders.proposalPledges.load(proposal.id)]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  @FieldResolver(() => [OrganisationPledges])
  async pledgesByOrganisation(@Root() proposal: CommissioningProposalEntity, @Ctx() ctx: Context): Promise<OrganisationPledges[]> {
    const pledges = (await ctx.loaders.proposalPledges.load(proposal.id)).filter(counts);
    const seats = seatsPerOrganisation(pledges);
    const split = seats.some((s) => s.seats > 0) ? splitCostProRata(proposal.estimatedCostPence, seats) : null;
    const shares = new Map(split?.ok ? split.parts.map((p) => [p.organisationId, p.pence]) : []);
    return seats.map(({ organisationId, seats: n }) => Object.assign(new OrganisationPledges(), {
      organisation: organisationOf(ctx, organisationId), seats: n,
      amount: money(pledges.filter((p) => p.organisationId === organisationId).reduce((sum, p) => sum + p.amountPence, 0)),
      costShare: money(shares.get(organisationId) ?? 0),
    })).sort((a, b) => b.seats - a.seats || b.amount.pence - a.amount.pence);
  }

  @FieldResolver(() => [Session])
  async sessions(@Root() proposal: CommissioningProposalEntity, @Ctx() ctx: Context): Promise<TrainingSessionEntity[]> {
    return [...await ctx.loaders.proposalSessions.load(proposal.id)].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  @FieldResolver(() => [PledgeableStream])
  async pledgeableStreams(@Root() proposal: CommissioningProposalEntity, @Ctx() ctx: Context): Promise<PledgeableStream[]> {
    if (proposal.status !== 'open') return [];
    const rows = await ctx.loaders.pledgeableStreams.load(proposal.financialYear);
    return rows.map((row) => Object.assign(new PledgeableStream(), {
      id: row.id, name: row.name, funderName: row.funder_name, financialYear: row.financial_year,
      organisation: organisationOf(ctx, row.organisation_id), remaining: money(Math.max(Number(row.remaining_pence), 0)),
    }));
  }
}

@Resolver(() => Pledge)
export class PledgeResolver {
  @FieldResolver(() => Organisation)
  organisation(@Root() pledge: CommissioningPledgeEntity, @Ctx() ctx: Context): Promise<OrganisationEntity> {
    return organisationOf(ctx, pledge.organisationId);
  }

  @FieldResolver(() => Money)
  amount(@Root() pledge: CommissioningPledgeEntity): Money {
    return money(pledge.amountPence);
  }

  @FieldResolver(() => PledgedStream, { nullable: true })
  async stream(@Root() pledge: CommissioningPledgeEntity, @Ctx() ctx: Context): Promise<PledgedStream | null> {
    if (!pledge.streamId) return null;
    const stream = await ctx.loaders.pledgedStreams.load(pledge.streamId);
    return stream && Object.assign(new PledgedStream(), { id: stream.id, name: stream.name, funderName: stream.funderName });
  }
}

@Resolver(() => DeliveryOption)
export class DeliveryOptionResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  providerOrganisation(@Root() option: DeliveryOptionEntity, @Ctx() ctx: Context): Promise<OrganisationEntity> | null {
    return option.providerOrganisationId ? organisationOf(ctx, option.providerOrganisationId) : null;
  }

  @FieldResolver(() => String)
  async providerName(@Root() option: DeliveryOptionEntity, @Ctx() ctx: Context): Promise<string> {
    return option.providerOrganisationId ? (await organisationOf(ctx, option.providerOrganisationId)).name : option.providerName ?? '';
  }

  @FieldResolver(() => Money)
  quotedCost(@Root() option: DeliveryOptionEntity): Money {
    return money(option.quotedCostPence);
  }
}
