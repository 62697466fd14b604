import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/access-errors';
import { inputErrors } from '../../graphql/input-errors';
import { Booking } from '../bookings/booking.type';
import type { BookingEntity } from '../bookings/booking.entity';
import { canManageCourse, mayPublishSomeCourses } from './catalogue.policy';
import { Session } from './session.type';
import { SessionPayload } from './session.payload';
import type { TrainingSessionEntity } from './training-session.entity';
import { RescheduleSessionInput, ScheduleSessionInput } from './session-scheduling.inputs';
import { SessionSchedulingService, type SessionResult } from './session-scheduling.service';
import { publishingLoaders } from './publishing.loaders';

function scheduler(ctx: Context) {
  if (!ctx.viewer) throw new UnauthenticatedError('Sign in as the course\'s provider or an administrator to schedule sessions.');
  if (!mayPublishSomeCourses(ctx.viewer)) throw new ForbiddenError('Only the course\'s provider and administrators can schedule its sessions.');
  return ctx.viewer;
}

/** Sessions as their providers schedule them, and who is booked on each. */
@Resolver(() => Session)
export class SessionSchedulingResolver {
  @Mutation(() => SessionPayload, { description: "The course's provider or an administrator: a new session with its capacity, allocations (the rest is the shared pool), booking close, release time and minimum numbers." })
  async scheduleSession(@Arg('input', () => ScheduleSessionInput, { validate: false }) input: ScheduleSessionInput, @Ctx() ctx: Context): Promise<SessionResult> {
    const viewer = scheduler(ctx);
    return new SessionSchedulingService(ctx.dataSource, ctx.services.notices).schedule(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }

  @Mutation(() => SessionPayload, { description: "The course's provider or an administrator: moves a session or changes its numbers. Everyone booked is told of a new time or place, with an updated calendar invite." })
  async rescheduleSession(@Arg('input', () => RescheduleSessionInput, { validate: false }) input: RescheduleSessionInput, @Ctx() ctx: Context): Promise<SessionResult> {
    const viewer = scheduler(ctx);
    return new SessionSchedulingService(ctx.dataSource, ctx.services.notices).reschedule(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Fewer places than this at booking close and the provider and the allocation holders are told; null: none.' })
  minimumPlaces(@Root() session: TrainingSessionEntity): number | null {
    return session.minimumPlaces;
  }

  @FieldResolver(() => Int, { description: 'Seats no organisation holds: the capacity less the allocations.' })
  poolSeats(@Root() session: TrainingSessionEntity): number {
    return session.capacity - session.allocatedSeats;
  }

  @FieldResolver(() => Int, { description: 'Places held: confirmed, awaiting approval, attended or no-show.' })
  seatsTaken(@Root() session: TrainingSessionEntity): number {
    return session.seatsTaken;
  }

  @FieldResolver(() => [Booking], { description: "The course's provider and administrators only: everyone booked, waiting or once booked, those holding a place first." })
  async bookings(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<BookingEntity[]> {
    if (!ctx.viewer) throw new UnauthenticatedError('Sign in as the course\'s provider to see who is booked.');
    const course = await ctx.loaders.coursesById.load(session.courseId);
    if (!course || !canManageCourse(ctx.viewer, course)) throw new ForbiddenError('Only the course\'s provider and administrators see who is booked.');
    return publishingLoaders(ctx).bookingsBySession.load(session.id);
  }
}
