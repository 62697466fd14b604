import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { FundingStream } from './funding.types';
import type { FundingStreamEntity } from './funding-stream.entity';
import { StreamCourse } from './stream-courses.types';

/** The drill-down from a stream to what it pays for. */
@Resolver(() => FundingStream)
export class StreamCoursesResolver {
  @FieldResolver(() => [StreamCourse], {
    description: 'The courses with entries on this stream in the caller\'s scope, by title, each with its sessions. The courses\' summaries add up to the stream\'s spending on courses; entries for no course (the budget, contributions) are not in any.',
  })
  courses(@Root() stream: FundingStreamEntity, @Ctx() ctx: Context): Promise<StreamCourse[]> {
    return ctx.loaders.streamCourses.load(stream.id);
  }
}
