import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { isUUID } from 'class-validator';
import type { Context } from '../../graphql/context';
import { inputErrors } from '../../graphql/input-errors';
import { PartnershipService } from '../partnerships/partnership.service';
import { badArgument } from './records.errors';
import { requireLearningActivityReader, requireLoggingOwnLearning, requireRecordsCaller } from './records.policy';
import { ConfirmInformalLearningInput, LogInformalLearningInput } from './learning-record.inputs';
import { readLearningRecord } from './learning-record.service';
import { confirmInformalLearning, logInformalLearning } from './informal-learning.service';
import { readLearningActivity } from './learning-activity.service';
import { LearningActivity, LearningRecord, LearningRecordEntryPayload } from './learning-record.types';

@Resolver()
export class LearningRecordResolver {
  @Query(() => LearningRecord, {
    description: 'A learning record: the viewer\'s own when personId is omitted; a report\'s for their line manager; an organisation\'s person for its L&D lead. '
      + 'An unknown person, or one of another partnership: BAD_USER_INPUT NOT_FOUND.',
  })
  async learningRecord(@Arg('personId', () => ID, { nullable: true }) personId: string | undefined, @Ctx() ctx: Context): Promise<LearningRecord> {
    const viewer = requireRecordsCaller(ctx.viewer);
    const id = personId ?? viewer.personId;
    if (!isUUID(id)) throw badArgument(['personId'], 'There is no such person', 'NOT_FOUND');
    return readLearningRecord(ctx.dataSource.manager, viewer, id);
  }

  @Query(() => LearningActivity, { description: 'The steering group and administrators: the partnership\'s learning records as counts, naming no one.' })
  async learningActivity(@Arg('partnershipSlug') partnershipSlug: string, @Ctx() ctx: Context): Promise<LearningActivity> {
    requireRecordsCaller(ctx.viewer);
    const partnership = await new PartnershipService(ctx.dataSource).requireBySlug(partnershipSlug);
    requireLearningActivityReader(ctx.viewer, partnership.id);
    return readLearningActivity(ctx.dataSource.manager, partnership.id);
  }

  @Mutation(() => LearningRecordEntryPayload, { description: 'Informal learning on the viewer\'s own record.' })
  async logInformalLearning(@Arg('input', () => LogInformalLearningInput, { validate: false }) input: LogInformalLearningInput,
    @Ctx() ctx: Context): Promise<LearningRecordEntryPayload> {
    const viewer = requireLoggingOwnLearning(ctx.viewer);
    return logInformalLearning(ctx.dataSource, viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }

  @Mutation(() => LearningRecordEntryPayload, { description: 'The person\'s line manager: confirms an entry of their informal learning.' })
  async confirmInformalLearning(@Arg('input', () => ConfirmInformalLearningInput, { validate: false }) input: ConfirmInformalLearningInput,
    @Ctx() ctx: Context): Promise<LearningRecordEntryPayload> {
    const viewer = requireRecordsCaller(ctx.viewer);
    return confirmInformalLearning(ctx.dataSource, viewer, input, ctx.origin, ctx.now, await inputErrors(input));
  }
}
