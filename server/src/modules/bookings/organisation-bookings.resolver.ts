import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { requireOrganisationBookingsReader, requireOrganisationOfPartnership } from './booking.policy';
import { BookingConnection } from './booking.type';
import { OrganisationBookingsArgs } from './organisation-bookings.args';
import { OrganisationBookingsService, type BookingPage } from './organisation-bookings.service';

@Resolver()
export class OrganisationBookingsResolver {
  @Query(() => BookingConnection, {
    description: "An organisation's bookings, requests and waiting places, by session start: for its L&D leads and partnership administrators.",
  })
  async organisationBookings(@Args(() => OrganisationBookingsArgs) args: OrganisationBookingsArgs, @Ctx() ctx: Context): Promise<BookingPage> {
    const viewer = requireOrganisationBookingsReader(ctx.viewer, args.organisationId);
    requireOrganisationOfPartnership(viewer, await ctx.loaders.organisationsById.load(args.organisationId));
    return new OrganisationBookingsService(ctx.dataSource).page(viewer.partnershipId, args);
  }
}
