import type { EntityManager } from 'typeorm';
import { isReleased } from '@portal/domain';
import type { RequestOrigin } from '../audit/audit.service';
import { promoteWaiting } from './promote-waiting';
import type { NoticeSettings } from '../notifications/booking-notices';

/**
 * Gives every seat of a session that is free, and that someone waiting may have, to the people
 * waiting, first come first served, one promotion at a time through promoteWaiting (the same
 * claim, notice and audit as a cancellation's). For when seats appear other than by a
 * cancellation: the release time passed, the capacity grew, an allocation grew or shrank.
 * The caller holds the session's row lock, so the counters read here cannot move meanwhile.
 * Returns the promoted bookings' ids, in the order they were promoted.
 */
export async function fillFreeSeats(manager: EntityManager, sessionId: string, origin: RequestOrigin, now: Date,
  notices: NoticeSettings): Promise<string[]> {
  const [session]: Array<{ capacity: number; allocated_seats: number; seats_taken: number; pool_seats_taken: number; release_at: Date }> =
    await manager.query('SELECT capacity, allocated_seats, seats_taken, pool_seats_taken, release_at FROM training_session WHERE id = $1', [sessionId]);
  if (!session || session.seats_taken >= session.capacity) return [];
  const released = isReleased({ releaseAt: session.release_at }, now);
  const promoted: string[] = [];
  const promoteWhile = async (seatsFree: number, organisationId: string | null) => {
    for (let left = seatsFree; left > 0; left -= 1) {
      const id = await promoteWaiting(manager, sessionId, { organisationId, released }, origin, now, notices);
      if (!id) return;
      promoted.push(id);
    }
  };

  if (released) {
    await promoteWhile(session.capacity - session.seats_taken, null);
    return promoted;
  }
  // Before the release time an organisation's free allocated seats are for its own people only.
  const allocations: Array<{ organisation_id: string; free: number }> = await manager.query(
    `SELECT organisation_id, seats - seats_taken AS free FROM seat_allocation
     WHERE session_id = $1 AND seats > seats_taken ORDER BY organisation_id`, [sessionId]);
  for (const allocation of allocations) await promoteWhile(allocation.free, allocation.organisation_id);
  await promoteWhile(session.capacity - session.allocated_seats - session.pool_seats_taken, null);
  return promoted;
}
