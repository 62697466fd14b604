import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Partnership } from './partnership.type';
import { PartnershipService } from './partnership.service';
import type { PartnershipEntity } from './partnership.entity';

/** Partnerships are listed to everyone: a visitor picks one before finding training. */
@Resolver(() => Partnership)
export class PartnershipResolver {
  @Query(() => [Partnership])
  partnerships(@Ctx() ctx: Context): Promise<PartnershipEntity[]> {
    return new PartnershipService(ctx.dataSource).list();
  }

  @Query(() => Partnership, { nullable: true })
  partnership(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<PartnershipEntity | null> {
    if (slug.length > 60) return Promise.resolve(null);
    return new PartnershipService(ctx.dataSource).findBySlug(slug);
  }
}

