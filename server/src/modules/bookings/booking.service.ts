import type { DataSource, EntityManager } from 'typeorm';
import { approvalsNeeded, holdsSeat, isLateCancellation, isReleased, placePricePence, whyNotBookable, type BookingBlock } from '@portal/domain';
import { unlessRefused } from '../../graphql/refusal';
import { isUniqueViolation } from '../../graphql/constraint-violations';
import { KEY_REUSED, KEY_REUSED_MESSAGE } from '../../db/request-hash';
import { claimIdempotencyKey, rememberIdempotencyKey, UNFINISHED_KEY_MESSAGE } from '../../db/idempotency-key';
import type { UserError } from '../../graphql/user-error';
import { refuse, refuseAll, userError, type BookingErrorCode } from './booking.errors';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';
import { leadsOrganisation, type Viewer } from '../auth/viewer';
import { canSeeCourse } from '../catalogue/catalogue.policy';
import { BookingEntity } from './booking.entity';
import { requireBookingFor, requireCancelling } from './booking.policy';
import { claimSeat, giveSeatBack } from './seat-claims';
import { promoteWaiting } from './promote-waiting';
import { releaseDueSession } from './release-seats.service';
import { LIVE_PLACE } from './person-course-places.loader';
import { noticeBookingChange, noticeNewBooking, noticeVenue, type BookingNoticeKind, type NoticeSettings } from '../notifications/booking-notices';
import { commitBooking, releaseBooking, type BookingMoney } from '../funding/booking-ledger';
import { entityFromRow } from '../../db/entity-from-row';
import { waitlistPositionOfSql } from './waitlist-position.sql';

export type BookingResult = { booking: BookingEntity; userErrors: [] } | { booking: null; userErrors: UserError[] };


interface SessionRow {
  id: string; partnership_id: string; status: string; starts_at: Date; ends_at: Date; booking_closes_at: Date; release_at: Date; released_at: Date | null;
  course_id: string; course_title: string; delivery_mode: string;
  venue_name: string | null; venue_address: string | null; venue_town: string | null; venue_postcode: string | null;
  partnership_name: string; partnership_slug: string; time_zone: string;
  /** The stream that pays for a place (the session's, or else its course's), and its restrictions. */
  stream_id: string | null; stream_audience: 'staff' | 'volunteers' | 'both' | null; stream_sectors: string[] | null;
  course_partnership_id: string; visibility: string; visibility_organisation_id: string | null; provider_organisation_id: string;
  audience: string; eligible_sectors: string[]; cost_per_place_pence: string;
  /** Whether a commissioning proposal scheduled the session: its places are paid by the pledges. */
  commissioned: boolean;
  /** The start of the person's live place on another upcoming session of the same course, if any. */
  other_place_starts_at: Date | null;
  /** Whether the person already holds a live place on this very session. */
  booked_here: boolean;
}
interface PersonRow {
  id: string; partnership_id: string; organisation_id: string | null; kind: string; line_manager_id: string | null;
  disabled_at: Date | null; sector: string | null; approval_policy: string | null; name: string; email: string;
}

/** How booking refuses each reason of the eligibility rule (packages/domain/src/booking-eligibility.ts). */
const BLOCKED: Record<BookingBlock, [field: 'personId' | 'sessionId', message: string, code: BookingErrorCode]> = {
  DISABLED: ['personId', 'This person\'s account is disabled.', 'DISABLED'],
  SESSION_CANCELLED: ['sessionId', 'This session has been cancelled.', 'SESSION_CANCELLED'],
  SESSION_PAST: ['sessionId', 'This session has already taken place.', 'SESSION_PAST'],
  BOOKING_CLOSED: ['sessionId', 'Booking for this session has closed.', 'BOOKING_CLOSED'],
  STAFF_ONLY: ['sessionId', 'This course is for staff only.', 'WRONG_AUDIENCE'],
  VOLUNTEERS_ONLY: ['sessionId', 'This course is for volunteers only.', 'WRONG_AUDIENCE'],
  SECTOR_NOT_ELIGIBLE: ['sessionId', 'This course is not open to your organisation\'s sector.', 'NOT_ELIGIBLE'],
  OTHER_ORGANISATION_ONLY: ['sessionId', 'This course is only for another organisation\'s people.', 'NOT_ELIGIBLE'],
};

const UK_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** Confirming commits the place's cost; a stream with too little left refuses the whole change. */
export async function commitOrRefuse(manager: EntityManager, booking: string | BookingMoney, actorPersonId: string, origin: RequestOrigin, now: Date,
  field: string[]): Promise<void> {
  const committed = await commitBooking(manager, booking, actorPersonId, origin, now);
  if (committed.ok) return;
  if (committed.problem === 'NOT_ELIGIBLE') {
    refuse(field, 'The funding stream that pays for this course does not cover people in your role or sector. Ask your L&D lead.', 'NOT_FUNDABLE');
  }
  refuse(field, 'The funding stream that pays for this course has too little left for this place. Ask your L&D lead.', 'FUNDS_EXHAUSTED');
}

/** A new booking's money, from the rows bookSession read: nothing is committed for it yet. */
function moneyOf(booking: BookingEntity, session: SessionRow, person: PersonRow): BookingMoney {
  return {
    id: booking.id, partnership_id: booking.partnershipId, organisation_id: booking.organisationId, cost_pence: String(booking.costPence),
    session_id: session.id, course_id: session.course_id, starts_at: session.starts_at, stream_id: session.stream_id, outstanding: '0',
    stream_audience: session.stream_audience, stream_sectors: session.stream_sectors, person_kind: person.kind as 'staff' | 'volunteer',
    sector: person.sector,
  };
}

function noticeFactsOf(booking: BookingEntity, session: SessionRow, person: PersonRow, waitlistPosition: number | null, now: Date) {
  return {
    partnershipId: booking.partnershipId, personId: person.id, madeAt: now,
    data: {
      bookingId: booking.id, status: booking.status, waitlistPosition,
      person: { name: person.name, email: person.email },
      course: { title: session.course_title },
      session: { id: session.id, startsAt: new Date(session.starts_at), endsAt: new Date(session.ends_at), deliveryMode: session.delivery_mode },
      venue: noticeVenue(session.delivery_mode, { name: session.venue_name, address: session.venue_address, town: session.venue_town,
        postcode: session.venue_postcode }),
      partnership: { name: session.partnership_name, slug: session.partnership_slug, timeZone: session.time_zone },
    },
  };
}

/** A lead booking someone else is told whose place it is, not sent to their own bookings. */
function refuseAlreadyBooked(person: PersonRow, bookedBy: string): never {
  return refuse(['input', bookedBy === person.id ? 'sessionId' : 'personId'], bookedBy === person.id
    ? 'Already booked on this session: see your bookings.' : `Already booked: ${person.name} already has a place on this session.`, 'ALREADY_BOOKED');
}

/**
 * Booking and cancelling: one transaction each, seats taken and given back by conditional
 * updates (seat-claims.ts), a retried request answered from its idempotency key.
 */
export class BookingService {
  /**
   * `seats.claimSeat` is the conditional UPDATE of seat-claims.ts; the load tests put a naive
   * "read, then write" in its place to show, through this very booking, what it guards against.
   */
  constructor(private readonly dataSource: DataSource, private readonly notices: NoticeSettings,
    private readonly seats: { claimSeat: typeof claimSeat } = { claimSeat }) {}

  /** `inputProblems`: the input rules' errors, answered together with unknown ids before anything is written. */
  async book(viewer: Viewer, input: { sessionId: string; personId?: string; idempotencyKey?: string; secondPlaceReason?: string },
    origin: RequestOrigin, now: Date, inputProblems: readonly UserError[] = []): Promise<BookingResult> {
    const personId = input.personId ?? viewer.personId;
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const replay = inputProblems.length ? null
        : await this.claimKey(manager, viewer, 'book_session', input.idempotencyKey, { sessionId: input.sessionId, personId });
      if (replay) return replay;

      const unknown: UserError[] = [];
      const person = refusedField(inputProblems, 'personId') ? null : await this.person(manager, personId);
      const personKnown = !!person && person.partnership_id === viewer.partnershipId;
      if (!personKnown && !refusedField(inputProblems, 'personId')) unknown.push(userError(['input', 'personId'], 'There is no such person in your partnership', 'NOT_FOUND'));
      const onBehalf = personKnown && person!.id !== viewer.personId;
      if (personKnown) requireBookingFor(viewer, { id: person!.id, organisationId: person!.organisation_id });
      const session = refusedField(inputProblems, 'sessionId') ? null
        : await this.session(manager, input.sessionId, personKnown ? person!.id : viewer.personId, now);
      if (!refusedField(inputProblems, 'sessionId') && (!session || session.partnership_id !== viewer.partnershipId || !canSeeCourse(viewer, {
        partnershipId: session.course_partnership_id, visibility: session.visibility,
        visibilityOrganisationId: session.visibility_organisation_id, providerOrganisationId: session.provider_organisation_id,
      }))) unknown.push(userError(['input', 'sessionId'], 'There is no such session in your partnership', 'NOT_FOUND'));
      refuseAll(withInputErrors(inputProblems, unknown));
      this.checkBookable(session!, person!, now);
      // Already on this date is answered as such, before any question about a second date.
      if (session!.booked_here) refuseAlreadyBooked(person!, viewer.personId);
      this.checkSecondPlace(session!, person!, onBehalf, input.secondPlaceReason);

      // Past the release time but not yet released by the job: release it first, so the seats it returns
      // go to the people waiting before this booking claims one.
      if (!session!.released_at && isReleased({ releaseAt: session!.release_at }, now)) await releaseDueSession(manager, session!.id, origin, now, this.notices);
      // A lead of the person's organisation booking (for them, or for themselves) decides for it: nothing more to approve.
      const byLead = onBehalf || leadsOrganisation(viewer, person!.organisation_id);
      const needed = approvalsNeeded((person!.approval_policy ?? 'none') as never, { bookedByLead: byLead, hasLineManager: !!person!.line_manager_id });
      const seat = await this.seats.claimSeat(manager, session!.id, person!.organisation_id, now);
      // No seat: hold the session (shared) while joining its waiting list, so a cancellation running now
      // either comes first (and is seen here) or waits, then cancels this booking with the others.
      if (!seat) {
        const [current] = await manager.query('SELECT status FROM training_session WHERE id = $1 FOR SHARE', [session!.id]);
        if (current.status !== 'scheduled') refuse(['input', 'sessionId'], 'This session has been cancelled.', 'SESSION_CANCELLED');
      }
      const status = !seat ? 'waitlisted' : needed.length ? 'requested' : 'confirmed';
      const booking = await this.insertBooking(manager, {
        partnershipId: viewer.partnershipId, sessionId: session!.id, person: person!, status,
        seatOrganisationId: seat?.organisationId ?? null, bookedBy: viewer.personId,
        costPence: seat ? placePricePence(Number(session!.cost_per_place_pence), session!.commissioned) : 0, now, approvals: byLead ? ['ld_lead'] : [],
      });
      // The facts read above go down to the ledger and the notice: neither reads the booking again.
      if (status === 'confirmed') await commitOrRefuse(manager, moneyOf(booking, session!, person!), viewer.personId, origin, now, ['input', 'sessionId']);
      await this.rememberKey(manager, viewer, 'book_session', input.idempotencyKey, booking.id);
      const waitlistPosition = status === 'waitlisted'
        ? (await manager.query(`SELECT ${waitlistPositionOfSql('b')} AS position FROM booking b WHERE b.id = $1`, [booking.id]))[0].position as number
        : null;
      await noticeNewBooking(manager, status as BookingNoticeKind, noticeFactsOf(booking, session!, person!, waitlistPosition, now), this.notices);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'bookings.created',
        subjectType: 'booking', subjectId: booking.id, details: { status, sessionId: session!.id, personId: person!.id, seatFrom: seat?.organisationId ?? (seat ? 'pool' : null),
          ...(session!.other_place_starts_at ? { secondPlaceReason: input.secondPlaceReason?.trim() } : {}) } });
      return booking;
    }));
    return result ? { booking: result, userErrors: [] } : { booking: null, userErrors };
  }

  /** `inputProblems`: the input rules' errors, answered together with the booking's own before anything is written. */
  async cancel(viewer: Viewer, input: { bookingId: string; reason?: string; idempotencyKey?: string },
    origin: RequestOrigin, now: Date, inputProblems: readonly UserError[] = []): Promise<BookingResult> {
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const replay = inputProblems.length ? null : await this.claimKey(manager, viewer, 'cancel_booking', input.idempotencyKey,
        { bookingId: input.bookingId, reason: input.reason });
      if (replay) return replay;
      const [booking] = refusedField(inputProblems, 'bookingId') ? [] : await manager.query(
        `SELECT b.*, s.starts_at, s.release_at, s.capacity FROM booking b JOIN training_session s ON s.id = b.session_id
         WHERE b.id = $1 AND b.partnership_id = $2 FOR UPDATE OF b`, [input.bookingId, viewer.partnershipId]);
      const problems: UserError[] = [];
      if (!booking && !refusedField(inputProblems, 'bookingId')) problems.push(userError(['input', 'bookingId'], 'There is no such booking', 'NOT_FOUND'));
      if (booking) {
        requireCancelling(viewer, { personId: booking.person_id, organisationId: booking.organisation_id });
        if (booking.status === 'cancelled' || booking.status === 'declined') problems.push(userError(['input', 'bookingId'], 'This booking is already cancelled', 'ALREADY_CANCELLED'));
        if (booking.status === 'attended' || booking.status === 'no_show') problems.push(userError(['input', 'bookingId'], 'The session has taken place: its register cannot be changed here', 'ALREADY_HAPPENED'));
      }
      refuseAll(withInputErrors(inputProblems, problems));

      const late = isLateCancellation(booking.starts_at, now);
      await manager.query(
        `UPDATE booking SET status = 'cancelled', cancelled_at = $2, cancelled_late = $3, cancelled_by_person_id = $4,
           cancellation_reason = $5, waitlisted_at = NULL, updated_at = $2 WHERE id = $1`,
        [booking.id, now, late, viewer.personId, input.reason ?? null]);
      if (holdsSeat(booking.status)) {
        // Seat rows before the stream's row, as booking takes them: the other order deadlocks with a concurrent booking.
        await giveSeatBack(manager, booking.session_id, { organisationId: booking.seat_organisation_id });
        // The ledger's reason is fixed: the learner's own words stay with the booking, away from funding reports.
        await releaseBooking(manager, booking.id, { late, reason: late ? 'Cancelled late' : 'Cancelled' }, viewer.personId, origin, now);
        await promoteWaiting(manager, booking.session_id, { organisationId: booking.seat_organisation_id,
          released: isReleased({ releaseAt: booking.release_at }, now) }, origin, now, this.notices);
      }
      await this.rememberKey(manager, viewer, 'cancel_booking', input.idempotencyKey, booking.id);
      await noticeBookingChange(manager, { bookingId: booking.id, kind: 'cancelled' }, this.notices);
      await recordAudit(manager, origin, { partnershipId: viewer.partnershipId, actorPersonId: viewer.personId, action: 'bookings.cancelled',
        subjectType: 'booking', subjectId: booking.id, details: { late, previousStatus: booking.status, reason: input.reason ?? null } });
      return (await manager.getRepository(BookingEntity).findOneByOrFail({ id: booking.id }));
    }));
    return result ? { booking: result, userErrors: [] } : { booking: null, userErrors };
  }

  private checkBookable(session: SessionRow, person: PersonRow, now: Date): void {
    const block = whyNotBookable(
      { status: session.status, startsAt: session.starts_at, bookingClosesAt: session.booking_closes_at, audience: session.audience,
        eligibleSectors: session.eligible_sectors, visibility: session.visibility, visibilityOrganisationId: session.visibility_organisation_id },
      { disabled: !!person.disabled_at, kind: person.kind, sector: person.sector, organisationId: person.organisation_id }, now);
    if (block) refuse(['input', BLOCKED[block][0]], BLOCKED[block][1], BLOCKED[block][2]);
  }

  /**
   * One live place per person per course at a time: a second date is usually a mistake, and it
   * holds a seat someone else is waiting for. An L&D lead may book a second place with a reason.
   */
  private checkSecondPlace(session: SessionRow, person: PersonRow, onBehalf: boolean, reason: string | undefined): void {
    if (!session.other_place_starts_at || (onBehalf && reason?.trim())) return;
    const date = UK_DATE.format(session.other_place_starts_at);
    if (onBehalf) {
      refuse(['input', 'secondPlaceReason'], `${person.name} already holds a place on this course on ${date}. Give a reason to book a second place, or cancel that one first.`, 'ALREADY_ON_COURSE');
    }
    refuse(['input', 'sessionId'], `You already hold a place on this course on ${date}. Cancel it first to book this date.`, 'ALREADY_ON_COURSE');
  }

  /**
   * Takes the idempotency key first (db/idempotency-key.ts): a replay gets its booking, a key
   * standing for another request (another session, person or booking) a refusal. Null: go ahead.
   */
  private async claimKey(manager: EntityManager, viewer: Viewer, operation: string, key: string | undefined,
    request: Record<string, unknown>): Promise<BookingEntity | null> {
    const claim = await claimIdempotencyKey(manager, viewer, operation, key, request, 'booking_id');
    if (claim?.status === 'reused') refuse(['input', 'idempotencyKey'], KEY_REUSED_MESSAGE, KEY_REUSED);
    if (claim?.status === 'unfinished') refuse(['input', 'idempotencyKey'], UNFINISHED_KEY_MESSAGE, 'KEY_REUSED');
    return claim?.status === 'replay' ? manager.getRepository(BookingEntity).findOneByOrFail({ id: claim.id }) : null;
  }

  private async rememberKey(manager: EntityManager, viewer: Viewer, operation: string, key: string | undefined, bookingId: string): Promise<void> {
    await rememberIdempotencyKey(manager, viewer, operation, key, 'booking_id', bookingId);
  }

  private async person(manager: EntityManager, id: string): Promise<PersonRow | null> {
    const [row] = await manager.query(
      `SELECT p.id, p.partnership_id, p.organisation_id, p.kind, p.line_manager_id, p.disabled_at, p.name, p.email, o.sector, o.approval_policy
       FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.id = $1`, [id]);
    return row ?? null;
  }

  private async session(manager: EntityManager, id: string, personId: string, now: Date): Promise<SessionRow | null> {
    const [row] = await manager.query(
      `SELECT s.id, s.partnership_id, s.status, s.starts_at, s.ends_at, s.booking_closes_at, s.release_at, s.released_at, c.partnership_id AS course_partnership_id,
         c.visibility, c.visibility_organisation_id, c.provider_organisation_id, c.audience, c.eligible_sectors, c.cost_per_place_pence,
         s.proposal_id IS NOT NULL AS commissioned,
         s.course_id, c.title AS course_title, s.delivery_mode, v.name AS venue_name, v.address AS venue_address, v.town AS venue_town,
         v.postcode AS venue_postcode, pa.name AS partnership_name, pa.slug AS partnership_slug, pa.time_zone,
         fs.id AS stream_id, fs.audience AS stream_audience, fs.eligible_sectors AS stream_sectors,
         (SELECT min(o.starts_at) FROM booking b JOIN training_session o ON o.id = b.session_id
           WHERE b.person_id = $2 AND o.course_id = s.course_id AND o.id <> s.id AND o.status = 'scheduled' AND o.ends_at > $3
             AND b.status = ANY($4::text[])) AS other_place_starts_at,
         EXISTS (SELECT 1 FROM booking h WHERE h.person_id = $2 AND h.session_id = s.id
             AND h.status = ANY($4::text[])) AS booked_here
       FROM training_session s JOIN course c ON c.id = s.course_id JOIN partnership pa ON pa.id = s.partnership_id
         LEFT JOIN venue v ON v.id = s.venue_id LEFT JOIN funding_stream fs ON fs.id = coalesce(s.funding_stream_id, c.funding_stream_id)
       WHERE s.id = $1`, [id, personId, now, [...LIVE_PLACE]]);
    return row ?? null;
  }

  private async insertBooking(manager: EntityManager, values: {
    partnershipId: string; sessionId: string; person: PersonRow; status: string; seatOrganisationId: string | null;
    bookedBy: string; costPence: number; now: Date; approvals: string[];
  }): Promise<BookingEntity> {
    try {
      const [row] = await manager.query(
        `INSERT INTO booking (partnership_id, session_id, person_id, organisation_id, status, seat_organisation_id, booked_by_person_id,
           cost_pence, waitlisted_at, approvals, created_at, updated_at, ics_sequence)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $5 = 'waitlisted' THEN $9::timestamptz END, $10, $9, $9, 1) RETURNING *`,
        [values.partnershipId, values.sessionId, values.person.id, values.person.organisation_id, values.status,
          values.seatOrganisationId, values.bookedBy, values.costPence, values.now, values.approvals]);
      // ics_sequence 1: the booking's first notice (noticeNewBooking) is sequence 0.
      return entityFromRow(manager.connection, BookingEntity, row);
    } catch (error) {
      if (isUniqueViolation(error, 'booking_one_live_per_person_idx')) {
        return refuseAlreadyBooked(values.person, values.bookedBy);
      }
      throw error;
    }
  }
}
