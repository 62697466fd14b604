import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/access-errors';
import { SessionPayload } from '../catalogue/session.payload';
import { mayManageSomeSeats } from '../catalogue/catalogue.policy';
import { RecordAttendanceInput } from './record-attendance.input';
import { recordAttendance } from './record-attendance.service';

@Resolver()
export class RecordAttendanceResolver {
  @Mutation(() => SessionPayload, {
    description: 'The course\'s provider or an administrator: marks confirmed places attended or no-show once the session has started; the ledger turns each commitment into spend.',
  })
  async recordAttendance(@Arg('input', () => RecordAttendanceInput, { validate: false }) input: RecordAttendanceInput, @Ctx() ctx: Context) {
    if (!ctx.viewer) throw new UnauthenticatedError('Sign in as the course\'s provider or an administrator to take the register.');
    if (!mayManageSomeSeats(ctx.viewer)) throw new ForbiddenError('Only the course\'s provider and partnership administrators can take its register.');
    return recordAttendance(ctx.dataSource, ctx.viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }
}
