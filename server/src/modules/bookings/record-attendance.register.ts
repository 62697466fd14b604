import type { EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { BookingStatus } from './booking.type';
import { providerSession } from './provider-session';
import { AttendanceOutcome } from './record-attendance.input';
import type { RegisterLine, SessionRegister } from './record-attendance.types';

/**
 * A session's register as its provider sees it: every confirmed place and every place already
 * marked (attended, no-show, cancelled late), by name, in one statement after the session's own
 * (whose access providerSession decides: another partnership's is NOT_FOUND, another provider's FORBIDDEN).
 */
export async function readRegister(manager: EntityManager, viewer: Viewer, sessionId: string, now: Date): Promise<SessionRegister> {
  const session = await providerSession(manager, viewer, sessionId, 'see its register');
  const rows: Array<{ booking_id: string; person_id: string; person_name: string; organisation_name: string | null; status: string;
    cancelled_late: boolean | null }> = await manager.query(
    `SELECT b.id AS booking_id, p.id AS person_id, p.name AS person_name, o.name AS organisation_name, b.status, b.cancelled_late
     FROM booking b JOIN person p ON p.id = b.person_id LEFT JOIN organisation o ON o.id = b.organisation_id
     WHERE b.session_id = $1 AND b.partnership_id = $2
       AND (b.status IN ('confirmed', 'attended', 'no_show') OR (b.status = 'cancelled' AND b.cancelled_late))
     ORDER BY p.name, b.id`, [session.id, viewer.partnershipId]);
  const lines: RegisterLine[] = rows.map((row) => ({
    bookingId: row.booking_id, personId: row.person_id, personName: row.person_name, organisationName: row.organisation_name,
    status: row.status as BookingStatus,
    outcome: row.status === 'attended' ? AttendanceOutcome.ATTENDED : row.status === 'no_show' ? AttendanceOutcome.NO_SHOW
      : row.status === 'cancelled' ? AttendanceOutcome.LATE_CANCELLATION : null,
  }));
  return { sessionId: session.id, open: session.status !== 'cancelled' && session.starts_at <= now, lines };
}
