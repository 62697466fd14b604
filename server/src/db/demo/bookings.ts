import { fillToCaps } from './allocate';
import type { DemoCourse } from './courses';
import type { DemoPerson, Population } from './people';
import type { Rng } from './prng';
import type { BookingRow, BookingStatus } from './rows';
import type { DemoSession } from './sessions';
import { DAY_MS, HOUR_MS, addMs, maxDate, minDate } from './uk-time';

/**
 * Bookings that respect every rule the application will enforce: audience, organisation-only
 * visibility and eligible sectors; at most one booking per person per session; seats taken
 * from the person's organisation's allocation while it has room, then from the shared pool,
 * never beyond capacity (whoever does not fit waits, or for a past session never got a place).
 */
interface Eligible {
  all: DemoPerson[];
  byOrganisation: Map<string | null, DemoPerson[]>;
}

const LATE_CANCELLATION_MS = 48 * HOUR_MS;

function isEligible(person: DemoPerson, course: DemoCourse): boolean {
  const c = course.row;
  if (c.audience === 'staff' && person.row.kind !== 'staff') return false;
  if (c.audience === 'volunteers' && person.row.kind !== 'volunteer') return false;
  if (c.visibility === 'organisation' && person.row.organisation_id !== c.visibility_organisation_id) return false;
  if (c.eligible_sectors.length > 0 && (person.sector === null || !c.eligible_sectors.includes(person.sector))) return false;
  return true;
}

class EligibilityCache {
  private readonly cache = new Map<string, Eligible>();
  private readonly learners: DemoPerson[];

  constructor(population: Population) {
    // Accounts that only steer, administer or coordinate are not learners and book nothing.
    this.learners = population.people.filter((p) => p.roles.some((r) => r.role === 'learner' || r.role === 'volunteer'));
  }

  for(course: DemoCourse): Eligible {
    const cached = this.cache.get(course.row.id);
    if (cached) return cached;
    const all = this.learners.filter((p) => isEligible(p, course));
    const byOrganisation = new Map<string | null, DemoPerson[]>();
    for (const person of all) {
      const key = person.row.organisation_id;
      const list = byOrganisation.get(key);
      if (list) list.push(person);
      else byOrganisation.set(key, [person]);
    }
    const eligible = { all, byOrganisation };
    this.cache.set(course.row.id, eligible);
    return eligible;
  }
}

/** How much demand a session attracts: past ones filled up, future ones are still filling. */
function demandWeight(session: DemoSession, now: Date, rng: Rng): number {
  const { row } = session;
  if (row.status === 'cancelled') return row.capacity * 0.3;
  if (row.status === 'completed') return row.capacity * rng.float(0.55, 1);
  const daysAhead = (row.starts_at.getTime() - now.getTime()) / DAY_MS;
  return row.capacity * rng.float(0.1, 0.6) * Math.max(0.2, 1 - (0.6 * daysAhead) / 365);
}

function pickPeople(session: DemoSession, eligible: Eligible, count: number, rng: Rng): DemoPerson[] {
  const excluded = session.excludeOrganisationIds;
  const pool = excluded.size === 0 ? eligible.all : eligible.all.filter((p) => !excluded.has(p.row.organisation_id ?? ''));
  const taken = new Set<DemoPerson>();
  const picked: DemoPerson[] = [];
  // People whose organisation holds seats come first, so that allocations are actually used.
  const fill = session.full ? 1 : Math.min(1, count / session.row.capacity) * rng.float(0.6, 1);
  for (const allocation of session.allocations) {
    if (excluded.has(allocation.organisation_id)) continue;
    const members = eligible.byOrganisation.get(allocation.organisation_id) ?? [];
    const wanted = Math.min(count - picked.length, Math.round(allocation.seats * fill));
    picked.push(...rng.sample(members, wanted, taken));
  }
  picked.push(...rng.sample(pool, count - picked.length, taken));
  return rng.shuffle(picked);
}

interface SeatState {
  pool: number;
  allocations: Map<string, number>;
}

/** The organisation whose seat the person takes (null: the pool), or undefined when no seat is left. */
function takeSeat(state: SeatState, organisationId: string | null): string | null | undefined {
  if (organisationId !== null) {
    const left = state.allocations.get(organisationId) ?? 0;
    if (left > 0) {
      state.allocations.set(organisationId, left - 1);
      return organisationId;
    }
  }
  if (state.pool > 0) {
    state.pool -= 1;
    return null;
  }
  return undefined;
}

function bookSession(session: DemoSession, people: DemoPerson[], leadByOrganisation: ReadonlyMap<string, string>,
  rng: Rng, now: Date): BookingRow[] {
  const { row } = session;
  const cost = session.course.row.cost_per_place_pence;
  const start = row.starts_at;
  const cancelledAt = row.status === 'cancelled' ? minDate(now, addMs(start, -rng.int(2, 10) * DAY_MS)) : null;
  const windowStart = row.created_at;
  const windowEnd = maxDate(addMs(windowStart, 60_000), minDate(cancelledAt ?? now, minDate(now, row.booking_closes_at)));
  // First come, first served: creation times ascend in the order seats are handed out.
  const createdTimes = people
    .map(() => windowStart.getTime() + rng.next() * (windowEnd.getTime() - windowStart.getTime()))
    .sort((a, b) => a - b);
  const seats: SeatState = {
    pool: row.capacity - session.allocations.reduce((sum, a) => sum + a.seats, 0),
    allocations: new Map(session.allocations.map((a) => [a.organisation_id, a.seats])),
  };
  return people.map((person, i): BookingRow => {
    const createdAt = new Date(Math.floor(createdTimes[i]));
    const organisationId = person.row.organisation_id;
    const lead = organisationId === null ? undefined : leadByOrganisation.get(organisationId);
    const onBehalf = lead !== undefined && lead !== person.row.id && rng.chance(0.15);
    const booking: BookingRow = {
      id: rng.uuid(),
      partnership_id: row.partnership_id,
      session_id: row.id,
      person_id: person.row.id,
      organisation_id: organisationId,
      status: 'confirmed',
      seat_organisation_id: null,
      booked_by_person_id: onBehalf ? lead : person.row.id,
      cost_pence: 0,
      waitlisted_at: null,
      cancelled_at: null,
      cancelled_late: null,
      created_at: createdAt,
      updated_at: createdAt,
    };
    const cancel = (at: Date) => {
      booking.status = 'cancelled';
      booking.cancelled_at = at;
      booking.cancelled_late = start.getTime() - at.getTime() < LATE_CANCELLATION_MS;
      booking.updated_at = at;
      return booking;
    };
    if (cancelledAt !== null) {
      cancel(maxDate(createdAt, cancelledAt));
      booking.cancelled_late = false; // the provider cancelled, not the learner
      return booking;
    }
    const past = row.status === 'completed';
    const roll = rng.next();
    const cancelChance = session.full ? 0 : past ? 0.1 : 0.07;
    const declineChance = session.full ? 0 : 0.03;
    const latest = minDate(now, start);
    if (roll < cancelChance) {
      const late = past && rng.chance(0.35);
      const at = late
        ? maxDate(createdAt, addMs(start, -rng.int(1, 47) * HOUR_MS))
        : new Date(createdAt.getTime() + rng.next() * (latest.getTime() - createdAt.getTime()));
      return cancel(minDate(at, latest));
    }
    if (roll < cancelChance + declineChance) {
      booking.status = 'declined';
      booking.updated_at = minDate(latest, addMs(createdAt, rng.int(1, 3) * DAY_MS));
      return booking;
    }
    const seat = takeSeat(seats, organisationId);
    if (seat === undefined) {
      if (past) return cancel(maxDate(createdAt, minDate(latest, addMs(start, -rng.int(3, 6) * DAY_MS))));
      booking.status = 'waitlisted';
      booking.waitlisted_at = createdAt;
      return booking;
    }
    let status: BookingStatus;
    if (past) status = rng.chance(0.88) ? 'attended' : 'no_show';
    else status = rng.chance(0.2) ? 'requested' : 'confirmed';
    booking.status = status;
    booking.seat_organisation_id = seat;
    booking.cost_pence = cost;
    if (past) booking.updated_at = minDate(now, addMs(row.ends_at, HOUR_MS));
    return booking;
  });
}

/**
 * About `target` bookings in all (anchors' bookings are always made, even past the target),
 * spread over sessions by demand and never more per session than its eligible people allow.
 */
export function buildBookings(sessions: readonly DemoSession[], population: Population, rng: Rng, now: Date,
  target: number): BookingRow[] {
  const eligibility = new EligibilityCache(population);
  const leadByOrganisation = new Map<string, string>();
  for (const [organisationId, staffing] of population.staffingByOrganisation) {
    leadByOrganisation.set(organisationId, staffing.lead.row.id);
  }
  const counts = sessions.map(() => 0);
  let budget = target;
  sessions.forEach((session, i) => {
    if (session.fixedBookings === null) return;
    counts[i] = session.fixedBookings;
    budget -= counts[i];
  });
  sessions.forEach((session, i) => {
    if (session.fixedBookings !== null || !session.full) return;
    const wanted = session.row.capacity + rng.int(1, 4);
    if (wanted > budget) {
      session.full = false;
      return;
    }
    counts[i] = wanted;
    budget -= wanted;
  });
  const open = sessions.map((s) => s.fixedBookings === null && !s.full);
  const weights = sessions.map((s, i) => (open[i] ? demandWeight(s, now, rng) : 0));
  const caps = sessions.map((s, i) => {
    if (!open[i]) return 0;
    const limit = s.row.status === 'cancelled' ? s.row.capacity : s.row.capacity + Math.floor(s.row.capacity / 2);
    return Math.min(limit, eligibility.for(s.course).all.length);
  });
  const spread = fillToCaps(Math.max(0, budget), weights, caps);
  return sessions.flatMap((session, i) => {
    const count = open[i] ? spread[i] : counts[i];
    if (count === 0) return [];
    const people = pickPeople(session, eligibility.for(session.course), count, rng);
    return bookSession(session, people, leadByOrganisation, rng, now);
  });
}
