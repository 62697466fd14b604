import type { DataSource, EntityManager } from 'typeorm';
import { reversalEffects, effectsOf } from '@portal/domain';
import { unlessRefused } from '../../graphql/refusal';
import type { UserError } from '../../graphql/user-error';
import { refuse, refuseAll, userError } from './booking.errors';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { TrainingSessionEntity } from '../catalogue/training-session.entity';
import { providerSession } from './provider-session';
import { releaseBooking, spendBooking } from '../funding/booking-ledger';
import { postEntry } from '../funding/ledger';
import { giveSeatBack } from './seat-claims';
import { requireRunningSession } from './booking.policy';
import { AttendanceOutcome, type CorrectAttendanceInput, type RecordAttendanceInput } from './record-attendance.input';
import { readRegister } from './record-attendance.register';
import { scheduleEvaluations } from '../evaluation/evaluation-schedule';
import type { SessionRegister } from './record-attendance.types';

const LATE_REASON = 'Cancelled late (recorded on the register)';

/**
 * The register: the course's provider (or an administrator) marks each confirmed place attended,
 * a no-show or a late cancellation once the session has started. In the same transaction the
 * ledger turns each place's commitment into spend (a no-show's and a late cancellation's spend
 * is marked wasted; a late cancellation gives its seat back, as cancelling does). When every
 * confirmed place is marked, the session is completed. An attended place is a completion on the
 * person's learning record (modules/records), read from the booking, and gets its feedback request
 * and impact review scheduled (modules/evaluation).
 */
export async function recordAttendance(dataSource: DataSource, viewer: Viewer, input: RecordAttendanceInput, origin: RequestOrigin,
  now: Date, inputProblems: readonly UserError[] = []): Promise<{ session: TrainingSessionEntity | null; userErrors: UserError[] }> {
  const { result, userErrors } = await unlessRefused(() => dataSource.transaction(async (manager) => {
    const session = await providerSession(manager, viewer, input.sessionId, 'take its register', inputProblems);
    // A mark whose booking id the input rules refused is not looked up (PostgreSQL would raise on it).
    const checked = (i: number) => !refusedField(inputProblems, 'attendance', String(i), 'bookingId');
    // Bookings (in id order), then the session, then the streams: the order cancelBooking takes them in.
    const ids = input.attendance.filter((_, i) => checked(i)).map((a) => a.bookingId);
    const bookings: Array<{ id: string; status: string; seat_organisation_id: string | null }> = await manager.query(
      'SELECT id, status, seat_organisation_id FROM booking WHERE id = ANY($1::uuid[]) AND session_id = $2 ORDER BY id FOR UPDATE', [ids, session.id]);
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
      if (mark.attended && mark.lateCancellation) {
        errors.push(userError(['input', 'attendance', String(i), 'lateCancellation'], 'A person who attended did not cancel: choose one', 'CONFLICTING_MARK'));
      }
      if (!booking) errors.push(userError(field, 'There is no such booking on this session', 'NOT_FOUND'));
      else if (booking.status === 'attended' || booking.status === 'no_show') errors.push(userError(field, 'This place is already marked', 'ALREADY_RECORDED'));
      else if (booking.status !== 'confirmed') errors.push(userError(field, 'Only confirmed places are on the register', 'NOT_CONFIRMED'));
    });
    refuseAll(withInputErrors(inputProblems, errors));

    const outcomeOf = (mark: { attended: boolean; lateCancellation?: boolean }) =>
      (mark.attended ? AttendanceOutcome.ATTENDED : mark.lateCancellation ? AttendanceOutcome.LATE_CANCELLATION : AttendanceOutcome.NO_SHOW);
    for (const mark of input.attendance) {
      const outcome = outcomeOf(mark);
      if (outcome === AttendanceOutcome.LATE_CANCELLATION) {
        await markLateCancelled(manager, mark.bookingId, viewer, now);
        await giveSeatBack(manager, session.id, { organisationId: byId.get(mark.bookingId)!.seat_organisation_id });
        await releaseBooking(manager, mark.bookingId, { late: true, reason: 'Cancelled late' }, viewer.personId, origin, now);
      } else {
        await manager.query('UPDATE booking SET status = $2, updated_at = $3 WHERE id = $1', [mark.bookingId, outcome, now]);
        await spendBooking(manager, mark.bookingId, outcome === AttendanceOutcome.ATTENDED, viewer.personId, origin, now);
      }
    }
    await manager.query(
      `UPDATE training_session SET status = 'completed'
       WHERE id = $1 AND status = 'scheduled' AND NOT EXISTS (SELECT 1 FROM booking WHERE session_id = $1 AND status IN ('confirmed', 'requested'))`,
      [session.id]);
    // Each attended place gets its feedback request and impact review scheduled.
    await scheduleEvaluations(manager, input.attendance.filter((a) => outcomeOf(a) === AttendanceOutcome.ATTENDED).map((a) => a.bookingId));
    const count = (outcome: AttendanceOutcome) => input.attendance.filter((a) => outcomeOf(a) === outcome).length;
    await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'sessions.register_taken',
      subjectType: 'session', subjectId: session.id,
      details: { attended: count(AttendanceOutcome.ATTENDED), noShows: count(AttendanceOutcome.NO_SHOW), lateCancellations: count(AttendanceOutcome.LATE_CANCELLATION) } });
    return manager.getRepository(TrainingSessionEntity).findOneByOrFail({ id: session.id });
  }));
  return { session: result, userErrors };
}

async function markLateCancelled(manager: EntityManager, bookingId: string, viewer: Viewer, now: Date): Promise<void> {
  await manager.query(
    `UPDATE booking SET status = 'cancelled', cancelled_at = coalesce(cancelled_at, $2), cancelled_late = true, cancelled_by_person_id = $3,
       cancellation_reason = coalesce(cancellation_reason, $4), updated_at = $2 WHERE id = $1`, [bookingId, now, viewer.personId, LATE_REASON]);
}

function currentOutcome(booking: { status: string; cancelled_late: boolean | null }): AttendanceOutcome | null {
  if (booking.status === 'attended') return AttendanceOutcome.ATTENDED;
  if (booking.status === 'no_show') return AttendanceOutcome.NO_SHOW;
  if (booking.status === 'cancelled' && booking.cancelled_late) return AttendanceOutcome.LATE_CANCELLATION;
  return null;
}

const affected = (result: unknown): number => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0);

/**
 * A mark corrected, with the reason (kept in the audit row). The money follows by new entries,
 * never edits: a place's spend that was wasted (no-show, late cancellation) and is now attended,
 * or the other way, is reversed by an ADJUSTMENT naming it and spent again as it should have
 * been; between no-show and late cancellation the spend is wasted either way and stays. A late
 * cancellation gave its seat back, so reinstating it takes the seat again (refused when the
 * session has no seat left for it); marking a place a late cancellation gives its seat back.
 */
export async function correctAttendance(dataSource: DataSource, viewer: Viewer, input: CorrectAttendanceInput, origin: RequestOrigin,
  now: Date, inputProblems: readonly UserError[] = []): Promise<{ register: SessionRegister | null; userErrors: UserError[] }> {
  const { result, userErrors } = await unlessRefused(() => dataSource.transaction(async (manager) => {
    const [booking]: Array<{ id: string; status: string; cancelled_late: boolean | null; session_id: string; seat_organisation_id: string | null;
      partnership_id: string; provider_organisation_id: string }> = refusedField(inputProblems, 'bookingId') ? [] : await manager.query(
      `SELECT b.id, b.status, b.cancelled_late, b.session_id, b.seat_organisation_id, c.partnership_id, c.provider_organisation_id
       FROM booking b JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
       WHERE b.id = $1 AND b.partnership_id = $2 FOR UPDATE OF b`, [input.bookingId, viewer.partnershipId]);
    if (!booking && !refusedField(inputProblems, 'bookingId')) refuse(['input', 'bookingId'], 'There is no such booking', 'NOT_FOUND', inputProblems);
    if (booking) requireRunningSession(viewer, { partnershipId: booking.partnership_id, providerOrganisationId: booking.provider_organisation_id }, 'correct its register');
    refuseAll(inputProblems);
    const [session]: Array<{ status: string; starts_at: Date }> = await manager.query(
      'SELECT status, starts_at FROM training_session WHERE id = $1 FOR UPDATE', [booking.session_id]);
    if (session.status === 'cancelled') refuse(['input', 'bookingId'], 'This session was cancelled', 'SESSION_CANCELLED');
    if (session.starts_at > now) refuse(['input', 'bookingId'], 'The register opens when the session starts', 'NOT_STARTED');
    const from = currentOutcome(booking);
    if (!from) refuse(['input', 'bookingId'], 'This place is not marked yet: take the register instead', 'NOT_MARKED');
    if (from === input.outcome) refuse(['input', 'outcome'], 'This place is already marked so', 'SAME_MARK');

    const to = input.outcome;
    const seat = { organisationId: booking.seat_organisation_id };
    if (from === AttendanceOutcome.LATE_CANCELLATION) {
      if (!(await retakeSeat(manager, booking.id, booking.session_id, seat))) refuse(['input', 'bookingId'], 'The session has no seat left to give this place back', 'SESSION_FULL');
      await manager.query(`UPDATE booking SET status = $2, cancelled_at = NULL, cancelled_late = NULL, cancelled_by_person_id = NULL,
        cancellation_reason = NULL, updated_at = $3 WHERE id = $1`, [booking.id, to, now]);
    } else if (to === AttendanceOutcome.LATE_CANCELLATION) {
      await markLateCancelled(manager, booking.id, viewer, now);
      await giveSeatBack(manager, booking.session_id, seat);
    } else {
      await manager.query('UPDATE booking SET status = $2, updated_at = $3 WHERE id = $1', [booking.id, to, now]);
    }
    const moved = await respend(manager, booking.id, to !== AttendanceOutcome.ATTENDED, viewer, origin, now);
    // Marked attended after all: asked for feedback and reviewed as any attendee is (once: an earlier schedule stands).
    if (to === AttendanceOutcome.ATTENDED) await scheduleEvaluations(manager, [booking.id]);
    await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'sessions.register_corrected',
      subjectType: 'booking', subjectId: booking.id, details: { sessionId: booking.session_id, from, to, reason: input.reason.trim(), reversedEntries: moved } });
    return readRegister(manager, viewer, booking.session_id, now);
  }));
  return { register: result, userErrors };
}

/** The seat a late cancellation gave back, taken again from where it came, if the session still has it free. */
async function retakeSeat(manager: EntityManager, bookingId: string, sessionId: string, seat: { organisationId: string | null }): Promise<boolean> {
  if (seat.organisationId) {
    const taken = await manager.query(`UPDATE seat_allocation SET seats_taken = seats_taken + 1
      WHERE session_id = $1 AND organisation_id = $2 AND seats_taken < seats`, [sessionId, seat.organisationId]);
    if (affected(taken) === 1) {
      await manager.query('UPDATE training_session SET seats_taken = seats_taken + 1 WHERE id = $1', [sessionId]);
      return true;
    }
  }
  const pooled = await manager.query(`UPDATE training_session SET seats_taken = seats_taken + 1, pool_seats_taken = pool_seats_taken + 1
    WHERE id = $1 AND seats_taken < capacity AND pool_seats_taken < capacity - allocated_seats`, [sessionId]);
  if (affected(pooled) === 1 && seat.organisationId) {
    await manager.query('UPDATE booking SET seat_organisation_id = NULL WHERE id = $1', [bookingId]);
  }
  return affected(pooled) === 1;
}

/**
 * The booking's spend that is not yet reversed, reversed and spent again with the new `wasted`
 * when it differs; the stream's row is locked by the first posting. Returns the entries reversed.
 */
async function respend(manager: EntityManager, bookingId: string, wasted: boolean, viewer: Viewer, origin: RequestOrigin, now: Date): Promise<string[]> {
  const spends: Array<{ id: string; partnership_id: string; stream_id: string; amount_pence: string; wasted: boolean; organisation_id: string | null;
    course_id: string | null; session_id: string | null; occurred_at: Date }> = await manager.query(
    `SELECT e.id, e.partnership_id, e.stream_id, e.amount_pence, e.wasted, e.organisation_id, e.course_id, e.session_id, e.occurred_at
     FROM ledger_entry e WHERE e.booking_id = $1 AND e.kind = 'spend'
       AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_entry_id = e.id) ORDER BY e.sequence`, [bookingId]);
  const reversed: string[] = [];
  for (const spend of spends) {
    if (spend.wasted === wasted) continue;
    const amount = Number(spend.amount_pence);
    const common = { partnershipId: spend.partnership_id, streamId: spend.stream_id, organisationId: spend.organisation_id, courseId: spend.course_id,
      sessionId: spend.session_id, bookingId, occurredAt: spend.occurred_at, recordedByPersonId: viewer.personId, recordedAt: now };
    const reversal = await postEntry(manager, { ...common, kind: 'adjustment', amountPence: amount, reversesEntryId: spend.id, wasted: spend.wasted,
      effects: reversalEffects({ budget: 0, committed: 0, spent: amount, amount }, amount), reason: 'Register corrected' }, origin);
    if (!reversal.ok) throw new Error(`ledger: could not reverse spend ${spend.id}: ${reversal.problem}`);
    // The reversal freed exactly this amount on a locked row: spending it again cannot be refused.
    const spent = await postEntry(manager, { ...common, kind: 'spend', amountPence: amount, effects: effectsOf('spend', amount), wasted,
      reason: wasted ? 'Did not attend (register corrected)' : 'Attended (register corrected)' }, origin);
    if (!spent.ok) throw new Error(`ledger: could not spend booking ${bookingId} again: ${spent.problem}`);
    reversed.push(spend.id);
  }
  return reversed;
}
