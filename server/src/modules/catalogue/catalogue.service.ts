import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { boundingBox, EARTH_RADIUS_KM } from '@portal/domain';
import type { Viewer } from '../auth/viewer';
import { badArgument } from './catalogue.errors';
import { CourseEntity } from './course.entity';
import { TrainingSessionEntity } from './training-session.entity';
import { MandatorySubjectEntity } from './mandatory-subject.entity';
import { canSeeCourse, courseVisibilitySql } from './catalogue.policy';
import { decodeSessionCursor } from './session-cursor';
import { keysetPage, keysetTimestampSql, INVALID_CURSOR_MESSAGE } from '../../graphql/keyset-cursor';
import { SessionSort } from './catalogue.enums';
import { prefixTsQuery } from './search-text';
import type { SessionFilter } from './sessions.args';

/** Where distance is measured from, as SQL: the point given, else the centre of the town's venues. */
interface SqlPoint { latitude: string; longitude: string }
const NEAR_POINT: SqlPoint = { latitude: ':nearLatitude', longitude: ':nearLongitude' };
// Uncorrelated, so PostgreSQL works it out once per statement. The filter's :town and :partnershipId.
const TOWN_CENTRE: SqlPoint = {
  latitude: '(SELECT avg(tv.latitude) FROM venue tv WHERE tv.partnership_id = :partnershipId AND lower(tv.town) = lower(:town))',
  longitude: '(SELECT avg(tv.longitude) FROM venue tv WHERE tv.partnership_id = :partnershipId AND lower(tv.town) = lower(:town))',
};

function distanceOrigin(filter: SessionFilter): SqlPoint | null {
  if (filter.near) return NEAR_POINT;
  return filter.town?.trim() ? TOWN_CENTRE : null;
}

/** Great-circle kilometres from a point to a venue (the rule of packages/domain/src/geo.ts, in SQL). */
function distanceSql(venue: string, from: SqlPoint): string {
  return `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
    power(sin(radians(${venue}.latitude - ${from.latitude}) / 2), 2)
    + cos(radians(${from.latitude})) * cos(radians(${venue}.latitude))
      * power(sin(radians(${venue}.longitude - ${from.longitude}) / 2), 2)))))`;
}

export interface SessionPage {
  edges: Array<{ cursor: string; node: TrainingSessionEntity }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * Reads of the catalogue. Every query is scoped to one partnership, taken from the resolved
 * slug, and to the courses the viewer may see.
 */
export class CatalogueService {
  constructor(private readonly dataSource: DataSource) {}

  async searchSessions(args: {
    viewer: Viewer | null;
    partnershipId: string;
    filter: SessionFilter;
    sort?: SessionSort;
    first: number;
    after?: string;
    now: Date;
  }): Promise<SessionPage> {
    const { viewer, partnershipId, filter, first, now } = args;
    const sort = args.sort ?? SessionSort.DATE;
    const measuredFrom = distanceOrigin(filter);
    if (sort === SessionSort.DISTANCE && !measuredFrom) {
      throw badArgument(['sort'], 'To sort by distance, give a town or a place to measure from.', 'NEEDS_PLACE');
    }
    const cursor = args.after === undefined ? null : decodeSessionCursor(args.after);
    if (args.after !== undefined && !cursor) throw badArgument(['after'], INVALID_CURSOR_MESSAGE, 'INVALID_CURSOR');
    if (cursor && cursor.sort !== sort) {
      throw badArgument(['after'], `The cursor is from results sorted by ${cursor.sort}, not by ${sort}. Start again from the first page.`,
        'CURSOR_SORT_MISMATCH');
    }
    const from = filter.from ?? now;
    if (filter.to && filter.to.getTime() <= from.getTime()) {
      throw badArgument(['filter', 'to'], filter.from
        ? 'End date must be after the start date'
        : 'End date must be in the future (the start date defaults to now)', 'DATES_OUT_OF_ORDER');
    }
    if (filter.mandatorySubject && !(await this.dataSource.getRepository(MandatorySubjectEntity)
      .existsBy({ code: filter.mandatorySubject }))) {
      throw badArgument(['filter', 'mandatorySubject'], `There is no mandatory subject "${filter.mandatorySubject}".`, 'NOT_FOUND');
    }

    const query = this.filteredSessions({ viewer, partnershipId, filter, from, now });
    const totalCount = await query.clone().getCount();
    // Online sessions have no venue: nearest first puts them last, soonest first among themselves.
    const distance = measuredFrom ? `coalesce(${distanceSql('v', measuredFrom)}, 'Infinity'::float8)` : null;
    if (cursor?.sort === SessionSort.DISTANCE) {
      query.andWhere(`(${distance}, s.starts_at, s.id) > (:cursorDistance::float8, :cursorStartsAt::timestamptz, :cursorId::uuid)`,
        { cursorDistance: cursor.distance, cursorStartsAt: cursor.startsAt, cursorId: cursor.id });
    } else if (cursor) {
      query.andWhere('(s.starts_at, s.id) > (:cursorStartsAt::timestamptz, :cursorId::uuid)', { cursorStartsAt: cursor.startsAt, cursorId: cursor.id });
    }
    query.addSelect(keysetTimestampSql('s.starts_at'), 'cursor_starts_at');
    if (sort === SessionSort.DISTANCE && distance) {
      query.addSelect(`(${distance})::text`, 'cursor_distance').orderBy(distance, 'ASC');
    }
    const { entities, raw } = await query.addOrderBy('s.starts_at', 'ASC').addOrderBy('s.id', 'ASC').limit(first + 1)
      .getRawAndEntities<{ s_id: string; cursor_starts_at: string; cursor_distance?: string }>();
    const keys = new Map(raw.map((row) => [row.s_id, row]));
    const page = keysetPage(entities, first, (node) => {
      const key = keys.get(node.id)!;
      return sort === SessionSort.DISTANCE ? [sort, key.cursor_distance!, key.cursor_starts_at, node.id] : [sort, key.cursor_starts_at, node.id];
    });
    return { ...page, totalCount };
  }

  private filteredSessions(args: {
    viewer: Viewer | null; partnershipId: string; filter: SessionFilter; from: Date; now: Date;
  }): SelectQueryBuilder<TrainingSessionEntity> {
    const { viewer, partnershipId, filter, from, now } = args;
    const visibility = courseVisibilitySql(viewer, partnershipId);
    const query = this.dataSource.getRepository(TrainingSessionEntity).createQueryBuilder('s')
      .innerJoin(CourseEntity, 'c', 'c.id = s.course_id AND c.partnership_id = s.partnership_id')
      .leftJoin('venue', 'v', 'v.id = s.venue_id AND v.partnership_id = s.partnership_id')
      .where('s.partnership_id = :partnershipId', { partnershipId })
      .andWhere(`s.status = 'scheduled'`)
      .andWhere('s.starts_at >= :from', { from })
      .andWhere(visibility.sql, visibility.params);

    if (filter.to) query.andWhere('s.starts_at < :to', { to: filter.to });
    const tsQuery = filter.text ? prefixTsQuery(filter.text) : null;
    if (tsQuery) {
      query.andWhere(`(c.search_vector @@ to_tsquery('english', :tsQuery) OR EXISTS (
        SELECT 1 FROM organisation p WHERE p.id = c.provider_organisation_id
          AND p.search_vector @@ to_tsquery('english', :tsQuery)))`, { tsQuery });
    }
    if (filter.audience) query.andWhere(`c.audience IN (:audience, 'both')`, { audience: filter.audience });
    if (filter.freeOnly) query.andWhere('c.cost_per_place_pence = 0');
    if (filter.jointOnly) query.andWhere('c.is_joint');
    if (filter.deliveryMode) query.andWhere('s.delivery_mode = :deliveryMode', { deliveryMode: filter.deliveryMode });
    if (filter.mandatorySubject) query.andWhere('c.mandatory_subject = :subject', { subject: filter.mandatorySubject });
    if (filter.ksfDimension) query.andWhere(':ksf = ANY(c.ksf_dimensions)', { ksf: filter.ksfDimension });
    if (filter.providerOrganisationId) {
      query.andWhere('c.provider_organisation_id = :providerId', { providerId: filter.providerOrganisationId });
    }
    if (filter.courseId) query.andWhere('s.course_id = :courseId', { courseId: filter.courseId });

    const place: string[] = [];
    if (filter.town) {
      place.push('lower(v.town) = lower(:town)');
      query.setParameter('town', filter.town.trim());
    }
    if (filter.near) {
      const box = boundingBox(filter.near, filter.near.radiusKm);
      // The box uses the index; the great-circle distance then trims its corners.
      place.push(`(v.latitude BETWEEN :minLatitude AND :maxLatitude
        AND v.longitude BETWEEN :minLongitude AND :maxLongitude
        AND ${distanceSql('v', NEAR_POINT)} <= :radiusKm)`);
      query.setParameters({ ...box, nearLatitude: filter.near.latitude, nearLongitude: filter.near.longitude,
        radiusKm: filter.near.radiusKm });
    }
    if (place.length) {
      const online = filter.includeOnline ? ` OR s.delivery_mode = 'online'` : '';
      query.andWhere(`((${place.join(' AND ')})${online})`);
    }
    if (filter.withSeatsOnly) {
      query.andWhere(`(CASE WHEN s.release_at <= :now THEN s.capacity - s.seats_taken
        ELSE greatest(0, s.capacity - s.allocated_seats - s.pool_seats_taken) + coalesce((
          SELECT greatest(0, a.seats - a.seats_taken) FROM seat_allocation a
          WHERE a.session_id = s.id AND a.organisation_id = :seatOrganisationId), 0) END) > 0`,
      { now, seatOrganisationId: viewer?.partnershipId === partnershipId ? viewer.organisationId : null });
    }
    return query;
  }

  /** A session the viewer may see (its course is visible to them), or null. */
  async findSession(viewer: Viewer | null, id: string, loadCourse: (id: string) => Promise<CourseEntity | null>) {
    const session = await this.dataSource.getRepository(TrainingSessionEntity).findOneBy({ id });
    if (!session) return null;
    const course = await loadCourse(session.courseId);
    return course && canSeeCourse(viewer, course) ? session : null;
  }
}
