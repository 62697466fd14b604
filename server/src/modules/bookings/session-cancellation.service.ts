import type { DataSource } from 'typeorm';
import { LIVE_PLACE_STATUSES } from '@portal/domain';
import { unlessRefused } from '../../graphql/refusal';
import type { UserError } from '../../graphql/user-error';
import { refuseAll, userError } from './booking.errors';
import { withInputErrors } from '../../graphql/input-errors';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { TrainingSessionEntity } from '../catalogue/training-session.entity';
import { providerSession } from './provider-session';
import { noticeSessionChange, type NoticeSettings } from '../notifications/booking-notices';
import { releaseBooking } from '../funding/booking-ledger';

/**
 * A provider (or an administrator) cancels a session: everyone booked or waiting is told, with a
 * calendar cancellation, in the same transaction that cancels their bookings and empties the seats.
 */
export async function cancelSession(dataSource: DataSource, viewer: Viewer, input: { sessionId: string; reason: string },
  origin: RequestOrigin, now: Date, notices: NoticeSettings, inputProblems: readonly UserError[] = []): Promise<{ session: TrainingSessionEntity | null; userErrors: UserError[] }> {
  const { result, userErrors } = await unlessRefused(() => dataSource.transaction(async (manager) => {
    const session = await providerSession(manager, viewer, input.sessionId, 'cancel its sessions', inputProblems);
    // Its bookings before its row, the order cancelBooking takes them in: the other order deadlocks with people cancelling their own places.
    await manager.query('SELECT id FROM booking WHERE session_id = $1 AND status = ANY($2::text[]) ORDER BY id FOR UPDATE',
      [session.id, [...LIVE_PLACE_STATUSES]]);
    // Then its allocations and its row, the order booking takes them in (allocation, then session).
    await manager.query('SELECT organisation_id FROM seat_allocation WHERE session_id = $1 ORDER BY organisation_id FOR UPDATE', [session.id]);
    Object.assign(session, (await manager.query('SELECT status, starts_at FROM training_session WHERE id = $1 FOR UPDATE', [session.id]))[0]);
    const problems: UserError[] = [];
    if (session.status !== 'scheduled') problems.push(userError(['input', 'sessionId'], 'This session is not scheduled', 'NOT_SCHEDULED'));
    else if (session.starts_at <= now) problems.push(userError(['input', 'sessionId'], 'This session has already started', 'SESSION_PAST'));
    refuseAll(withInputErrors(inputProblems, problems));

    const told = await noticeSessionChange(manager, { sessionId: session.id, kind: 'session_cancelled' }, notices);
    const committed: Array<{ booking_id: string }> = await manager.query(
      `SELECT booking_id FROM ledger_entry WHERE session_id = $1 AND booking_id IS NOT NULL
       GROUP BY booking_id HAVING sum(committed_effect_pence) > 0 ORDER BY booking_id`, [session.id]);
    for (const { booking_id: bookingId } of committed) {
      await releaseBooking(manager, bookingId, { late: false, reason: `Session cancelled: ${input.reason}`.slice(0, 1000) }, viewer.personId, origin, now);
    }
    await manager.query(
      `UPDATE booking SET status = 'cancelled', cancelled_at = $2, cancelled_late = false, cancelled_by_person_id = $3,
         cancellation_reason = $4, waitlisted_at = NULL, updated_at = $2
       WHERE session_id = $1 AND status = ANY($5::text[])`, [session.id, now, viewer.personId, input.reason, [...LIVE_PLACE_STATUSES]]);
    await manager.query('UPDATE seat_allocation SET seats_taken = 0 WHERE session_id = $1', [session.id]);
    await manager.query(`UPDATE training_session SET status = 'cancelled', seats_taken = 0, pool_seats_taken = 0 WHERE id = $1`, [session.id]);
    await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'sessions.cancelled',
      subjectType: 'session', subjectId: session.id, details: { reason: input.reason, peopleTold: told } });
    return manager.getRepository(TrainingSessionEntity).findOneByOrFail({ id: session.id });
  }));
  return { session: result, userErrors };
}
