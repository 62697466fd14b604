import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import type { MandatorySubjectEntity } from '../catalogue/mandatory-subject.entity';
import { MandatorySubject } from '../catalogue/mandatory-subject.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { Organisation } from '../organisations/organisation.type';
import { PartnershipService } from '../partnerships/partnership.service';
import { requireDemandReader, requireSomeDemandReader } from './needs.policy';
import { TrainingNeedGroup, TrainingNeedGroupOrganisation } from './needs.types';
import { NeedGroupsService } from './need-groups.service';

@Resolver(() => TrainingNeedGroup)
export class NeedGroupsResolver {
  @Query(() => [TrainingNeedGroup], {
    description: 'Shared demand: open and grouped needs of two or more organisations, grouped by mandatory subject, KSF dimension or topic, '
      + 'most people first, each with the upcoming sessions that could meet it. L&D leads, the steering group and administrators.',
  })
  async trainingNeedGroups(@Arg('partnershipSlug', () => String) partnershipSlug: string, @Ctx() ctx: Context): Promise<TrainingNeedGroup[]> {
    requireSomeDemandReader(ctx.viewer);
    const partnership = await new PartnershipService(ctx.dataSource).requireBySlug(partnershipSlug);
    const view = requireDemandReader(ctx.viewer, partnership.id);
    return new NeedGroupsService(ctx.dataSource).groups(partnership.id, view, ctx.now, ctx.loaders);
  }

  @FieldResolver(() => MandatorySubject, { nullable: true })
  mandatorySubject(@Root() group: TrainingNeedGroup, @Ctx() ctx: Context): Promise<MandatorySubjectEntity | null> | null {
    return group.mandatorySubjectCode ? ctx.loaders.mandatorySubjectsByCode.load(group.mandatorySubjectCode) : null;
  }
}

@Resolver(() => TrainingNeedGroupOrganisation)
export class NeedGroupOrganisationResolver {
  @FieldResolver(() => Organisation)
  organisation(@Root() part: TrainingNeedGroupOrganisation, @Ctx() ctx: Context): Promise<OrganisationEntity | null> {
    return ctx.loaders.organisationsById.load(part.organisationId);
  }
}
