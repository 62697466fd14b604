import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { TrainingSessionEntity } from './training-session.entity';

/** How many upcoming dates of a course a session page lists beside its own. */
export const OTHER_DATES_LIMIT = 10;

/**
 * Each course's next scheduled sessions (one more than the page lists, so the session itself can
 * be left out), soonest first, in one statement for the batch.
 */
export function createUpcomingSessionsLoader(dataSource: DataSource, now: Date): DataLoader<string, TrainingSessionEntity[]> {
  return new DataLoader<string, TrainingSessionEntity[]>(async (courseIds) => {
    const rows = await dataSource.getRepository(TrainingSessionEntity).createQueryBuilder('s')
      .where(`s.id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY course_id ORDER BY starts_at, id) AS n
        FROM training_session WHERE course_id = ANY(:courseIds) AND status = 'scheduled' AND starts_at > :now) t WHERE n <= :limit)`,
      { courseIds: [...courseIds], now, limit: OTHER_DATES_LIMIT + 1 })
      .orderBy('s.starts_at').addOrderBy('s.id').getMany();
    return courseIds.map((courseId) => rows.filter((row) => row.courseId === courseId));
  });
}
