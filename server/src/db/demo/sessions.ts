import type { DemoCourse } from './courses';
import { organisationOf, type Tenancy } from './organisations';
import type { PartnershipSpec, SessionAnchor } from './partnership-spec';
import type { Rng } from './prng';
import type { DeliveryMode, Method, OrganisationRow, SeatAllocationRow, TrainingSessionRow, Visibility } from './rows';
import type { DemoVenue } from './venues';
import { DAY_MS, addMs, dayNumber, isNonWorkingDay, isPublicHoliday, isWeekend, londonTime, minDate, weekday } from './uk-time';

export interface DemoSession {
  row: TrainingSessionRow;
  course: DemoCourse;
  allocations: SeatAllocationRow[];
  /** Bookings a journey needs on this session; null leaves the number to the booking generator. */
  fixedBookings: number | null;
  /** Booked beyond capacity: shown full, with a waiting list. */
  full: boolean;
  excludeOrganisationIds: ReadonlySet<string>;
}

/** How often a method turns into scheduled sessions: e-learning is done alone, at any time. */
const METHOD_WEIGHT: Readonly<Record<Method, number>> = {
  classroom: 3, webinar: 3, blended: 2, work_shadowing: 1.5, outdoor: 1, coaching: 1, mentoring: 1,
  work_placement: 0.5, distance: 0.5, secondment: 0.3, e_learning: 0,
};
const VISIBILITY_WEIGHT: Readonly<Record<Visibility, number>> = { public: 2.5, partnership: 1, organisation: 0.8 };

const WORKING_DAY_MINUTES = 420; // 09:30 to 16:30
// Courses this short may run in the afternoon (13:30) rather than the morning.
const HALF_DAY_MINUTES = 210;
const MAX_SESSION_DAYS = 5;

function capacityFor(method: Method, rng: Rng): number {
  switch (method) {
    case 'webinar':
    case 'distance':
    case 'e_learning':
      return 5 * rng.int(4, 8);
    case 'classroom':
      return rng.int(12, 30);
    case 'blended':
      return rng.int(12, 24);
    case 'outdoor':
      return rng.int(12, 20);
    case 'coaching':
    case 'mentoring':
      return rng.int(8, 12);
    case 'work_shadowing':
    case 'secondment':
    case 'work_placement':
      return rng.int(8, 10);
  }
}

function deliveryModeFor(method: Method, rng: Rng): DeliveryMode {
  switch (method) {
    case 'webinar':
    case 'e_learning':
    case 'distance':
      return 'online';
    case 'classroom':
      return rng.chance(0.2) ? 'online' : 'in_person';
    case 'blended':
      return 'blended';
    case 'coaching':
    case 'mentoring':
      return rng.chance(0.5) ? 'online' : 'in_person';
    default:
      return 'in_person';
  }
}

function chooseVenue(course: DemoCourse, venues: readonly DemoVenue[], rng: Rng): DemoVenue {
  const home = venues.filter((v) => v.spec.usedBy.includes(course.template.provider));
  if (home.length > 0 && rng.chance(0.7)) return rng.pick(home);
  return rng.weighted(venues, (v) => (v.spec.town === 'Peterborough' ? 3 : 1));
}

/** Start and end of a run of the course on `day`; multi-day runs move to a Monday. */
function timesFor(course: DemoCourse, day: number, rng: Rng, past: boolean, now: Date,
  startAt?: { hour: number; minute: number }): { startsAt: Date; endsAt: Date } {
  const minutes = course.row.duration_minutes;
  const days = Math.ceil(minutes / WORKING_DAY_MINUTES);
  let start = day;
  if (days > 1 && days <= MAX_SESSION_DAYS) {
    // A multi-day course runs Monday onwards so that it never spans a weekend.
    const toMonday = (weekday(start) + 6) % 7;
    start = past ? start - toMonday : start + ((7 - toMonday) % 7);
  }
  for (;;) {
    const afternoon = minutes <= HALF_DAY_MINUTES && rng.chance(0.4);
    const hour = startAt?.hour ?? (afternoon ? 13 : 9);
    const minute = startAt?.minute ?? 30;
    const startsAt = londonTime(start, hour, minute);
    // Long programmes (beyond a working week) are represented by their first workshop day.
    const spanDays = days <= MAX_SESSION_DAYS ? days : 1;
    const endsAt = minutes <= WORKING_DAY_MINUTES
      ? addMs(startsAt, minutes * 60_000)
      : londonTime(start + spanDays - 1, 16, 30);
    if (!past || endsAt.getTime() <= now.getTime()) return { startsAt, endsAt };
    start -= 7; // a past session must have finished before "now"
  }
}

function randomDay(today: number, rng: Rng, future: boolean): number {
  // Drawn again rather than moved off a weekend, which would crowd Mondays and Fridays.
  for (;;) {
    const day = future
      ? today + 1 + Math.floor(364 * Math.pow(rng.next(), 1.4)) // denser in the coming weeks
      : today - 1 - Math.floor(364 * rng.next());
    if (!isWeekend(day)) return day;
  }
}

/** Whether a run touches a public holiday on any of its days (London dates). */
function touchesHoliday(times: { startsAt: Date; endsAt: Date }): boolean {
  for (let day = dayNumber(times.startsAt); day <= dayNumber(times.endsAt); day++) if (isPublicHoliday(day)) return true;
  return false;
}

/** Two runs of one course at overlapping times would look like a mistake to anyone browsing. */
function overlapsAnother(runs: Map<string, Array<{ startsAt: Date; endsAt: Date }>>, courseId: string,
  times: { startsAt: Date; endsAt: Date }): boolean {
  return (runs.get(courseId) ?? []).some((run) => run.startsAt < times.endsAt && times.startsAt < run.endsAt);
}

function allocationsFor(session: TrainingSessionRow, course: DemoCourse, organisations: readonly OrganisationRow[],
  rng: Rng): SeatAllocationRow[] {
  const sectors = course.row.eligible_sectors;
  const candidates = organisations.filter((o) =>
    (sectors.length === 0 || sectors.includes(o.sector)) &&
    (course.row.audience === 'volunteers' ? o.volunteer_headcount > 0 : o.staff_headcount > 0));
  const chosen: OrganisationRow[] = [];
  const wanted = Math.min(candidates.length, rng.int(2, 4));
  while (chosen.length < wanted) {
    const next = rng.weighted(candidates, (o) => (chosen.includes(o) ? 0 : Math.sqrt(o.staff_headcount + o.volunteer_headcount)));
    chosen.push(next);
  }
  const seats = chosen.map(() => rng.int(2, Math.max(2, Math.floor(session.capacity / 5))));
  // The allocations leave at least two seats in the shared pool.
  const room = Math.max(0, session.capacity - 2);
  while (seats.reduce((a, b) => a + b, 0) > room) {
    const largest = seats.indexOf(Math.max(...seats));
    seats[largest] -= 1;
  }
  return chosen.flatMap((o, i) => (seats[i] > 0
    ? [{ id: rng.uuid(), partnership_id: session.partnership_id, session_id: session.id, organisation_id: o.id, seats: seats[i] }]
    : []));
}

function sessionRow(tenancyId: string, course: DemoCourse, times: { startsAt: Date; endsAt: Date }, mode: DeliveryMode,
  venue: DemoVenue | null, capacity: number, status: TrainingSessionRow['status'], now: Date, rng: Rng): TrainingSessionRow {
  const scheduledAt = addMs(times.startsAt, -rng.int(30, 120) * DAY_MS);
  return {
    id: rng.uuid(),
    partnership_id: tenancyId,
    course_id: course.row.id,
    starts_at: times.startsAt,
    ends_at: times.endsAt,
    delivery_mode: mode,
    venue_id: mode === 'online' ? null : (venue?.row.id ?? null),
    capacity,
    booking_closes_at: addMs(times.startsAt, -DAY_MS),
    release_at: addMs(times.startsAt, -14 * DAY_MS),
    status,
    created_at: minDate(scheduledAt, addMs(now, -rng.int(1, 20) * DAY_MS)),
  };
}

function anchorSession(anchor: SessionAnchor, courses: readonly DemoCourse[], venues: readonly DemoVenue[],
  tenancy: Tenancy, rng: Rng, now: Date): DemoSession {
  const course = courses.find((c) => c.row.title === anchor.courseTitle);
  if (!course) throw new Error(`anchor session: no course "${anchor.courseTitle}" in ${tenancy.partnership.slug}`);
  let day = dayNumber(now) + anchor.daysFromNow;
  while (isNonWorkingDay(day)) day += 1;
  const venue = anchor.venue === undefined ? null : venues.find((v) => v.row.name === anchor.venue);
  if (venue === undefined || (anchor.mode !== 'online') !== (venue !== null)) {
    throw new Error(`anchor session for "${anchor.courseTitle}": venue "${anchor.venue}" does not fit mode ${anchor.mode}`);
  }
  const times = timesFor(course, day, rng, false, now, { hour: anchor.startHour, minute: anchor.startMinute });
  const row = sessionRow(tenancy.partnership.id, course, times, anchor.mode, venue, anchor.capacity, 'scheduled', now, rng);
  const allocations = (anchor.allocations ?? []).map((a) => ({
    id: rng.uuid(),
    partnership_id: tenancy.partnership.id,
    session_id: row.id,
    organisation_id: organisationOf(tenancy, a.code).id,
    seats: a.seats,
  }));
  return {
    row,
    course,
    allocations,
    fixedBookings: anchor.bookings,
    full: anchor.bookings > anchor.capacity,
    excludeOrganisationIds: new Set((anchor.excludeBookersFrom ?? []).map((code) => organisationOf(tenancy, code).id)),
  };
}

/**
 * `count` sessions (at least the anchors) from a year ago to a year ahead: past ones completed
 * (a few cancelled), future ones scheduled (a few cancelled), joint ones often with seats
 * allocated to partner organisations.
 */
export function buildSessions(spec: PartnershipSpec, tenancy: Tenancy, courses: readonly DemoCourse[],
  venues: readonly DemoVenue[], rng: Rng, now: Date, count: number): DemoSession[] {
  const sessions = spec.anchors.map((a) => anchorSession(a, courses, venues, tenancy, rng, now));
  const weightOf = (c: DemoCourse) => METHOD_WEIGHT[c.row.method] * VISIBILITY_WEIGHT[c.row.visibility];
  const schedulable = courses.some((c) => weightOf(c) > 0);
  const today = dayNumber(now);
  const runs = new Map<string, Array<{ startsAt: Date; endsAt: Date }>>();
  const remember = (courseId: string, times: { startsAt: Date; endsAt: Date }) => runs.set(courseId, [...(runs.get(courseId) ?? []), times]);
  for (const anchor of sessions) remember(anchor.row.course_id, { startsAt: anchor.row.starts_at, endsAt: anchor.row.ends_at });
  while (sessions.length < count) {
    const course = schedulable ? rng.weighted(courses, weightOf) : rng.pick(courses);
    const future = rng.chance(0.58);
    const times = timesFor(course, randomDay(today, rng, future), rng, !future, now);
    // Drawn again: nothing over Christmas or New Year, and no course twice at the same time.
    if (touchesHoliday(times) || overlapsAnother(runs, course.row.id, times)) continue;
    remember(course.row.id, times);
    const mode = deliveryModeFor(course.row.method, rng);
    const venue = mode === 'online' || venues.length === 0 ? null : chooseVenue(course, venues, rng);
    const actualMode = venue === null ? 'online' : mode;
    const status = future ? (rng.chance(0.02) ? 'cancelled' : 'scheduled') : (rng.chance(0.03) ? 'cancelled' : 'completed');
    const row = sessionRow(tenancy.partnership.id, course, times, actualMode, venue, capacityFor(course.row.method, rng),
      status, now, rng);
    const allocations = course.row.is_joint && course.row.visibility !== 'organisation' && rng.chance(0.55)
      ? allocationsFor(row, course, tenancy.organisations, rng)
      : [];
    sessions.push({
      row,
      course,
      allocations,
      fixedBookings: null,
      full: future && status === 'scheduled' && rng.chance(0.06),
      excludeOrganisationIds: new Set(),
    });
  }
  return sessions;
}
