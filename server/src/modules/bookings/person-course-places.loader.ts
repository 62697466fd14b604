import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { LIVE_PLACE_STATUSES } from '@portal/domain';
import { BookingEntity } from './booking.entity';

/** Statuses of a place a person still holds or waits for (packages/domain/src/booking-status.ts). */
export const LIVE_PLACE = LIVE_PLACE_STATUSES;

export interface PersonSessionKey { personId: string; sessionId: string }
export interface PersonCourseKey { personId: string; courseId: string }
export interface PlaceOnCourse { bookingId: string; sessionId: string; startsAt: Date; status: string }

/** A person's live place on each session asked for, in one statement for the batch. */
export function createLivePlaceLoader(dataSource: DataSource): DataLoader<PersonSessionKey, BookingEntity | null, string> {
  return new DataLoader<PersonSessionKey, BookingEntity | null, string>(async (keys) => {
    const rows = await dataSource.getRepository(BookingEntity).findBy({
      personId: In([...new Set(keys.map((k) => k.personId))]), sessionId: In([...new Set(keys.map((k) => k.sessionId))]),
      status: In([...LIVE_PLACE]),
    });
    const byPair = new Map(rows.map((row) => [`${row.personId}:${row.sessionId}`, row]));
    return keys.map((key) => byPair.get(`${key.personId}:${key.sessionId}`) ?? null);
  }, { cacheKeyFn: (key) => `${key.personId}:${key.sessionId}` });
}

/**
 * A person's live places on upcoming sessions of each course asked for, soonest first, in one statement.
 * Upcoming as of the request's `now`, the instant bookSession decides the same rule by.
 */
export function createPlacesOnCourseLoader(dataSource: DataSource, now: Date): DataLoader<PersonCourseKey, PlaceOnCourse[], string> {
  return new DataLoader<PersonCourseKey, PlaceOnCourse[], string>(async (keys) => {
    const rows: Array<PlaceOnCourse & { personId: string; courseId: string }> = await dataSource.query(
      `SELECT b.id AS "bookingId", b.session_id AS "sessionId", s.starts_at AS "startsAt", b.status, b.person_id AS "personId",
         s.course_id AS "courseId"
       FROM booking b JOIN training_session s ON s.id = b.session_id
       WHERE (b.person_id, s.course_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
         AND b.status = ANY($3::text[]) AND s.status = 'scheduled' AND s.ends_at > $4
       ORDER BY s.starts_at`,
      [keys.map((k) => k.personId), keys.map((k) => k.courseId), [...LIVE_PLACE], now]);
    const groups = new Map<string, PlaceOnCourse[]>();
    for (const { personId, courseId, ...place } of rows) {
      const key = `${personId}:${courseId}`;
      groups.set(key, [...(groups.get(key) ?? []), place]);
    }
    return keys.map((key) => groups.get(`${key.personId}:${key.courseId}`) ?? []);
  }, { cacheKeyFn: (key) => `${key.personId}:${key.courseId}` });
}
