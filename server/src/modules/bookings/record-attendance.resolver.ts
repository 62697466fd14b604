import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { SessionPayload } from '../catalogue/session.payload';
import { requireRegisterTaker } from './booking.policy';
import { RecordAttendanceInput } from './record-attendance.input';
import { recordAttendance } from './record-attendance.service';

@Resolver()
export class RecordAttendanceResolver {
  @Mutation(() => SessionPayload, {
    description: 'The course\'s provider or an administrator: marks confirmed places attended or no-show once the session has started; the ledger turns each commitment into spend.',
  })
  async recordAttendance(@Arg('input', () => RecordAttendanceInput, { validate: false }) input: RecordAttendanceInput, @Ctx() ctx: Context) {
    const viewer = requireRegisterTaker(ctx.viewer);
    return recordAttendance(ctx.dataSource, viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }
}
