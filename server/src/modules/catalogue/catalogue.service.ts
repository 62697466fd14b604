import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { boundingBox, EARTH_RADIUS_KM } from '@portal/domain';
import type { Viewer } from '../auth/viewer';
import { badArgument } from '../../graphql/user-error';
import { CourseEntity } from './course.entity';
import { TrainingSessionEntity } from './training-session.entity';
import { MandatorySubjectEntity } from './mandatory-subject.entity';
import { VenueEntity } from './venue.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { entityFromRow } from '../../db/entity-from-row';
import { canSeeCourse, courseVisibilitySql } from './catalogue.policy';
import { decodeSessionCursor, encodeSessionCursor } from './session-cursor';
import { prefixTsQuery } from './search-text';
import type { SessionFilter } from './sessions.args';

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
    first: number;
    after?: string;
    now: Date;
  }): Promise<SessionPage> {
    const { viewer, partnershipId, filter, first, now } = args;
    const cursor = args.after === undefined ? null : decodeSessionCursor(args.after);
    if (args.after !== undefined && !cursor) {
      throw badArgument(['after'], 'The cursor is not one this server gave. Start again from the first page.', 'INVALID_CURSOR');
    }
    const from = filter.from ?? now;
    if (filter.to && filter.to.getTime() <= from.getTime()) {
      throw badArgument(['filter', 'to'], filter.from
        ? 'The end date must be after the start date.'
        : 'The end date must be in the future (the start date defaults to now).', 'DATES_OUT_OF_ORDER');
    }
    if (filter.mandatorySubject && !(await this.dataSource.getRepository(MandatorySubjectEntity)
      .existsBy({ code: filter.mandatorySubject }))) {
      throw badArgument(['filter', 'mandatorySubject'], `There is no mandatory subject "${filter.mandatorySubject}".`, 'NOT_FOUND');
    }

    // One statement: the matches' count, the page, and each session's course, venue and provider.
    const [filtered, parameters] = this.filteredSessions({ viewer, partnershipId, filter, from, now })
      .select('s.id', 'id').addSelect('s.starts_at', 'starts_at').getQueryAndParameters();
    const at = parameters.length;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(`
      WITH matched AS (${filtered}),
      page AS (
        SELECT m.id FROM matched m
        WHERE $${at + 1}::timestamptz IS NULL OR (m.starts_at, m.id) > ($${at + 1}::timestamptz, $${at + 2}::uuid)
        ORDER BY m.starts_at, m.id LIMIT $${at + 3}
      )
      SELECT (SELECT count(*) FROM matched)::int AS total_count, ${this.pageColumns()}
      FROM (SELECT 1) one LEFT JOIN (page
        JOIN training_session s ON s.id = page.id
        JOIN course c ON c.id = s.course_id AND c.partnership_id = s.partnership_id
        JOIN organisation p ON p.id = c.provider_organisation_id AND p.partnership_id = c.partnership_id
        LEFT JOIN venue v ON v.id = s.venue_id AND v.partnership_id = s.partnership_id) ON true
      ORDER BY s.starts_at, s.id`, [...parameters, cursor?.startsAt ?? null, cursor?.id ?? null, first + 1]);
    const found = rows.filter((row) => row[`s_id`] !== null).map((row) => ({
      session: this.entityOf(TrainingSessionEntity, 's_', row),
      course: this.entityOf(CourseEntity, 'c_', row),
      provider: this.entityOf(OrganisationEntity, 'p_', row),
      venue: row['v_id'] === null ? null : this.entityOf(VenueEntity, 'v_', row),
    }));
    const page = found.slice(0, first);
    const edges = page.map(({ session }) => ({ cursor: encodeSessionCursor(session), node: session }));
    return {
      edges,
      pageInfo: { hasNextPage: found.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: Number(rows[0]?.total_count ?? 0),
      related: page,
    };
  }

  /** Every column of the page's four tables, each prefixed by its alias, so one row carries four entities. */
  private pageColumns(): string {
    return ([[TrainingSessionEntity, 's'], [CourseEntity, 'c'], [OrganisationEntity, 'p'], [VenueEntity, 'v']] as const)
      .flatMap(([entity, alias]) => this.dataSource.getMetadata(entity).columns
        .map((column) => `${alias}."${column.databaseName}" AS "${alias}_${column.databaseName}"`))
      .join(', ');
  }

  private entityOf<T extends ObjectLiteral>(entity: EntityTarget<T>, prefix: string, row: Record<string, unknown>): T {
    const own: Record<string, unknown> = {};
    for (const column of this.dataSource.getMetadata(entity).columns) own[column.databaseName] = row[prefix + column.databaseName];
    return entityFromRow(this.dataSource, entity, own);
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
        AND 2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
          power(sin(radians(v.latitude - :nearLatitude) / 2), 2)
          + cos(radians(:nearLatitude)) * cos(radians(v.latitude))
            * power(sin(radians(v.longitude - :nearLongitude) / 2), 2)))) <= :radiusKm)`);
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
