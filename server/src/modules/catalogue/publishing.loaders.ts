import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context';
import { BookingEntity } from '../bookings/booking.entity';
import { TrainingSessionEntity } from './training-session.entity';

/**
 * Per-request loaders for the provider's pages: a course's sessions and a session's bookings,
 * one statement for a whole page of courses or sessions (a WeakMap on the request's context).
 */
interface PublishingLoaders {
  sessionsByCourse: DataLoader<string, TrainingSessionEntity[]>;
  bookingsBySession: DataLoader<string, BookingEntity[]>;
}

const perRequest = new WeakMap<Context, PublishingLoaders>();

/** A course's sessions, newest dates last; at most this many per course on one page. */
export const SESSIONS_PER_COURSE = 200;

/** The order a provider reads their list in: those holding a place, then waiting, then the rest. */
const STATUS_ORDER = ['confirmed', 'requested', 'waitlisted', 'attended', 'no_show', 'cancelled', 'declined'];
const rank = (b: BookingEntity) => (STATUS_ORDER.indexOf(b.status) + 8) % 8;
const byListOrder = (a: BookingEntity, b: BookingEntity) => rank(a) - rank(b)
  || (a.waitlistedAt?.getTime() ?? 0) - (b.waitlistedAt?.getTime() ?? 0) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

export function publishingLoaders(ctx: Context): PublishingLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      sessionsByCourse: new DataLoader(async (courseIds) => {
        const rows = await ctx.dataSource.getRepository(TrainingSessionEntity).createQueryBuilder('s')
          .where('s.course_id = ANY(:ids)', { ids: [...courseIds] }).orderBy('s.starts_at', 'ASC').addOrderBy('s.id').getMany();
        return courseIds.map((id) => rows.filter((s) => s.courseId === id).slice(-SESSIONS_PER_COURSE));
      }),
      bookingsBySession: new DataLoader(async (sessionIds) => {
        const rows = await ctx.dataSource.getRepository(BookingEntity).createQueryBuilder('b')
          .where('b.session_id = ANY(:ids)', { ids: [...sessionIds] })
          .getMany();
        return sessionIds.map((id) => rows.filter((b) => b.sessionId === id).sort(byListOrder));
      }),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
