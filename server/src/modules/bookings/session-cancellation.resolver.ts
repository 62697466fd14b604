import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { SessionPayload } from '../catalogue/session.payload';
import { CancelSessionInput } from './cancel-session.input';
import { cancelSession } from './session-cancellation.service';
import { requireSessionCanceller } from './booking.policy';

@Resolver()
export class SessionCancellationResolver {
  @Mutation(() => SessionPayload, { description: 'Cancels a scheduled session: every booking is cancelled and its person told, with a calendar cancellation.' })
  async cancelSession(@Arg('input', () => CancelSessionInput, { validate: false }) input: CancelSessionInput, @Ctx() ctx: Context) {
    const viewer = requireSessionCanceller(ctx.viewer);
    return cancelSession(ctx.dataSource, viewer, input, ctx.origin, ctx.now, ctx.services.notices, await inputErrors(input));
  }
}
