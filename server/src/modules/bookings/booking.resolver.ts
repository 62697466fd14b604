import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { approvalsNeeded, requestLapsesAt, type ApprovalPolicy, type Approver } from '@portal/domain';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { money, Money } from '../../graphql/money.type';
import { Session } from '../catalogue/session.type';
import { Organisation } from '../organisations/organisation.type';
import { Person } from '../people/person.type';
import type { TrainingSessionEntity } from '../catalogue/training-session.entity';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import type { PersonEntity } from '../people/person.entity';
import { BookingEntity } from './booking.entity';
import { BookingService, type BookingResult } from './booking.service';
import { requireBooker } from './booking.policy';
import { MyBookingsService } from './my-bookings.service';
import { ApprovalStep, Booking, BookingConnection, BookingPayload, OtherPlaceOnCourse } from './booking.type';
import { LIVE_PLACE, type PlaceOnCourse } from './person-course-places.loader';
import { BookSessionInput, CancelBookingInput } from './book-session.input';

@ArgsType()
class MyBookingsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @Min(1, { message: 'first must be at least 1.' }) @Max(100, { message: 'first must be at most 100.' })
  first!: number;

  @Field({ nullable: true }) @IsOptional() @MaxLength(200, { message: 'The cursor is not one this server gave.' })
  after?: string;
}

const payload = (result: BookingResult) => ({ booking: result.booking, userErrors: result.userErrors });

@Resolver(() => Booking)
export class BookingResolver {
  @Mutation(() => BookingPayload, { description: 'Books a seat: CONFIRMED, REQUESTED (awaiting approval) or WAITLISTED.' })
  async bookSession(@Arg('input', () => BookSessionInput, { validate: false }) input: BookSessionInput, @Ctx() ctx: Context) {
    const viewer = requireBooker(ctx.viewer);
    return payload(await new BookingService(ctx.dataSource, ctx.services.notices).book(viewer, input, ctx.origin, ctx.now, await inputErrors(input)));
  }

  @Mutation(() => BookingPayload, { description: 'Cancels a booking; a freed seat goes at once to the first person waiting who may have it.' })
  async cancelBooking(@Arg('input', () => CancelBookingInput, { validate: false }) input: CancelBookingInput, @Ctx() ctx: Context) {
    const viewer = requireBooker(ctx.viewer);
    return payload(await new BookingService(ctx.dataSource, ctx.services.notices).cancel(viewer, input, ctx.origin, ctx.now, await inputErrors(input)));
  }

  @Query(() => BookingConnection, { description: "The signed-in person's own bookings, newest first." })
  async myBookings(@Args(() => MyBookingsArgs) args: MyBookingsArgs, @Ctx() ctx: Context) {
    const viewer = requireBooker(ctx.viewer);
    return new MyBookingsService(ctx.dataSource).page(viewer, args);
  }

  @FieldResolver(() => Person)
  async person(@Root() booking: BookingEntity, @Ctx() ctx: Context): Promise<PersonEntity> {
    const person = await ctx.loaders.peopleById.load(booking.personId);
    if (!person) throw new Error(`booking ${booking.id} has no person`);
    return person;
  }

  @FieldResolver(() => Session)
  async session(@Root() booking: BookingEntity, @Ctx() ctx: Context): Promise<TrainingSessionEntity> {
    const session = await ctx.loaders.sessionsById.load(booking.sessionId);
    if (!session) throw new Error(`booking ${booking.id} has no session`);
    return session;
  }

  @FieldResolver(() => Int, { nullable: true })
  async waitlistPosition(@Root() booking: BookingEntity, @Ctx() ctx: Context): Promise<number | null> {
    if (booking.status !== 'waitlisted') return null;
    return (await ctx.loaders.waitlistPositionsBySession.load(booking.sessionId)).get(booking.id) ?? null;
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() booking: BookingEntity, @Ctx() ctx: Context): Promise<OrganisationEntity | null> | null {
    return booking.organisationId ? ctx.loaders.organisationsById.load(booking.organisationId) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true })
  seatFrom(@Root() booking: BookingEntity, @Ctx() ctx: Context): Promise<OrganisationEntity | null> | null {
    return booking.seatOrganisationId ? ctx.loaders.organisationsById.load(booking.seatOrganisationId) : null;
  }

  @FieldResolver(() => Money)
  cost(@Root() booking: BookingEntity): Money {
    return money(booking.costPence);
  }

  @FieldResolver(() => Person, { nullable: true })
  bookedBy(@Root() booking: BookingEntity, @Ctx() ctx: Context): Promise<PersonEntity | null> | null {
    return booking.bookedByPersonId && booking.bookedByPersonId !== booking.personId ? ctx.loaders.peopleById.load(booking.bookedByPersonId) : null;
  }

  @FieldResolver(() => Date, { nullable: true })
  async requestLapsesAt(@Root() booking: BookingEntity, @Ctx() ctx: Context): Promise<Date | null> {
    if (booking.status !== 'requested') return null;
    const session = await ctx.loaders.sessionsById.load(booking.sessionId);
    return session ? requestLapsesAt(session, booking.createdAt, ctx.requestHoldHours) : null;
  }

  /** The policy's steps as the decision service applies them (approvalsNeeded), so what is shown is what is asked. */
  @FieldResolver(() => [ApprovalStep])
  async approvalSteps(@Root() booking: BookingEntity, @Ctx() ctx: Context): Promise<Array<{ approver: Approver; given: boolean; person: PersonEntity | null }>> {
    if (booking.status !== 'requested') return [];
    const [person, organisation] = await Promise.all([ctx.loaders.peopleById.load(booking.personId),
      booking.organisationId ? ctx.loaders.organisationsById.load(booking.organisationId) : null]);
    const needed = approvalsNeeded((organisation?.approvalPolicy ?? 'none') as ApprovalPolicy, {
      bookedByLead: booking.bookedByPersonId !== null && booking.bookedByPersonId !== booking.personId, hasLineManager: !!person?.lineManagerId });
    const manager = needed.includes('line_manager') && person?.lineManagerId ? await ctx.loaders.peopleById.load(person.lineManagerId) : null;
    return needed.map((approver) => ({ approver, given: booking.approvals.includes(approver),
      person: approver === 'line_manager' ? manager ?? null : null }));
  }

  @FieldResolver(() => [OtherPlaceOnCourse])
  async otherPlacesOnCourse(@Root() booking: BookingEntity, @Ctx() ctx: Context): Promise<PlaceOnCourse[]> {
    if (!(LIVE_PLACE as readonly string[]).includes(booking.status)) return [];
    const session = await ctx.loaders.sessionsById.load(booking.sessionId);
    if (!session) return [];
    const places = await ctx.loaders.placesOnCourse.load({ personId: booking.personId, courseId: session.courseId });
    return places.filter((place) => place.bookingId !== booking.id);
  }
}
