import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { Booking, BookingPayload } from './booking.type';
import { BookingDecisionService } from './booking-decision.service';
import { requireDecider } from './booking.policy';
import { DecideBookingInput } from './decide-booking.input';
import type { BookingEntity } from './booking.entity';

/** Line managers and L&D leads deciding requested places, each at their step of the organisation's policy. */
@Resolver(() => Booking)
export class BookingDecisionResolver {
  @Query(() => [Booking], { description: "Requests waiting for the signed-in person's decision, oldest first (at most 200)." })
  bookingRequests(@Ctx() ctx: Context): Promise<BookingEntity[]> {
    return new BookingDecisionService(ctx.dataSource, ctx.services.notices).queue(requireDecider(ctx.viewer));
  }

  @Mutation(() => BookingPayload, { description: 'Approves or declines a requested place; a decline gives the seat to the first person waiting.' })
  async decideBooking(@Arg('input', () => DecideBookingInput, { validate: false }) input: DecideBookingInput, @Ctx() ctx: Context) {
    const viewer = requireDecider(ctx.viewer);
    const result = await new BookingDecisionService(ctx.dataSource, ctx.services.notices).decide(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
    return { booking: result.booking, userErrors: result.userErrors };
  }
}
