import { startPortal, type RunningPortal } from '../support/start-portal';
import { errorCode, idOf, organisationId, otherPartnershipAdmin, OTHER_PARTNERSHIP } from '../support/admin-fixtures';
import { makeAllocation, makeCourse, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';

/**
 * Issue 5, leads: organisationBookings shows an organisation's bookings, requests and waiting
 * places to its L&D leads and to administrators, a page at a time; Session.myOrganisationAllocation
 * shows what the viewer's organisation holds on a session.
 */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const LIST = `query($o: ID!, $filter: BookingFilter, $first: Int, $after: String) {
  organisationBookings(organisationId: $o, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id status waitlistPosition person { email organisation { shortCode } } organisation { shortCode }
      session { id startsAt } cost { pence } bookedBy { email } } } } }`;
interface Node { id: string; status: string; waitlistPosition: number | null; person: { email: string; organisation: { shortCode: string } | null };
  organisation: { shortCode: string } | null; session: { id: string; startsAt: string }; cost: { pence: number }; bookedBy: { email: string } | null }
interface ListData { organisationBookings: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: Node }> } }

const WINDOW = { from: new Date(Date.now() - 60 * 86_400_000).toISOString(), to: new Date(Date.now() + 30 * 86_400_000).toISOString() };

const list = (who: string | undefined, variables: Record<string, unknown>) =>
  portal.graphql<ListData>(LIST, { o: ids.PCC, ...variables }, { token: who ? tokens[who] : undefined });

/** The council's booking ids in the list's order, straight from the database. */
async function councilBookingIds(where = 'TRUE', params: unknown[] = []): Promise<string[]> {
  const rows: Array<{ id: string }> = await portal.dataSource.query(
    `SELECT b.id FROM booking b JOIN training_session s ON s.id = b.session_id
     WHERE b.organisation_id = $1 AND ${where} ORDER BY s.starts_at, s.id, b.created_at, b.id`, [ids.PCC, ...params]);
  return rows.map((r) => r.id);
}

async function walk(who: string, variables: Record<string, unknown>, first: number): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const response = await list(who, { ...variables, first, after });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    const connection = response.data.organisationBookings;
    nodes.push(...connection.edges.map((e) => e.node));
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor!;
  }
  throw new Error('more than 100 pages');
}

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  for (const who of ['admin', 'provider', 'lead', 'learner', 'manager', 'steering', 'volunteer']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  for (const code of ['PCC', 'PSHNHSFT', 'PCVS']) ids[code] = await organisationId(portal, code);
  // The test's own sessions: a joint one where the council holds 5 seats and the trust 6, and a full one.
  const db = portal.dataSource;
  const [{ partnership_id: gp }] = await db.query('SELECT partnership_id FROM organisation WHERE id = $1', [ids.PCC]);
  const course = await makeCourse(db, gp, ids.PSHNHSFT, { title: 'Organisation bookings test course', audience: 'both' });
  ids.joint = await makeSession(db, gp, course, { startsInDays: 28, capacity: 20 });
  await makeAllocation(db, gp, ids.joint, ids.PCC, 5);
  await makeAllocation(db, gp, ids.joint, ids.PSHNHSFT, 6);
  ids.full = await makeSession(db, gp, course, { startsInDays: 45, capacity: 2 });
  // Two trust staff take its two seats, and one waits ahead of the council's people.
  for (const person of await makeSignedInPeople(db, gp, 3, { organisationId: ids.PSHNHSFT })) {
    const booked = await portal.graphql<{ bookSession: { booking: { status: string } | null } }>(
      'mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { status } } }', { input: { sessionId: ids.full } }, { token: person.token });
    expect(booked.data!.bookSession.booking).not.toBeNull();
  }
  // Two council staff go on the full session's waiting list, booked by their lead.
  const staff: Array<{ id: string }> = await portal.dataSource.query(`SELECT p.id FROM person p WHERE p.organisation_id = $1 AND p.kind = 'staff'
    AND p.email NOT LIKE '%@demo.portal' AND p.disabled_at IS NULL AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.person_id = p.id AND b.session_id = $2)
    ORDER BY p.email LIMIT 2`, [ids.PCC, ids.full]);
  for (const person of staff) {
    const booked = await portal.graphql<{ bookSession: { booking: { id: string; status: string } | null } }>(
      'mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } } }',
      { input: { sessionId: ids.full, personId: person.id } }, { token: tokens.lead });
    expect(booked.data!.bookSession.booking!.status).toBe('WAITLISTED');
  }
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

describe('the organisation\'s bookings', () => {
  it('shows the lead every booking of their organisation, page by page, in session order, and no one else\'s', async () => {
    const expected = await councilBookingIds();
    expect(expected.length).toBeGreaterThan(25);
    const first = await list('lead', { first: 10 });
    expect(first.data!.organisationBookings.totalCount).toBe(expected.length);
    const nodes = await walk('lead', {}, 50);
    expect(nodes.map((n) => n.id)).toEqual(expected);
    expect(new Set(nodes.map((n) => n.organisation?.shortCode))).toEqual(new Set(['PCC']));
    expect(new Set(nodes.map((n) => n.status))).toEqual(new Set(
      (await portal.dataSource.query('SELECT DISTINCT status FROM booking WHERE organisation_id = $1', [ids.PCC]))
        .map((r: { status: string }) => r.status.toUpperCase())));
  });

  it('shows the waiting list with places, and the lead\'s own bookings on behalf', async () => {
    const waiting = await list('lead', { filter: { status: ['WAITLISTED'], sessionId: ids.full } });
    const nodes = waiting.data!.organisationBookings.edges.map((e) => e.node);
    expect(nodes).toHaveLength(2);
    const [{ count: before }] = await portal.dataSource.query(
      `SELECT count(*)::int AS count FROM booking WHERE session_id = $1 AND status = 'waitlisted' AND organisation_id <> $2`, [ids.full, ids.PCC]);
    expect(nodes.map((n) => n.waitlistPosition)).toEqual([before + 1, before + 2]);
    expect(nodes.every((n) => n.bookedBy?.email === 'lead@demo.portal' && n.cost.pence === 0)).toBe(true);
  });

  it.each([
    ['requests', { status: ['REQUESTED'] }, `b.status = 'requested'`, () => []],
    ['places held', { status: ['REQUESTED', 'CONFIRMED'] }, `b.status IN ('requested', 'confirmed')`, () => []],
    ['one session', () => ({ sessionId: ids.full }), 'b.session_id = $2', () => [ids.full]],
    ['a window of dates', { from: WINDOW.from, to: WINDOW.to }, 's.starts_at >= $2 AND s.starts_at < $3', () => [WINDOW.from, WINDOW.to]],
  ])('filters to %s', async (_name, filter, where, params: () => unknown[]) => {
    const expected = await councilBookingIds(where, params());
    const nodes = await walk('lead', { filter: typeof filter === 'function' ? filter() : filter }, 100);
    expect(nodes.map((n) => n.id)).toEqual(expected);
  });

  it('lets an administrator see any organisation of the partnership', async () => {
    const trust = await portal.graphql<ListData>(LIST, { o: ids.PSHNHSFT, first: 5 }, { token: tokens.admin });
    const [{ count }] = await portal.dataSource.query('SELECT count(*)::int AS count FROM booking WHERE organisation_id = $1', [ids.PSHNHSFT]);
    expect(trust.data!.organisationBookings.totalCount).toBe(count);
    expect(trust.data!.organisationBookings.edges.every((e) => e.node.organisation?.shortCode === 'PSHNHSFT')).toBe(true);
  });

  it('lets the lead cancel on their organisation\'s behalf', async () => {
    const [waiting] = (await list('lead', { filter: { status: ['WAITLISTED'], sessionId: ids.full } })).data!.organisationBookings.edges;
    const cancelled = await portal.graphql<{ cancelBooking: { booking: { status: string } | null } }>(
      'mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { status } } }',
      { input: { bookingId: waiting.node.id, reason: 'Rota change' } }, { token: tokens.lead });
    expect(cancelled.data!.cancelBooking.booking!.status).toBe('CANCELLED');
    const after = await list('lead', { filter: { status: ['CANCELLED'], sessionId: ids.full } });
    expect(after.data!.organisationBookings.edges.map((e) => e.node.id)).toEqual([waiting.node.id]);
  });
});

describe('who may see them', () => {
  it('refuses signed-out callers, other roles, and a lead asking for another organisation', async () => {
    expect(errorCode(await list(undefined, {}))).toBe('UNAUTHENTICATED');
    for (const who of ['learner', 'manager', 'provider', 'steering', 'volunteer']) expect(errorCode(await list(who, {}))).toBe('FORBIDDEN');
    expect(errorCode(await portal.graphql(LIST, { o: ids.PSHNHSFT }, { token: tokens.lead }))).toBe('FORBIDDEN');
  });

  it('refuses across partnerships (FORBIDDEN, as for an unknown organisation), both ways', async () => {
    const fenland = await idOf(portal, `SELECT o.id FROM organisation o JOIN partnership p ON p.id = o.partnership_id WHERE p.slug = $1 LIMIT 1`,
      [OTHER_PARTNERSHIP]);
    expect(errorCode(await portal.graphql(LIST, { o: fenland }, { token: tokens.admin }))).toBe('FORBIDDEN');
    expect(errorCode(await portal.graphql(LIST, { o: '00000000-0000-4000-8000-000000000000' }, { token: tokens.admin }))).toBe('FORBIDDEN');
    const other = await otherPartnershipAdmin(portal);
    expect(errorCode(await portal.graphql(LIST, { o: ids.PCC }, { token: other.token }))).toBe('FORBIDDEN');
    const own = await portal.graphql<ListData>(LIST, { o: fenland, first: 1 }, { token: other.token });
    expect(own.errors).toBeUndefined();
  });

  it.each([
    ['first 0', { first: 0 }], ['first 101', { first: 101 }], ['a forged cursor', { after: 'bm90IGEgY3Vyc29y' }],
    ['an end before the start', { filter: { from: '2026-05-01T00:00:00Z', to: '2026-04-01T00:00:00Z' } }],
    ['a malformed session id', { filter: { sessionId: 'nope' } }], ['a malformed organisation id', { o: 'nope' }],
  ])('answers %s with BAD_USER_INPUT', async (_name, variables) => {
    expect(errorCode(await list('lead', variables))).toBe('BAD_USER_INPUT');
  });
});

describe('Session.myOrganisationAllocation', () => {
  const QUERY = 'query($id: ID!) { session(id: $id) { seatsLeft myOrganisationAllocation { organisation { shortCode } seats seatsTaken seatsLeft } } }';
  type Data = { session: { seatsLeft: number; myOrganisationAllocation: { organisation: { shortCode: string }; seats: number; seatsTaken: number;
    seatsLeft: number } | null } | null };

  it('shows the viewer\'s organisation\'s seats on the session, and nothing to others', async () => {
    const lead = await portal.graphql<Data>(QUERY, { id: ids.joint }, { token: tokens.lead });
    expect(lead.data!.session!.myOrganisationAllocation).toEqual({ organisation: { shortCode: 'PCC' }, seats: 5, seatsTaken: 0, seatsLeft: 5 });
    const provider = await portal.graphql<Data>(QUERY, { id: ids.joint }, { token: tokens.provider });
    expect(provider.data!.session!.myOrganisationAllocation).toMatchObject({ organisation: { shortCode: 'PSHNHSFT' }, seats: 6 });
    const volunteer = await portal.graphql<Data>(QUERY, { id: ids.joint }, { token: tokens.volunteer });
    expect(volunteer.data!.session?.myOrganisationAllocation ?? null).toBeNull();
    const signedOut = await portal.graphql<Data>(QUERY, { id: ids.joint });
    expect(signedOut.data!.session?.myOrganisationAllocation ?? null).toBeNull();
  });
});
