import { startPortal, type RunningPortal } from '../support/start-portal';

/**
 * What an approver and a lead need to decide well: a request's cost, the approvals it needs and
 * when it lapses, the person's other place on the same course (a clash), whose place "already
 * booked" is, and when an allocation's unused seats return to the pool.
 */
let portal: RunningPortal;
let clock: Date | null = null;
const tokens: Record<string, string> = {};

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { field code message } } }`;
const QUEUE = `{ bookingRequests { id cost { formatted } requestLapsesAt session { id startsAt course { title } }
  approvalSteps { approver given person { email } } otherPlacesOnCourse { bookingId sessionId startsAt status } } }`;
type BookData = { bookSession: { booking: { id: string; status: string } | null; userErrors: Array<{ field: string[]; code: string; message: string }> } };
interface Request {
  id: string; cost: { formatted: string }; requestLapsesAt: string | null; session: { id: string; startsAt: string; course: { title: string } };
  approvalSteps: Array<{ approver: string; given: boolean; person: { email: string } | null }>;
  otherPlacesOnCourse: Array<{ bookingId: string; sessionId: string; startsAt: string; status: string }>;
}

const book = (who: string, input: Record<string, unknown>) => portal.graphql<BookData>(BOOK, { input }, { token: tokens[who] });
const queue = (who: string) => portal.graphql<{ bookingRequests: Request[] }>(QUEUE, undefined, { token: tokens[who] });

/** Two open staff sessions of one course with pool seats (no allocations), soonest first. */
async function twoSessionsOfOneCourse(skipCourses: string[] = []): Promise<{ courseId: string; a: string; b: string; costPence: number }> {
  const [row] = await portal.dataSource.query(
    `SELECT c.id AS course_id, c.cost_per_place_pence, (array_agg(s.id ORDER BY s.starts_at))[1:2] AS ids
     FROM training_session s JOIN course c ON c.id = s.course_id JOIN partnership p ON p.id = s.partnership_id
     WHERE p.slug = 'greater-peterborough' AND s.status = 'scheduled' AND s.booking_closes_at > now() AND c.visibility = 'public'
       AND c.audience IN ('staff', 'both') AND c.eligible_sectors = '{}' AND s.allocated_seats = 0 AND s.capacity - s.pool_seats_taken >= 3
       AND NOT (c.id = ANY($1::uuid[]))
       AND NOT EXISTS (SELECT 1 FROM booking b JOIN training_session o ON o.id = b.session_id JOIN person pe ON pe.id = b.person_id
         WHERE o.course_id = c.id AND pe.email = 'learner@demo.portal' AND b.status IN ('requested', 'confirmed', 'waitlisted'))
     GROUP BY c.id HAVING count(*) >= 2 ORDER BY c.id LIMIT 1`, [skipCourses]);
  return { courseId: row.course_id, a: row.ids[0], b: row.ids[1], costPence: Number(row.cost_per_place_pence) };
}

beforeAll(async () => {
  // Sign-ins must outlive the clock's jump to a release time.
  const days60 = { sessionTtlHours: 24 * 60, privilegedSessionTtlHours: 24 * 60, sessionIdleMinutes: 60 * 24 * 60, privilegedSessionIdleMinutes: 60 * 24 * 60 };
  portal = await startPortal({ template: 'demo', clock: () => clock ?? new Date(), config: days60 });
  for (const who of ['learner', 'manager', 'lead']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

describe('requests to decide', () => {
  it('show the cost, the approvals needed, when the request lapses and the other place on the same course', async () => {
    const course = await twoSessionsOfOneCourse();
    const requested = await book('learner', { sessionId: course.a });
    expect(requested.data!.bookSession.booking!.status).toBe('REQUESTED');
    const requestId = requested.data!.bookSession.booking!.id;
    const [learner] = await portal.dataSource.query(`SELECT id, name FROM person WHERE email = 'learner@demo.portal'`);

    // The lead books a second date with a reason: the approver must see the clash.
    const second = await book('lead', { sessionId: course.b, personId: learner.id, secondPlaceReason: 'Needs it before the audit' });
    expect(second.data!.bookSession.userErrors).toEqual([]);
    const secondId = second.data!.bookSession.booking!.id;

    const response = await queue('manager');
    expect(response.errors).toBeUndefined();
    const request = response.data!.bookingRequests.find((r) => r.id === requestId)!;
    const [session] = await portal.dataSource.query('SELECT starts_at FROM training_session WHERE id = $1', [course.a]);
    const [other] = await portal.dataSource.query('SELECT starts_at FROM training_session WHERE id = $1', [course.b]);
    expect(request.cost.formatted).toBe(`£${(course.costPence / 100).toFixed(2)}`);
    expect(new Date(request.requestLapsesAt!).getTime()).toBe(new Date(session.starts_at).getTime() - 48 * 3_600_000);
    expect(request.approvalSteps).toEqual([{ approver: 'LINE_MANAGER', given: false, person: { email: 'manager@demo.portal' } }]);
    expect(request.otherPlacesOnCourse).toEqual([
      { bookingId: secondId, sessionId: course.b, startsAt: new Date(other.starts_at).toISOString(), status: 'CONFIRMED' }]);
  });

  it('are read in the same number of statements however many there are', async () => {
    const small = await queue('manager');
    const before = small.data!.bookingRequests.length;
    const course = await twoSessionsOfOneCourse();
    expect((await book('learner', { sessionId: course.a })).data!.bookSession.booking!.status).toBe('REQUESTED');
    const large = await queue('manager');
    expect(large.data!.bookingRequests.length).toBe(before + 1);
    expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
  });
});

describe('booking on behalf', () => {
  it('names the person who is already booked', async () => {
    const course = await twoSessionsOfOneCourse();
    const [learner] = await portal.dataSource.query(`SELECT id, name FROM person WHERE email = 'learner@demo.portal'`);
    expect((await book('lead', { sessionId: course.a, personId: learner.id })).data!.bookSession.userErrors).toEqual([]);
    const again = await book('lead', { sessionId: course.a, personId: learner.id });
    expect(again.data!.bookSession.userErrors).toEqual([{ field: ['input', 'personId'], code: 'ALREADY_BOOKED',
      message: `Already booked: ${learner.name} already has a place on this session.` }]);
    const onCourse = await book('lead', { sessionId: course.b, personId: learner.id });
    expect(onCourse.data!.bookSession.userErrors[0].code).toBe('ALREADY_ON_COURSE');
    expect(onCourse.data!.bookSession.userErrors[0].message).toMatch(new RegExp(`^${learner.name} already holds a place on this course on `));
    // Booked on both dates (with a reason): booking the same date again is "already booked", not a second-place question.
    expect((await book('lead', { sessionId: course.b, personId: learner.id, secondPlaceReason: 'Cover for a colleague' })).data!.bookSession.userErrors).toEqual([]);
    const sameDate = await book('lead', { sessionId: course.b, personId: learner.id });
    expect(sameDate.data!.bookSession.userErrors).toEqual([{ field: ['input', 'personId'], code: 'ALREADY_BOOKED',
      message: `Already booked: ${learner.name} already has a place on this session.` }]);
  });
});

describe("an organisation's allocation", () => {
  it('says when its unused seats return to the pool, and that they have once released', async () => {
    const [row] = await portal.dataSource.query(
      `SELECT s.id, s.release_at FROM training_session s JOIN seat_allocation a ON a.session_id = s.id
       JOIN person p ON p.organisation_id = a.organisation_id
       WHERE p.email = 'lead@demo.portal' AND s.status = 'scheduled' AND s.release_at > now() ORDER BY s.release_at LIMIT 1`);
    const SESSION = `query($id: ID!) { session(id: $id) { myOrganisationAllocation { seats seatsLeft releaseAt released } } }`;
    type SessionData = { session: { myOrganisationAllocation: { seats: number; seatsLeft: number; releaseAt: string; released: boolean } } };
    const before = (await portal.graphql<SessionData>(SESSION, { id: row.id }, { token: tokens.lead })).data!.session.myOrganisationAllocation;
    expect(before).toMatchObject({ releaseAt: new Date(row.release_at).toISOString(), released: false });
    clock = new Date(new Date(row.release_at).getTime() + 60_000);
    try {
      const after = (await portal.graphql<SessionData>(SESSION, { id: row.id }, { token: tokens.lead })).data!.session.myOrganisationAllocation;
      expect(after).toMatchObject({ releaseAt: new Date(row.release_at).toISOString(), released: true, seatsLeft: 0 });
    } finally {
      clock = null;
    }
  });
});

describe("a session's other dates", () => {
  const OTHER = `query($id: ID!) { session(id: $id) { id startsAt otherDates { id startsAt seatsLeft status } } }`;
  type OtherData = { session: { id: string; otherDates: Array<{ id: string; startsAt: string; seatsLeft: number; status: string }> } };

  it("lists the course's other upcoming scheduled sessions, soonest first, without the session itself", async () => {
    const [row] = await portal.dataSource.query(
      `SELECT s.course_id, (array_agg(s.id ORDER BY s.starts_at, s.id)) AS ids FROM training_session s
       WHERE s.status = 'scheduled' AND s.starts_at > now() GROUP BY s.course_id HAVING count(*) >= 3 ORDER BY count(*) DESC LIMIT 1`);
    const response = await portal.graphql<OtherData>(OTHER, { id: row.ids[1] }, { token: tokens.learner });
    expect(response.errors).toBeUndefined();
    const expected = row.ids.filter((id: string) => id !== row.ids[1]).slice(0, 10);
    expect(response.data!.session.otherDates.map((s) => s.id)).toEqual(expected);
    expect(response.data!.session.otherDates.every((s) => s.status === 'SCHEDULED')).toBe(true);
  });

  it('are read in the same number of statements for one session or a page of them', async () => {
    const PAGE = `query($first: Int!) { sessions(partnershipSlug: "greater-peterborough", first: $first) {
      edges { node { id otherDates { id startsAt seatsLeft } } } } }`;
    const small = await portal.graphql<unknown>(PAGE, { first: 1 }, { token: tokens.learner });
    const large = await portal.graphql<unknown>(PAGE, { first: 20 }, { token: tokens.learner });
    expect(large.errors).toBeUndefined();
    expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
  });
});
