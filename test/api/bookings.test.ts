import { startPortal, type RunningPortal } from '../support/start-portal';
import { releaseDueSessions } from '../../server/src/modules/bookings/release-seats.service';
import { makeAllocation, makeCourse, makeSession } from '../support/catalogue-fixtures';

/** Booking and cancelling on the demo data: who may book whom, where the seat comes from, and every refusal. */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) {
  booking { id status waitlistPosition person { email } seatFrom { shortCode } cost { pence } bookedBy { email } session { id seatsLeft } }
  userErrors { field message code } } }`;
const CANCEL = `mutation($input: CancelBookingInput!) { cancelBooking(input: $input) {
  booking { id status cancelledLate } userErrors { field message code } } }`;
interface UserErrorShape { field: string[]; message: string; code: string }
type BookData = { bookSession: { booking: { id: string; status: string; waitlistPosition: number | null; person: { email: string };
  seatFrom: { shortCode: string } | null; cost: { pence: number }; bookedBy: { email: string } | null; session: { id: string; seatsLeft: number } } | null;
  userErrors: UserErrorShape[] } };
type CancelData = { cancelBooking: { booking: { id: string; status: string; cancelledLate: boolean } | null; userErrors: UserErrorShape[] } };

const book = (who: string, input: Record<string, unknown>) => portal.graphql<BookData>(BOOK, { input }, { token: tokens[who] });
const cancel = (who: string, input: Record<string, unknown>) => portal.graphql<CancelData>(CANCEL, { input }, { token: tokens[who] });
const bookings = async () => Number((await portal.dataSource.query('SELECT count(*) FROM booking'))[0].count);

async function sessionWhere(condition: string, params: unknown[] = []): Promise<string> {
  const [row] = await portal.dataSource.query(
    `SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id JOIN partnership p ON p.id = s.partnership_id
     WHERE s.status = 'scheduled' AND s.booking_closes_at > now() AND ${condition} ORDER BY s.starts_at LIMIT 1`, params);
  if (!row) throw new Error(`no session where ${condition}`);
  return row.id;
}

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  // As the release job does on a running portal within a minute of start: a booking of a session past its
  // release time that the job has not yet released releases it first (seat-release.test.ts), a few statements more.
  await releaseDueSessions(portal.dataSource, new Date(), portal.notices);
  for (const who of ['volunteer', 'learner', 'manager', 'lead', 'admin']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  ids.volunteerSession = await sessionWhere(`p.slug = 'greater-peterborough' AND c.visibility = 'public' AND c.audience IN ('volunteers', 'both')
    AND c.cost_per_place_pence = 0 AND s.capacity - s.seats_taken > 5 AND c.eligible_sectors = '{}'`);
  ids.staffOnly = await sessionWhere(`p.slug = 'greater-peterborough' AND c.audience = 'staff' AND c.visibility = 'public' AND c.eligible_sectors = '{}'`);
  ids.otherTenant = await sessionWhere(`p.slug = 'fenland-care-partnership'`);
  // The sessions the demo people book here are the test's own, on courses of their own, so no demo place clashes with them.
  const db = portal.dataSource;
  const [{ id: gp }] = await db.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
  const [trust, council] = await Promise.all(['PSHNHSFT', 'PCC'].map(async (code) =>
    (await db.query('SELECT id FROM organisation WHERE partnership_id = $1 AND short_code = $2', [gp, code]))[0].id as string));
  ids.staffSession = await makeSession(db, gp, await makeCourse(db, gp, trust, { title: 'Bookings test: staff course', audience: 'staff' }),
    { startsInDays: 31, capacity: 20 });
  // A joint session where the council holds 5 of 20 seats.
  ids.joint = await makeSession(db, gp, await makeCourse(db, gp, trust, { title: 'Bookings test: joint course', audience: 'both' }),
    { startsInDays: 30, capacity: 20 });
  await makeAllocation(db, gp, ids.joint, council, 5);
  const [other] = await portal.dataSource.query(`SELECT p.id FROM person p JOIN organisation o ON o.id = p.organisation_id
    WHERE o.short_code = 'PSHNHSFT' AND p.kind = 'staff' LIMIT 1`);
  ids.otherOrgPerson = other.id;
  const [learner] = await portal.dataSource.query(`SELECT id FROM person WHERE email = 'learner@demo.portal'`);
  ids.learner = learner.id;
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

describe('booking', () => {
  it('books a volunteer onto an open session and counts the seat', async () => {
    const before = await portal.graphql<{ session: { seatsLeft: number } }>('query($id: ID!) { session(id: $id) { seatsLeft } }', { id: ids.volunteerSession });
    const response = await book('volunteer', { sessionId: ids.volunteerSession });
    expect(response.data!.bookSession.userErrors).toEqual([]);
    // One transaction of a fixed shape plus the payload's loaders: no statement per seat or per waiting person, and the
    // booking, once read, is handed to the ledger and the notice rather than read again (16 when each read it by id).
    console.log(`SQL statements for one booking (with the payload's fields): ${response.extensions!.sqlStatements}`);
    expect(response.extensions!.sqlStatements).toBeLessThanOrEqual(13);
    const booking = response.data!.bookSession.booking!;
    expect(booking).toMatchObject({ status: 'CONFIRMED', person: { email: 'volunteer@demo.portal' }, seatFrom: null, bookedBy: null });
    expect(booking.session.seatsLeft).toBe(before.data!.session.seatsLeft - 1);
    const mine = await portal.graphql<{ myBookings: { edges: Array<{ node: { id: string } }> } }>(
      'query($after: String) { myBookings(first: 5, after: $after) { edges { node { id } } } }', { after: null }, { token: tokens.volunteer });
    expect(mine.data!.myBookings.edges.map((e) => e.node.id)).toContain(booking.id);
  });

  it('refuses a second booking of the same person, and answers a replayed key with the first booking', async () => {
    const again = await book('volunteer', { sessionId: ids.volunteerSession });
    expect(again.data!.bookSession.userErrors[0]).toMatchObject({ field: ['input', 'sessionId'], code: 'ALREADY_BOOKED' });
    const first = await book('learner', { sessionId: ids.joint, idempotencyKey: 'learner-joint-1' });
    const replay = await book('learner', { sessionId: ids.joint, idempotencyKey: 'learner-joint-1' });
    expect(replay.data!.bookSession.booking!.id).toBe(first.data!.bookSession.booking!.id);
    expect(first.data!.bookSession.booking!.seatFrom).toEqual({ shortCode: 'PCC' });
    await cancel('learner', { bookingId: first.data!.bookSession.booking!.id });
  });

  it('refuses a key reused for another session or another person, books nothing, and still answers the first request', async () => {
    const first = await book('lead', { sessionId: ids.joint, personId: ids.learner, idempotencyKey: 'lead-key-1' });
    expect(first.data!.bookSession.userErrors).toEqual([]);
    const before = await bookings();
    const otherSession = await book('lead', { sessionId: ids.volunteerSession, personId: ids.learner, idempotencyKey: 'lead-key-1' });
    const otherPerson = await book('lead', { sessionId: ids.joint, idempotencyKey: 'lead-key-1' });
    for (const response of [otherSession, otherPerson]) {
      expect(response.data!.bookSession).toEqual({ booking: null, userErrors: [{ field: ['input', 'idempotencyKey'],
        message: expect.stringMatching(/already used for another request/), code: 'IDEMPOTENCY_KEY_REUSED' }] });
    }
    expect(await bookings()).toBe(before);
    // The same request again (the person written out or left to the default alike) is still answered with the first booking.
    const replay = await book('lead', { sessionId: ids.joint, personId: ids.learner, idempotencyKey: 'lead-key-1' });
    expect(replay.data!.bookSession.booking!.id).toBe(first.data!.bookSession.booking!.id);
    // Another person's same key is their own request: it books them and shows nothing of the lead's booking.
    const byLearner = await book('learner', { sessionId: ids.staffSession, idempotencyKey: 'lead-key-1' });
    expect(byLearner.data!.bookSession.userErrors).toEqual([]);
    expect(byLearner.data!.bookSession.booking).toMatchObject({ person: { email: 'learner@demo.portal' }, session: { id: ids.staffSession } });
    await cancel('learner', { bookingId: byLearner.data!.bookSession.booking!.id });
    await cancel('lead', { bookingId: first.data!.bookSession.booking!.id });
  });

  it('answers a key stored before keys were bound to their requests as before, whatever the repeat asks', async () => {
    const first = await book('learner', { sessionId: ids.staffSession, idempotencyKey: 'learner-legacy-1' });
    await portal.dataSource.query(`UPDATE idempotency_key SET request_hash = NULL WHERE key = 'learner-legacy-1'`);
    const repeat = await book('learner', { sessionId: ids.joint, idempotencyKey: 'learner-legacy-1' });
    expect(repeat.data!.bookSession).toMatchObject({ booking: { id: first.data!.bookSession.booking!.id }, userErrors: [] });
    await cancel('learner', { bookingId: first.data!.bookSession.booking!.id });
  });

  it('lets an L&D lead book their own staff from the organisation\'s allocation, and no one else\'s', async () => {
    const response = await book('lead', { sessionId: ids.joint, personId: ids.learner });
    expect(response.data!.bookSession.userErrors).toEqual([]);
    expect(response.data!.bookSession.booking).toMatchObject({ person: { email: 'learner@demo.portal' }, seatFrom: { shortCode: 'PCC' },
      bookedBy: { email: 'lead@demo.portal' } });
    // The lead's seats left: the pool's free seats plus the council's 4 unused of 5.
    const [counts] = await portal.dataSource.query('SELECT capacity - allocated_seats - pool_seats_taken AS pool FROM training_session WHERE id = $1', [ids.joint]);
    const asLead = await portal.graphql<{ session: { seatsLeft: number } }>('query($id: ID!) { session(id: $id) { seatsLeft } }', { id: ids.joint }, { token: tokens.lead });
    expect(asLead.data!.session.seatsLeft).toBe(Math.max(0, counts.pool) + 4);
    const other = await book('lead', { sessionId: ids.joint, personId: ids.otherOrgPerson });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asLearner = await book('learner', { sessionId: ids.joint, personId: ids.otherOrgPerson });
    expect(asLearner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await cancel('lead', { bookingId: response.data!.bookSession.booking!.id });
  });

  it('refuses signed-out callers', async () => {
    const response = await portal.graphql(BOOK, { input: { sessionId: ids.volunteerSession } });
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['a malformed session id', { sessionId: 'nope' }, ['input', 'sessionId'], 'INVALID'],
    ['an unknown session', { sessionId: '00000000-0000-4000-8000-000000000000' }, ['input', 'sessionId'], 'NOT_FOUND'],
    ['another partnership\'s session', 'otherTenant', ['input', 'sessionId'], 'NOT_FOUND'],
    ['a staff-only course', 'staffOnly', ['input', 'sessionId'], 'WRONG_AUDIENCE'],
    ['an over-long idempotency key', { idempotencyKey: 'k'.repeat(201) }, ['input', 'idempotencyKey'], 'INVALID'],
    ['a key with spaces', { idempotencyKey: 'has spaces' }, ['input', 'idempotencyKey'], 'INVALID'],
  ])('refuses %s and writes nothing', async (_name, input, field, code) => {
    const before = await bookings();
    const resolved = typeof input === 'string' ? { sessionId: ids[input] } : { sessionId: ids.volunteerSession, ...input };
    const response = await book('volunteer', resolved);
    expect(response.data!.bookSession.booking).toBeNull();
    expect(response.data!.bookSession.userErrors[0]).toMatchObject({ field, code });
    expect(await bookings()).toBe(before);
  });

  it('refuses closed, cancelled and past sessions', async () => {
    const closed = await sessionWhere(`p.slug = 'greater-peterborough' AND c.visibility = 'public' AND c.audience <> 'staff' AND c.eligible_sectors = '{}'
      AND s.id <> $1`, [ids.volunteerSession]);
    await portal.dataSource.query(`UPDATE training_session SET booking_closes_at = now() - interval '1 minute' WHERE id = $1`, [closed]);
    expect((await book('volunteer', { sessionId: closed })).data!.bookSession.userErrors[0].code).toBe('BOOKING_CLOSED');
    await portal.dataSource.query(`UPDATE training_session SET status = 'cancelled' WHERE id = $1`, [closed]);
    expect((await book('volunteer', { sessionId: closed })).data!.bookSession.userErrors[0].code).toBe('SESSION_CANCELLED');
  });
});

describe('cancelling', () => {
  it('cancels your own booking once, and not other people\'s', async () => {
    const booked = await book('manager', { sessionId: ids.joint });
    const id = booked.data!.bookSession.booking!.id;
    const byOther = await cancel('volunteer', { bookingId: id });
    expect(byOther.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const first = await cancel('manager', { bookingId: id, reason: 'Clinic moved' });
    expect(first.data!.cancelBooking.booking).toMatchObject({ id, status: 'CANCELLED', cancelledLate: false });
    const again = await cancel('manager', { bookingId: id });
    expect(again.data!.cancelBooking.userErrors[0].code).toBe('ALREADY_CANCELLED');
    const [seat] = await portal.dataSource.query(`SELECT a.seats_taken FROM seat_allocation a JOIN organisation o ON o.id = a.organisation_id
      WHERE a.session_id = $1 AND o.short_code = 'PCC'`, [ids.joint]);
    expect(seat.seats_taken).toBe(0);
  });

  it('refuses a key reused for another booking or reason, cancels nothing, and still answers the first request', async () => {
    const one = (await book('manager', { sessionId: ids.joint })).data!.bookSession.booking!.id;
    const two = (await book('manager', { sessionId: ids.staffSession })).data!.bookSession.booking!.id;
    const first = await cancel('manager', { bookingId: one, reason: 'Clinic moved', idempotencyKey: 'manager-cancel-1' });
    expect(first.data!.cancelBooking.booking).toMatchObject({ id: one, status: 'CANCELLED' });
    const again = await cancel('manager', { bookingId: one, reason: 'Clinic moved', idempotencyKey: 'manager-cancel-1' });
    expect(again.data!.cancelBooking).toEqual({ booking: { id: one, status: 'CANCELLED', cancelledLate: false }, userErrors: [] });
    for (const input of [{ bookingId: two, reason: 'Clinic moved' }, { bookingId: one, reason: 'Another reason' }, { bookingId: one }]) {
      const reused = await cancel('manager', { ...input, idempotencyKey: 'manager-cancel-1' });
      expect(reused.data!.cancelBooking).toEqual({ booking: null,
        userErrors: [expect.objectContaining({ field: ['input', 'idempotencyKey'], code: 'IDEMPOTENCY_KEY_REUSED' })] });
    }
    // The manager's organisation asks for approval: the second booking is still the request it was.
    const [row] = await portal.dataSource.query('SELECT status FROM booking WHERE id = $1', [two]);
    expect(row.status).toBe('requested');
    await cancel('manager', { bookingId: two });
  });

  it('refuses unknown and other partnerships\' bookings alike', async () => {
    const [other] = await portal.dataSource.query(`SELECT b.id FROM booking b JOIN partnership p ON p.id = b.partnership_id
      WHERE p.slug = 'fenland-care-partnership' LIMIT 1`);
    for (const bookingId of [other.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await cancel('admin', { bookingId });
      expect(response.data!.cancelBooking.userErrors[0]).toMatchObject({ field: ['input', 'bookingId'], code: 'NOT_FOUND' });
    }
  });
});
