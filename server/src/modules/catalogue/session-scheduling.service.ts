import type { DataSource, EntityManager } from 'typeorm';
import {
  defaultBookingClosesAt, defaultReleaseTime, isReleased, seatAllocationProblems, sessionPlanProblems, type SessionPlan,
} from '@portal/domain';
import { Refusal, unlessRefused } from '../../graphql/refusal';
import { ForbiddenError } from '../../graphql/access-errors';
import { withInputErrors } from '../../graphql/input-errors';
import type { UserError } from '../../graphql/user-error';
import { userError, type CatalogueErrorCode } from './catalogue.errors';
import { isUuid } from '../../graphql/uuid';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { fillFreeSeats } from '../bookings/fill-free-seats';
import { noticeSessionChange, type NoticeSettings } from '../notifications/booking-notices';
import { canManageCourse, canUseVenue } from './catalogue.policy';
import { TrainingSessionEntity } from './training-session.entity';
import type { RescheduleSessionInput, ScheduleSessionInput } from './session-scheduling.inputs';

export type SessionResult = { session: TrainingSessionEntity | null; userErrors: UserError[] };

const at = (field: string[], message: string, code: CatalogueErrorCode) => userError(['input', ...field], message, code);
const planErrors = (plan: SessionPlan, now: Date, refused: Set<string>, startsAtChanged: boolean) =>
  sessionPlanProblems(plan, now, { startsAtChanged })
    .filter((p) => !refused.has(['input', ...p.field].join('.')))
    .map((p) => at(p.field, p.message, p.code));

/** The seat rules speak of allocations; a reschedule keeps them, so what must change is the capacity. */
function capacityError(p: { code: CatalogueErrorCode; field: Array<string | number>; message: string }, session: TrainingSessionEntity): UserError {
  if (p.code === 'OVER_CAPACITY') {
    return at(['capacity'], `The allocations add up to ${session.allocatedSeats} seats: the capacity must be at least ${session.allocatedSeats}`, p.code);
  }
  if (p.code === 'POOL_IN_USE') {
    const least = session.allocatedSeats + session.poolSeatsTaken;
    return at(['capacity'], `${session.poolSeatsTaken} seats of the shared pool are taken: the capacity must be at least ${least}`, p.code);
  }
  if (p.code === 'BELOW_SEATS_TAKEN') {
    return at(['capacity'], `${session.seatsTaken} places on this session are taken: the capacity must be at least ${session.seatsTaken}`, p.code);
  }
  return at(p.field.map(String), p.message.replace(/\.$/, ''), p.code);
}

interface VenueRow { id: string; partnership_id: string; organisation_id: string | null }

/**
 * Sessions scheduled and rescheduled by their course's provider (or an administrator). Every
 * problem is answered at once and nothing is written while any stands. A change of time or place
 * tells everyone booked or waiting in the same transaction (a REQUEST invite with a higher
 * SEQUENCE for those holding a place); seats a larger capacity adds go to the people waiting.
 */
export class SessionSchedulingService {
  constructor(private readonly dataSource: DataSource, private readonly notices: NoticeSettings) {}

  async schedule(viewer: Viewer, input: ScheduleSessionInput, origin: RequestOrigin, now: Date, inputProblems: readonly UserError[]): Promise<SessionResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const refused = new Set(inputProblems.map((e) => e.field.join('.')));
      const errors: UserError[] = [];
      const [course]: Array<{ id: string; partnership_id: string; provider_organisation_id: string }> = isUuid(input.courseId)
        ? await manager.query('SELECT id, partnership_id, provider_organisation_id FROM course WHERE id = $1 AND partnership_id = $2',
          [input.courseId, viewer.partnershipId])
        : [];
      if (course && !canManageCourse(viewer, { partnershipId: course.partnership_id, providerOrganisationId: course.provider_organisation_id })) {
        throw new ForbiddenError('Only the course\'s provider and administrators can schedule its sessions.');
      }
      if (!course && !refused.has('input.courseId')) errors.push(at(['courseId'], 'There is no such course in your partnership', 'NOT_FOUND'));

      const venueId = input.venueId ?? null;
      if (venueId && isUuid(venueId)) errors.push(...await this.venueProblems(manager, viewer, venueId, course?.provider_organisation_id ?? null));
      const allocations = input.allocations ?? [];
      errors.push(...await this.organisationProblems(manager, viewer, allocations));
      seatAllocationProblems({ capacity: input.capacity, seatsTaken: 0, poolSeatsTaken: 0, released: false, allocations: [] },
        { capacity: input.capacity, allocations })
        .filter((p) => p.code === 'DUPLICATE')
        .forEach((p) => errors.push(at(p.field.map(String), p.message.replace(/\.$/, ''), p.code)));

      const bookingClosesAt = input.bookingClosesAt ?? defaultBookingClosesAt(input.startsAt);
      const releaseAt = input.releaseAt ?? defaultReleaseTime(input.startsAt, now);
      const allocated = allocations.reduce((sum, a) => sum + a.seats, 0);
      errors.push(...planErrors({ startsAt: input.startsAt, endsAt: input.endsAt, deliveryMode: input.deliveryMode, hasVenue: !!venueId,
        capacity: input.capacity, allocated, bookingClosesAt, releaseAt, minimumPlaces: input.minimumPlaces ?? null }, now, refused, true));
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));

      const [row] = await manager.query(
        `INSERT INTO training_session (partnership_id, course_id, starts_at, ends_at, delivery_mode, venue_id, capacity, allocated_seats,
           booking_closes_at, release_at, minimum_places)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        // No stream of its own: its places are paid from the course's stream, whichever that is when they are booked.
        [viewer.partnershipId, course.id, input.startsAt, input.endsAt, input.deliveryMode, venueId, input.capacity, allocated,
          bookingClosesAt, releaseAt, input.minimumPlaces ?? null]);
      if (allocations.length) {
        await manager.query(
          `INSERT INTO seat_allocation (partnership_id, session_id, organisation_id, seats)
           SELECT $1, $2, organisation_id, seats FROM unnest($3::uuid[], $4::int[]) AS t(organisation_id, seats)`,
          [viewer.partnershipId, row.id, allocations.map((a) => a.organisationId), allocations.map((a) => a.seats)]);
      }
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'sessions.scheduled',
        subjectType: 'training_session', subjectId: row.id, details: {
          courseId: course.id, startsAt: input.startsAt.toISOString(), capacity: input.capacity,
          allocations: allocations.map((a) => ({ organisationId: a.organisationId, seats: a.seats })), minimumPlaces: input.minimumPlaces ?? null,
        } });
      return manager.getRepository(TrainingSessionEntity).findOneByOrFail({ id: row.id });
    }));
    return { session: result, userErrors };
  }

  async reschedule(viewer: Viewer, input: RescheduleSessionInput, origin: RequestOrigin, now: Date, inputProblems: readonly UserError[]): Promise<SessionResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const refused = new Set(inputProblems.map((e) => e.field.join('.')));
      const [found]: Array<{ provider_organisation_id: string }> = isUuid(input.sessionId)
        ? await manager.query(`SELECT c.provider_organisation_id FROM training_session s JOIN course c ON c.id = s.course_id
            WHERE s.id = $1 AND s.partnership_id = $2`, [input.sessionId, viewer.partnershipId])
        : [];
      if (!found) throw new Refusal(withInputErrors(inputProblems, [at(['sessionId'], 'There is no such session in your partnership', 'NOT_FOUND')]));
      if (!canManageCourse(viewer, { partnershipId: viewer.partnershipId, providerOrganisationId: found.provider_organisation_id })) {
        throw new ForbiddenError('Only the course\'s provider and administrators can reschedule its sessions.');
      }
      // The order cancelSession and bookings take: bookings, then allocations, then the session's row.
      await manager.query(`SELECT id FROM booking WHERE session_id = $1 AND status IN ('confirmed', 'requested', 'waitlisted') ORDER BY id FOR UPDATE`,
        [input.sessionId]);
      const allocations: Array<{ organisation_id: string; organisation_name: string; seats: number; seats_taken: number }> = await manager.query(
        `SELECT a.organisation_id, o.name AS organisation_name, a.seats, a.seats_taken FROM seat_allocation a
         JOIN organisation o ON o.id = a.organisation_id WHERE a.session_id = $1 ORDER BY a.organisation_id FOR UPDATE OF a`, [input.sessionId]);
      const session = await manager.getRepository(TrainingSessionEntity).createQueryBuilder('s').setLock('pessimistic_write')
        .where('s.id = :id', { id: input.sessionId }).getOneOrFail();

      const errors: UserError[] = [];
      if (session.status === 'cancelled') errors.push(at(['sessionId'], 'This session has been cancelled: schedule a new one instead', 'SESSION_CANCELLED'));
      else if (session.status !== 'scheduled' || session.startsAt <= now) errors.push(at(['sessionId'], 'This session has already started', 'SESSION_PAST'));

      const deliveryMode = (input.deliveryMode ?? session.deliveryMode) as SessionPlan['deliveryMode'];
      const venueId = input.venueId !== undefined ? input.venueId : deliveryMode === 'online' ? null : session.venueId;
      if (venueId && isUuid(venueId) && venueId !== session.venueId) {
        errors.push(...await this.venueProblems(manager, viewer, venueId, found.provider_organisation_id));
      }
      // A new start moves what is not given with it: the end keeps the length, booking close and release their lead.
      const startsAt = input.startsAt ?? session.startsAt;
      const shift = (d: Date) => new Date(d.getTime() + startsAt.getTime() - session.startsAt.getTime());
      const endsAt = input.endsAt ?? shift(session.endsAt);
      const capacity = input.capacity ?? session.capacity;
      const bookingClosesAt = input.bookingClosesAt ?? shift(session.bookingClosesAt);
      const releaseAt = input.releaseAt ?? (session.releasedAt ? session.releaseAt : shift(session.releaseAt));
      const minimumPlaces = input.minimumPlaces !== undefined ? input.minimumPlaces : session.minimumPlaces;
      if (input.releaseAt && session.releasedAt && input.releaseAt.getTime() !== session.releaseAt.getTime()) {
        errors.push(at(['releaseAt'], 'The unused allocated seats have already returned to the pool: the release time cannot change', 'ALREADY_RELEASED'));
      }
      const startsAtChanged = startsAt.getTime() !== session.startsAt.getTime();
      errors.push(...planErrors({ startsAt, endsAt, deliveryMode, hasVenue: !!venueId, capacity, allocated: session.allocatedSeats,
        bookingClosesAt, releaseAt, minimumPlaces }, now, refused, startsAtChanged).filter((e) => e.code !== 'OVER_CAPACITY'));
      // Seats already taken: the same rules as setting allocations, with the allocations as they are.
      seatAllocationProblems({
        capacity: session.capacity, seatsTaken: session.seatsTaken, poolSeatsTaken: session.poolSeatsTaken,
        released: isReleased({ releaseAt }, now),
        allocations: allocations.map((a) => ({ organisationId: a.organisation_id, organisationName: a.organisation_name, seatsTaken: a.seats_taken })),
      }, { capacity, allocations: allocations.map((a) => ({ organisationId: a.organisation_id, seats: a.seats })) })
        .map((p) => capacityError(p, session))
        // One message per field: the first (seats taken) says the most.
        .forEach((e, index, all) => { if (all.findIndex((o) => o.field.join('.') === e.field.join('.')) === index) errors.push(e); });
      if (errors.length || inputProblems.length) throw new Refusal(withInputErrors(inputProblems, errors));

      const moved = startsAtChanged || endsAt.getTime() !== session.endsAt.getTime() || (venueId ?? null) !== (session.venueId ?? null)
        || deliveryMode !== session.deliveryMode;
      const closesLater = bookingClosesAt.getTime() !== session.bookingClosesAt.getTime() && bookingClosesAt > now;
      await manager.query(
        `UPDATE training_session SET starts_at = $2, ends_at = $3, delivery_mode = $4, venue_id = $5, capacity = $6, booking_closes_at = $7,
           release_at = $8, minimum_places = $9, minimum_checked_at = CASE WHEN $10 THEN NULL ELSE minimum_checked_at END
         WHERE id = $1`,
        [session.id, startsAt, endsAt, deliveryMode, venueId, capacity, bookingClosesAt, releaseAt, minimumPlaces, closesLater]);
      const told = moved ? await noticeSessionChange(manager, { sessionId: session.id, kind: 'session_changed' }, this.notices) : 0;
      const promoted = capacity > session.capacity || releaseAt.getTime() !== session.releaseAt.getTime()
        ? await fillFreeSeats(manager, session.id, origin, now, this.notices) : [];
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'sessions.rescheduled',
        subjectType: 'training_session', subjectId: session.id, details: {
          before: { startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), venueId: session.venueId, capacity: session.capacity },
          after: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), venueId, capacity },
          reason: input.reason ?? null, peopleTold: told, promoted,
        } });
      return manager.getRepository(TrainingSessionEntity).findOneByOrFail({ id: session.id });
    }));
    return { session: result, userErrors };
  }

  private async venueProblems(manager: EntityManager, viewer: Viewer, venueId: string, providerId: string | null): Promise<UserError[]> {
    const [venue]: VenueRow[] = await manager.query('SELECT id, partnership_id, organisation_id FROM venue WHERE id = $1 AND partnership_id = $2',
      [venueId, viewer.partnershipId]);
    if (!venue) return [at(['venueId'], 'There is no such venue in your partnership', 'NOT_FOUND')];
    if (!canUseVenue(viewer, { partnershipId: venue.partnership_id, organisationId: venue.organisation_id }, providerId ?? '')) {
      return [at(['venueId'], 'This venue belongs to another organisation: choose one of yours or a partnership venue', 'NOT_ALLOWED')];
    }
    return [];
  }

  private async organisationProblems(manager: EntityManager, viewer: Viewer, allocations: ReadonlyArray<{ organisationId: string }>): Promise<UserError[]> {
    if (!allocations.length) return [];
    const ids = allocations.map((a) => a.organisationId).filter(isUuid);
    const known: Array<{ id: string }> = await manager.query('SELECT id FROM organisation WHERE partnership_id = $1 AND id = ANY($2::uuid[])',
      [viewer.partnershipId, ids]);
    const knownIds = new Set(known.map((row) => row.id));
    return allocations.flatMap((a, index) => (!isUuid(a.organisationId) || knownIds.has(a.organisationId) ? []
      : [at(['allocations', String(index), 'organisationId'], 'There is no such organisation in your partnership', 'NOT_FOUND')]));
  }
}
