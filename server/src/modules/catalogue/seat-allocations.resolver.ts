import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { requireSeatManager } from './catalogue.policy';
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
    const viewer = requireSeatManager(ctx.viewer);
    return new SeatAllocationsService(ctx.dataSource, ctx.services.notices).set(viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }
}
