import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/access-errors';
import { mayManageSomeSeats } from './catalogue.policy';
import { SeatAllocationsService, type SetSeatAllocationsResult } from './seat-allocations.service';
import { SessionPayload } from './session.payload';
import { SetSeatAllocationsInput } from './set-seat-allocations.input';

@Resolver()
export class SeatAllocationsResolver {
  @Mutation(() => SessionPayload, {
    description: "The course's provider or an administrator: sets a session's capacity and replaces its per-organisation allocations. Seats this frees or adds go at once to the people waiting.",
  })
  async setSeatAllocations(@Arg('input', () => SetSeatAllocationsInput, { validate: false }) input: SetSeatAllocationsInput,
    @Ctx() ctx: Context): Promise<SetSeatAllocationsResult> {
    if (!ctx.viewer) throw new UnauthenticatedError('Sign in as the course\'s provider or an administrator to set seats.');
    if (!mayManageSomeSeats(ctx.viewer)) throw new ForbiddenError('Only the course\'s provider and partnership administrators can set its seats.');
    return new SeatAllocationsService(ctx.dataSource, ctx.services.notices).set(ctx.viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }
}
