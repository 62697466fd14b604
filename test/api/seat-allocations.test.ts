import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeAllocation, makeCourse, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { errorCode, idOf, organisationId, otherPartnershipAdmin, OTHER_PARTNERSHIP, type UserErrorShape } from '../support/admin-fixtures';

/**
 * Issue 5, providers: setSeatAllocations replaces a session's capacity and allocations, for the
 * course's provider and administrators only; every rule refuses at its field and writes nothing;
 * seats it adds go to the people waiting.
 */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const orgs: Record<string, string> = {};
let gp: string;
let courseId: string;

const SET = `mutation($input: SetSeatAllocationsInput!) { setSeatAllocations(input: $input) {
  session { id capacity allocations { organisation { shortCode } seats seatsTaken seatsLeft } }
  userErrors { field message code } } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) {
  booking { id status waitlistPosition seatFrom { shortCode } } userErrors { code message } } }`;
type SetData = { setSeatAllocations: { session: { id: string; capacity: number;
  allocations: Array<{ organisation: { shortCode: string }; seats: number; seatsTaken: number; seatsLeft: number }> } | null;
  userErrors: UserErrorShape[] } };
type BookData = { bookSession: { booking: { id: string; status: string; waitlistPosition: number | null; seatFrom: { shortCode: string } | null } | null;
  userErrors: Array<{ code: string; message: string }> } };

const set = (token: string | undefined, input: Record<string, unknown>) => portal.graphql<SetData>(SET, { input }, { token });

async function book(token: string, sessionId: string) {
  const response = await portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token });
  const booking = response.data?.bookSession.booking;
  if (!booking) throw new Error(`booking refused: ${JSON.stringify(response)}`);
  return booking;
}

/** Everything setSeatAllocations may write: equal before and after a refusal means it wrote nothing. */
async function snapshot(sessionId: string) {
  const [row] = await portal.dataSource.query(`SELECT
    (SELECT row_to_json(s) FROM training_session s WHERE s.id = $1) AS session,
    (SELECT coalesce(json_agg(a ORDER BY a.organisation_id), '[]') FROM seat_allocation a WHERE a.session_id = $1) AS allocations,
    (SELECT coalesce(json_agg(json_build_object('id', b.id, 'status', b.status) ORDER BY b.id), '[]') FROM booking b WHERE b.session_id = $1) AS bookings,
    (SELECT count(*) FROM audit_log WHERE action NOT LIKE 'auth.%')::int AS audit`, [sessionId]);
  return row;
}

async function counters(sessionId: string) {
  const [row] = await portal.dataSource.query(
    `SELECT s.capacity, s.allocated_seats, s.seats_taken, s.pool_seats_taken,
       (SELECT count(*) FROM booking b WHERE b.session_id = s.id AND b.status IN ('requested', 'confirmed'))::int AS holding,
       (SELECT count(*) FROM booking b WHERE b.session_id = s.id AND b.status IN ('requested', 'confirmed') AND b.seat_organisation_id IS NULL)::int AS holding_pool,
       (SELECT coalesce(sum(seats), 0) FROM seat_allocation a WHERE a.session_id = s.id)::int AS allocation_sum
     FROM training_session s WHERE s.id = $1`, [sessionId]);
  return row as { capacity: number; allocated_seats: number; seats_taken: number; pool_seats_taken: number; holding: number;
    holding_pool: number; allocation_sum: number };
}

const newSession = (values: Partial<Parameters<typeof makeSession>[3]> = {}) =>
  makeSession(portal.dataSource, gp, courseId, { startsInDays: 30, capacity: 10, ...values });

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  for (const who of ['admin', 'provider', 'lead', 'learner', 'manager', 'steering', 'volunteer']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  gp = await idOf(portal, `SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
  for (const code of ['PSHNHSFT', 'GPPCP', 'PCC', 'CPMHPNHST']) orgs[code] = await organisationId(portal, code);
  // A course the provider coordinator's organisation (the acute trust's education team) provides.
  courseId = await makeCourse(portal.dataSource, gp, orgs.PSHNHSFT, { title: 'Allocation Test: Moving and Handling', audience: 'both', visibility: 'partnership' });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

describe('who may set seats', () => {
  it('lets the course\'s provider coordinator and an administrator set them', async () => {
    const sessionId = await newSession();
    const byProvider = await set(tokens.provider, { sessionId, capacity: 12, allocations: [{ organisationId: orgs.PCC, seats: 5 }] });
    expect(byProvider.data!.setSeatAllocations).toEqual({ userErrors: [], session: { id: sessionId, capacity: 12,
      allocations: [{ organisation: { shortCode: 'PCC' }, seats: 5, seatsTaken: 0, seatsLeft: 5 }] } });
    const byAdmin = await set(tokens.admin, { sessionId, allocations: [{ organisationId: orgs.GPPCP, seats: 4 }] });
    expect(byAdmin.data!.setSeatAllocations.userErrors).toEqual([]);
    expect(byAdmin.data!.setSeatAllocations.session).toMatchObject({ capacity: 12, allocations: [{ organisation: { shortCode: 'GPPCP' }, seats: 4 }] });
  });

  it('refuses signed-out callers, and every other role even with bad input', async () => {
    const sessionId = await newSession();
    const before = await snapshot(sessionId);
    expect(errorCode(await set(undefined, { sessionId, allocations: [] }))).toBe('UNAUTHENTICATED');
    for (const who of ['lead', 'learner', 'manager', 'steering', 'volunteer']) {
      expect(errorCode(await set(tokens[who], { sessionId, allocations: [] }))).toBe('FORBIDDEN');
      expect(errorCode(await set(tokens[who], { sessionId: 'nope', allocations: [{ organisationId: 'x', seats: 0 }] }))).toBe('FORBIDDEN');
    }
    expect(await snapshot(sessionId)).toEqual(before);
  });

  it('refuses a provider coordinator for another provider\'s course', async () => {
    const councilCourse = await makeCourse(portal.dataSource, gp, orgs.PCC, { title: 'Allocation Test: Council Course', audience: 'both' });
    const sessionId = await makeSession(portal.dataSource, gp, councilCourse, { startsInDays: 30 });
    const before = await snapshot(sessionId);
    expect(errorCode(await set(tokens.provider, { sessionId, allocations: [] }))).toBe('FORBIDDEN');
    expect(await snapshot(sessionId)).toEqual(before);
  });

  it('answers another partnership\'s session as unknown, both ways', async () => {
    const fenlandSession = await idOf(portal, `SELECT s.id FROM training_session s JOIN partnership p ON p.id = s.partnership_id
      WHERE p.slug = $1 ORDER BY s.starts_at DESC LIMIT 1`, [OTHER_PARTNERSHIP]);
    const fromHere = await set(tokens.admin, { sessionId: fenlandSession, allocations: [] });
    expect(fromHere.data!.setSeatAllocations).toEqual({ session: null,
      userErrors: [expect.objectContaining({ field: ['input', 'sessionId'], code: 'NOT_FOUND' })] });
    const other = await otherPartnershipAdmin(portal);
    const sessionId = await newSession();
    const before = await snapshot(sessionId);
    const fromThere = await set(other.token, { sessionId, allocations: [] });
    expect(fromThere.data!.setSeatAllocations.userErrors).toEqual([expect.objectContaining({ field: ['input', 'sessionId'], code: 'NOT_FOUND' })]);
    expect(await snapshot(sessionId)).toEqual(before);
  });
});

describe('the rules', () => {
  let sessionId: string;
  beforeAll(async () => {
    // Capacity 10: the council holds 4 (2 taken), the GP partnership 2 (none taken), the pool 4 (3 taken).
    sessionId = await newSession({ startsInDays: 40 });
    await makeAllocation(portal.dataSource, gp, sessionId, orgs.PCC, 4);
    await makeAllocation(portal.dataSource, gp, sessionId, orgs.GPPCP, 2);
    for (const person of await makeSignedInPeople(portal.dataSource, gp, 2, { organisationId: orgs.PCC })) await book(person.token, sessionId);
    for (const person of await makeSignedInPeople(portal.dataSource, gp, 3, { organisationId: orgs.PSHNHSFT })) await book(person.token, sessionId);
    expect(await counters(sessionId)).toMatchObject({ capacity: 10, allocated_seats: 6, seats_taken: 5, pool_seats_taken: 3 });
  });

  const council = (seats: number) => ({ organisationId: () => orgs.PCC, seats });
  type Allocation = { organisationId: () => string; seats: number };
  const resolve = (allocations: Allocation[]) => allocations.map((a) => ({ organisationId: a.organisationId(), seats: a.seats }));

  it.each<[string, { capacity?: number | null; sessionId?: string; allocations: Array<Allocation | { organisationId: string; seats: number }> }, string[], string]>([
    ['a malformed session id', { sessionId: 'nope', allocations: [] }, ['input', 'sessionId'], 'INVALID'],
    ['an unknown session', { sessionId: '00000000-0000-4000-8000-000000000000', allocations: [] }, ['input', 'sessionId'], 'NOT_FOUND'],
    ['a capacity of 0', { capacity: 0, allocations: [council(4)] }, ['input', 'capacity'], 'INVALID'],
    ['a capacity over 10,000', { capacity: 10_001, allocations: [council(4)] }, ['input', 'capacity'], 'INVALID'],
    ['a capacity below the seats taken', { capacity: 4, allocations: [council(2)] }, ['input', 'capacity'], 'BELOW_SEATS_TAKEN'],
    ['an allocation of 0 seats', { allocations: [council(4), { organisationId: () => orgs.GPPCP, seats: 0 }] }, ['input', 'allocations', '1', 'seats'], 'INVALID'],
    ['a negative allocation', { allocations: [council(4), { organisationId: () => orgs.GPPCP, seats: -2 }] }, ['input', 'allocations', '1', 'seats'], 'INVALID'],
    ['an allocation over 10,000', { allocations: [council(10_001)] }, ['input', 'allocations', '0', 'seats'], 'INVALID'],
    ['a malformed organisation id', { allocations: [council(4), { organisationId: 'council', seats: 1 }] }, ['input', 'allocations', '1', 'organisationId'], 'INVALID'],
    ['an unknown organisation', { allocations: [council(4), { organisationId: '00000000-0000-4000-8000-000000000000', seats: 1 }] },
      ['input', 'allocations', '1', 'organisationId'], 'NOT_FOUND'],
    ['an organisation listed twice', { allocations: [council(3), { organisationId: () => orgs.GPPCP, seats: 1 }, council(1)] },
      ['input', 'allocations', '2', 'organisationId'], 'DUPLICATE'],
    ['an allocation below its seats taken', { allocations: [council(1)] }, ['input', 'allocations', '0', 'seats'], 'BELOW_SEATS_TAKEN'],
    ['dropping an allocation with seats taken', { allocations: [{ organisationId: () => orgs.GPPCP, seats: 2 }] }, ['input', 'allocations'], 'ALLOCATION_IN_USE'],
    ['allocations over the capacity', { allocations: [council(8), { organisationId: () => orgs.GPPCP, seats: 3 }] }, ['input', 'allocations'], 'OVER_CAPACITY'],
    ['allocations that leave the pool less than its taken seats', { allocations: [council(6), { organisationId: () => orgs.GPPCP, seats: 2 }] },
      ['input', 'allocations'], 'POOL_IN_USE'],
  ])('refuses %s at its field and writes nothing', async (_name, values, field, code) => {
    const before = await snapshot(sessionId);
    const allocations = values.allocations.map((a) => (typeof a.organisationId === 'function' ? { organisationId: a.organisationId(), seats: a.seats } : a));
    const response = await set(tokens.provider, { sessionId, ...values, allocations });
    expect(response.errors).toBeUndefined();
    expect(response.data!.setSeatAllocations.session).toBeNull();
    expect(response.data!.setSeatAllocations.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(response.data!.setSeatAllocations.userErrors.every((e) => e.message.length > 10)).toBe(true);
    expect(await snapshot(sessionId)).toEqual(before);
  });

  it('refuses an organisation of another partnership, and reports every mistake at once', async () => {
    const fenlandOrganisation = await idOf(portal, `SELECT o.id FROM organisation o JOIN partnership p ON p.id = o.partnership_id WHERE p.slug = $1 LIMIT 1`,
      [OTHER_PARTNERSHIP]);
    const before = await snapshot(sessionId);
    const response = await set(tokens.admin, { sessionId, capacity: 4,
      allocations: [{ organisationId: fenlandOrganisation, seats: 1 }, ...resolve([council(1), council(2)])] });
    expect(response.data!.setSeatAllocations.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual(expect.arrayContaining([
      ['input.allocations.0.organisationId', 'NOT_FOUND'], ['input.capacity', 'BELOW_SEATS_TAKEN'],
      ['input.allocations.1.seats', 'BELOW_SEATS_TAKEN'], ['input.allocations.2.organisationId', 'DUPLICATE'],
      ['input.allocations', 'POOL_IN_USE'],
    ]));
    const invalid = await set(tokens.admin, { sessionId, allocations: [{ organisationId: orgs.PCC, seats: 0 }, { organisationId: 'x', seats: 2 }] });
    expect(invalid.data!.setSeatAllocations.userErrors.map((e) => e.field.join('.'))).toEqual(['input.allocations.0.seats', 'input.allocations.1.organisationId']);
    const tooMany = await set(tokens.admin, { sessionId, allocations: Array.from({ length: 201 }, () => ({ organisationId: orgs.PCC, seats: 1 })) });
    expect(tooMany.data!.setSeatAllocations.userErrors).toEqual([expect.objectContaining({ field: ['input', 'allocations'], code: 'INVALID' })]);
    expect(await snapshot(sessionId)).toEqual(before);
  });

  it('accepts the tightest change the seats taken allow, and audits it with before and after', async () => {
    // Capacity down to the 5 seats taken: the council keeps its 2 taken, the GP partnership's unused 2 go, the pool keeps its 3.
    const response = await set(tokens.provider, { sessionId, capacity: 5, allocations: resolve([council(2)]) });
    expect(response.data!.setSeatAllocations.userErrors).toEqual([]);
    expect(response.data!.setSeatAllocations.session!.allocations).toEqual([{ organisation: { shortCode: 'PCC' }, seats: 2, seatsTaken: 2, seatsLeft: 0 }]);
    const seats = await counters(sessionId);
    expect(seats).toMatchObject({ capacity: 5, allocated_seats: 2, allocation_sum: 2, seats_taken: 5, holding: 5, pool_seats_taken: 3, holding_pool: 3 });
    const [audit] = await portal.dataSource.query(`SELECT a.details, p.email FROM audit_log a JOIN person p ON p.id = a.actor_person_id
      WHERE a.action = 'sessions.allocations_set' AND a.subject_id = $1 ORDER BY a.id DESC LIMIT 1`, [sessionId]);
    expect(audit.email).toBe('provider@demo.portal');
    expect(audit.details).toEqual({
      before: { capacity: 10, allocations: expect.arrayContaining([{ organisationId: orgs.PCC, seats: 4 }, { organisationId: orgs.GPPCP, seats: 2 }]) },
      after: { capacity: 5, allocations: [{ organisationId: orgs.PCC, seats: 2 }] },
      promoted: [],
    });
  });

  it('refuses a cancelled or past session', async () => {
    const cancelled = await newSession({ startsInDays: 20, status: 'cancelled' });
    const past = await newSession({ startsInDays: -3, releaseInDays: -17, status: 'completed' });
    for (const [id, code] of [[cancelled, 'SESSION_CANCELLED'], [past, 'SESSION_PAST']]) {
      const before = await snapshot(id);
      const response = await set(tokens.admin, { sessionId: id, allocations: [] });
      expect(response.data!.setSeatAllocations.userErrors).toEqual([expect.objectContaining({ field: ['input', 'sessionId'], code })]);
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it('after the release time, no longer keeps pool room for the pool\'s taken seats', async () => {
    const released = await newSession({ startsInDays: 10, releaseInDays: -1, capacity: 10 });
    for (const person of await makeSignedInPeople(portal.dataSource, gp, 3, { organisationId: orgs.PSHNHSFT })) await book(person.token, released);
    const response = await set(tokens.provider, { sessionId: released, allocations: [{ organisationId: orgs.GPPCP, seats: 8 }] });
    expect(response.data!.setSeatAllocations.userErrors).toEqual([]);
    // From the release time the organisation's unused seats are the pool's: none left to it.
    expect(response.data!.setSeatAllocations.session!.allocations).toEqual([{ organisation: { shortCode: 'GPPCP' }, seats: 8, seatsTaken: 0, seatsLeft: 0 }]);
  });
});

describe('seats that appear go to the people waiting', () => {
  it('promotes the first people waiting into a grown capacity, first come first served', async () => {
    const sessionId = await newSession({ capacity: 2 });
    const people = await makeSignedInPeople(portal.dataSource, gp, 5, { organisationId: orgs.PSHNHSFT });
    const booked = [];
    for (const person of people) booked.push(await book(person.token, sessionId));
    expect(booked.map((b) => b.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);

    const response = await set(tokens.provider, { sessionId, capacity: 4, allocations: [] });
    expect(response.data!.setSeatAllocations.userErrors).toEqual([]);
    const statuses: Array<{ id: string; status: string; seat_organisation_id: string | null }> = await portal.dataSource.query(
      'SELECT id, status, seat_organisation_id FROM booking WHERE id = ANY($1::uuid[])', [booked.map((b) => b.id)]);
    const statusOf = (id: string) => statuses.find((s) => s.id === id)!.status;
    expect(booked.map((b) => statusOf(b.id))).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    expect(await counters(sessionId)).toMatchObject({ capacity: 4, seats_taken: 4, holding: 4, pool_seats_taken: 4, holding_pool: 4 });

    const promoted = await portal.dataSource.query(`SELECT subject_id FROM audit_log WHERE action = 'bookings.promoted' AND subject_id = ANY($1::text[])
      ORDER BY id`, [booked.map((b) => b.id)]);
    expect(promoted.map((row: { subject_id: string }) => row.subject_id)).toEqual([booked[2].id, booked[3].id]);
    const [audit] = await portal.dataSource.query(`SELECT details FROM audit_log WHERE action = 'sessions.allocations_set' AND subject_id = $1`, [sessionId]);
    expect(audit.details.promoted).toEqual([booked[2].id, booked[3].id]);
    const last = await portal.graphql<{ myBookings: { edges: Array<{ node: { id: string; waitlistPosition: number | null } }> } }>(
      '{ myBookings(first: 5) { edges { node { id waitlistPosition } } } }', undefined, { token: people[4].token });
    expect(last.data!.myBookings.edges[0].node).toEqual({ id: booked[4].id, waitlistPosition: 1 });
  });

  it('gives a grown allocation\'s seat to that organisation\'s first person waiting, before anyone else', async () => {
    const sessionId = await newSession({ capacity: 3 });
    await makeAllocation(portal.dataSource, gp, sessionId, orgs.GPPCP, 1);
    const [gpFirst, gpWaiting] = await makeSignedInPeople(portal.dataSource, gp, 2, { organisationId: orgs.GPPCP });
    const trust = await makeSignedInPeople(portal.dataSource, gp, 3, { organisationId: orgs.PSHNHSFT });
    expect((await book(gpFirst.token, sessionId)).seatFrom).toEqual({ shortCode: 'GPPCP' });
    await book(trust[0].token, sessionId);
    await book(trust[1].token, sessionId);
    const trustWaiting = await book(trust[2].token, sessionId);
    const gpWaits = await book(gpWaiting.token, sessionId);
    expect([trustWaiting.status, gpWaits.status]).toEqual(['WAITLISTED', 'WAITLISTED']);

    const response = await set(tokens.admin, { sessionId, capacity: 4, allocations: [{ organisationId: orgs.GPPCP, seats: 2 }] });
    expect(response.data!.setSeatAllocations.userErrors).toEqual([]);
    const rows = await portal.dataSource.query('SELECT id, status, seat_organisation_id FROM booking WHERE id = ANY($1::uuid[])',
      [[trustWaiting.id, gpWaits.id]]);
    expect(rows.find((r: { id: string }) => r.id === gpWaits.id)).toMatchObject({ status: 'confirmed', seat_organisation_id: orgs.GPPCP });
    expect(rows.find((r: { id: string }) => r.id === trustWaiting.id)).toMatchObject({ status: 'waitlisted' });
    expect(await counters(sessionId)).toMatchObject({ capacity: 4, allocated_seats: 2, seats_taken: 4, holding: 4, pool_seats_taken: 2, holding_pool: 2 });
  });
});

describe('under a rush of bookings', () => {
  it('changes allocations while 40 people book, without a deadlock or a lost seat', async () => {
    const sessionId = await newSession({ capacity: 10 });
    await makeAllocation(portal.dataSource, gp, sessionId, orgs.GPPCP, 3);
    await makeAllocation(portal.dataSource, gp, sessionId, orgs.PSHNHSFT, 3);
    const people = [...await makeSignedInPeople(portal.dataSource, gp, 20, { organisationId: orgs.GPPCP }),
      ...await makeSignedInPeople(portal.dataSource, gp, 20, { organisationId: orgs.PSHNHSFT })];
    const changes = [
      { capacity: 12, allocations: [{ organisationId: orgs.GPPCP, seats: 4 }, { organisationId: orgs.PSHNHSFT, seats: 3 }] },
      { capacity: 14, allocations: [{ organisationId: orgs.GPPCP, seats: 4 }, { organisationId: orgs.PSHNHSFT, seats: 5 }] },
      { capacity: 16, allocations: [{ organisationId: orgs.GPPCP, seats: 6 }, { organisationId: orgs.PSHNHSFT, seats: 5 }] },
    ];
    const responses = await Promise.all([
      ...people.map((person) => portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: person.token })),
      ...changes.map((change) => set(tokens.admin, { sessionId, ...change })),
    ]);
    expect(responses.filter((r) => r.status !== 200 || r.errors)).toEqual([]);
    const seats = await counters(sessionId);
    expect(seats.seats_taken).toBe(seats.holding);
    expect(seats.pool_seats_taken).toBe(seats.holding_pool);
    expect(seats.allocated_seats).toBe(seats.allocation_sum);
    expect(seats.seats_taken).toBeLessThanOrEqual(seats.capacity);
    const mismatched = await portal.dataSource.query(`SELECT a.organisation_id FROM seat_allocation a WHERE a.session_id = $1 AND a.seats_taken <>
      (SELECT count(*) FROM booking b WHERE b.session_id = a.session_id AND b.seat_organisation_id = a.organisation_id AND b.status IN ('requested', 'confirmed'))`,
    [sessionId]);
    expect(mismatched).toEqual([]);
  }, 60_000);
});
