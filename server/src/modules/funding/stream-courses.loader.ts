import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { fundingScope, scopeParams, type FundingScope } from './funding.policy';
import { moneySummary } from './money-summary';
import { STREAM_COURSES_SQL, type StreamCourseRow } from './stream-courses.query';
import { StreamCourse, StreamSession } from './stream-courses.types';
import { countFromSql, penceFromSql } from './sql-pence';

/**
 * Courses and sessions by stream, one statement for every stream asked for in the same tick (a
 * list of streams with their courses costs one statement, not one per stream). Scoped to the
 * viewer: made by the request's loader factory (graphql/loaders.ts).
 */
export function createStreamCoursesLoader(dataSource: DataSource, viewer: Viewer | null): DataLoader<string, StreamCourse[]> {
  // The scope is worked out when first asked for: it refuses a viewer outside funding.
  return new DataLoader((ids) => coursesOfStreams(dataSource, fundingScope(viewer), [...ids]));
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
