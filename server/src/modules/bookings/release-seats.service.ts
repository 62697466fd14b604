import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import { fillFreeSeats } from './fill-free-seats';
import type { NoticeSettings } from '../notifications/booking-notices';

/** Sessions looked at per run; the rest wait for the next run. */
const BATCH = 500;

/**
 * At a session's release time its unused allocated seats return to the shared pool. Seats-left
 * and claimSeat switch to the pool rule by themselves at release_at; this records the release
 * and gives the seats now free to the people waiting, first come first served.
 *
 * Each session is released in its own transaction under `FOR UPDATE SKIP LOCKED` and only while
 * released_at is null, so any number of runners (replicas, a retried job) release it once.
 * Returns how many sessions this call released.
 */
export async function releaseDueSessions(dataSource: DataSource, now: Date, notices: NoticeSettings): Promise<number> {
  const due: Array<{ id: string }> = await dataSource.query(
    `SELECT id FROM training_session WHERE status = 'scheduled' AND released_at IS NULL AND release_at <= $1
     ORDER BY release_at, id LIMIT ${BATCH}`, [now]);
  const origin: RequestOrigin = { ipAddress: null, requestId: `job:release-seats:${randomUUID()}` };
  let released = 0;
  for (const { id } of due) {
    if (await dataSource.transaction((manager) => releaseSession(manager, id, origin, now, notices, 'skip_locked'))) released += 1;
  }
  return released;
}

/**
 * A booking that arrives after the release time but before the job has run releases the session
 * itself, in its own transaction and before it claims a seat, so the seats returned go to the
 * people waiting and not to whoever books first. It waits for the session's row (a runner, or
 * another booking, releasing it now) and then finds it released. Nothing is locked before the
 * session's row, so the lock order stays allocation → session → stream.
 */
export function releaseDueSession(manager: EntityManager, sessionId: string, origin: RequestOrigin, now: Date,
  notices: NoticeSettings): Promise<boolean> {
  return releaseSession(manager, sessionId, origin, now, notices, 'wait');
}

async function releaseSession(manager: EntityManager, sessionId: string, origin: RequestOrigin, now: Date, notices: NoticeSettings,
  locked: 'skip_locked' | 'wait'): Promise<boolean> {
  const [session]: Array<{ id: string; partnership_id: string; starts_at: Date; release_at: Date }> = await manager.query(
    `SELECT id, partnership_id, starts_at, release_at FROM training_session
     WHERE id = $1 AND status = 'scheduled' AND released_at IS NULL AND release_at <= $2 FOR UPDATE${locked === 'skip_locked' ? ' SKIP LOCKED' : ''}`,
    [sessionId, now]);
  // Released meanwhile, or another runner holds it (it releases it, or a later run will).
  if (!session) return false;
  const returned: Array<{ organisation_id: string; seats: number }> = await manager.query(
    `SELECT organisation_id, seats - seats_taken AS seats FROM seat_allocation
     WHERE session_id = $1 AND seats > seats_taken ORDER BY organisation_id`, [sessionId]);
  await manager.query('UPDATE training_session SET released_at = $2 WHERE id = $1', [sessionId, now]);
  // A session that has begun (the job was down past its start) keeps its register as it is.
  const promotedIds = session.starts_at > now ? await fillFreeSeats(manager, sessionId, origin, now, notices) : [];
  const promoted: Array<{ id: string; person_id: string; status: string }> = promotedIds.length
    ? await manager.query('SELECT id, person_id, status FROM booking WHERE id = ANY($1::uuid[])', [promotedIds]) : [];
  const byId = new Map(promoted.map((row) => [row.id, row]));
  await recordAudit(manager, origin, { partnershipId: session.partnership_id, actorPersonId: null, action: 'sessions.seats_released',
    subjectType: 'training_session', subjectId: sessionId, details: {
      releaseAt: session.release_at.toISOString(),
      seatsReturned: returned.reduce((sum, row) => sum + row.seats, 0),
      byOrganisation: returned.map((row) => ({ organisationId: row.organisation_id, seats: row.seats })),
      promoted: promotedIds.map((id) => ({ bookingId: id, personId: byId.get(id)?.person_id ?? null, status: byId.get(id)?.status ?? null })),
    } });
  return true;
}
