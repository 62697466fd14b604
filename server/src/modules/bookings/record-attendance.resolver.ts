import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { unlessRefused } from '../../graphql/refusal';
import { isUUID } from 'class-validator';
import { SessionPayload } from '../catalogue/session.payload';
import { requireRegisterTaker } from './booking.policy';
import { CorrectAttendanceInput, RecordAttendanceInput } from './record-attendance.input';
import { readRegister } from './record-attendance.register';
import { correctAttendance, recordAttendance } from './record-attendance.service';
import { SessionRegister, SessionRegisterPayload } from './record-attendance.types';

@Resolver()
export class RecordAttendanceResolver {
  @Query(() => SessionRegister, {
    nullable: true,
    description: 'The course\'s provider or an administrator: the session\'s booked people with their statuses; null for a session of no partnership of theirs.',
  })
  async sessionRegister(@Arg('sessionId', () => ID) sessionId: string, @Ctx() ctx: Context): Promise<SessionRegister | null> {
    const viewer = requireRegisterTaker(ctx.viewer);
    if (!isUUID(sessionId)) return null;
    return (await unlessRefused(() => readRegister(ctx.dataSource.manager, viewer, sessionId, ctx.now))).result;
  }

  @Mutation(() => SessionPayload, {
    description: 'The course\'s provider or an administrator: marks confirmed places attended, no-show or cancelled late once the session has started; the ledger turns each commitment into spend.',
  })
  async recordAttendance(@Arg('input', () => RecordAttendanceInput, { validate: false }) input: RecordAttendanceInput, @Ctx() ctx: Context) {
    const viewer = requireRegisterTaker(ctx.viewer);
    return recordAttendance(ctx.dataSource, viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }

  @Mutation(() => SessionRegisterPayload, {
    description: 'The course\'s provider or an administrator: changes a mark already on the register, with the reason (audited); money moves by reversing entries.',
  })
  async correctAttendance(@Arg('input', () => CorrectAttendanceInput, { validate: false }) input: CorrectAttendanceInput,
    @Ctx() ctx: Context): Promise<SessionRegisterPayload> {
    const viewer = requireRegisterTaker(ctx.viewer);
    return correctAttendance(ctx.dataSource, viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }
}
