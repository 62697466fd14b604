import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { approvalsNeeded, bookingOptionFor, seatsLeftFor, whyNotBookable, type BookingOption } from '@portal/domain';
import type { Context } from '../../graphql/context';
import { leadsOrganisation } from '../auth/viewer';
import { Session } from '../catalogue/session.type';
import type { TrainingSessionEntity } from '../catalogue/training-session.entity';
import { Booking } from './booking.type';
import type { BookingEntity } from './booking.entity';
import { BookingOption as BookingOptionType } from './booking-option.type';

/** The viewer's own standing on a session: their place, and what booking it would do for them. */
@Resolver(() => Session)
export class SessionBookingOptionResolver {
  @FieldResolver(() => Booking, { nullable: true, description: 'The viewer\'s own live place on this session (requested, confirmed or waiting), if any.' })
  myBooking(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<BookingEntity | null> | null {
    if (!ctx.viewer || ctx.viewer.partnershipId !== session.partnershipId) return null;
    return ctx.loaders.livePlaces.load({ personId: ctx.viewer.personId, sessionId: session.id });
  }

  @FieldResolver(() => BookingOptionType, { description: 'What pressing book would do for the viewer, said before they press it.' })
  async bookingOption(@Root() session: TrainingSessionEntity, @Ctx() ctx: Context): Promise<BookingOption> {
    const viewer = ctx.viewer?.partnershipId === session.partnershipId ? ctx.viewer : null;
    const none = { myPlace: null, otherDate: null, block: null, seatsLeftForMe: 0, waitingNow: 0, approvals: [] };
    if (!viewer) return bookingOptionFor({ signedIn: false, ...none });
    const [course, person, mine, waiting, allocations] = await Promise.all([
      ctx.loaders.coursesById.load(session.courseId),
      ctx.loaders.peopleById.load(viewer.personId),
      ctx.loaders.livePlaces.load({ personId: viewer.personId, sessionId: session.id }),
      ctx.loaders.waitlistPositionsBySession.load(session.id),
      ctx.loaders.allocationsBySession.load(session.id),
    ]);
    if (!course || !person) return bookingOptionFor({ signedIn: true, ...none, block: 'SESSION_CANCELLED' });
    const [organisation, onCourse] = await Promise.all([
      person.organisationId ? ctx.loaders.organisationsById.load(person.organisationId) : null,
      ctx.loaders.placesOnCourse.load({ personId: person.id, courseId: course.id }),
    ]);
    const block = whyNotBookable(
      { status: session.status, startsAt: session.startsAt, bookingClosesAt: session.bookingClosesAt, audience: course.audience,
        eligibleSectors: course.eligibleSectors, visibility: course.visibility, visibilityOrganisationId: course.visibilityOrganisationId },
      { disabled: !!person.disabledAt, kind: person.kind, sector: organisation?.sector ?? null, organisationId: person.organisationId },
      ctx.now);
    const myAllocation = allocations.find((a) => a.organisationId === person.organisationId) ?? null;
    return bookingOptionFor({
      signedIn: true,
      myPlace: mine ? { status: mine.status as 'confirmed', waitlistPosition: waiting.get(mine.id) ?? null } : null,
      otherDate: onCourse.find((place) => place.sessionId !== session.id)?.startsAt ?? null,
      block,
      seatsLeftForMe: seatsLeftFor(session, myAllocation, ctx.now),
      waitingNow: waiting.size,
      approvals: approvalsNeeded(organisation?.approvalPolicy ?? 'none', {
        bookedByLead: leadsOrganisation(ctx.viewer, person.organisationId), hasLineManager: !!person.lineManagerId }),
    });
  }
}
