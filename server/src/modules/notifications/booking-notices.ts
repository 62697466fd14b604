import type { EntityManager } from 'typeorm';
import { LIVE_PLACE_STATUSES } from '@portal/domain';
import type { BookingNoticeData, BookingNoticeKind, InviteFacts, NoticeSettings } from './booking-notice-data';
import { inviteMethodFor } from './booking-invite';
import { renderBookingEmail } from './render-booking-email';
import { queueEmail } from './outbox-writer';
import { waitlistPositionOfSql } from '../bookings/waitlist-position.sql';

export type { BookingNoticeKind, NoticeSettings } from './booking-notice-data';
export { noticeSettingsOf } from './booking-notice-data';

/**
 * Every change to a booking that its person must know about. Called inside the transaction
 * that makes the change, so the notice is written to the outbox, and its delivery job queued,
 * if and only if the change commits: a refused or rolled-back booking sends nothing, and a
 * committed one is delivered even if this process dies right after. The deployment's settings
 * (links, sender) come from config.ts through the caller: requests have them as
 * ctx.services.notices, jobs from the task list (noticeSettingsOf).
 */

interface NoticeRow {
  id: string; partnership_id: string; person_id: string; status: string; sequence: number; invited: boolean;
  waitlist_position: number | null; person_name: string; person_email: string; course_title: string;
  session_id: string; starts_at: Date; ends_at: Date; delivery_mode: string;
  venue_name: string | null; venue_address: string | null; venue_town: string | null; venue_postcode: string | null;
  partnership_name: string; partnership_slug: string; time_zone: string; now: Date;
}

/**
 * Raises the booking's invite SEQUENCE and reads all an email needs, in one statement. The
 * booking row is already locked by the change being noticed, so the sequence cannot race.
 */
const LOAD_NOTICE = `
  WITH bumped AS (
    UPDATE booking SET ics_sequence = ics_sequence + 1 WHERE id = $1
    RETURNING id, partnership_id, session_id, person_id, status, waitlisted_at, ics_sequence - 1 AS sequence
  )
  SELECT b.id, b.partnership_id, b.person_id, b.status, b.sequence,
    EXISTS (SELECT 1 FROM email_outbox o WHERE o.booking_id = b.id AND o.ics_method = 'REQUEST') AS invited,
    ${waitlistPositionOfSql('b')} AS waitlist_position,
    p.name AS person_name, p.email AS person_email, c.title AS course_title,
    s.id AS session_id, s.starts_at, s.ends_at, s.delivery_mode,
    v.name AS venue_name, v.address AS venue_address, v.town AS venue_town, v.postcode AS venue_postcode,
    pa.name AS partnership_name, pa.slug AS partnership_slug, pa.time_zone, now() AS now
  FROM bumped b
  JOIN person p ON p.id = b.person_id
  JOIN training_session s ON s.id = b.session_id
  JOIN course c ON c.id = s.course_id
  LEFT JOIN venue v ON v.id = s.venue_id
  JOIN partnership pa ON pa.id = b.partnership_id`;

function noticeData(kind: BookingNoticeKind, row: NoticeRow): BookingNoticeData {
  return {
    kind, bookingId: row.id, status: row.status, sequence: Number(row.sequence), invited: row.invited,
    waitlistPosition: row.waitlist_position,
    person: { name: row.person_name, email: row.person_email },
    course: { title: row.course_title },
    session: { id: row.session_id, startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at), deliveryMode: row.delivery_mode },
    venue: noticeVenue(row.delivery_mode, { name: row.venue_name, address: row.venue_address, town: row.venue_town, postcode: row.venue_postcode }),
    partnership: { name: row.partnership_name, slug: row.partnership_slug, timeZone: row.time_zone },
  };
}

export async function noticeBookingChange(manager: EntityManager, change: { bookingId: string; kind: BookingNoticeKind },
  noticeSettings: NoticeSettings): Promise<{ emailId: string } | null> {
  const [row]: NoticeRow[] = await manager.query(LOAD_NOTICE, [change.bookingId]);
  if (!row) return null;
  return queueNotice(manager, noticeData(change.kind, row), row.partnership_id, row.person_id, new Date(row.now), noticeSettings);
}

/**
 * What a booking made in this transaction already read about itself, its person and its session:
 * its notice is written from these facts, with no statement of its own but the outbox's. The
 * booking's INSERT set `ics_sequence` to 1, so this first notice is sequence 0 and carries no
 * earlier invite.
 */
export interface NewBookingFacts {
  partnershipId: string;
  personId: string;
  data: Omit<BookingNoticeData, 'kind' | 'sequence' | 'invited'>;
  madeAt: Date;
}

export function noticeNewBooking(manager: EntityManager, kind: BookingNoticeKind, facts: NewBookingFacts,
  noticeSettings: NoticeSettings): Promise<{ emailId: string } | null> {
  return queueNotice(manager, { ...facts.data, kind, sequence: 0, invited: false }, facts.partnershipId, facts.personId, facts.madeAt, noticeSettings);
}

async function queueNotice(manager: EntityManager, data: BookingNoticeData, partnershipId: string, personId: string, madeAt: Date,
  noticeSettings: NoticeSettings): Promise<{ emailId: string } | null> {
  const email = renderBookingEmail(data, noticeSettings);
  // Only the facts: the delivery job builds the invite (send-email.task.ts), so it cannot fail this change.
  const method = inviteMethodFor(data);
  const facts: InviteFacts | null = method ? { data, settings: noticeSettings, madeAt: madeAt.toISOString() } : null;
  return queueEmail(manager, { partnershipId, personId, bookingId: data.bookingId, kind: data.kind,
    to: data.person.email, subject: email.subject, text: email.text, inviteMethod: method, inviteFacts: facts });
}

/** A venue as a notice shows it: none for an online session. */
export function noticeVenue(deliveryMode: string, venue: { name: string | null; address: string | null; town: string | null; postcode: string | null }):
  BookingNoticeData['venue'] {
  return venue.name === null || deliveryMode === 'online' ? null
    : { name: venue.name, address: venue.address ?? '', town: venue.town ?? '', postcode: venue.postcode ?? '' };
}

/**
 * Notices every booking of a session that a change to the session touches: those holding a
 * place or waiting. Call it in the transaction that changes the session, before the bookings'
 * own statuses are changed.
 */
export async function noticeSessionChange(manager: EntityManager, change: { sessionId: string; kind: 'session_changed' | 'session_cancelled' },
  settings: NoticeSettings): Promise<number> {
  const bookings: Array<{ id: string }> = await manager.query(
    `SELECT id FROM booking WHERE session_id = $1 AND status = ANY($2::text[]) ORDER BY created_at, id`,
    [change.sessionId, [...LIVE_PLACE_STATUSES]]);
  for (const booking of bookings) await noticeBookingChange(manager, { bookingId: booking.id, kind: change.kind }, settings);
  return bookings.length;
}
