import { startPortal, type GraphQLResponse, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { chargeSessionTo, makeStream, recordEntry, streamFigures, type RecordEntryData } from '../support/funding-fixtures';
import { expectLedgerInvariants } from '../support/ledger-invariants';

/**
 * Many commitments against one stream at once, over HTTP, several trials: hand-recorded
 * commitments by an administrator, places booked by different people, and bookings racing
 * cancellations on the same funded session. The stream is never committed past its budget,
 * exactly as many are accepted as the money pays for, every refusal is a userError (never a
 * GraphQL error or a 5xx, so no deadlock or serialisation failure escapes), and the running
 * totals equal the sums over the ledger afterwards.
 */
const TRIALS = 3;
/** The races that look for deadlocks: each trial already runs 55 or 21 requests at once. */
const RACE_TRIALS = 2;
const REQUESTS = 50;

let portal: RunningPortal;
let partnershipId: string;
let employerId: string;
let providerId: string;
let courses = 0;
let admin: { personId: string; token: string };
let people: Array<{ personId: string; token: string }>;
const timings: string[] = [];

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { field code } } }`;
const CANCEL = `mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id status } userErrors { field code } } }`;
type BookData = { bookSession: { booking: { id: string; status: string } | null; userErrors: Array<{ field: string[]; code: string }> } };
type CancelData = { cancelBooking: { booking: { id: string; status: string } | null; userErrors: Array<{ field: string[]; code: string }> } };

beforeAll(async () => {
  portal = await startPortal({ template: 'empty', config: { dbPoolSize: 20 } });
  const db = portal.dataSource;
  const p = await makePartnership(db, 'funding-rush');
  partnershipId = p.id;
  providerId = await makeOrganisation(db, p.id, { shortCode: 'FRPROV' });
  employerId = await makeOrganisation(db, p.id, { shortCode: 'FREMPL', sector: 'primary_care' });
  people = await makeSignedInPeople(db, p.id, REQUESTS, { organisationId: employerId });
  [admin] = await makeSignedInPeople(db, p.id, 1, { organisationId: employerId });
  await db.query(`INSERT INTO role_grant (partnership_id, person_id, role) VALUES ($1, $2, 'partnership_admin')`, [p.id, admin.personId]);
}, 120_000);

/** The same people book every trial: each trial on a course of its own, as one person holds one place per course. */
async function newCourse(): Promise<string> {
  courses += 1;
  return makeCourse(portal.dataSource, partnershipId, providerId, { title: `Funded Life Support ${courses}`, audience: 'both', costPence: 4000 });
}

afterEach(async () => {
  await expectLedgerInvariants(portal.dataSource);
});

afterAll(async () => {
  await portal?.stop();
  console.log(`funding concurrency (${REQUESTS} requests a trial):\n${timings.join('\n')}`);
});

/** No GraphQL error and no 5xx: every refusal must be a userError. */
function expectNoErrors(responses: Array<GraphQLResponse<unknown>>): void {
  expect(responses.filter((r) => r.status !== 200 || r.errors).map((r) => ({ status: r.status, errors: r.errors }))).toEqual([]);
}

async function sessionCounters(sessionId: string) {
  const [row] = await portal.dataSource.query(
    `SELECT s.seats_taken, (SELECT count(*) FROM booking b WHERE b.session_id = s.id AND b.status IN ('confirmed', 'requested'))::int AS holding,
       (SELECT count(*) FROM booking b WHERE b.session_id = s.id)::int AS bookings
     FROM training_session s WHERE s.id = $1`, [sessionId]);
  return row as { seats_taken: number; holding: number; bookings: number };
}

describe('a £1,000 stream and 50 concurrent £30 commitments', () => {
  it('accepts exactly 33, refuses 17 as OVER_BUDGET, every trial', async () => {
    const budget = 100_000;
    const cost = 3_000;
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const streamId = await makeStream(portal.dataSource, { partnershipId, managingOrganisationId: employerId, budgetPence: budget });
      const started = performance.now();
      const responses = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => recordEntry(portal, admin.token,
        { streamId, kind: 'COMMITMENT', amount: '30.00', reason: `Concurrent commitment ${i}`, organisationId: employerId })));
      const ms = performance.now() - started;
      expectNoErrors(responses);
      const payloads = responses.map((r) => (r.data as RecordEntryData).recordLedgerEntry);
      const accepted = payloads.filter((p) => p.entry);
      const refused = payloads.filter((p) => !p.entry);
      expect(refused.flatMap((p) => p.userErrors).every((e) => e.code === 'OVER_BUDGET' && e.field.join('.') === 'input.amount')).toBe(true);
      expect(refused.every((p) => p.userErrors.length === 1)).toBe(true);
      expect(accepted).toHaveLength(Math.floor(budget / cost));
      expect(refused).toHaveLength(REQUESTS - Math.floor(budget / cost));
      // Each accepted entry has its own place in the stream's sequence.
      expect(new Set(accepted.map((p) => p.entry!.sequence)).size).toBe(accepted.length);
      const figures = await streamFigures(portal.dataSource, streamId);
      expect(figures.running).toEqual(figures.sums);
      expect(figures.running).toEqual({ budget, committed: accepted.length * cost, spent: 0, remaining: budget % cost, entries: accepted.length + 1 });
      timings.push(`commitments trial ${trial}: ${accepted.length} accepted, ${refused.length} OVER_BUDGET, committed £${figures.running.committed / 100} of £${budget / 100}, ${Math.round(ms)} ms`);
    }
  }, 120_000);
});

describe('50 people booking a £40 place on a stream that pays for 12', () => {
  it('confirms exactly 12, refuses 38 as FUNDS_EXHAUSTED without taking their seats, every trial', async () => {
    const cost = 4_000;
    const budget = 12 * cost + 3_999;
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const streamId = await makeStream(portal.dataSource, { partnershipId, managingOrganisationId: employerId, budgetPence: budget });
      const sessionId = await makeSession(portal.dataSource, partnershipId, await newCourse(), { startsInDays: 30 + trial, capacity: 100 });
      await chargeSessionTo(portal.dataSource, sessionId, streamId);
      const started = performance.now();
      const responses = await Promise.all(people.map((person) =>
        portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: person.token })));
      const ms = performance.now() - started;
      expectNoErrors(responses);
      const payloads = responses.map((r) => r.data!.bookSession);
      const confirmed = payloads.filter((p) => p.booking?.status === 'CONFIRMED');
      const refused = payloads.filter((p) => !p.booking);
      expect(refused.map((p) => p.userErrors)).toEqual(refused.map(() => [{ field: ['input', 'sessionId'], code: 'FUNDS_EXHAUSTED' }]));
      expect(confirmed).toHaveLength(12);
      expect(refused).toHaveLength(REQUESTS - 12);
      expect(await sessionCounters(sessionId)).toEqual({ seats_taken: 12, holding: 12, bookings: 12 });
      const figures = await streamFigures(portal.dataSource, streamId);
      expect(figures.running).toEqual(figures.sums);
      expect(figures.running).toEqual({ budget, committed: 12 * cost, spent: 0, remaining: 3_999, entries: 13 });
      timings.push(`bookings trial ${trial}: ${confirmed.length} confirmed, ${refused.length} FUNDS_EXHAUSTED, seats taken ${12}, ${Math.round(ms)} ms`);
    }
  }, 120_000);
});

describe('bookings, cancellations and hand-recorded commitments racing on one stream', () => {
  it('never passes the budget, refuses only what could not be paid, and never deadlocks', async () => {
    const cost = 4_000;
    for (let trial = 1; trial <= RACE_TRIALS; trial += 1) {
      const budget = 20 * cost;
      const streamId = await makeStream(portal.dataSource, { partnershipId, managingOrganisationId: employerId, budgetPence: budget });
      const sessionId = await makeSession(portal.dataSource, partnershipId, await newCourse(), { startsInDays: 40 + trial, capacity: 100 });
      await chargeSessionTo(portal.dataSource, sessionId, streamId);
      // 15 places booked first; then at once: 10 of them cancel, 35 others book, and the administrator commits £30 ten times.
      const first = people.slice(0, 15);
      const booked = await Promise.all(first.map(async (person) =>
        ({ person, id: (await portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: person.token })).data!.bookSession.booking!.id })));
      const started = performance.now();
      const [cancels, bookings, commitments] = await Promise.all([
        Promise.all(booked.slice(0, 10).map((b) => portal.graphql<CancelData>(CANCEL, { input: { bookingId: b.id } }, { token: b.person.token }))),
        Promise.all(people.slice(15).map((person) => portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: person.token }))),
        Promise.all(Array.from({ length: 10 }, (_, i) => recordEntry(portal, admin.token,
          { streamId, kind: 'COMMITMENT', amount: '30', reason: `Racing commitment ${i}` }))),
      ]);
      const ms = performance.now() - started;
      expectNoErrors([...cancels, ...bookings, ...commitments]);
      expect(cancels.map((r) => r.data!.cancelBooking.booking?.status)).toEqual(cancels.map(() => 'CANCELLED'));
      const refusedBookings = bookings.filter((r) => !r.data!.bookSession.booking);
      expect(refusedBookings.flatMap((r) => r.data!.bookSession.userErrors.map((e) => e.code)).every((c) => c === 'FUNDS_EXHAUSTED')).toBe(true);
      const refusedCommitments = commitments.filter((r) => !r.data!.recordLedgerEntry.entry);
      expect(refusedCommitments.flatMap((r) => r.data!.recordLedgerEntry.userErrors.map((e) => e.code)).every((c) => c === 'OVER_BUDGET')).toBe(true);
      const confirmedNow = 5 + bookings.length - refusedBookings.length;
      const commitmentsNow = commitments.length - refusedCommitments.length;
      const figures = await streamFigures(portal.dataSource, streamId);
      expect(figures.running).toEqual(figures.sums);
      expect(figures.running.committed).toBe(confirmedNow * cost + commitmentsNow * 3_000);
      expect(figures.running.committed).toBeLessThanOrEqual(budget);
      expect((await sessionCounters(sessionId)).seats_taken).toBe(confirmedNow);
      timings.push(`race trial ${trial}: 10 cancelled, ${bookings.length - refusedBookings.length}/${bookings.length} booked, `
        + `${commitmentsNow}/10 commitments, committed £${figures.running.committed / 100} of £${budget / 100}, ${Math.round(ms)} ms`);
    }
  }, 120_000);
});

describe('a funded session cancelled while its people cancel their own places', () => {
  it('releases each place exactly once and answers every request without an error', async () => {
    const CANCEL_SESSION = `mutation($input: CancelSessionInput!) { cancelSession(input: $input) { session { id status } userErrors { field code } } }`;
    const cost = 4_000;
    for (let trial = 1; trial <= RACE_TRIALS; trial += 1) {
      const streamId = await makeStream(portal.dataSource, { partnershipId, managingOrganisationId: employerId, budgetPence: 100 * cost });
      const sessionId = await makeSession(portal.dataSource, partnershipId, await newCourse(), { startsInDays: 50 + trial, capacity: 30 });
      await chargeSessionTo(portal.dataSource, sessionId, streamId);
      const booked = await Promise.all(people.slice(0, 20).map(async (person) =>
        ({ person, id: (await portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: person.token })).data!.bookSession.booking!.id })));
      const started = performance.now();
      const [sessionCancelled, cancels] = await Promise.all([
        portal.graphql<{ cancelSession: { session: { status: string } | null; userErrors: unknown[] } }>(CANCEL_SESSION,
          { input: { sessionId, reason: 'Venue flooded' } }, { token: admin.token }),
        // The second trial gives the session's cancellation a head start, so that it also wins some of the races.
        Promise.all(booked.map(async (b, i) => {
          await new Promise((resolve) => setTimeout(resolve, (trial - 1) * i * 4));
          return portal.graphql<CancelData>(CANCEL, { input: { bookingId: b.id } }, { token: b.person.token });
        })),
      ]);
      const ms = performance.now() - started;
      expectNoErrors([sessionCancelled, ...cancels]);
      expect(sessionCancelled.data!.cancelSession.session?.status).toBe('CANCELLED');
      for (const response of cancels) {
        const payload = response.data!.cancelBooking;
        if (!payload.booking) expect(payload.userErrors.map((e) => e.code)).toEqual(['ALREADY_CANCELLED']);
      }
      const figures = await streamFigures(portal.dataSource, streamId);
      expect(figures.running).toEqual(figures.sums);
      expect(figures.running).toMatchObject({ committed: 0, spent: 0, entries: 1 + 20 + 20 });
      expect(await sessionCounters(sessionId)).toMatchObject({ seats_taken: 0, holding: 0 });
      const byThemselves = cancels.filter((r) => r.data!.cancelBooking.booking).length;
      timings.push(`session cancelled during cancellations trial ${trial}: ${byThemselves} cancelled by themselves, ${20 - byThemselves} by the session, ${Math.round(ms)} ms`);
    }
  }, 120_000);
});

describe('a funded session cancelled while people are still booking it', () => {
  it('leaves no live booking, seat or commitment on the cancelled session', async () => {
    const CANCEL_SESSION = `mutation($input: CancelSessionInput!) { cancelSession(input: $input) { session { id status } userErrors { field code } } }`;
    const cost = 4_000;
    for (let trial = 1; trial <= RACE_TRIALS; trial += 1) {
      const streamId = await makeStream(portal.dataSource, { partnershipId, managingOrganisationId: employerId, budgetPence: 100 * cost });
      // 2 seats for 30 people: most join the waiting list, the path that takes no seat.
      const sessionId = await makeSession(portal.dataSource, partnershipId, await newCourse(), { startsInDays: 60 + trial, capacity: 2 });
      await chargeSessionTo(portal.dataSource, sessionId, streamId);
      const started = performance.now();
      const [sessionCancelled, bookings] = await Promise.all([
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, 20 * trial));
          return portal.graphql<{ cancelSession: { session: { status: string } | null } }>(CANCEL_SESSION,
            { input: { sessionId, reason: 'Trainer unwell' } }, { token: admin.token });
        })(),
        // Spread out, so that the cancellation lands in the middle of them.
        Promise.all(people.slice(0, 30).map(async (person, i) => {
          await new Promise((resolve) => setTimeout(resolve, i * 5));
          return portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: person.token });
        })),
      ]);
      const ms = performance.now() - started;
      expectNoErrors([sessionCancelled, ...bookings]);
      expect(sessionCancelled.data!.cancelSession.session?.status).toBe('CANCELLED');
      for (const response of bookings) {
        const payload = response.data!.bookSession;
        if (!payload.booking) expect(['SESSION_CANCELLED', 'SESSION_PAST']).toContain(payload.userErrors[0]?.code);
      }
      const [live] = await portal.dataSource.query(
        `SELECT count(*)::int AS n FROM booking WHERE session_id = $1 AND status NOT IN ('cancelled', 'declined')`, [sessionId]);
      expect(live.n).toBe(0);
      expect(await sessionCounters(sessionId)).toMatchObject({ seats_taken: 0, holding: 0 });
      const figures = await streamFigures(portal.dataSource, streamId);
      expect(figures.running).toEqual(figures.sums);
      expect(figures.running).toMatchObject({ committed: 0, spent: 0 });
      const before = bookings.filter((r) => r.data!.bookSession.booking).length;
      timings.push(`session cancelled during 30 bookings trial ${trial}: ${before} booked before it, ${30 - before} refused, ${Math.round(ms)} ms`);
    }
  }, 120_000);
});
