import type { DataSource } from 'typeorm';
import { isReleased } from '@portal/domain';
import { recordAudit } from '../audit/audit.service';
import { noticeBookingChange, type NoticeSettings } from '../notifications/booking-notices';
import { giveSeatBack } from './seat-claims';
import { promoteWaiting } from './promote-waiting';

/**
 * When a request lapses, in SQL over a booking `b` of a session `s` ($2: the hold hours): the
 * domain's requestLapsesAt (packages/domain/src/request-lapse.ts), which Booking.requestLapsesAt
 * shows. A request made inside the hold hours lapses when booking closes (or at the start).
 */
const LAPSES_AT = `CASE WHEN b.created_at < s.starts_at - make_interval(hours => $2) THEN s.starts_at - make_interval(hours => $2)
  ELSE least(s.booking_closes_at, s.starts_at) END`;

/**
 * A requested place holds its seat only until it lapses (`holdHours` before the session, or
 * for a request made later, when booking closes): then it is declined (nobody decided in time)
 * and the seat goes to the first person waiting. Each request in its own transaction, locked
 * with SKIP LOCKED, so concurrent runs never decline one twice.
 */
export async function expireStaleRequests(dataSource: DataSource, now: Date, holdHours: number, notices: NoticeSettings): Promise<number> {
  const due: Array<{ id: string }> = await dataSource.query(
    `SELECT b.id FROM booking b JOIN training_session s ON s.id = b.session_id
     WHERE b.status = 'requested' AND ${LAPSES_AT} <= $1 ORDER BY s.starts_at LIMIT 500`, [now, holdHours]);
  let expired = 0;
  for (const { id } of due) {
    const done = await dataSource.transaction(async (manager) => {
      const [booking] = await manager.query(
        `SELECT b.id, b.partnership_id, b.session_id, b.seat_organisation_id, s.release_at FROM booking b
         JOIN training_session s ON s.id = b.session_id WHERE b.id = $1 AND b.status = 'requested' FOR UPDATE OF b SKIP LOCKED`, [id]);
      if (!booking) return false;
      await manager.query(`UPDATE booking SET status = 'declined', decision_note = 'Not approved in time', updated_at = $2 WHERE id = $1`, [id, now]);
      await giveSeatBack(manager, booking.session_id, { organisationId: booking.seat_organisation_id });
      await noticeBookingChange(manager, { bookingId: id, kind: 'declined' }, notices);
      const origin = { ipAddress: null, requestId: 'job:expire_requests' };
      await promoteWaiting(manager, booking.session_id, { organisationId: booking.seat_organisation_id,
        released: isReleased({ releaseAt: booking.release_at }, now) }, origin, now, notices);
      await recordAudit(manager, origin, { partnershipId: booking.partnership_id, actorPersonId: null, action: 'bookings.request_expired',
        subjectType: 'booking', subjectId: id, details: { holdHours } });
      return true;
    });
    if (done) expired += 1;
  }
  return expired;
}
