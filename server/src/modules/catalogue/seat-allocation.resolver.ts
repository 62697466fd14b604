import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Organisation } from '../organisations/organisation.type';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { SeatAllocation } from './session.type';
import type { SeatAllocationEntity } from './seat-allocation.entity';

@Resolver(() => SeatAllocation)
export class SeatAllocationResolver {
  @FieldResolver(() => Organisation)
  async organisation(@Root() allocation: SeatAllocationEntity, @Ctx() ctx: Context): Promise<OrganisationEntity> {
    const organisation = await ctx.loaders.organisationsById.load(allocation.organisationId);
    if (!organisation) throw new Error(`allocation ${allocation.id} has no organisation`);
    return organisation;
  }

  @FieldResolver(() => Int)
  seatsLeft(@Root() allocation: SeatAllocationEntity): number {
    return Math.max(0, allocation.seats - allocation.seatsTaken);
  }
}
