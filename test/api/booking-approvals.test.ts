import { startPortal, type RunningPortal } from '../support/start-portal';
import { sessionFor } from '../support/people-fixtures';

/** Requests wait for the approvals their organisation's policy asks for; a decline frees the seat for the next in line. */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
/** Everyone the tests book for: a session is picked on a course none of them holds a place on (the one-place-a-course rule would refuse them). */
const people: string[] = [];

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code message } } }`;
const DECIDE = `mutation($input: DecideBookingInput!) { decideBooking(input: $input) { booking { id status } userErrors { field code message } } }`;
const QUEUE = '{ bookingRequests { id status person { email } } }';
type BookData = { bookSession: { booking: { id: string; status: string } | null; userErrors: Array<{ code: string; message: string }> } };
type DecideData = { decideBooking: { booking: { id: string; status: string } | null; userErrors: Array<{ field: string[]; code: string }> } };
type QueueData = { bookingRequests: Array<{ id: string; status: string; person: { email: string } }> };

const book = (who: string, sessionId: string) => portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token: tokens[who] });
const decide = (who: string, input: Record<string, unknown>) => portal.graphql<DecideData>(DECIDE, { input }, { token: tokens[who] });
const queue = async (who: string) => (await portal.graphql<QueueData>(QUEUE, undefined, { token: tokens[who] })).data!.bookingRequests.map((b) => b.id);

/**
 * An open staff session with no allocations (every seat is the pool's, so who waits is
 * predictable), on a course none of the tests' people holds a booking on: which demo sessions are
 * still open depends on the time of day the tests run.
 */
async function openStaffSession(skip: string[] = [], minFree = 3): Promise<string> {
  const [row] = await portal.dataSource.query(
    `SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id JOIN partnership p ON p.id = s.partnership_id
     WHERE p.slug = 'greater-peterborough' AND s.status = 'scheduled' AND s.booking_closes_at > now() AND c.visibility = 'public'
       AND c.audience IN ('staff', 'both') AND c.eligible_sectors = '{}' AND s.allocated_seats = 0 AND s.capacity - s.pool_seats_taken >= $2
       AND NOT (s.id = ANY($1::uuid[]))
       AND NOT EXISTS (SELECT 1 FROM training_session cs JOIN booking b ON b.session_id = cs.id
         WHERE cs.course_id = s.course_id AND b.person_id = ANY($3::uuid[]))
     ORDER BY s.starts_at LIMIT 1`, [skip, minFree, people]);
  if (!row) throw new Error('no open staff session left on a course these people have not booked');
  return row.id;
}

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  for (const who of ['learner', 'manager', 'lead', 'volunteer']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  // Journey 3: a care-home worker and their line manager.
  const [worker] = await portal.dataSource.query(`SELECT p.id, p.line_manager_id FROM person p JOIN organisation o ON o.id = p.organisation_id
    WHERE o.sector = 'care_home' AND p.line_manager_id IS NOT NULL AND p.kind = 'staff' LIMIT 1`);
  tokens.careWorker = await sessionFor(portal.dataSource, worker.id);
  tokens.careManager = await sessionFor(portal.dataSource, worker.line_manager_id);
  const accounts: Array<{ id: string }> = await portal.dataSource.query(`SELECT id FROM person WHERE email = ANY($1::text[])`,
    [['learner', 'manager', 'lead', 'volunteer'].map((who) => `${who}@demo.portal`)]);
  people.push(...accounts.map((a) => a.id), worker.id, worker.line_manager_id);
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

describe('approval by line manager', () => {
  it('journey 3: a care-home worker requests, their manager approves, the place is confirmed', async () => {
    ids.s1 = await openStaffSession();
    const requested = await book('careWorker', ids.s1);
    expect(requested.data!.bookSession.booking!.status).toBe('REQUESTED');
    const id = requested.data!.bookSession.booking!.id;
    expect(await queue('careManager')).toContain(id);
    expect(await queue('careWorker')).not.toContain(id);
    const approved = await decide('careManager', { bookingId: id, approve: true, note: 'Good for your role' });
    expect(approved.data!.decideBooking.booking).toEqual({ id, status: 'CONFIRMED' });
    expect(await queue('careManager')).not.toContain(id);
    const again = await decide('careManager', { bookingId: id, approve: true });
    expect(again.data!.decideBooking.userErrors[0].code).toBe('NOT_REQUESTED');
  });

  it('lets only the right approver decide', async () => {
    const requested = await book('learner', ids.s1);
    const id = requested.data!.bookSession.booking!.id;
    expect(requested.data!.bookSession.booking!.status).toBe('REQUESTED');
    for (const who of ['learner', 'lead', 'careManager', 'volunteer']) {
      const response = await decide(who, { bookingId: id, approve: true });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await portal.graphql(DECIDE, { input: { bookingId: id, approve: true } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await queue('lead')).not.toContain(id);
    expect((await decide('manager', { bookingId: id, approve: true })).data!.decideBooking.booking!.status).toBe('CONFIRMED');
  });

  it('refuses bad and unknown ids, and other partnerships\' bookings, writing nothing', async () => {
    const [other] = await portal.dataSource.query(`SELECT b.id FROM booking b JOIN partnership p ON p.id = b.partnership_id
      WHERE p.slug = 'fenland-care-partnership' LIMIT 1`);
    for (const [bookingId, code] of [['nope', 'INVALID'], ['00000000-0000-4000-8000-000000000000', 'NOT_FOUND'], [other.id, 'NOT_FOUND']]) {
      const response = await decide('manager', { bookingId, approve: false });
      expect(response.data!.decideBooking.userErrors[0]).toMatchObject({ field: ['input', 'bookingId'], code });
    }
    const long = await decide('manager', { bookingId: other.id, approve: false, note: 'x'.repeat(1001) });
    expect(long.data!.decideBooking.userErrors[0].field).toEqual(['input', 'note']);
  });
});

describe('declining and two-step policies', () => {
  it('declines, gives the seat back and promotes the first person waiting', async () => {
    const sessionId = await openStaffSession([ids.s1], 1);
    const [session] = await portal.dataSource.query('SELECT capacity, allocated_seats, pool_seats_taken FROM training_session WHERE id = $1', [sessionId]);
    // Leave one pool seat (counters only: nobody needs to hold the others here), so the next person waits.
    const free = session.capacity - session.allocated_seats - session.pool_seats_taken;
    await portal.dataSource.query(`UPDATE training_session SET pool_seats_taken = pool_seats_taken + $2, seats_taken = seats_taken + $2 WHERE id = $1`,
      [sessionId, free - 1]);
    const request = await book('learner', sessionId);
    expect(request.data!.bookSession.booking!.status).toBe('REQUESTED');
    const waiting = await book('careWorker', sessionId);
    expect(waiting.data!.bookSession.booking!.status).toBe('WAITLISTED');
    const declined = await decide('manager', { bookingId: request.data!.bookSession.booking!.id, approve: false, note: 'Rota is full that week' });
    expect(declined.data!.decideBooking.booking!.status).toBe('DECLINED');
    const [promoted] = await portal.dataSource.query('SELECT status FROM booking WHERE id = $1', [waiting.data!.bookSession.booking!.id]);
    expect(promoted.status).toBe('requested'); // the care home's policy asks their manager in turn
    const audit = await portal.dataSource.query(`SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id`, [request.data!.bookSession.booking!.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['bookings.created', 'bookings.declined']);
  });

  it('asks only the lead when the policy says so', async () => {
    await portal.dataSource.query(`UPDATE organisation SET approval_policy = 'ld_lead' WHERE short_code = 'PCC'`);
    const sessionId = await openStaffSession([ids.s1]);
    ids.s2 = sessionId;
    const requested = await book('learner', sessionId);
    const id = requested.data!.bookSession.booking!.id;
    expect(requested.data!.bookSession.booking!.status).toBe('REQUESTED');
    expect(await queue('manager')).not.toContain(id);
    expect(await queue('lead')).toContain(id);
    expect((await decide('manager', { bookingId: id, approve: true })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await decide('lead', { bookingId: id, approve: true })).data!.decideBooking.booking!.status).toBe('CONFIRMED');
  });

  it('asks the manager, then the lead, when the policy says both', async () => {
    await portal.dataSource.query(`UPDATE organisation SET approval_policy = 'line_manager_then_ld_lead' WHERE short_code = 'PCC'`);
    const sessionId = await openStaffSession([ids.s1, ids.s2]);
    ids.s3 = sessionId;
    const requested = await book('learner', sessionId);
    const id = requested.data!.bookSession.booking!.id;
    expect(await queue('lead')).not.toContain(id);
    expect((await decide('manager', { bookingId: id, approve: true })).data!.decideBooking.booking!.status).toBe('REQUESTED');
    expect(await queue('manager')).not.toContain(id);
    expect(await queue('lead')).toContain(id);
    expect((await decide('lead', { bookingId: id, approve: true })).data!.decideBooking.booking!.status).toBe('CONFIRMED');
  });

  it("confirms an L&D lead's own place at once: a lead would only be approving their own request", async () => {
    await portal.dataSource.query(`UPDATE organisation SET approval_policy = 'line_manager_then_ld_lead' WHERE short_code = 'PCC'`);
    const sessionId = await openStaffSession([ids.s1, ids.s2, ids.s3].filter(Boolean));
    const option = await portal.graphql<{ session: { bookingOption: { action: string; label: string } } }>(
      'query($id: ID!) { session(id: $id) { bookingOption { action label } } }', { id: sessionId }, { token: tokens.lead });
    expect(option.data!.session.bookingOption).toEqual({ action: 'BOOK', label: 'Book a place' });
    const booked = await book('lead', sessionId);
    expect(booked.data!.bookSession.booking!.status).toBe('CONFIRMED');
    expect(await queue('lead')).not.toContain(booked.data!.bookSession.booking!.id);
    // The learner under the same policy still asks their manager first.
    const asked = await book('learner', sessionId);
    expect(asked.data!.bookSession.booking!.status).toBe('REQUESTED');
  });
});
