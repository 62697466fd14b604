import type { DataSource } from 'typeorm';
import { badArgument } from './booking.errors';
import { cursorArgument, isKeysetTimestamp, keysetPage, keysetTimestampSql } from '../../graphql/keyset-cursor';
import { isUuid } from '../../graphql/uuid';
import { TrainingSessionEntity } from '../catalogue/training-session.entity';
import { BookingEntity } from './booking.entity';
import type { OrganisationBookingsArgs } from './organisation-bookings.args';

export interface BookingPage {
  edges: Array<{ cursor: string; node: BookingEntity }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * One organisation's bookings, in the order a lead plans by: session start, session, then
 * booking time. The caller has checked who may see them (organisation-bookings.resolver.ts).
 */
export class OrganisationBookingsService {
  constructor(private readonly dataSource: DataSource) {}

  async page(partnershipId: string, args: OrganisationBookingsArgs): Promise<BookingPage> {
    const cursor = cursorArgument(args.after, [isKeysetTimestamp, isUuid, isKeysetTimestamp, isUuid]);
    const filter = args.filter ?? {};
    if (filter.from && filter.to && filter.to.getTime() <= filter.from.getTime()) {
      throw badArgument(['filter', 'to'], 'End date must be after the start date', 'DATES_OUT_OF_ORDER');
    }

    const query = this.dataSource.getRepository(BookingEntity).createQueryBuilder('b')
      .innerJoin(TrainingSessionEntity, 's', 's.id = b.session_id AND s.partnership_id = b.partnership_id')
      .where('b.partnership_id = :partnershipId AND b.organisation_id = :organisationId', { partnershipId, organisationId: args.organisationId });
    if (filter.status?.length) query.andWhere('b.status IN (:...statuses)', { statuses: filter.status });
    if (filter.sessionId) query.andWhere('b.session_id = :sessionId', { sessionId: filter.sessionId });
    if (filter.from) query.andWhere('s.starts_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('s.starts_at < :to', { to: filter.to });
    const totalCount = await query.clone().getCount();

    if (cursor) {
      query.andWhere('(s.starts_at, s.id, b.created_at, b.id) > (:startsAt::timestamptz, :sessionId2::uuid, :createdAt::timestamptz, :id::uuid)',
        { startsAt: cursor[0], sessionId2: cursor[1], createdAt: cursor[2], id: cursor[3] });
    }
    const { entities, raw } = await query
      .addSelect(keysetTimestampSql('s.starts_at'), 'cursor_starts_at').addSelect(keysetTimestampSql('b.created_at'), 'cursor_created_at')
      .orderBy('s.starts_at', 'ASC').addOrderBy('s.id', 'ASC').addOrderBy('b.created_at', 'ASC').addOrderBy('b.id', 'ASC')
      .limit(args.first + 1).getRawAndEntities<{ b_id: string; cursor_starts_at: string; cursor_created_at: string }>();
    const times = new Map(raw.map((row) => [row.b_id, row]));
    const page = keysetPage(entities, args.first, (node) => {
      const row = times.get(node.id)!;
      return [row.cursor_starts_at, node.sessionId, row.cursor_created_at, node.id];
    });
    return { ...page, totalCount };
  }
}
