import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import type { PersonEntity } from '../people/person.entity';
import { Person } from '../people/person.type';
import { canSeeLearningRecord } from './records.policy';
import { LearningRecordCounts } from './learning-record.types';

/** A person in a list (a lead's organisation, a manager's team) with what their record holds, for those who may open it. */
@Resolver(() => Person)
export class PersonLearningResolver {
  @FieldResolver(() => LearningRecordCounts, {
    nullable: true,
    description: 'Counts of the person\'s learning record: for the person, their line manager and their organisation\'s L&D leads (as learningRecord); null for anyone else.',
  })
  learningRecordCounts(@Root() person: PersonEntity, @Ctx() ctx: Context): Promise<LearningRecordCounts> | null {
    if (!canSeeLearningRecord(ctx.viewer, person)) return null;
    return ctx.loaders.learningRecordCounts.load(person.id);
  }
}
