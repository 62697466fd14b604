import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { PartnershipService } from '../partnerships/partnership.service';
import { CatalogueService, type SessionPage } from './catalogue.service';
import { canSeeCourse } from './catalogue.policy';
import { Course } from './course.type';
import { Session, SessionConnection } from './session.type';
import { SessionsArgs } from './sessions.args';
import { SessionSort } from './catalogue.enums';
import type { CourseEntity } from './course.entity';
import type { TrainingSessionEntity } from './training-session.entity';
import { isUuid } from '../../graphql/uuid';


/** The catalogue: anyone may search it; what they see depends on who they are. */
@Resolver()
export class CatalogueResolver {
  @Query(() => SessionConnection, { description: 'Upcoming sessions, soonest first or nearest first (sort). Signed-out callers see public courses only.' })
  async sessions(@Args(() => SessionsArgs) args: SessionsArgs, @Ctx() ctx: Context): Promise<SessionPage> {
    const partnership = await new PartnershipService(ctx.dataSource).requireBySlug(args.partnershipSlug);
    const page = await new CatalogueService(ctx.dataSource).searchSessions({
      viewer: ctx.viewer, partnershipId: partnership.id, filter: args.filter ?? {}, sort: args.sort ?? SessionSort.DATE, first: args.first,
      after: args.after ?? undefined, now: ctx.now,
    });
    // The page's courses, providers and venues came with it: their field resolvers load nothing more.
    for (const { course, provider, venue } of page.related) {
      ctx.loaders.coursesById.prime(course.id, course);
      ctx.loaders.organisationsById.prime(provider.id, provider);
      if (venue) ctx.loaders.venuesById.prime(venue.id, venue);
    }
    return page;
  }

  @Query(() => Session, { nullable: true, description: 'Null when there is no such session or the caller may not see it.' })
  session(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<TrainingSessionEntity | null> | null {
    if (!isUuid(id)) return null;
    return new CatalogueService(ctx.dataSource).findSession(ctx.viewer, id, (courseId) => ctx.loaders.coursesById.load(courseId));
  }

  @Query(() => Course, { nullable: true, description: 'Null when there is no such course or the caller may not see it.' })
  async course(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CourseEntity | null> {
    if (!isUuid(id)) return null;
    const course = await ctx.loaders.coursesById.load(id);
    return course && canSeeCourse(ctx.viewer, course) ? course : null;
  }
}
