import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/access-errors';
import { hasRole } from '../auth/viewer';
import { BookingConnection } from './booking.type';
import { OrganisationBookingsArgs } from './organisation-bookings.args';
import { OrganisationBookingsService, type BookingPage } from './organisation-bookings.service';

@Resolver()
export class OrganisationBookingsResolver {
  @Query(() => BookingConnection, {
    description: "An organisation's bookings, requests and waiting places, by session start: for its L&D leads and partnership administrators.",
  })
  async organisationBookings(@Args(() => OrganisationBookingsArgs) args: OrganisationBookingsArgs, @Ctx() ctx: Context): Promise<BookingPage> {
    const viewer = ctx.viewer;
    if (!viewer) throw new UnauthenticatedError('Sign in to see your organisation\'s bookings.');
    const leads = viewer.roles.some((grant) => grant.role === 'ld_lead' && grant.organisationId === args.organisationId);
    if (!leads && !hasRole(viewer, 'partnership_admin')) {
      throw new ForbiddenError('Only the organisation\'s L&D leads and partnership administrators see its bookings.');
    }
    // Another partnership's organisation (or none) is refused alike: the answer says nothing of it.
    const organisation = await ctx.loaders.organisationsById.load(args.organisationId);
    if (!organisation || organisation.partnershipId !== viewer.partnershipId) {
      throw new ForbiddenError('Only the organisation\'s L&D leads and partnership administrators see its bookings.');
    }
    return new OrganisationBookingsService(ctx.dataSource).page(viewer.partnershipId, args);
  }
}
