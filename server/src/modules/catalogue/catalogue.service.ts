import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { boundingBox, EARTH_RADIUS_KM } from '@portal/domain';
import type { Viewer } from '../auth/viewer';
import { badArgument } from './catalogue.errors';
import { CourseEntity } from './course.entity';
import { TrainingSessionEntity } from './training-session.entity';
import { MandatorySubjectEntity } from './mandatory-subject.entity';
import { VenueEntity } from './venue.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { entityFromRow } from '../../db/entity-from-row';
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

/** The page statement's column list depends only on the entities' metadata. */
const PAGE_COLUMNS = new WeakMap<DataSource, string>();

export interface SessionPage {
  edges: Array<{ cursor: string; node: TrainingSessionEntity }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  /** Each session of the page with its course, provider and venue, read by the same statement (for the request's loaders). */
  related: Array<{ session: TrainingSessionEntity; course: CourseEntity; provider: OrganisationEntity; venue: VenueEntity | null }>;
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

    // One statement: the matches' count, the page in the order asked for, and each session's course, venue and provider.
    // Online sessions have no venue: nearest first puts them last, soonest first among themselves.
    const distance = measuredFrom ? `coalesce(${distanceSql('v', measuredFrom)}, 'Infinity'::float8)` : null;
    const byDistance = sort === SessionSort.DISTANCE && distance !== null;
    const matching = this.filteredSessions({ viewer, partnershipId, filter, from, now })
      .select('s.id', 'id').addSelect('s.starts_at', 'starts_at');
    // Whenever the search measures from a place, each card can say how far away it is, whatever the order.
    if (distance) matching.addSelect(distance, 'distance');
    const [filtered, parameters] = matching.getQueryAndParameters();
    // The cursor's keys follow the filter's parameters; only those the statement uses are sent.
    const keys: unknown[] = !cursor ? [] : cursor.sort === SessionSort.DISTANCE
      ? [cursor.distance, cursor.startsAt, cursor.id] : [cursor.startsAt, cursor.id];
    const at = parameters.length;
    const after = !cursor ? 'true'
      : cursor.sort === SessionSort.DISTANCE
        ? `(m.distance, m.starts_at, m.id) > ($${at + 1}::float8, $${at + 2}::timestamptz, $${at + 3}::uuid)`
        : `(m.starts_at, m.id) > ($${at + 1}::timestamptz, $${at + 2}::uuid)`;
    const limit = `$${at + keys.length + 1}`;
    const order = byDistance ? 'distance, starts_at, id' : 'starts_at, id';
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(`
      WITH matched AS (${filtered}),
      page AS (
        SELECT m.* FROM matched m WHERE ${after}
        ORDER BY ${order.split(', ').map((key) => `m.${key}`).join(', ')} LIMIT ${limit}
      )
      SELECT (SELECT count(*) FROM matched)::int AS total_count, ${this.pageColumns()},
        ${keysetTimestampSql('s.starts_at')} AS cursor_starts_at${byDistance ? ', page.distance::text AS cursor_distance' : ''}${distance
          ? ', CASE WHEN s.venue_id IS NULL THEN NULL ELSE page.distance END AS distance_km' : ''}
      FROM (SELECT 1) one LEFT JOIN (page
        JOIN training_session s ON s.id = page.id
        JOIN course c ON c.id = s.course_id AND c.partnership_id = s.partnership_id
        JOIN organisation p ON p.id = c.provider_organisation_id AND p.partnership_id = c.partnership_id
        LEFT JOIN venue v ON v.id = s.venue_id AND v.partnership_id = s.partnership_id) ON true
      ORDER BY ${order.split(', ').map((key) => `page.${key}`).join(', ')}`,
    [...parameters, ...keys, first + 1]);
    const found = rows.filter((row) => row['s_id'] !== null).map((row) => ({
      session: Object.assign(this.entityOf(TrainingSessionEntity, 's_', row),
        { distanceKm: row['distance_km'] === undefined || row['distance_km'] === null ? null : Number(row['distance_km']) }),
      course: this.entityOf(CourseEntity, 'c_', row),
      provider: this.entityOf(OrganisationEntity, 'p_', row),
      venue: row['v_id'] === null ? null : this.entityOf(VenueEntity, 'v_', row),
      key: row,
    }));
    const page = keysetPage(found, first, ({ session, key }) => byDistance
      ? [sort, String(key['cursor_distance']), String(key['cursor_starts_at']), session.id]
      : [SessionSort.DATE, String(key['cursor_starts_at']), session.id], ({ session }) => session);
    return { ...page, totalCount: Number(rows[0]?.total_count ?? 0), related: found.slice(0, first) };
  }

  /** Every column of the page's four tables, each prefixed by its alias, so one row carries four entities. Worked out once per data source. */
  private pageColumns(): string {
    let columns = PAGE_COLUMNS.get(this.dataSource);
    if (!columns) {
      columns = ([[TrainingSessionEntity, 's'], [CourseEntity, 'c'], [OrganisationEntity, 'p'], [VenueEntity, 'v']] as const)
        .flatMap(([entity, alias]) => this.dataSource.getMetadata(entity).columns
          .map((column) => `${alias}."${column.databaseName}" AS "${alias}_${column.databaseName}"`))
        .join(', ');
      PAGE_COLUMNS.set(this.dataSource, columns);
    }
    return columns;
  }

  private entityOf<T extends ObjectLiteral>(entity: EntityTarget<T>, prefix: string, row: Record<string, unknown>): T {
    return entityFromRow(this.dataSource, entity, row, prefix);
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
    // Free to book: a free course, or a session a proposal commissioned (its pledges pay for the places).
    if (filter.freeOnly) query.andWhere('(c.cost_per_place_pence = 0 OR s.proposal_id IS NOT NULL)');
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
