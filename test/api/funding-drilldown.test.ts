import { randomUUID } from 'node:crypto';
import { startPortal, type GraphQLResponse, type RunningPortal } from '../support/start-portal';
import { makeAllocation, makeCourse, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { errorCode, organisationId, otherPartnershipAdmin } from '../support/admin-fixtures';
import { chargeCourseTo, currentYear, makeStream } from '../support/funding-fixtures';
import { expectLedgerInvariants } from '../support/ledger-invariants';

/**
 * From the overview down to the entries: a stream's courses and sessions, and ledgerEntries, whose
 * summary for a cell's key is that cell's figure. The money here moves as it does in use: places
 * booked through the API (a lead booking the council's staff, trust staff and a volunteer booking
 * themselves), a register taken, a place cancelled, an invoice recorded. The current year also
 * holds the demo's own funding, which every cell traced here includes.
 */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const YEAR = currentYear().label;
const SLUG = 'greater-peterborough';

const SUMS = 'budget { pence } committed { pence } spent { pence } remaining { pence }';
const STREAM = `query($id: ID!) { fundingStream(id: $id) { id name summary { ${SUMS} }
  courses { courseId title summary { ${SUMS} } sessions { sessionId startsAt cancelled seatsUsed seatsOffered summary { ${SUMS} } } } } }`;
const ENTRIES = `query($filter: LedgerEntryFilter!, $first: Int, $after: String) { ledgerEntries(filter: $filter, first: $first, after: $after) {
  totalCount summary { ${SUMS} } pageInfo { hasNextPage endCursor }
  edges { cursor node { id sequence kind amount { pence } wasted quarter occurredAt courseId sessionId bookingId courseTitle
    effect { ${SUMS} } balanceAfter { ${SUMS} } stream { id name } organisation { id name } } } } }`;
const OVERVIEW = `query($slug: String!, $year: String!) { fundingOverview(partnershipSlug: $slug, financialYear: $year) {
  totals { ${SUMS} } noShowCost { pence }
  byStream { stream { id } summary { ${SUMS} } }
  byFunder { key summary { ${SUMS} } } byOrganisation { key summary { ${SUMS} } }
  bySector { key summary { ${SUMS} } } byQuarter { key summary { ${SUMS} } } } }`;

interface Sums { budget: { pence: number }; committed: { pence: number }; spent: { pence: number }; remaining: { pence: number } }
interface StreamSession { sessionId: string; startsAt: string; cancelled: boolean; seatsUsed: number; seatsOffered: number; summary: Sums }
interface StreamCourse { courseId: string; title: string; summary: Sums; sessions: StreamSession[] }
interface EntryNode {
  id: string; sequence: number; kind: string; amount: { pence: number }; wasted: boolean; quarter: number; occurredAt: string;
  courseId: string | null; sessionId: string | null; bookingId: string | null; courseTitle: string | null; effect: Sums; balanceAfter: Sums;
  stream: { id: string; name: string }; organisation: { id: string; name: string } | null;
}
interface Connection {
  totalCount: number; summary: Sums; pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: EntryNode }>;
}
interface Row { key: string; summary: Sums }
interface Overview {
  totals: Sums; noShowCost: { pence: number }; byStream: Array<{ stream: { id: string }; summary: Sums }>;
  byFunder: Row[]; byOrganisation: Row[]; bySector: Row[]; byQuarter: Row[];
}

const figures = (s: Sums) => [s.budget.pence, s.committed.pence, s.spent.pence, s.remaining.pence];
const sums = (budget: number, committed: number, spent: number) => [budget, committed, spent, budget - committed - spent];

const stream = (token: string, id: string) =>
  portal.graphql<{ fundingStream: { id: string; name: string; summary: Sums; courses: StreamCourse[] } | null }>(STREAM, { id }, { token });
const entries = (token: string | null, filter: Record<string, unknown>, page: { first?: number; after?: string } = {}):
  Promise<GraphQLResponse<{ ledgerEntries: Connection }>> =>
  portal.graphql<{ ledgerEntries: Connection }>(ENTRIES, { filter: { partnershipSlug: SLUG, financialYear: YEAR, ...filter }, ...page }, { token });

async function summaryOf(token: string, filter: Record<string, unknown>): Promise<number[]> {
  const response = await entries(token, filter, { first: 1 });
  expect(response.errors).toBeUndefined();
  return figures(response.data!.ledgerEntries.summary);
}

async function book(token: string, sessionId: string, personId?: string): Promise<string> {
  const response = await portal.graphql<{ bookSession: { booking: { id: string; status: string } | null; userErrors: unknown[] } }>(
    `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { field message code } } }`,
    { input: { sessionId, personId } }, { token });
  expect(response.data!.bookSession.userErrors).toEqual([]);
  expect(response.data!.bookSession.booking!.status).toBe('CONFIRMED');
  return response.data!.bookSession.booking!.id;
}

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  for (const who of ['admin', 'steering', 'lead', 'learner', 'volunteer']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  tokens.otherAdmin = (await otherPartnershipAdmin(portal)).token;
  const db = portal.dataSource;
  ids.gp = (await db.query(`SELECT id FROM partnership WHERE slug = $1`, [SLUG]))[0].id;
  ids.pcc = await organisationId(portal, 'PCC');
  ids.psh = await organisationId(portal, 'PSHNHSFT');

  // S: the council's stream (£1,000). T: the trust's (£2,000), which a council place is also charged to.
  ids.s = await makeStream(db, { partnershipId: ids.gp, managingOrganisationId: ids.pcc, budgetPence: 100_000, name: `Council drill-down ${randomUUID().slice(0, 6)}` });
  ids.t = await makeStream(db, { partnershipId: ids.gp, managingOrganisationId: ids.psh, budgetPence: 200_000, name: `Trust drill-down ${randomUUID().slice(0, 6)}` });
  ids.k = await makeCourse(db, ids.gp, ids.psh, { title: 'Drill-down course K', costPence: 5_000 });
  ids.l = await makeCourse(db, ids.gp, ids.psh, { title: 'Drill-down course L', costPence: 3_000 });
  await chargeCourseTo(db, ids.k, ids.s);
  await chargeCourseTo(db, ids.l, ids.t);
  ids.k1 = await makeSession(db, ids.gp, ids.k, { startsInDays: 30, capacity: 6 });
  ids.k2 = await makeSession(db, ids.gp, ids.k, { startsInDays: 40, capacity: 6 });
  ids.l1 = await makeSession(db, ids.gp, ids.l, { startsInDays: 35, capacity: 10 });
  await makeAllocation(db, ids.gp, ids.k1, ids.pcc, 2);

  const [p1, p2, p3] = await makeSignedInPeople(db, ids.gp, 3, { organisationId: ids.pcc });
  const [h1, h2] = await makeSignedInPeople(db, ids.gp, 2, { organisationId: ids.psh });
  const [v1] = await makeSignedInPeople(db, ids.gp, 1, { kind: 'volunteer' });
  // The council asks line managers to approve: its lead books for its staff, which needs none.
  ids.p1k1 = await book(tokens.lead, ids.k1, p1.personId);
  ids.h1k1 = await book(h1.token, ids.k1);
  ids.v1k1 = await book(v1.token, ids.k1);
  ids.p2k2 = await book(tokens.lead, ids.k2, p2.personId);
  ids.p3l1 = await book(tokens.lead, ids.l1, p3.personId);
  ids.h2l1 = await book(h2.token, ids.l1);
  const cancelled = await portal.graphql<{ cancelBooking: { userErrors: unknown[] } }>(
    'mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { userErrors { code } } }', { input: { bookingId: ids.p2k2 } }, { token: tokens.lead });
  expect(cancelled.data!.cancelBooking.userErrors).toEqual([]);

  // K1 has started: the register turns its commitments into spend (the trust's h1 did not come).
  await db.query(`UPDATE training_session SET starts_at = now() - interval '1 hour', ends_at = now() + interval '2 hours',
    booking_closes_at = now() - interval '2 hours', release_at = now() - interval '2 hours' WHERE id = $1`, [ids.k1]);
  const register = await portal.graphql<{ recordAttendance: { userErrors: unknown[] } }>(
    'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { userErrors { field code } } }',
    { input: { sessionId: ids.k1, attendance: [{ bookingId: ids.p1k1, attended: true }, { bookingId: ids.h1k1, attended: false },
      { bookingId: ids.v1k1, attended: true }] } }, { token: tokens.admin });
  expect(register.data!.recordAttendance.userErrors).toEqual([]);
}, 120_000);

afterEach(async () => {
  await expectLedgerInvariants(portal.dataSource);
});

afterAll(async () => {
  await portal?.stop();
});

describe('a stream\'s courses and sessions', () => {
  it('sums each course and session of the stream, with their seats', async () => {
    const response = await stream(tokens.admin, ids.s);
    expect(response.errors).toBeUndefined();
    const { courses, summary } = response.data!.fundingStream!;
    // Three £50 places spent at K1 (one a no-show); K2's place committed, then released.
    expect(figures(summary)).toEqual(sums(100_000, 0, 15_000));
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({ courseId: ids.k, title: 'Drill-down course K' });
    expect(figures(courses[0].summary)).toEqual(sums(0, 0, 15_000));
    expect(courses[0].sessions.map((s) => [s.sessionId, s.cancelled, s.seatsUsed, s.seatsOffered, figures(s.summary)])).toEqual([
      [ids.k1, false, 2, 6, sums(0, 0, 15_000)],
      [ids.k2, false, 0, 6, sums(0, 0, 0)],
    ]);
  });

  it('shows a lead their organisation\'s slice of another organisation\'s stream, and its seats', async () => {
    const lead = (await stream(tokens.lead, ids.t)).data!.fundingStream!;
    // Of the trust's stream, the council sees its own place at L1 only (not the budget, not the trust's place).
    expect(figures(lead.summary)).toEqual(sums(0, 3_000, 0));
    expect(lead.courses.map((c) => [c.courseId, figures(c.summary)])).toEqual([[ids.l, sums(0, 3_000, 0)]]);
    // The council holds no seats at L1; its one place came from the pool, so it was offered that place and used it.
    expect(lead.courses[0].sessions.map((s) => [s.sessionId, s.seatsUsed, s.seatsOffered])).toEqual([[ids.l1, 1, 1]]);
    const admin = (await stream(tokens.admin, ids.t)).data!.fundingStream!;
    expect(admin.courses[0].sessions.map((s) => [s.seatsUsed, s.seatsOffered, figures(s.summary)])).toEqual([[2, 10, sums(0, 6_000, 0)]]);
    // On the council's own stream the lead is offered the council's allocated seats.
    const own = (await stream(tokens.lead, ids.s)).data!.fundingStream!;
    expect(own.courses[0].sessions.map((s) => [s.seatsUsed, s.seatsOffered])).toEqual([[1, 2], [0, 0]]);
  });

  it('loads the courses of every stream in a list with one statement', async () => {
    const list = (withCourses: boolean) => portal.graphql<{ fundingStreams: Array<{ id: string; courses?: StreamCourse[] }> }>(
      `query($slug: String!, $year: String) { fundingStreams(partnershipSlug: $slug, financialYear: $year) {
        id ${withCourses ? 'courses { courseId sessions { sessionId } }' : ''} } }`, { slug: SLUG, year: YEAR }, { token: tokens.admin });
    const [without, withCourses] = [await list(false), await list(true)];
    expect(withCourses.errors).toBeUndefined();
    expect(withCourses.data!.fundingStreams.length).toBeGreaterThanOrEqual(2);
    expect(withCourses.extensions!.sqlStatements).toBe(without.extensions!.sqlStatements! + 1);
  });
});

describe('ledgerEntries', () => {
  it('traces every figure of the overview to entries whose summary is that figure', async () => {
    // A lead's overview is the council's own money: the entries that name the council.
    for (const [who, own] of [['admin', {}], ['lead', { organisationId: ids.pcc }]] as const) {
      const token = tokens[who];
      const o = (await portal.graphql<{ fundingOverview: Overview }>(OVERVIEW, { slug: SLUG, year: YEAR }, { token })).data!.fundingOverview;
      expect(await summaryOf(token, own)).toEqual(figures(o.totals));
      expect((await summaryOf(token, { ...own, wasted: true }))[2]).toBe(o.noShowCost.pence);
      for (const row of o.byStream) expect(await summaryOf(token, { ...own, streamId: row.stream.id })).toEqual(figures(row.summary));
      for (const row of o.byFunder) expect(await summaryOf(token, { ...own, funderName: row.key })).toEqual(figures(row.summary));
      for (const row of o.byOrganisation) expect(await summaryOf(token, { ...own, organisationId: row.key })).toEqual(figures(row.summary));
      for (const row of o.bySector) expect(await summaryOf(token, { ...own, sector: row.key })).toEqual(figures(row.summary));
      for (const row of o.byQuarter) expect(await summaryOf(token, { ...own, quarter: Number(row.key.slice(1)) })).toEqual(figures(row.summary));
    }
  });

  it('traces a course row and a session row of a stream', async () => {
    for (const [who, streamId] of [['admin', ids.s], ['admin', ids.t], ['lead', ids.t]]) {
      const { courses } = (await stream(tokens[who], streamId)).data!.fundingStream!;
      for (const course of courses) {
        expect(await summaryOf(tokens[who], { streamId, courseId: course.courseId })).toEqual(figures(course.summary));
        for (const session of course.sessions) {
          expect(await summaryOf(tokens[who], { streamId, sessionId: session.sessionId })).toEqual(figures(session.summary));
        }
      }
    }
  });

  it('pages through a stream\'s entries newest first, each entry once', async () => {
    const seen: EntryNode[] = [];
    let after: string | undefined;
    let total = 0;
    for (;;) {
      const response = await entries(tokens.admin, { streamId: ids.s }, { first: 2, after });
      expect(response.errors).toBeUndefined();
      const page = response.data!.ledgerEntries;
      total = page.totalCount;
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    const rows: Array<{ id: string }> = await portal.dataSource.query(
      'SELECT id FROM ledger_entry WHERE stream_id = $1 ORDER BY occurred_at DESC, stream_id DESC, sequence DESC', [ids.s]);
    expect(seen.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect(total).toBe(rows.length);
    // The stream's set-up is the oldest entry: last.
    expect(seen.at(-1)!.kind).toBe('BUDGET');
    expect(seen.map((e) => e.occurredAt)).toEqual([...seen.map((e) => e.occurredAt)].sort().reverse());
    // Budget; three commitments at K1 and one at K2; K2's release; the register's release and spend for each place at K1.
    expect(seen.map((e) => e.kind).sort()).toEqual(['BUDGET', 'COMMITMENT', 'COMMITMENT', 'COMMITMENT', 'COMMITMENT', 'RELEASE', 'RELEASE', 'RELEASE',
      'RELEASE', 'SPEND', 'SPEND', 'SPEND']);
  });

  it('shows each entry\'s stream, organisation, course, effect and balance after, and never a person', async () => {
    const page = (await entries(tokens.admin, { streamId: ids.s, sessionId: ids.k1, kind: 'SPEND', wasted: true })).data!.ledgerEntries;
    expect(page.totalCount).toBe(1);
    const entry = page.edges[0].node;
    expect(entry).toMatchObject({ kind: 'SPEND', amount: { pence: 5_000 }, wasted: true, courseId: ids.k, courseTitle: 'Drill-down course K',
      sessionId: ids.k1, bookingId: ids.h1k1, stream: { id: ids.s }, organisation: { id: ids.psh } });
    expect(figures(entry.effect)).toEqual([0, 0, 5_000, -5_000]);
    const [after] = await portal.dataSource.query('SELECT budget_after_pence, committed_after_pence, spent_after_pence FROM ledger_entry WHERE id = $1', [entry.id]);
    expect(figures(entry.balanceAfter).slice(0, 3)).toEqual([Number(after.budget_after_pence), Number(after.committed_after_pence), Number(after.spent_after_pence)]);
    const volunteer = (await entries(tokens.admin, { streamId: ids.s, organisationId: 'none', kind: 'SPEND' })).data!.ledgerEntries;
    expect(volunteer.edges.map((e) => [e.node.bookingId, e.node.organisation])).toEqual([[ids.v1k1, null]]);

    const type = await portal.graphql<{ __type: { fields: Array<{ name: string; type: { name: string | null; ofType: { name: string | null } | null } }> } }>(
      '{ __type(name: "LedgerEntry") { fields { name type { name ofType { name } } } } }');
    const fields = type.data!.__type.fields;
    expect(fields.filter((f) => /person|people|booker|learner/i.test(f.name) || [f.type.name, f.type.ofType?.name].includes('Person'))).toEqual([]);
  });

  it('shows a lead only the entries in their scope', async () => {
    const page = (await entries(tokens.lead, { streamId: ids.t })).data!.ledgerEntries;
    expect(page.edges.map((e) => [e.node.kind, e.node.organisation?.id, e.node.bookingId])).toEqual([['COMMITMENT', ids.pcc, ids.p3l1]]);
    const everyone = (await entries(tokens.admin, { streamId: ids.t })).data!.ledgerEntries;
    expect(everyone.totalCount).toBe(3);
  });

  it('costs the same number of statements for a page of 2 and of 50', async () => {
    // Both pages hold entries with an organisation and a course, so each field's loader runs once in both.
    const small = await entries(tokens.admin, { streamId: ids.s }, { first: 2 });
    const large = await entries(tokens.admin, { streamId: ids.s }, { first: 50 });
    expect(large.data!.ledgerEntries.edges.length).toBeGreaterThan(10);
    expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
  });

  it('refuses bad pages, cursors and filters as the caller\'s mistakes', async () => {
    const cases: Array<[Record<string, unknown>, { first?: number; after?: string }, string[], string?]> = [
      [{}, { first: 0 }, ['first'], 'OUT_OF_RANGE'],
      [{}, { first: 201 }, ['first'], 'OUT_OF_RANGE'],
      [{}, { after: 'not-a-cursor' }, ['after'], 'INVALID_CURSOR'],
      [{}, { after: Buffer.from(JSON.stringify(['2026-01-01', 'x', '1'])).toString('base64url') }, ['after'], 'INVALID_CURSOR'],
      // Times JavaScript's Date.parse takes and PostgreSQL would refuse (a 500 if they reached it).
      ...['1', '2020-02-30T00:00:00+00:00', 'Tuesday 2020'].map((time) => [{}, {
        after: Buffer.from(JSON.stringify([time, '00000000-0000-4000-8000-000000000000', '1'])).toString('base64url') }, ['after'],
      'INVALID_CURSOR'] as [Record<string, unknown>, { first?: number; after?: string }, string[], string?]),
      [{ financialYear: '2026' }, {}, ['filter', 'financialYear'], 'INVALID_FINANCIAL_YEAR'],
      [{ streamId: 'stream-1' }, {}, ['filter', 'streamId']],
      [{ organisationId: 'nobody' }, {}, ['filter', 'organisationId']],
      [{ sector: 'space_agency' }, {}, ['filter', 'sector']],
      [{ quarter: 5 }, {}, ['filter', 'quarter']],
      [{ partnershipSlug: 'no-such-partnership' }, {}, ['filter', 'partnershipSlug'], 'NOT_FOUND'],
    ];
    for (const [filter, page, field, code] of cases) {
      const response = await entries(tokens.admin, filter, page);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].extensions!.userErrors).toEqual([expect.objectContaining({ field, ...(code ? { code } : {}) })]);
    }
    // A page of 200 is allowed.
    expect((await entries(tokens.admin, {}, { first: 200 })).errors).toBeUndefined();
  });

  it('refuses those who may not see funding, and another partnership', async () => {
    expect(errorCode(await entries(tokens.learner, {}))).toBe('FORBIDDEN');
    expect(errorCode(await entries(tokens.volunteer, {}))).toBe('FORBIDDEN');
    expect(errorCode(await entries(null, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await entries(tokens.otherAdmin, {}))).toBe('FORBIDDEN');
  });
});

describe('an entry recorded by hand', () => {
  it('answers recordLedgerEntry with the same LedgerEntry fields, and the stream\'s course figures include it', async () => {
    const response = await portal.graphql<{ recordLedgerEntry: { entry: EntryNode & { stream: { summary: Sums } } | null; userErrors: unknown[] } }>(
      `mutation($input: RecordLedgerEntryInput!) { recordLedgerEntry(input: $input) { userErrors { field code message }
        entry { id kind amount { pence } courseId courseTitle sessionId organisation { id } stream { id summary { ${SUMS} } } effect { ${SUMS} } } } }`,
      { input: { streamId: ids.s, kind: 'SPEND', amount: '12.00', reason: 'Trainer travel, invoice 4471', sessionId: ids.k1 } }, { token: tokens.lead });
    expect(response.data!.recordLedgerEntry.userErrors).toEqual([]);
    const entry = response.data!.recordLedgerEntry.entry!;
    expect(entry).toMatchObject({ kind: 'SPEND', amount: { pence: 1_200 }, courseId: ids.k, courseTitle: 'Drill-down course K', sessionId: ids.k1,
      organisation: null, stream: { id: ids.s } });
    expect(figures(entry.stream.summary)).toEqual(sums(100_000, 0, 16_200));
    const { courses } = (await stream(tokens.admin, ids.s)).data!.fundingStream!;
    expect(figures(courses[0].summary)).toEqual(sums(0, 0, 16_200));
    expect(figures(courses[0].sessions[0].summary)).toEqual(sums(0, 0, 16_200));
  });
});
