import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeAllocation, makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { releaseDueSessions } from '../../server/src/modules/bookings/release-seats.service';
import { BookingService } from '../../server/src/modules/bookings/booking.service';
import type { claimSeat } from '../../server/src/modules/bookings/seat-claims';
import { makeSignedInPeople } from '../support/people-fixtures';

/**
 * The rush: 200 people booking the last 20 seats at once, over HTTP, several trials. Exactly
 * 20 get a seat, the rest wait; a key repeated 20 times books once; concurrent cancellations
 * promote each waiting person once; after a release time the people waiting get the returned
 * seats before newcomers, with the release job running at the same time. The product's booking
 * with a naive "read, then write" seat claim in place of its conditional UPDATE is run the same way to show that the test can fail.
 */
const TRIALS = 3;
const PEOPLE = 200;
const SEATS = 20;

let portal: RunningPortal;
let partnershipId: string;
let provider: string;
let courses = 0;
let people: Array<{ personId: string; token: string }>;

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code message } } }`;
const CANCEL = `mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id status } userErrors { code } } }`;
type BookData = { bookSession: { booking: { id: string; status: string } | null; userErrors: Array<{ code: string; message: string }> } };

beforeAll(async () => {
  portal = await startPortal({ template: 'empty', config: { dbPoolSize: 20 } });
  const p = await makePartnership(portal.dataSource, 'rush');
  partnershipId = p.id;
  provider = await makeOrganisation(portal.dataSource, p.id, { shortCode: 'RUSH' });
  people = await makeSignedInPeople(portal.dataSource, p.id, PEOPLE);
}, 120_000);

/** Each rush books the same people: each on a course of its own, as one person holds one place per course. */
async function newCourse(): Promise<string> {
  courses += 1;
  return makeCourse(portal.dataSource, partnershipId, provider, { title: `Basic Life Support ${courses}`, audience: 'both' });
}

afterAll(async () => {
  await portal?.stop();
});

async function seatCounts(sessionId: string) {
  const [row] = await portal.dataSource.query(
    `SELECT s.seats_taken, s.capacity,
       (SELECT count(*) FROM booking b WHERE b.session_id = s.id AND b.status IN ('confirmed', 'requested'))::int AS holding,
       (SELECT count(*) FROM booking b WHERE b.session_id = s.id AND b.status = 'waitlisted')::int AS waiting
     FROM training_session s WHERE s.id = $1`, [sessionId]);
  return row as { seats_taken: number; capacity: number; holding: number; waiting: number };
}

describe('200 people, 20 seats', () => {
  it('gives exactly 20 seats and waitlists the rest, every trial', async () => {
    const lines: string[] = [];
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const sessionId = await makeSession(portal.dataSource, partnershipId, await newCourse(), { startsInDays: 30 + trial, capacity: SEATS });
      const started = performance.now();
      const responses = await Promise.all(people.map((person) =>
        portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: person.token })));
      const ms = performance.now() - started;
      expect(responses.filter((r) => r.status !== 200 || r.errors)).toEqual([]);
      const statuses = responses.map((r) => r.data!.bookSession.booking?.status);
      const confirmed = statuses.filter((s) => s === 'CONFIRMED').length;
      const waitlisted = statuses.filter((s) => s === 'WAITLISTED').length;
      const counts = await seatCounts(sessionId);
      lines.push(`trial ${trial}: ${confirmed} confirmed, ${waitlisted} waitlisted, ${Math.max(0, counts.holding - SEATS)} overbooked, ${Math.round(ms)} ms`);
      expect(confirmed).toBe(SEATS);
      expect(waitlisted).toBe(PEOPLE - SEATS);
      expect(counts).toEqual({ seats_taken: SEATS, capacity: SEATS, holding: SEATS, waiting: PEOPLE - SEATS });
    }
    console.log(`booking rush (${PEOPLE} people, ${SEATS} seats):\n${lines.join('\n')}`);
  }, 180_000);

  it('books once for 20 concurrent requests with one idempotency key', async () => {
    const sessionId = await makeSession(portal.dataSource, partnershipId, await newCourse(), { startsInDays: 50, capacity: SEATS });
    const [person] = people;
    const responses = await Promise.all(Array.from({ length: 20 }, () =>
      portal.graphql<BookData>(BOOK, { input: { sessionId, idempotencyKey: 'rush-key-1' } }, { token: person.token })));
    const ids = new Set(responses.map((r) => r.data!.bookSession.booking?.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeTruthy();
    const [{ count }] = await portal.dataSource.query('SELECT count(*)::int AS count FROM booking WHERE session_id = $1', [sessionId]);
    expect(count).toBe(1);
    expect((await seatCounts(sessionId)).seats_taken).toBe(1);
  });

  it('books once for 20 concurrent requests with one key and two sessions, and refuses the other session', async () => {
    const sessions = [await makeSession(portal.dataSource, partnershipId, await newCourse(), { startsInDays: 51, capacity: SEATS }),
      await makeSession(portal.dataSource, partnershipId, await newCourse(), { startsInDays: 52, capacity: SEATS })];
    const [, person] = people;
    const asked = Array.from({ length: 20 }, (_, i) => sessions[i % 2]);
    const responses = await Promise.all(asked.map((sessionId) =>
      portal.graphql<BookData>(BOOK, { input: { sessionId, idempotencyKey: 'rush-key-2' } }, { token: person.token })));
    expect(responses.filter((r) => r.status !== 200 || r.errors)).toEqual([]);
    const bookings = await portal.dataSource.query('SELECT id, session_id FROM booking WHERE session_id = ANY($1::uuid[])', [sessions]);
    expect(bookings).toHaveLength(1);
    responses.forEach((r, i) => {
      if (asked[i] === bookings[0].session_id) expect(r.data!.bookSession).toMatchObject({ booking: { id: bookings[0].id }, userErrors: [] });
      else expect(r.data!.bookSession).toEqual({ booking: null, userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' })] });
    });
  });

  it('promotes each waiting person once when 10 people cancel at once', async () => {
    const sessionId = await makeSession(portal.dataSource, partnershipId, await newCourse(), { startsInDays: 60, capacity: SEATS });
    const booked: Array<{ token: string; id: string; status: string }> = [];
    for (const person of people.slice(0, 40)) {
      const response = await portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: person.token });
      booked.push({ token: person.token, ...response.data!.bookSession.booking! });
    }
    const confirmed = booked.filter((b) => b.status === 'CONFIRMED').slice(0, 10);
    await Promise.all(confirmed.map((b) => portal.graphql(CANCEL, { input: { bookingId: b.id } }, { token: b.token })));
    const counts = await seatCounts(sessionId);
    expect(counts).toEqual({ seats_taken: SEATS, capacity: SEATS, holding: SEATS, waiting: 10 });
    // The first ten who waited are the ones promoted.
    const firstWaiting = booked.filter((b) => b.status === 'WAITLISTED').slice(0, 10).map((b) => b.id).sort();
    const promoted = (await portal.dataSource.query(
      `SELECT id FROM booking WHERE session_id = $1 AND status = 'confirmed' AND id = ANY($2::uuid[])`, [sessionId, firstWaiting]))
      .map((r: { id: string }) => r.id).sort();
    expect(promoted).toEqual(firstWaiting);
  }, 60_000);
});

describe('the release time, before the job has run', () => {
  it('gives the returned seats to the 6 people waiting, not to 30 newcomers booking while the job runs', async () => {
    // 10 seats: 6 held for an organisation until the release time, a minute ago; the other 4 taken; 6 people waiting.
    const holder = await makeOrganisation(portal.dataSource, partnershipId, { shortCode: 'RUSHHOLD' });
    const sessionId = await makeSession(portal.dataSource, partnershipId, await newCourse(), { startsInDays: 40, releaseInDays: -1 / 1440, capacity: 10, seatsTaken: 4 });
    await makeAllocation(portal.dataSource, partnershipId, sessionId, holder, 6);
    const waiting = people.slice(0, 6);
    const waitingIds: string[] = (await portal.dataSource.query(
      `INSERT INTO booking (partnership_id, session_id, person_id, status, waitlisted_at, created_at, updated_at)
       SELECT $1, $2, id, 'waitlisted', now() - interval '1 day' + n * interval '1 minute', now(), now()
       FROM unnest($3::uuid[]) WITH ORDINALITY AS t(id, n) RETURNING id`, [partnershipId, sessionId, waiting.map((w) => w.personId)]))
      .map((r: { id: string }) => r.id);
    const newcomers = people.slice(6, 36);
    // The job's two runners start as the first booking is answered, while the others are still coming in.
    const booking = newcomers.map((person) => portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: person.token }));
    await Promise.race(booking);
    const [responses, runs] = await Promise.all([Promise.all(booking),
      Promise.all([releaseDueSessions(portal.dataSource, new Date(), portal.notices), releaseDueSessions(portal.dataSource, new Date(), portal.notices)])]);
    expect(responses.filter((r) => r.status !== 200 || r.errors)).toEqual([]);
    expect(responses.map((r) => r.data!.bookSession.booking?.status)).toEqual(newcomers.map(() => 'WAITLISTED'));
    const promoted = await portal.dataSource.query(`SELECT count(*)::int AS n FROM booking WHERE id = ANY($1::uuid[]) AND status = 'confirmed'`, [waitingIds]);
    expect(promoted[0].n).toBe(6);
    expect(await seatCounts(sessionId)).toEqual({ seats_taken: 10, capacity: 10, holding: 6, waiting: 30 });
    const releases = await portal.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sessions.seats_released' AND subject_id = $1`,
      [sessionId]);
    expect(releases[0].n).toBe(1);
    expect(runs[0] + runs[1]).toBe(0);
  }, 60_000);
});

describe('the naive way', () => {
  /**
   * The product's own booking (BookingService.book: the same transaction, checks, ledger, notice
   * and audit) with its seat claim swapped for "read the counter, then write it": the one step
   * that seat-claims.ts does as a conditional UPDATE. Run the same way, it overbooks.
   */
  const countThenWrite: typeof claimSeat = async (manager, sessionId) => {
    const [session] = await manager.query('SELECT seats_taken, capacity FROM training_session WHERE id = $1', [sessionId]);
    if (session.seats_taken >= session.capacity) return null;
    await manager.query('SELECT pg_sleep(0.002)'); // the application's own work between the two statements
    await manager.query('UPDATE training_session SET seats_taken = $2, pool_seats_taken = $2 WHERE id = $1', [sessionId, session.seats_taken + 1]);
    return { organisationId: null };
  };

  it('overbooks when the seat is claimed by reading first and writing after', async () => {
    const naive = new BookingService(portal.dataSource, portal.notices, { claimSeat: countThenWrite });
    const origin = { ipAddress: null, requestId: 'naive-rush' };
    let worst = 0;
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const sessionId = await makeSession(portal.dataSource, partnershipId, await newCourse(), { startsInDays: 70 + trial, capacity: SEATS });
      const results = await Promise.all(people.map((person) => naive.book(
        { personId: person.personId, partnershipId, organisationId: null, roles: [{ role: 'volunteer', organisationId: null }] },
        { sessionId }, origin, new Date())));
      expect(results.filter((r) => r.userErrors.length)).toEqual([]);
      const counts = await seatCounts(sessionId);
      // The counter kept within capacity (each write a lost update), while the places it let through did not.
      expect(counts.seats_taken).toBeLessThanOrEqual(SEATS);
      worst = Math.max(worst, counts.holding - SEATS);
    }
    console.log(`naive read-then-write seat claim: up to ${worst} overbooked of ${SEATS} seats`);
    expect(worst).toBeGreaterThan(0);
  }, 120_000);
});
