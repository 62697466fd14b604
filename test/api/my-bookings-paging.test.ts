import { startPortal, type RunningPortal } from '../support/start-portal';

/**
 * myBookings pages newest first by the time each booking was made, to the microsecond: three
 * bookings made a microsecond apart come once each, one per page (a cursor rounded to the
 * millisecond, as a JavaScript Date is, would repeat the first).
 */
let portal: RunningPortal;
let token: string;
const booked: string[] = [];

const MINE = `query($after: String) { myBookings(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
type Mine = { myBookings: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string } }> } };

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  token = await portal.signIn('volunteer@demo.portal');
  const db = portal.dataSource;
  const [person] = await db.query(`SELECT id FROM person WHERE email = 'volunteer@demo.portal'`);
  // The volunteer's demo bookings are moved ten years back, behind this file's own.
  await db.query(`UPDATE booking SET created_at = created_at - interval '10 years' WHERE person_id = $1`, [person.id]);
  const sessions: Array<{ id: string }> = await db.query(
    `SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id JOIN partnership p ON p.id = s.partnership_id
     WHERE p.slug = 'greater-peterborough' AND s.status = 'scheduled' AND s.booking_closes_at > now() AND c.visibility = 'public'
       AND c.audience IN ('volunteers', 'both') AND c.cost_per_place_pence = 0 AND s.capacity - s.seats_taken > 5 AND c.eligible_sectors = '{}'
       AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.session_id = s.id AND b.person_id = $1)
     ORDER BY s.starts_at`, [person.id]);
  const seenCourses = new Set<string>();
  for (const { id } of sessions) {
    if (booked.length === 3) break;
    const response = await portal.graphql<{ bookSession: { booking: { id: string; session: { course: { id: string } } } | null } }>(
      `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id session { course { id } } } userErrors { code } } }`,
      { input: { sessionId: id } }, { token });
    const booking = response.data?.bookSession.booking;
    if (booking && !seenCourses.has(booking.session.course.id)) {
      seenCourses.add(booking.session.course.id);
      booked.push(booking.id);
    }
  }
  expect(booked).toHaveLength(3);
  // Newest first: booked[0] a microsecond after booked[1], which is a microsecond after booked[2].
  for (const [i, id] of booked.entries()) {
    await db.query(`UPDATE booking SET created_at = date_trunc('second', now()) + $2 * interval '1 microsecond' WHERE id = $1`, [id, 3 - i]);
  }
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

it('pages bookings made a microsecond apart once each, newest first', async () => {
  const pages: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 3; i += 1) {
    const response: { errors?: unknown; data?: Mine | null } = await portal.graphql<Mine>(MINE, { after }, { token });
    expect(response.errors).toBeUndefined();
    pages.push(...response.data!.myBookings.edges.map((e) => e.node.id));
    after = response.data!.myBookings.pageInfo.endCursor;
  }
  expect(pages).toEqual(booked);
});

it('refuses a cursor it did not make', async () => {
  const response = await portal.graphql<Mine>(MINE, { after: Buffer.from('["2026-01-01T00:00:00.000Z","x"]').toString('base64url') }, { token });
  expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(response.errors?.[0].extensions?.userErrors).toEqual([expect.objectContaining({ field: ['after'], code: 'INVALID_CURSOR' })]);
});
