import type { DataSource } from 'typeorm';
import { cursorArgument, isKeysetTimestamp, keysetPage, keysetTimestampSql, type KeysetPage } from '../../graphql/keyset-cursor';
import { isUuid } from '../../graphql/uuid';
import type { Viewer } from '../auth/viewer';
import { BookingEntity } from './booking.entity';

/** The signed-in person's own bookings, newest first (booked time to the microsecond, then id). */
export class MyBookingsService {
  constructor(private readonly dataSource: DataSource) {}

  async page(viewer: Viewer, args: { first: number; after?: string | null }): Promise<KeysetPage<BookingEntity> & { totalCount: number }> {
    const cursor = cursorArgument(args.after, [isKeysetTimestamp, isUuid]);
    const query = this.dataSource.getRepository(BookingEntity).createQueryBuilder('b')
      .where('b.person_id = :personId AND b.partnership_id = :partnershipId', { personId: viewer.personId, partnershipId: viewer.partnershipId });
    const totalCount = await query.clone().getCount();
    if (cursor) query.andWhere('(b.created_at, b.id) < (:at::timestamptz, :id::uuid)', { at: cursor[0], id: cursor[1] });
    const { entities, raw } = await query.addSelect(keysetTimestampSql('b.created_at'), 'cursor_created_at')
      .orderBy('b.created_at', 'DESC').addOrderBy('b.id', 'DESC').limit(args.first + 1)
      .getRawAndEntities<{ b_id: string; cursor_created_at: string }>();
    const times = new Map(raw.map((row) => [row.b_id, row.cursor_created_at]));
    return { ...keysetPage(entities, args.first, (node) => [times.get(node.id)!, node.id]), totalCount };
  }
}
