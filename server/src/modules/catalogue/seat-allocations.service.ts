import type { DataSource, EntityManager } from 'typeorm';
import { isReleased, seatAllocationProblems } from '@portal/domain';
import { unlessRefused } from '../../graphql/refusal';
import type { UserError } from '../../graphql/user-error';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import { refuseAll, userError } from './catalogue.errors';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { fillFreeSeats } from '../bookings/fill-free-seats';
import type { NoticeSettings } from '../notifications/booking-notices';
import { requireSeatManagerOf } from './catalogue.policy';
import { TrainingSessionEntity } from './training-session.entity';
import type { SetSeatAllocationsInput } from './set-seat-allocations.input';

export type SetSeatAllocationsResult = { session: TrainingSessionEntity; userErrors: [] } | { session: null; userErrors: UserError[] };

/** Keys of transaction-scoped advisory locks: one namespace per kind of lock. */
const ALLOCATIONS_LOCK = 727_101;

interface Allocation { organisation_id: string; organisation_name: string; seats: number; seats_taken: number }
interface SessionSeats { capacity: number; seats_taken: number; pool_seats_taken: number; release_at: Date }

/**
 * Replaces a session's capacity and allocations in one transaction. Locks are taken in the
 * order seat claims use (allocations, then the session), so a rush of bookings meanwhile
 * waits rather than deadlocks; an advisory lock first makes two changes of one session wait
 * for each other, so the second reads the allocations the first wrote. Seats freed or added
 * go to the people waiting at once.
 */
export class SeatAllocationsService {
  constructor(private readonly dataSource: DataSource, private readonly notices: NoticeSettings) {}

  /**
   * Every problem in one answer: the input rules' (`inputProblems`) with this service's checks
   * of what they left alone (the session's state, unknown organisations, the seat rules), nothing
   * written while there is any.
   */
  async set(viewer: Viewer, input: SetSeatAllocationsInput, origin: RequestOrigin, now: Date,
    inputProblems: readonly UserError[] = []): Promise<SetSeatAllocationsResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const sessionRefused = refusedField(inputProblems, 'sessionId');
      const [found]: Array<{ partnership_id: string; provider_organisation_id: string } | undefined> = sessionRefused ? [] : await manager.query(
        `SELECT s.partnership_id, c.provider_organisation_id FROM training_session s JOIN course c ON c.id = s.course_id WHERE s.id = $1`,
        [input.sessionId]);
      const known = found && found.partnership_id === viewer.partnershipId;
      if (known) requireSeatManagerOf(viewer, { partnershipId: found.partnership_id, providerOrganisationId: found.provider_organisation_id });
      if (!known) {
        const errors = await this.unknownOrganisations(manager, viewer, input, inputProblems);
        if (!sessionRefused) errors.unshift(userError(['input', 'sessionId'], 'There is no such session in your partnership', 'NOT_FOUND'));
        refuseAll(withInputErrors(inputProblems, errors));
      }

      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ALLOCATIONS_LOCK, input.sessionId]);
      const before: Allocation[] = await manager.query(
        `SELECT a.organisation_id, o.name AS organisation_name, a.seats, a.seats_taken
         FROM seat_allocation a JOIN organisation o ON o.id = a.organisation_id
         WHERE a.session_id = $1 ORDER BY a.organisation_id FOR UPDATE OF a`, [input.sessionId]);
      const [session]: Array<SessionSeats & { status: string; starts_at: Date }> = await manager.query(
        `SELECT status, starts_at, capacity, seats_taken, pool_seats_taken, release_at FROM training_session WHERE id = $1 FOR UPDATE`,
        [input.sessionId]);
      const problems: UserError[] = [];
      if (session.status === 'cancelled') problems.push(userError(['input', 'sessionId'], 'This session has been cancelled', 'SESSION_CANCELLED'));
      else if (session.status !== 'scheduled' || session.starts_at <= now) problems.push(userError(['input', 'sessionId'], 'This session has already taken place', 'SESSION_PAST'));
      problems.push(...await this.problems(manager, viewer, input, before, session, now, inputProblems));
      refuseAll(withInputErrors(inputProblems, problems));

      const capacity = input.capacity ?? session.capacity;
      const wanted = new Map(input.allocations.map((a) => [a.organisationId, a.seats]));
      const allocated = input.allocations.reduce((sum, a) => sum + a.seats, 0);
      await manager.query('DELETE FROM seat_allocation WHERE session_id = $1 AND NOT (organisation_id = ANY($2::uuid[]))',
        [input.sessionId, [...wanted.keys()]]);
      if (wanted.size) {
        await manager.query(
          `INSERT INTO seat_allocation (partnership_id, session_id, organisation_id, seats)
           SELECT $1, $2, organisation_id, seats FROM unnest($3::uuid[], $4::int[]) AS t(organisation_id, seats)
           ON CONFLICT (session_id, organisation_id) DO UPDATE SET seats = EXCLUDED.seats`,
          [viewer.partnershipId, input.sessionId, [...wanted.keys()], [...wanted.values()]]);
      }
      await manager.query('UPDATE training_session SET capacity = $2, allocated_seats = $3 WHERE id = $1', [input.sessionId, capacity, allocated]);
      const promoted = await fillFreeSeats(manager, input.sessionId, origin, now, this.notices);

      const summary = (cap: number, rows: Array<{ organisationId: string; seats: number }>) => ({ capacity: cap, allocations: rows });
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'sessions.allocations_set',
        subjectType: 'training_session', subjectId: input.sessionId, details: {
          before: summary(session.capacity, before.map((a) => ({ organisationId: a.organisation_id, seats: a.seats }))),
          after: summary(capacity, input.allocations.map((a) => ({ organisationId: a.organisationId, seats: a.seats }))),
          promoted,
        } });
      return manager.getRepository(TrainingSessionEntity).findOneByOrFail({ id: input.sessionId });
    }));
    return result ? { session: result, userErrors: [] } : { session: null, userErrors };
  }

  /** Allocations to organisations that are not the partnership's (other partnerships' look the same). */
  private async unknownOrganisations(manager: EntityManager, viewer: Viewer, input: SetSeatAllocationsInput,
    inputProblems: readonly UserError[]): Promise<UserError[]> {
    const named = input.allocations.map((a, index) => ({ index, id: a.organisationId }))
      .filter((a) => !refusedField(inputProblems, 'allocations', String(a.index), 'organisationId'));
    const known: Array<{ id: string }> = named.length ? await manager.query(
      'SELECT id FROM organisation WHERE partnership_id = $1 AND id = ANY($2::uuid[])', [viewer.partnershipId, named.map((a) => a.id)]) : [];
    const knownIds = new Set(known.map((row) => row.id));
    return named.flatMap((a) => (knownIds.has(a.id) ? [] : [
      userError(['input', 'allocations', String(a.index), 'organisationId'], 'There is no such organisation in your partnership', 'NOT_FOUND')]));
  }

  /**
   * Every mistake at once, each at its field, so one answer says all there is to mend. The seat
   * rules are asked only of seat figures the input rules accepted: a negative or huge figure has
   * its own message, and sums over it would only add confusing ones.
   */
  private async problems(manager: EntityManager, viewer: Viewer, input: SetSeatAllocationsInput, before: Allocation[],
    session: SessionSeats, now: Date, inputProblems: readonly UserError[]): Promise<UserError[]> {
    const unknown = await this.unknownOrganisations(manager, viewer, input, inputProblems);
    if (refusedField(inputProblems, 'capacity') || refusedField(inputProblems, 'allocations')) return unknown;
    const rules = seatAllocationProblems({
      capacity: session.capacity, seatsTaken: session.seats_taken, poolSeatsTaken: session.pool_seats_taken,
      released: isReleased({ releaseAt: session.release_at }, now),
      allocations: before.map((a) => ({ organisationId: a.organisation_id, organisationName: a.organisation_name, seatsTaken: a.seats_taken })),
    }, { capacity: input.capacity, allocations: input.allocations });
    return [...unknown, ...rules.map((p) => userError(['input', ...p.field.map(String)], p.message, p.code))];
  }
}
