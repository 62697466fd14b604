import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';

/**
 * Session.bookingOption says, before the press, what bookSession would do for the viewer; it is
 * checked here against what bookSession then does. Session.myBooking is the viewer's own place.
 */
let portal: RunningPortal;
let partnershipId: string;
let provider: string;

const OPTION = `query($id: ID!) { session(id: $id) { id bookingOption { action label detail canBook waitlistPosition }
  myBooking { id status waitlistPosition } } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status waitlistPosition } userErrors { field code message } } }`;
type OptionData = { session: { bookingOption: { action: string; label: string; detail: string | null; canBook: boolean; waitlistPosition: number | null };
  myBooking: { id: string; status: string; waitlistPosition: number | null } | null } };
type BookData = { bookSession: { booking: { id: string; status: string; waitlistPosition: number | null } | null;
  userErrors: Array<{ field: string[]; code: string; message: string }> } };

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  const p = await makePartnership(portal.dataSource, 'options');
  partnershipId = p.id;
  provider = await makeOrganisation(portal.dataSource, p.id, { shortCode: 'OPT' });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

const option = async (sessionId: string, token?: string) =>
  (await portal.graphql<OptionData>(OPTION, { id: sessionId }, { token })).data!.session;
const book = async (sessionId: string, token: string) =>
  (await portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token })).data!.bookSession;

it('states the outcome before the press, and the press does what it said', async () => {
  const course = await makeCourse(portal.dataSource, partnershipId, provider, { title: 'Conflict Resolution', audience: 'both' });
  const sessionId = await makeSession(portal.dataSource, partnershipId, course, { startsInDays: 30, capacity: 2 });
  const [a, b, c, d, e] = await makeSignedInPeople(portal.dataSource, partnershipId, 5);

  expect((await option(sessionId)).bookingOption).toMatchObject({ action: 'SIGN_IN', canBook: false });
  expect(await option(sessionId, a.token)).toMatchObject({ bookingOption: { action: 'BOOK', label: 'Book a place', canBook: true }, myBooking: null });
  expect((await book(sessionId, a.token)).booking!.status).toBe('CONFIRMED');
  expect(await option(sessionId, a.token)).toMatchObject({ bookingOption: { action: 'BOOKED', label: 'You are booked on this session', canBook: false },
    myBooking: { status: 'CONFIRMED' } });
  await book(sessionId, b.token);
  // Full: the next person is told the place they would have, and gets it.
  expect((await option(sessionId, c.token)).bookingOption).toMatchObject({ action: 'JOIN_WAITING_LIST',
    label: 'Join the waiting list (you would be number 1)', waitlistPosition: 1 });
  expect((await book(sessionId, c.token)).booking).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
  await book(sessionId, d.token);
  expect((await option(sessionId, e.token)).bookingOption.label).toBe('Join the waiting list (you would be number 3)');
  expect((await book(sessionId, e.token)).booking).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 3 });
  expect(await option(sessionId, d.token)).toMatchObject({ bookingOption: { action: 'WAITLISTED', label: 'You are number 2 on the waiting list' },
    myBooking: { status: 'WAITLISTED', waitlistPosition: 2 } });
});

it('names the approver when the organisation asks for one, and the press requests', async () => {
  const careHome = await makeOrganisation(portal.dataSource, partnershipId, { shortCode: 'CARE', sector: 'care_home' });
  await portal.dataSource.query(`UPDATE organisation SET approval_policy = 'line_manager' WHERE id = $1`, [careHome]);
  const [manager, worker] = await makeSignedInPeople(portal.dataSource, partnershipId, 2, { organisationId: careHome });
  await portal.dataSource.query('UPDATE person SET line_manager_id = $1 WHERE id = $2', [manager.personId, worker.personId]);
  const course = await makeCourse(portal.dataSource, partnershipId, provider, { title: 'Moving and Handling', audience: 'both' });
  const sessionId = await makeSession(portal.dataSource, partnershipId, course, { startsInDays: 20, capacity: 10 });
  expect((await option(sessionId, worker.token)).bookingOption).toMatchObject({ action: 'REQUEST', label: 'Request a place: your line manager approves' });
  expect((await book(sessionId, worker.token)).booking!.status).toBe('REQUESTED');
  expect((await option(sessionId, worker.token)).bookingOption.action).toBe('REQUESTED');
});

it('says why a person cannot book, and bookSession refuses for that reason', async () => {
  const staffOnly = await makeCourse(portal.dataSource, partnershipId, provider, { title: 'Clinical Supervision', audience: 'staff' });
  const sessionId = await makeSession(portal.dataSource, partnershipId, staffOnly, { startsInDays: 20, capacity: 10 });
  const [volunteer] = await makeSignedInPeople(portal.dataSource, partnershipId, 1, { kind: 'volunteer' });
  expect((await option(sessionId, volunteer.token)).bookingOption).toMatchObject({ action: 'NOT_BOOKABLE', label: 'Staff only', canBook: false });
  expect((await book(sessionId, volunteer.token)).userErrors[0].code).toBe('WRONG_AUDIENCE');
  await portal.dataSource.query(`UPDATE training_session SET booking_closes_at = now() - interval '1 minute' WHERE id = $1`, [sessionId]);
  const [staff] = await makeSignedInPeople(portal.dataSource, partnershipId, 1, { organisationId: provider });
  expect((await option(sessionId, staff.token)).bookingOption.label).toBe('Booking closed');
  expect((await book(sessionId, staff.token)).userErrors[0].code).toBe('BOOKING_CLOSED');
});

it('refuses a second live place on the same course, says so before the press, and lets a lead book one with a reason', async () => {
  const course = await makeCourse(portal.dataSource, partnershipId, provider, { title: 'Fire Safety', audience: 'both' });
  const first = await makeSession(portal.dataSource, partnershipId, course, { startsInDays: 40, capacity: 10 });
  const second = await makeSession(portal.dataSource, partnershipId, course, { startsInDays: 60, capacity: 10 });
  const [person] = await makeSignedInPeople(portal.dataSource, partnershipId, 1, { organisationId: provider });
  expect((await book(first, person.token)).booking!.status).toBe('CONFIRMED');
  const [{ starts }] = await portal.dataSource.query(
    `SELECT to_char(starts_at AT TIME ZONE 'Europe/London', 'FMDD FMMonth') AS starts FROM training_session WHERE id = $1`, [first]);
  expect((await option(second, person.token)).bookingOption).toMatchObject({ action: 'BOOKED_ON_ANOTHER_DATE', label: `You are booked on ${starts}`, canBook: false });
  const refused = await book(second, person.token);
  expect(refused.booking).toBeNull();
  expect(refused.userErrors[0]).toMatchObject({ field: ['input', 'sessionId'], code: 'ALREADY_ON_COURSE' });
  expect(refused.userErrors[0].message).toContain(starts);
  expect(await portal.dataSource.query('SELECT 1 FROM booking WHERE session_id = $1', [second])).toHaveLength(0);

  // The organisation's lead is warned too, and may book the second place with a reason, which is audited.
  const [lead] = await makeSignedInPeople(portal.dataSource, partnershipId, 1, { organisationId: provider });
  await portal.dataSource.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, 'ld_lead', $3)`,
    [partnershipId, lead.personId, provider]);
  const BOOK_FOR = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { field code message } } }`;
  const warned = await portal.graphql<BookData>(BOOK_FOR, { input: { sessionId: second, personId: person.personId } }, { token: lead.token });
  expect(warned.data!.bookSession.userErrors[0]).toMatchObject({ field: ['input', 'secondPlaceReason'], code: 'ALREADY_ON_COURSE' });
  const booked = await portal.graphql<BookData>(BOOK_FOR, { input: { sessionId: second, personId: person.personId,
    secondPlaceReason: 'Needs both: the first is a taster' } }, { token: lead.token });
  expect(booked.data!.bookSession.booking!.status).toBe('CONFIRMED');
  const [audit] = await portal.dataSource.query(`SELECT details FROM audit_log WHERE action = 'bookings.created' AND subject_id = $1`,
    [booked.data!.bookSession.booking!.id]);
  expect(audit.details.secondPlaceReason).toBe('Needs both: the first is a taster');

  // Once the first place is cancelled, the person may book another date themselves.
  const other = await makeSession(portal.dataSource, partnershipId, course, { startsInDays: 80, capacity: 10 });
  await portal.dataSource.query(`UPDATE booking SET status = 'cancelled', cancelled_at = now(), cancelled_late = false WHERE person_id = $1`, [person.personId]);
  expect((await option(other, person.token)).bookingOption.action).toBe('BOOK');
});

it('costs a fixed number of statements for a page of sessions, whatever its size', async () => {
  const course = await makeCourse(portal.dataSource, partnershipId, provider, { title: 'Information Governance', audience: 'both' });
  for (let i = 0; i < 12; i++) await makeSession(portal.dataSource, partnershipId, course, { startsInDays: 10 + i, capacity: 10 });
  const [viewer] = await makeSignedInPeople(portal.dataSource, partnershipId, 1);
  const PAGE = `query($first: Int) { sessions(partnershipSlug: "options", first: $first) { edges { node { id
    bookingOption { action label } myBooking { id } } } } }`;
  const small = await portal.graphql(PAGE, { first: 2 }, { token: viewer.token });
  const large = await portal.graphql(PAGE, { first: 12 }, { token: viewer.token });
  expect(small.errors).toBeUndefined();
  expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
});
