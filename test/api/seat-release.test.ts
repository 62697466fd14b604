import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeSignedInPeople } from '../support/people-fixtures';
import { makeAllocation, makeCourse, makeSession } from '../support/catalogue-fixtures';
import { idOf, organisationId } from '../support/admin-fixtures';
import { releaseDueSessions } from '../../server/src/modules/bookings/release-seats.service';

/**
 * Journey 2 on the demo's people and organisations and the test's own sessions, with a clock the test moves: the council's L&D lead sees the
 * council holds 5 of 20 seats on a joint session, books 3 named
 * staff, waitlists 2 on the next session; the rest of the session fills and others wait.
 * Fourteen days before the session the 2 unused council seats return to the pool and go to the
 * first two people waiting. The release runs once, however many runners run it at once.
 */
let portal: RunningPortal;
let clock: Date | null = null;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const orgs: Record<string, string> = {};
let councilStaff: string[];
let waiting: Array<{ personId: string; token: string; bookingId?: string }>;
let releaseAt: Date;

const SESSION = `query($id: ID!) { session(id: $id) { capacity seatsLeft releaseAt
  allocations { organisation { shortCode } seats seatsTaken seatsLeft }
  myOrganisationAllocation { organisation { shortCode } seats seatsTaken seatsLeft } } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) {
  booking { id status waitlistPosition seatFrom { shortCode } cost { pence } bookedBy { email } person { id } } userErrors { code message } } }`;
interface Allocation { organisation: { shortCode: string }; seats: number; seatsTaken: number; seatsLeft: number }
type SessionData = { session: { capacity: number; seatsLeft: number; releaseAt: string; allocations: Allocation[]; myOrganisationAllocation: Allocation | null } };
type Booking = { id: string; status: string; waitlistPosition: number | null; seatFrom: { shortCode: string } | null; cost: { pence: number };
  bookedBy: { email: string } | null; person: { id: string } };
type BookData = { bookSession: { booking: Booking | null; userErrors: Array<{ code: string; message: string }> } };

async function book(token: string, input: Record<string, unknown>): Promise<Booking> {
  const response = await portal.graphql<BookData>(BOOK, { input }, { token });
  const booking = response.data?.bookSession.booking;
  if (!booking) throw new Error(`booking refused: ${JSON.stringify(response.data ?? response.errors)}`);
  return booking;
}

const session = async (id: string) => (await portal.graphql<SessionData>(SESSION, { id }, { token: tokens.lead })).data!.session;

async function counters(sessionId: string) {
  const [row] = await portal.dataSource.query(
    `SELECT s.capacity, s.seats_taken, s.pool_seats_taken, s.released_at,
       (SELECT count(*) FROM booking b WHERE b.session_id = s.id AND b.status IN ('requested', 'confirmed'))::int AS holding,
       (SELECT count(*) FROM booking b WHERE b.session_id = s.id AND b.status IN ('requested', 'confirmed') AND b.seat_organisation_id IS NULL)::int AS holding_pool,
       (SELECT count(*) FROM booking b WHERE b.session_id = s.id AND b.status = 'waitlisted')::int AS waiting,
       (SELECT count(*) FROM seat_allocation a WHERE a.session_id = s.id AND a.seats_taken <> (SELECT count(*) FROM booking b
         WHERE b.session_id = s.id AND b.seat_organisation_id = a.organisation_id AND b.status IN ('requested', 'confirmed')))::int AS allocations_off
     FROM training_session s WHERE s.id = $1`, [sessionId]);
  return row as { capacity: number; seats_taken: number; pool_seats_taken: number; released_at: Date | null; holding: number;
    holding_pool: number; waiting: number; allocations_off: number };
}

const dueAt = async (at: Date) => Number((await portal.dataSource.query(
  `SELECT count(*) FROM training_session WHERE status = 'scheduled' AND released_at IS NULL AND release_at <= $1`, [at]))[0].count);

beforeAll(async () => {
  // Sign-ins must outlive the clock's jump to the release time, in all and idle.
  const days60 = { sessionTtlHours: 24 * 60, privilegedSessionTtlHours: 24 * 60, sessionIdleMinutes: 60 * 24 * 60, privilegedSessionIdleMinutes: 60 * 24 * 60 };
  portal = await startPortal({ template: 'demo', clock: () => clock ?? new Date(), config: days60 });
  for (const who of ['lead', 'admin']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  for (const code of ['PCC', 'PSHNHSFT', 'GPPCP', 'CPMHPNHST']) orgs[code] = await organisationId(portal, code);
  // The test's own joint session (the council holds 5 of its 20 seats, released 14 days before the start) and the
  // course's next session, full with two people waiting.
  const db = portal.dataSource;
  const [{ partnership_id: gp }] = await db.query('SELECT partnership_id FROM organisation WHERE id = $1', [orgs.PCC]);
  const course = await makeCourse(db, gp, orgs.PSHNHSFT, { title: 'Seat release test: joint course', audience: 'both', costPence: 4000 });
  ids.joint = await makeSession(db, gp, course, { startsInDays: 30, capacity: 20 });
  await makeAllocation(db, gp, ids.joint, orgs.PCC, 5);
  ids.next = await makeSession(db, gp, course, { startsInDays: 37, capacity: 20 });
  for (const [i, person] of (await makeSignedInPeople(db, gp, 22, { organisationId: orgs.CPMHPNHST })).entries()) {
    expect((await book(person.token, { sessionId: ids.next })).status).toBe(i < 20 ? 'CONFIRMED' : 'WAITLISTED');
  }
  councilStaff = (await portal.dataSource.query(`SELECT p.id FROM person p WHERE p.organisation_id = $1 AND p.kind = 'staff' AND p.disabled_at IS NULL
    AND p.email NOT LIKE '%@demo.portal' AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.person_id = p.id AND b.session_id = ANY($2::uuid[]))
    ORDER BY p.email LIMIT 5`, [orgs.PCC, [ids.joint, ids.next]])).map((r: { id: string }) => r.id);
  releaseAt = (await portal.dataSource.query('SELECT release_at FROM training_session WHERE id = $1', [ids.joint]))[0].release_at;
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

describe('journey 2: the council\'s seats on a joint session', () => {
  it('shows the lead that the council holds 5 of the 20 seats, released 14 days before the start', async () => {
    const joint = await session(ids.joint);
    expect(joint.capacity).toBe(20);
    expect(joint.myOrganisationAllocation).toEqual({ organisation: { shortCode: 'PCC' }, seats: 5, seatsTaken: 0, seatsLeft: 5 });
    expect(joint.allocations).toContainEqual({ organisation: { shortCode: 'PCC' }, seats: 5, seatsTaken: 0, seatsLeft: 5 });
    const [{ starts_at: startsAt }] = await portal.dataSource.query('SELECT starts_at FROM training_session WHERE id = $1', [ids.joint]);
    expect(startsAt.getTime() - releaseAt.getTime()).toBe(14 * 86_400_000);
    expect(releaseAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('books 3 named staff from the council\'s allocation, on their behalf, and waitlists 2 on the next session', async () => {
    const booked = [];
    for (const personId of councilStaff.slice(0, 3)) booked.push(await book(tokens.lead, { sessionId: ids.joint, personId }));
    expect(booked.map((b) => [b.status, b.seatFrom?.shortCode, b.cost.pence, b.bookedBy?.email])).toEqual(
      Array.from({ length: 3 }, () => ['CONFIRMED', 'PCC', 4000, 'lead@demo.portal']));
    expect((await session(ids.joint)).myOrganisationAllocation).toMatchObject({ seats: 5, seatsTaken: 3, seatsLeft: 2 });

    const waitlisted = [];
    for (const personId of councilStaff.slice(3)) waitlisted.push(await book(tokens.lead, { sessionId: ids.next, personId }));
    expect(waitlisted.map((b) => [b.status, b.waitlistPosition, b.cost.pence])).toEqual([['WAITLISTED', 3, 0], ['WAITLISTED', 4, 0]]);
  });

  it('shows the lead the council\'s bookings and what they commit', async () => {
    const response = await portal.graphql<{ organisationBookings: { totalCount: number; edges: Array<{ node: { person: { id: string };
      status: string; cost: { pence: number }; organisation: { shortCode: string } } }> } }>(
      `query($o: ID!, $s: ID!) { organisationBookings(organisationId: $o, filter: { sessionId: $s }) {
        totalCount edges { node { status person { id } cost { pence } organisation { shortCode } } } } }`,
      { o: orgs.PCC, s: ids.joint }, { token: tokens.lead });
    const nodes = response.data!.organisationBookings.edges.map((e) => e.node);
    expect(nodes.map((n) => n.person.id).sort()).toEqual(councilStaff.slice(0, 3).sort());
    expect(nodes.reduce((sum, n) => sum + n.cost.pence, 0)).toBe(3 * 4000);
    expect(nodes.every((n) => n.organisation.shortCode === 'PCC' && n.status === 'CONFIRMED')).toBe(true);
  });

  it('fills every other seat, so the next people wait', async () => {
    const free: Array<{ organisation_id: string; free: number }> = await portal.dataSource.query(
      `SELECT organisation_id, seats - seats_taken AS free FROM seat_allocation WHERE session_id = $1 AND organisation_id <> $2`, [ids.joint, orgs.PCC]);
    const [{ pool }] = await portal.dataSource.query('SELECT capacity - allocated_seats - pool_seats_taken AS pool FROM training_session WHERE id = $1', [ids.joint]);
    for (const { organisation_id: organisation, free: seats } of [...free, { organisation_id: orgs.CPMHPNHST, free: pool }]) {
      for (const person of await makeSignedInPeople(portal.dataSource, (await portal.dataSource.query('SELECT partnership_id FROM organisation WHERE id = $1',
        [organisation]))[0].partnership_id, seats, { organisationId: organisation })) {
        expect((await book(person.token, { sessionId: ids.joint })).status).toBe('CONFIRMED');
      }
    }
    // Three people of an organisation with no allocation wait, a minute apart.
    const partnershipId = (await portal.dataSource.query('SELECT partnership_id FROM training_session WHERE id = $1', [ids.joint]))[0].partnership_id;
    waiting = await makeSignedInPeople(portal.dataSource, partnershipId, 3, { organisationId: orgs.CPMHPNHST });
    await portal.dataSource.query(`UPDATE auth_session SET expires_at = now() + interval '60 days' WHERE person_id = ANY($1::uuid[])`,
      [waiting.map((w) => w.personId)]);
    for (const [i, person] of waiting.entries()) {
      clock = new Date(Date.now() + i * 60_000);
      const booking = await book(person.token, { sessionId: ids.joint });
      expect([booking.status, booking.waitlistPosition]).toEqual(['WAITLISTED', i + 1]);
      person.bookingId = booking.id;
    }
    clock = null;
    expect(await counters(ids.joint)).toMatchObject({ capacity: 20, seats_taken: 18, holding: 18, waiting: 3, allocations_off: 0 });
    const forLearner = await portal.graphql<{ session: { seatsLeft: number } }>('query($id: ID!) { session(id: $id) { seatsLeft } }',
      { id: ids.joint }, { token: waiting[0].token });
    expect(forLearner.data!.session.seatsLeft).toBe(0);
    expect((await session(ids.joint)).seatsLeft).toBe(2);
  });

  it('at the release time gives the 2 unused council seats to the first two people waiting, once, however many runners run', async () => {
    const due = await dueAt(releaseAt);
    expect(due).toBeGreaterThanOrEqual(1);
    const before = await counters(ids.joint);
    expect(before.pool_seats_taken).toBe(before.holding_pool);

    const runs = await Promise.all([releaseDueSessions(portal.dataSource, releaseAt, portal.notices), releaseDueSessions(portal.dataSource, releaseAt, portal.notices)]);
    expect(runs[0] + runs[1]).toBe(due);
    expect(await dueAt(releaseAt)).toBe(0);

    const after = await counters(ids.joint);
    expect(after).toMatchObject({ capacity: 20, seats_taken: 20, holding: 20, waiting: 1, allocations_off: 0,
      pool_seats_taken: before.pool_seats_taken + 2, holding_pool: before.pool_seats_taken + 2 });
    expect(after.released_at!.getTime()).toBe(releaseAt.getTime());
    const rows: Array<{ id: string; status: string; seat_organisation_id: string | null }> = await portal.dataSource.query(
      'SELECT id, status, seat_organisation_id FROM booking WHERE id = ANY($1::uuid[])', [waiting.map((w) => w.bookingId)]);
    const row = (i: number) => rows.find((r) => r.id === waiting[i].bookingId)!;
    expect([row(0), row(1), row(2)].map((r) => [r.status, r.seat_organisation_id])).toEqual([['confirmed', null], ['confirmed', null], ['waitlisted', null]]);

    const audits = await portal.dataSource.query(`SELECT details, actor_person_id FROM audit_log WHERE action = 'sessions.seats_released' AND subject_id = $1`,
      [ids.joint]);
    expect(audits).toHaveLength(1);
    expect(audits[0].actor_person_id).toBeNull();
    expect(audits[0].details).toEqual({
      releaseAt: releaseAt.toISOString(), seatsReturned: 2, byOrganisation: [{ organisationId: orgs.PCC, seats: 2 }],
      promoted: [0, 1].map((i) => ({ bookingId: waiting[i].bookingId, personId: waiting[i].personId, status: 'confirmed' })),
    });
    const promotions = await portal.dataSource.query(`SELECT subject_id FROM audit_log WHERE action = 'bookings.promoted' AND subject_id = ANY($1::text[]) ORDER BY id`,
      [waiting.map((w) => w.bookingId)]);
    expect(promotions.map((p: { subject_id: string }) => p.subject_id)).toEqual([waiting[0].bookingId, waiting[1].bookingId]);
    const twice = await portal.dataSource.query(`SELECT subject_id FROM audit_log WHERE action = 'sessions.seats_released'
      GROUP BY subject_id HAVING count(*) > 1`);
    expect(twice).toEqual([]);
    const released = Number((await portal.dataSource.query(`SELECT count(*) FROM audit_log WHERE action = 'sessions.seats_released'`))[0].count);
    expect(released).toBe(due);
  });

  it('then shows the council\'s seats as the pool\'s, and the third person first in line', async () => {
    clock = releaseAt;
    try {
      const joint = await session(ids.joint);
      expect(joint.seatsLeft).toBe(0);
      expect(joint.myOrganisationAllocation).toEqual({ organisation: { shortCode: 'PCC' }, seats: 5, seatsTaken: 3, seatsLeft: 0 });
      const mine = await portal.graphql<{ myBookings: { edges: Array<{ node: { id: string; status: string; waitlistPosition: number | null } }> } }>(
        '{ myBookings(first: 5) { edges { node { id status waitlistPosition } } } }', undefined, { token: waiting[2].token });
      expect(mine.data!.myBookings.edges.map((e) => e.node)).toEqual([{ id: waiting[2].bookingId, status: 'WAITLISTED', waitlistPosition: 1 }]);
    } finally {
      clock = null;
    }
  });

  it('releases nothing more when run again', async () => {
    const before = await counters(ids.joint);
    expect(await releaseDueSessions(portal.dataSource, releaseAt, portal.notices)).toBe(0);
    const later = new Date(releaseAt.getTime() + 60_000);
    const dueLater = await dueAt(later);
    expect(await releaseDueSessions(portal.dataSource, later, portal.notices)).toBe(dueLater);
    expect(await counters(ids.joint)).toEqual(before);
    const audits = await portal.dataSource.query(`SELECT count(*)::int AS count FROM audit_log WHERE action = 'sessions.seats_released' AND subject_id = $1`,
      [ids.joint]);
    expect(audits[0].count).toBe(1);
  });
});

describe('booking after the release time, before the job has run', () => {
  it('releases the session first, so the people waiting get the returned seats ahead of a newcomer', async () => {
    const partnershipId = await idOf(portal, `SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
    const course = await makeCourse(portal.dataSource, partnershipId, orgs.PSHNHSFT, { title: 'Release Gap Course', audience: 'both' });
    // Three seats: two held for the council until the release time, in a quarter of an hour; one in the pool.
    const sessionId = await makeSession(portal.dataSource, partnershipId, course, { startsInDays: 20, releaseInDays: 0.01, capacity: 3 });
    await makeAllocation(portal.dataSource, partnershipId, sessionId, orgs.PCC, 2);
    const [first, second, third, newcomer] = await makeSignedInPeople(portal.dataSource, partnershipId, 4, { organisationId: orgs.GPPCP });
    expect((await book(first.token, { sessionId })).status).toBe('CONFIRMED');
    const waitingIds = [(await book(second.token, { sessionId })).id, (await book(third.token, { sessionId })).id];
    const [{ release_at: gapReleaseAt }] = await portal.dataSource.query('SELECT release_at FROM training_session WHERE id = $1', [sessionId]);

    clock = new Date(gapReleaseAt.getTime() + 30_000);
    try {
      const late = await book(newcomer.token, { sessionId });
      expect([late.status, late.waitlistPosition]).toEqual(['WAITLISTED', 1]);
    } finally {
      clock = null;
    }
    const rows: Array<{ id: string; status: string }> = await portal.dataSource.query('SELECT id, status FROM booking WHERE id = ANY($1::uuid[])', [waitingIds]);
    expect(rows.map((r) => r.status)).toEqual(['confirmed', 'confirmed']);
    expect(await counters(sessionId)).toMatchObject({ seats_taken: 3, pool_seats_taken: 3, holding: 3, waiting: 1, allocations_off: 0 });
    expect((await counters(sessionId)).released_at).not.toBeNull();
    const audits = await portal.dataSource.query(`SELECT details FROM audit_log WHERE action = 'sessions.seats_released' AND subject_id = $1`, [sessionId]);
    expect(audits.map((a: { details: { seatsReturned: number } }) => a.details.seatsReturned)).toEqual([2]);
    // The job, when it comes, finds nothing left to release.
    expect(await dueAt(new Date(gapReleaseAt.getTime() + 60_000))).toBe(0);
  });
});

describe('the release job', () => {
  it('skips a session another runner holds, and a later run releases it', async () => {
    const [{ release_at: nextRelease }] = await portal.dataSource.query('SELECT release_at FROM training_session WHERE id = $1', [ids.next]);
    const due = await dueAt(nextRelease);
    const holder = portal.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM training_session WHERE id = $1 FOR UPDATE', [ids.next]);
      expect(await releaseDueSessions(portal.dataSource, nextRelease, portal.notices)).toBe(due - 1);
      expect((await counters(ids.next)).released_at).toBeNull();
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await releaseDueSessions(portal.dataSource, nextRelease, portal.notices)).toBe(1);
    // The next session is full and has no allocations: nothing to return, its four people still wait.
    expect(await counters(ids.next)).toMatchObject({ seats_taken: 20, holding: 20, waiting: 4 });
    const [audit] = await portal.dataSource.query(`SELECT details FROM audit_log WHERE action = 'sessions.seats_released' AND subject_id = $1`, [ids.next]);
    expect(audit.details).toMatchObject({ seatsReturned: 0, byOrganisation: [], promoted: [] });
  });

  it('records the release of a session that has already begun, and leaves its waiting list alone', async () => {
    const partnershipId = await idOf(portal, `SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
    const course = await makeCourse(portal.dataSource, partnershipId, orgs.PSHNHSFT, { title: 'Release Test Course', audience: 'both' });
    const now = new Date();
    const sessionId = await makeSession(portal.dataSource, partnershipId, course, { startsInDays: -0.1, releaseInDays: -14, capacity: 2, now });
    const [person] = await makeSignedInPeople(portal.dataSource, partnershipId, 1, { organisationId: orgs.PSHNHSFT });
    await portal.dataSource.query(`INSERT INTO booking (partnership_id, session_id, person_id, organisation_id, status, waitlisted_at, created_at, updated_at)
      VALUES ($1, $2, $3, $4, 'waitlisted', $5, $5, $5)`, [partnershipId, sessionId, person.personId, orgs.PSHNHSFT, new Date(now.getTime() - 20 * 86_400_000)]);
    expect(await releaseDueSessions(portal.dataSource, now, portal.notices)).toBeGreaterThanOrEqual(1);
    expect(await counters(sessionId)).toMatchObject({ seats_taken: 0, waiting: 1 });
    expect((await counters(sessionId)).released_at).not.toBeNull();
  });
});
