import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { placePricePence, seatAvailability, seatsLeftFor } from '@portal/domain';
import { Money, money } from '../../graphql/money.type';
import type { Context } from '../../graphql/context';
import { requireAllocationsReader } from './catalogue.policy';
import { SeatAllocation, Session } from './session.type';
import { Course } from './course.type';
import { Venue } from './venue.type';
import { SeatAvailability } from './catalogue.enums';
import type { TrainingSessionEntity } from './training-session.entity';
import type { CourseEntity } from './course.entity';
import type { VenueEntity } from './venue.entity';
import type { SeatAllocationEntity } from './seat-allocation.entity';
import { OTHER_DATES_LIMIT } from './upcoming-sessions.loader';

@Resolver(() => Session)
export class SessionResolver {
  @FieldResolver(() => Course)
  async course(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<CourseEntity> {
    const course = await ctx.loaders.coursesById.load(session.courseId);
    if (!course) throw new Error(`session ${session.id} has no course`);
    return course;
  }

  @FieldResolver(() => Money, { description: 'What a place on this session costs the organisation of the person who takes it: '
    + "the course's price, or nothing on a session a commissioning proposal scheduled (the partners' pledges pay for its places)." })
  async costPerPlace(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<Money> {
    return money(await this.placePrice(session, ctx));
  }

  @FieldResolver(() => Boolean, { description: 'Whether a place on this session costs nothing (see costPerPlace).' })
  async isFree(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<boolean> {
    return (await this.placePrice(session, ctx)) === 0;
  }

  private async placePrice(session: TrainingSessionEntity, ctx: Context): Promise<number> {
    return placePricePence((await this.course(session, ctx)).costPerPlacePence, session.proposalId !== null);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Great-circle kilometres from the town or point the sessions search measured from; '
    + 'null for an online session, and outside a search that gave a place.' })
  distanceKm(@Root() session: TrainingSessionEntity): number | null {
    return session.distanceKm ?? null;
  }

  @FieldResolver(() => Venue, { nullable: true })
  venue(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<VenueEntity | null> | null {
    return session.venueId ? ctx.loaders.venuesById.load(session.venueId) : null;
  }

  @FieldResolver(() => Int)
  async seatsLeft(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<number> {
    return seatsLeftFor(session, await this.myOrganisationAllocation(session, ctx), ctx.now);
  }

  @FieldResolver(() => SeatAvailability)
  async seatAvailability(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<SeatAvailability> {
    return seatAvailability(await this.seatsLeft(session, ctx)) as SeatAvailability;
  }

  /** Any member of the organisation may see it: it is what their own seats left is made of. */
  @FieldResolver(() => SeatAllocation, { nullable: true })
  async myOrganisationAllocation(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<SeatAllocationEntity | null> {
    const organisationId = ctx.viewer?.partnershipId === session.partnershipId ? ctx.viewer.organisationId : null;
    // A caller with no organisation has no allocation: no need to load any.
    if (!organisationId) return null;
    return (await ctx.loaders.allocationsBySession.load(session.id)).find((a) => a.organisationId === organisationId) ?? null;
  }

  /** The same course's other upcoming dates, so a full (or unsuitable) date leads to the next. */
  @FieldResolver(() => [Session], { description: "The course's other upcoming scheduled sessions, soonest first (at most 10)." })
  async otherDates(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<TrainingSessionEntity[]> {
    const upcoming = await ctx.loaders.upcomingSessionsByCourse.load(session.courseId);
    return upcoming.filter((other) => other.id !== session.id && other.partnershipId === session.partnershipId).slice(0, OTHER_DATES_LIMIT);
  }

  @FieldResolver(() => [SeatAllocation])
  async allocations(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<SeatAllocationEntity[]> {
    // Signed out is refused before anything is read.
    requireAllocationsReader(ctx.viewer, ctx.viewer ? await ctx.loaders.coursesById.load(session.courseId) : null);
    return ctx.loaders.allocationsBySession.load(session.id);
  }
}
