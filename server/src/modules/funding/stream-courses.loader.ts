import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Context } from '../../graphql/context';
import { fundingScope, scopeParams, type FundingScope } from './funding.policy';
import { moneySummary } from './money-summary';
import { STREAM_COURSES_SQL, type StreamCourseRow } from './stream-courses.query';
import { StreamCourse, StreamSession } from './stream-courses.types';
import { countFromSql, penceFromSql } from './sql-pence';

/**
 * Courses and sessions by stream, one statement for every stream asked for in the same tick (a
 * list of streams with their courses costs one statement, not one per stream). Scoped to the
 * viewer, so per request (gone with the request's context).
 */
const perRequest = new WeakMap<Context, DataLoader<string, StreamCourse[]>>();

export function streamCoursesLoader(ctx: Context): DataLoader<string, StreamCourse[]> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    const scope = fundingScope(ctx.viewer);
    loader = new DataLoader((ids) => coursesOfStreams(ctx.dataSource, scope, [...ids]));
    perRequest.set(ctx, loader);
  }
  return loader;
}

export async function coursesOfStreams(dataSource: DataSource, scope: FundingScope, streamIds: string[]): Promise<StreamCourse[][]> {
  const rows: StreamCourseRow[] = await dataSource.query(STREAM_COURSES_SQL, [...scopeParams(scope), streamIds]);
  const byStream = new Map<string, StreamCourse[]>(streamIds.map((id) => [id, []]));
  let course: StreamCourse | null = null;
  for (const row of rows) {
    const summary = moneySummary({ budget: penceFromSql(row.budget), committed: penceFromSql(row.committed), spent: penceFromSql(row.spent) });
    // Rows come ordered with each course's own row before its sessions.
    if (!row.session_row) {
      course = Object.assign(new StreamCourse(), { courseId: row.course_id, title: row.title, summary, sessions: [] });
      byStream.get(row.stream_id)?.push(course);
    } else {
      course!.sessions.push(Object.assign(new StreamSession(), {
        sessionId: row.session_id!, startsAt: row.starts_at!, cancelled: !!row.cancelled, summary,
        seatsOffered: countFromSql(row.offered), seatsUsed: countFromSql(row.used),
      }));
    }
  }
  return streamIds.map((id) => byStream.get(id)!);
}
