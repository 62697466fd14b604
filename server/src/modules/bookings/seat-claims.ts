import type { EntityManager } from 'typeorm';
import { refuse } from './booking.errors';

/**
 * Taking and giving back seats, each one conditional UPDATE checked by its row count: never
 * "count, then insert", which overbooked 109 seats of 20 under 200 concurrent requests. The
 * CHECKs on the counters are the last line. Rows are locked in one order everywhere
 * (allocation, then session) so concurrent bookings and cancellations cannot deadlock.
 */
export interface SeatSource {
  /** The organisation whose allocation the seat came from; null: the shared pool. */
  organisationId: string | null;
}

const affected = (result: unknown): number => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0);

/** A seat for someone of `organisationId` (null: no organisation), or null when none is left for them. */
export async function claimSeat(manager: EntityManager, sessionId: string, organisationId: string | null, now: Date): Promise<SeatSource | null> {
  if (organisationId) {
    // Until the release time, the organisation's own allocation first.
    const fromAllocation = await manager.query(
      `UPDATE seat_allocation a SET seats_taken = a.seats_taken + 1
       FROM training_session s
       WHERE a.session_id = $1 AND a.organisation_id = $2 AND a.seats_taken < a.seats AND s.id = a.session_id AND s.release_at > $3
         AND s.status = 'scheduled'`,
      [sessionId, organisationId, now]);
    if (affected(fromAllocation) === 1) {
      // Waits for a concurrent cancellation of the session, then sees it: the whole booking is refused.
      const counted = await manager.query(`UPDATE training_session SET seats_taken = seats_taken + 1 WHERE id = $1 AND status = 'scheduled'`, [sessionId]);
      if (affected(counted) !== 1) refuse(['input', 'sessionId'], 'This session has been cancelled.', 'SESSION_CANCELLED');
      return { organisationId };
    }
  }
  // The pool: before release, capacity less every allocation; from release, every free seat.
  const fromPool = await manager.query(
    `UPDATE training_session SET seats_taken = seats_taken + 1, pool_seats_taken = pool_seats_taken + 1
     WHERE id = $1 AND status = 'scheduled' AND CASE WHEN release_at <= $2 THEN seats_taken < capacity
                            ELSE pool_seats_taken < capacity - allocated_seats END`,
    [sessionId, now]);
  return affected(fromPool) === 1 ? { organisationId: null } : null;
}

export async function giveSeatBack(manager: EntityManager, sessionId: string, source: SeatSource): Promise<void> {
  if (source.organisationId) {
    await manager.query('UPDATE seat_allocation SET seats_taken = seats_taken - 1 WHERE session_id = $1 AND organisation_id = $2',
      [sessionId, source.organisationId]);
    await manager.query('UPDATE training_session SET seats_taken = seats_taken - 1 WHERE id = $1', [sessionId]);
    return;
  }
  await manager.query('UPDATE training_session SET seats_taken = seats_taken - 1, pool_seats_taken = pool_seats_taken - 1 WHERE id = $1',
    [sessionId]);
}
