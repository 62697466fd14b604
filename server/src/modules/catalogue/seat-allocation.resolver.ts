import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { isReleased } from '@portal/domain';
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

  /** From the release time the unused seats are the pool's, not the organisation's. */
  @FieldResolver(() => Int)
  async seatsLeft(@Root() allocation: SeatAllocationEntity, @Ctx() ctx: Context): Promise<number> {
    const session = await ctx.loaders.sessionsById.load(allocation.sessionId);
    if (session && isReleased(session, ctx.now)) return 0;
    return Math.max(0, allocation.seats - allocation.seatsTaken);
  }

  @FieldResolver(() => Date)
  async releaseAt(@Root() allocation: SeatAllocationEntity, @Ctx() ctx: Context): Promise<Date> {
    const session = await ctx.loaders.sessionsById.load(allocation.sessionId);
    if (!session) throw new Error(`allocation ${allocation.id} has no session`);
    return session.releaseAt;
  }

  @FieldResolver(() => Boolean)
  async released(@Root() allocation: SeatAllocationEntity, @Ctx() ctx: Context): Promise<boolean> {
    const session = await ctx.loaders.sessionsById.load(allocation.sessionId);
    return !!session && isReleased(session, ctx.now);
  }
}
