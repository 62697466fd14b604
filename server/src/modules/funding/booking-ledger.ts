import type { EntityManager } from 'typeorm';
import { effectsOf, streamMayPayFor } from '@portal/domain';
import type { RequestOrigin } from '../audit/audit.service';
import { postEntry, type Posted } from './ledger';

/**
 * The ledger's side of a booking's life, each in the transaction that changes the booking:
 * confirming commits its cost to the stream that pays for the session, cancelling releases
 * what it committed, and the register turns the commitment into spend (a no-show's or a late
 * cancellation's spend is marked as wasted). A booking with no stream or no cost moves no money.
 * The stream charged is the session's (or else its course's) when the place is confirmed; from
 * then on the booking's own entries say which stream it is settled against.
 */

/** What the ledger needs of a booking: read here by id, or handed over by a change that has read it already. */
export interface BookingMoney {
  id: string; partnership_id: string; organisation_id: string | null; cost_pence: string; session_id: string; course_id: string;
  starts_at: Date; stream_id: string | null; outstanding: string;
  stream_audience: 'staff' | 'volunteers' | 'both' | null; stream_sectors: string[] | null; person_kind: 'staff' | 'volunteer'; sector: string | null;
}

async function bookingMoney(manager: EntityManager, bookingId: string): Promise<BookingMoney> {
  const [row] = await manager.query(
    `SELECT b.id, b.partnership_id, b.organisation_id, b.cost_pence, b.session_id, s.course_id, s.starts_at,
       coalesce(committed.stream_id, s.funding_stream_id, c.funding_stream_id) AS stream_id, coalesce(committed.outstanding, 0) AS outstanding,
       fs.audience AS stream_audience, fs.eligible_sectors AS stream_sectors, p.kind AS person_kind, o.sector
     FROM booking b JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
     JOIN person p ON p.id = b.person_id LEFT JOIN organisation o ON o.id = b.organisation_id
     LEFT JOIN LATERAL (SELECT max(stream_id::text)::uuid AS stream_id, sum(committed_effect_pence) AS outstanding
       FROM ledger_entry WHERE booking_id = b.id) committed ON true
     LEFT JOIN funding_stream fs ON fs.id = coalesce(committed.stream_id, s.funding_stream_id, c.funding_stream_id)
     WHERE b.id = $1`, [bookingId]);
  return row;
}

export type CommitOutcome = Posted | { ok: true; entryId: null } | { ok: false; problem: 'NOT_ELIGIBLE' };

/**
 * Commits a just-confirmed booking's cost. OVER_BUDGET: the stream cannot pay for the place;
 * NOT_ELIGIBLE: its restrictions (staff or volunteers, sectors) leave this person out. Given the
 * booking's facts (a booking made in this transaction, which nothing has committed yet), it reads nothing.
 */
export async function commitBooking(manager: EntityManager, booking: string | BookingMoney, actorPersonId: string | null, origin: RequestOrigin,
  now: Date): Promise<CommitOutcome> {
  const money = typeof booking === 'string' ? await bookingMoney(manager, booking) : booking;
  const bookingId = money.id;
  const cost = Number(money.cost_pence);
  if (!money.stream_id || cost <= 0 || Number(money.outstanding) > 0) return { ok: true, entryId: null };
  if (!streamMayPayFor({ audience: money.stream_audience ?? 'both', eligibleSectors: money.stream_sectors ?? [] },
    { kind: money.person_kind, sector: money.sector })) return { ok: false, problem: 'NOT_ELIGIBLE' };
  return postEntry(manager, {
    partnershipId: money.partnership_id, streamId: money.stream_id, kind: 'commitment', amountPence: cost, effects: effectsOf('commitment', cost),
    organisationId: money.organisation_id, courseId: money.course_id, sessionId: money.session_id, bookingId,
    occurredAt: money.starts_at, reason: 'Place confirmed', recordedByPersonId: actorPersonId, recordedAt: now,
  }, origin);
}

/**
 * Releases what a cancelled booking had committed. A late cancellation is still paid for: its
 * cost is recorded as wasted spend.
 */
export async function releaseBooking(manager: EntityManager, bookingId: string, how: { late: boolean; reason: string },
  actorPersonId: string | null, origin: RequestOrigin, now: Date): Promise<void> {
  const money = await bookingMoney(manager, bookingId);
  await settle(manager, money, how.late ? 'wasted' : 'released', how.reason, actorPersonId, origin, now);
}

/** The register: an attended place is spent; a no-show's place is spent and wasted. */
export async function spendBooking(manager: EntityManager, bookingId: string, attended: boolean, actorPersonId: string | null,
  origin: RequestOrigin, now: Date): Promise<void> {
  const money = await bookingMoney(manager, bookingId);
  await settle(manager, money, attended ? 'spent' : 'wasted', attended ? 'Attended' : 'Did not attend', actorPersonId, origin, now);
}

async function settle(manager: EntityManager, money: BookingMoney, outcome: 'released' | 'spent' | 'wasted', reason: string,
  actorPersonId: string | null, origin: RequestOrigin, now: Date): Promise<void> {
  const outstanding = Number(money.outstanding);
  if (!money.stream_id || outstanding <= 0) return;
  const common = {
    partnershipId: money.partnership_id, streamId: money.stream_id, organisationId: money.organisation_id, courseId: money.course_id,
    sessionId: money.session_id, bookingId: money.id, occurredAt: money.starts_at, recordedByPersonId: actorPersonId, recordedAt: now,
  };
  const released = await postEntry(manager, { ...common, kind: 'release', amountPence: outstanding, effects: effectsOf('release', outstanding), reason }, origin);
  if (!released.ok) throw new Error(`ledger: could not release booking ${money.id}: ${released.problem}`);
  if (outcome === 'released') return;
  const spent = await postEntry(manager, { ...common, kind: 'spend', amountPence: outstanding, effects: effectsOf('spend', outstanding),
    wasted: outcome === 'wasted', reason }, origin);
  // Releasing first freed exactly this amount, and the stream's row is locked: this cannot be refused.
  if (!spent.ok) throw new Error(`ledger: could not spend booking ${money.id}: ${spent.problem}`);
}
