import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { PartnershipService } from '../partnerships/partnership.service';
import { Organisation, SectorGroup } from './organisation.type';
import { OrganisationService } from './organisation.service';
import type { OrganisationEntity } from './organisation.entity';
import type { SectorGroupEntity } from './sector-group.entity';

/**
 * The partners of a partnership are public: names, sectors and sizes, no people. A volunteer
 * registering picks their organisation from this list.
 */
@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => [Organisation])
  async organisations(@Arg('partnershipSlug', () => String) partnershipSlug: string, @Ctx() ctx: Context): Promise<OrganisationEntity[]> {
    const partnership = await new PartnershipService(ctx.dataSource).requireBySlug(partnershipSlug);
    return new OrganisationService(ctx.dataSource).listForPartnership(partnership.id);
  }

  @FieldResolver(() => SectorGroup, { nullable: true })
  sectorGroup(@Root() organisation: OrganisationEntity, @Ctx() ctx: Context): Promise<SectorGroupEntity | null> | null {
    return organisation.sectorGroupId ? ctx.loaders.sectorGroupsById.load(organisation.sectorGroupId) : null;
  }
}
