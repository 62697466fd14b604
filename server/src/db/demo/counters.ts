import type { EntityManager } from 'typeorm';
import { SEAT_HOLDING_SQL } from '@portal/domain';

/**
 * Sets the seat counters from the rows they count. Doing it in SQL after the insert, rather
 * than inserting precomputed numbers, keeps them right even if triggers or later code also
 * maintain them during inserts.
 */
const HOLDING = SEAT_HOLDING_SQL;

export async function recomputeSeatCounters(manager: EntityManager, partnershipIds: readonly string[]): Promise<void> {
  await manager.query(
    `UPDATE training_session s
        SET allocated_seats = coalesce(a.seats, 0),
            seats_taken = coalesce(b.taken, 0),
            pool_seats_taken = coalesce(b.pool, 0)
       FROM training_session t
       LEFT JOIN (SELECT session_id, sum(seats)::int AS seats
                    FROM seat_allocation WHERE partnership_id = ANY($1::uuid[]) GROUP BY session_id) a
              ON a.session_id = t.id
       LEFT JOIN (SELECT session_id, count(*)::int AS taken,
                         count(*) FILTER (WHERE seat_organisation_id IS NULL)::int AS pool
                    FROM booking WHERE partnership_id = ANY($1::uuid[]) AND status IN ${HOLDING}
                   GROUP BY session_id) b
              ON b.session_id = t.id
      WHERE s.id = t.id AND t.partnership_id = ANY($1::uuid[])`,
    [partnershipIds],
  );
  await manager.query(
    `UPDATE seat_allocation sa
        SET seats_taken = coalesce(b.taken, 0)
       FROM seat_allocation x
       LEFT JOIN (SELECT session_id, seat_organisation_id, count(*)::int AS taken
                    FROM booking WHERE partnership_id = ANY($1::uuid[]) AND status IN ${HOLDING}
                     AND seat_organisation_id IS NOT NULL
                   GROUP BY session_id, seat_organisation_id) b
              ON b.session_id = x.session_id AND b.seat_organisation_id = x.organisation_id
      WHERE sa.id = x.id AND x.partnership_id = ANY($1::uuid[])`,
    [partnershipIds],
  );
}
