import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { UnauthenticatedError } from '../../graphql/access-errors';
import { Booking, BookingPayload } from './booking.type';
import { BookingDecisionService } from './booking-decision.service';
import { DecideBookingInput } from './decide-booking.input';
import type { BookingEntity } from './booking.entity';

/** Line managers and L&D leads deciding requested places, each at their step of the organisation's policy. */
@Resolver(() => Booking)
export class BookingDecisionResolver {
  @Query(() => [Booking], { description: "Requests waiting for the signed-in person's decision, oldest first (at most 200)." })
  bookingRequests(@Ctx() ctx: Context): Promise<BookingEntity[]> {
    if (!ctx.viewer) throw new UnauthenticatedError();
    return new BookingDecisionService(ctx.dataSource, ctx.services.notices).queue(ctx.viewer);
  }

  @Mutation(() => BookingPayload, { description: 'Approves or declines a requested place; a decline gives the seat to the first person waiting.' })
  async decideBooking(@Arg('input', () => DecideBookingInput, { validate: false }) input: DecideBookingInput, @Ctx() ctx: Context) {
    if (!ctx.viewer) throw new UnauthenticatedError();
    const result = await new BookingDecisionService(ctx.dataSource, ctx.services.notices).decide(ctx.viewer, input, ctx.origin, ctx.now, await inputErrors(input));
    return { booking: result.booking, userErrors: result.userErrors };
  }
}
