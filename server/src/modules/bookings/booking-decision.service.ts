import type { DataSource, EntityManager } from 'typeorm';
import { approvalsNeeded, isReleased, nextApprover, type ApprovalPolicy, type Approver } from '@portal/domain';
import { unlessRefused } from '../../graphql/refusal';
import { refuse, refuseAll } from './booking.errors';
import type { UserError } from '../../graphql/user-error';
import { refusedField } from '../../graphql/input-errors';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { noticeBookingChange, type NoticeSettings } from '../notifications/booking-notices';
import { BookingEntity } from './booking.entity';
import { canDecideAs, requestQueueScope, requireApproverNow, requirePossibleApprover } from './booking.policy';
import { commitOrRefuse, type BookingResult } from './booking.service';
import { giveSeatBack } from './seat-claims';
import { promoteWaiting } from './promote-waiting';

interface RequestRow {
  id: string; partnership_id: string; session_id: string; person_id: string; organisation_id: string | null; status: string;
  approvals: Approver[]; seat_organisation_id: string | null; booked_by_person_id: string | null;
  line_manager_id: string | null; approval_policy: ApprovalPolicy | null; release_at: Date;
}

/** Who may decide a request now: its next approver in the organisation's policy. */
function approverNeeded(row: RequestRow): Approver | null {
  const needed = approvalsNeeded(row.approval_policy ?? 'none', {
    bookedByLead: row.booked_by_person_id !== null && row.booked_by_person_id !== row.person_id, hasLineManager: !!row.line_manager_id });
  return nextApprover(needed, row.approvals);
}

const parties = (row: RequestRow) => ({ organisationId: row.organisation_id, lineManagerId: row.line_manager_id });

const SELECT_REQUESTS = `SELECT b.id, b.partnership_id, b.session_id, b.person_id, b.organisation_id, b.status, b.approvals,
    b.seat_organisation_id, b.booked_by_person_id, p.line_manager_id, o.approval_policy, s.release_at
  FROM booking b JOIN person p ON p.id = b.person_id LEFT JOIN organisation o ON o.id = b.organisation_id
  JOIN training_session s ON s.id = b.session_id`;

/**
 * Requests wait for the approvals their organisation's policy asks for, in order (line manager,
 * then L&D lead). The seat is held meanwhile; a decline gives it to the first person waiting.
 */
export class BookingDecisionService {
  constructor(private readonly dataSource: DataSource, private readonly notices: NoticeSettings) {}

  /** Requests waiting for this viewer's decision, oldest first (at most 200). */
  async queue(viewer: Viewer): Promise<BookingEntity[]> {
    const scope = requestQueueScope(viewer);
    const rows: RequestRow[] = await this.dataSource.query(
      `${SELECT_REQUESTS} WHERE b.partnership_id = $1 AND b.status = 'requested' AND (p.line_manager_id = $2 OR b.organisation_id = ANY($3::uuid[]))
       ORDER BY b.created_at, b.id LIMIT 500`, [scope.partnershipId, scope.managerId, scope.organisationIds]);
    const mine = rows.filter((row) => {
      const step = approverNeeded(row);
      return step !== null && canDecideAs(viewer, parties(row), step);
    }).slice(0, 200).map((row) => row.id);
    if (!mine.length) return [];
    const bookings = await this.dataSource.getRepository(BookingEntity).findBy(mine.map((id) => ({ id })));
    const order = new Map(mine.map((id, i) => [id, i]));
    return bookings.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  /** `inputProblems`: the input rules' errors, answered together with the request's own before anything is written. */
  async decide(viewer: Viewer, input: { bookingId: string; approve: boolean; note?: string }, origin: RequestOrigin, now: Date,
    inputProblems: readonly UserError[] = []): Promise<BookingResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const [row]: RequestRow[] = refusedField(inputProblems, 'bookingId') ? [] : await manager.query(
        `${SELECT_REQUESTS} WHERE b.id = $1 AND b.partnership_id = $2 FOR UPDATE OF b`, [input.bookingId, viewer.partnershipId]);
      if (!row) refuse(['input', 'bookingId'], 'There is no such request', 'NOT_FOUND', inputProblems);
      // Only a possible approver learns anything about the booking, even its state.
      requirePossibleApprover(viewer, parties(row));
      const step = row.status === 'requested' ? approverNeeded(row) : null;
      if (!step) refuse(['input', 'bookingId'], 'This booking is not waiting for a decision', 'NOT_REQUESTED', inputProblems);
      requireApproverNow(viewer, parties(row), step);
      refuseAll(inputProblems);
      if (input.approve) await this.approve(manager, row, step, input.note, viewer.personId, origin, now);
      else await this.decline(manager, row, input.note, origin, now);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId,
        action: input.approve ? 'bookings.approved' : 'bookings.declined', subjectType: 'booking', subjectId: row.id,
        details: { as: step, note: input.note ?? null } });
      return manager.getRepository(BookingEntity).findOneByOrFail({ id: row.id });
    }));
    return result ? { booking: result, userErrors: [] } : { booking: null, userErrors };
  }

  private async approve(manager: EntityManager, row: RequestRow, step: Approver, note: string | undefined, actorPersonId: string,
    origin: RequestOrigin, now: Date): Promise<void> {
    const approvals = [...row.approvals, step];
    const done = approverNeeded({ ...row, approvals }) === null;
    await manager.query(`UPDATE booking SET approvals = $2, status = $3, decision_note = coalesce($4, decision_note), updated_at = $5 WHERE id = $1`,
      [row.id, approvals, done ? 'confirmed' : 'requested', note ?? null, now]);
    if (!done) return;
    await commitOrRefuse(manager, row.id, actorPersonId, origin, now, ['input', 'bookingId']);
    await noticeBookingChange(manager, { bookingId: row.id, kind: 'approved' }, this.notices);
  }

  /** The declined seat goes to the first person waiting who may have it, as after a cancellation. */
  private async decline(manager: EntityManager, row: RequestRow, note: string | undefined, origin: RequestOrigin, now: Date): Promise<void> {
    await manager.query(`UPDATE booking SET status = 'declined', decision_note = $2, updated_at = $3 WHERE id = $1`, [row.id, note ?? null, now]);
    await giveSeatBack(manager, row.session_id, { organisationId: row.seat_organisation_id });
    await noticeBookingChange(manager, { bookingId: row.id, kind: 'declined' }, this.notices);
    await promoteWaiting(manager, row.session_id,
      { organisationId: row.seat_organisation_id, released: isReleased({ releaseAt: row.release_at }, now) }, origin, now, this.notices);
  }
}
