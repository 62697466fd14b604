import type { DataSource } from 'typeorm';
import { unlessRefused } from '../../graphql/refusal';
import type { UserError } from '../../graphql/user-error';
import { refuse, refuseAll, userError } from './booking.errors';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { TrainingSessionEntity } from '../catalogue/training-session.entity';
import { providerSession } from './provider-session';
import { spendBooking } from '../funding/booking-ledger';
import type { RecordAttendanceInput } from './record-attendance.input';
import { scheduleEvaluations } from '../evaluation/evaluation-schedule';

/**
 * The register: the course's provider (or an administrator) marks each confirmed place attended
 * or a no-show once the session has started. In the same transaction the ledger turns each
 * place's commitment into spend (a no-show's spend is marked wasted). When every confirmed place
 * is marked, the session is completed. Each attended place gets its feedback request and impact review scheduled.
 */
export async function recordAttendance(dataSource: DataSource, viewer: Viewer, input: RecordAttendanceInput, origin: RequestOrigin,
  now: Date, inputProblems: readonly UserError[] = []): Promise<{ session: TrainingSessionEntity | null; userErrors: UserError[] }> {
  const { result, userErrors } = await unlessRefused(() => dataSource.transaction(async (manager) => {
    const session = await providerSession(manager, viewer, input.sessionId, 'take its register', inputProblems);
    // A mark whose booking id the input rules refused is not looked up (PostgreSQL would raise on it).
    const checked = (i: number) => !refusedField(inputProblems, 'attendance', String(i), 'bookingId');
    // Bookings (in id order), then the session, then the streams: the order cancelBooking takes them in.
    const ids = input.attendance.filter((_, i) => checked(i)).map((a) => a.bookingId);
    const bookings: Array<{ id: string; status: string }> = await manager.query(
      'SELECT id, status FROM booking WHERE id = ANY($1::uuid[]) AND session_id = $2 ORDER BY id FOR UPDATE', [ids, session.id]);
    Object.assign(session, (await manager.query('SELECT status FROM training_session WHERE id = $1 FOR UPDATE', [session.id]))[0]);
    // A register that is not open is answered as such (with the input rules' errors): its marks are not judged yet.
    if (session.status === 'cancelled') refuse(['input', 'sessionId'], 'This session was cancelled', 'SESSION_CANCELLED', inputProblems);
    if (session.starts_at > now) refuse(['input', 'sessionId'], 'The register opens when the session starts', 'NOT_STARTED', inputProblems);

    const errors: UserError[] = [];

    const byId = new Map(bookings.map((b) => [b.id, b]));
    const seen = new Set<string>();
    input.attendance.forEach((mark, i) => {
      if (!checked(i)) return;
      const booking = byId.get(mark.bookingId);
      const field = ['input', 'attendance', String(i), 'bookingId'];
      if (seen.has(mark.bookingId)) errors.push(userError(field, 'This booking is marked twice', 'DUPLICATE'));
      seen.add(mark.bookingId);
      if (!booking) errors.push(userError(field, 'There is no such booking on this session', 'NOT_FOUND'));
      else if (booking.status === 'attended' || booking.status === 'no_show') errors.push(userError(field, 'This place is already marked', 'ALREADY_RECORDED'));
      else if (booking.status !== 'confirmed') errors.push(userError(field, 'Only confirmed places are on the register', 'NOT_CONFIRMED'));
    });
    refuseAll(withInputErrors(inputProblems, errors));

    for (const mark of input.attendance) {
      await manager.query('UPDATE booking SET status = $2, updated_at = $3 WHERE id = $1', [mark.bookingId, mark.attended ? 'attended' : 'no_show', now]);
      await spendBooking(manager, mark.bookingId, mark.attended, viewer.personId, origin, now);
    }
    await manager.query(
      `UPDATE training_session SET status = 'completed'
       WHERE id = $1 AND status = 'scheduled' AND NOT EXISTS (SELECT 1 FROM booking WHERE session_id = $1 AND status IN ('confirmed', 'requested'))`,
      [session.id]);
    await scheduleEvaluations(manager, input.attendance.filter((a) => a.attended).map((a) => a.bookingId));
    await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'sessions.register_taken',
      subjectType: 'session', subjectId: session.id,
      details: { attended: input.attendance.filter((a) => a.attended).length, noShows: input.attendance.filter((a) => !a.attended).length } });
    return manager.getRepository(TrainingSessionEntity).findOneByOrFail({ id: session.id });
  }));
  return { session: result, userErrors };
}
