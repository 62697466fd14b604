import type { EntityManager } from 'typeorm';
import { approvalsNeeded, personToPromote, placePricePence } from '@portal/domain';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import { noticeBookingChange, type NoticeSettings } from '../notifications/booking-notices';
import { commitBooking } from '../funding/booking-ledger';
import { claimSeat } from './seat-claims';

/**
 * Gives a freed seat to the first person waiting who may have it. Waiting rows are locked with
 * SKIP LOCKED, so two cancellations at once promote two different people.
 */
export async function promoteWaiting(manager: EntityManager, sessionId: string, freed: { organisationId: string | null; released: boolean },
  origin: RequestOrigin, now: Date, notices: NoticeSettings): Promise<string | null> {
  const waiting: Array<{ id: string; partnership_id: string; organisation_id: string | null; waitlisted_at: Date; person_id: string; approval_policy: string | null;
    line_manager_id: string | null; booked_by_person_id: string | null; cost: string; commissioned: boolean }> = await manager.query(
    `SELECT b.id, b.partnership_id, b.organisation_id, b.waitlisted_at, b.person_id, b.booked_by_person_id, o.approval_policy, p.line_manager_id,
       c.cost_per_place_pence AS cost, s.proposal_id IS NOT NULL AS commissioned
     FROM booking b JOIN person p ON p.id = b.person_id LEFT JOIN organisation o ON o.id = b.organisation_id
     JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
     WHERE b.session_id = $1 AND b.status = 'waitlisted' ORDER BY b.waitlisted_at, b.id FOR UPDATE OF b SKIP LOCKED`, [sessionId]);
  // Someone the stream cannot pay for (over budget, or outside its restrictions) keeps waiting, and
  // the next person may have the seat: each try is undone whole by its savepoint.
  let candidates = waiting.map((w) => ({ id: w.id, organisationId: w.organisation_id, waitlistedAt: w.waitlisted_at }));
  for (;;) {
    const chosen = personToPromote(candidates, freed);
    if (!chosen) return null;
    const row = waiting.find((w) => w.id === chosen.id)!;
    await manager.query('SAVEPOINT promote_waiting');
    const seat = await claimSeat(manager, sessionId, row.organisation_id, now);
    if (!seat) {
      await manager.query('RELEASE SAVEPOINT promote_waiting');
      return null;
    }
    const needed = approvalsNeeded((row.approval_policy ?? 'none') as never, {
      bookedByLead: row.booked_by_person_id !== null && row.booked_by_person_id !== row.person_id, hasLineManager: !!row.line_manager_id });
    const status = needed.length ? 'requested' : 'confirmed';
    await manager.query(
      `UPDATE booking SET status = $2, waitlisted_at = NULL, seat_organisation_id = $3, cost_pence = $4, updated_at = $5 WHERE id = $1`,
      [row.id, status, seat.organisationId, placePricePence(Number(row.cost), row.commissioned), now]);
    if (status === 'confirmed' && !(await commitBooking(manager, row.id, null, origin, now)).ok) {
      await manager.query('ROLLBACK TO SAVEPOINT promote_waiting');
      candidates = candidates.filter((c) => c.id !== row.id);
      continue;
    }
    await manager.query('RELEASE SAVEPOINT promote_waiting');
    await noticeBookingChange(manager, { bookingId: row.id, kind: 'promoted' }, notices);
    await recordAudit(manager, origin, { partnershipId: row.partnership_id, actorPersonId: null, action: 'bookings.promoted',
      subjectType: 'booking', subjectId: row.id, details: { status, sessionId } });
    return row.id;
  }
}
