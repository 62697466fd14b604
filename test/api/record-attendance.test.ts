import { expectLedgerInvariants } from '../support/ledger-invariants';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople, sessionFor } from '../support/people-fixtures';
import { chargeCourseTo, makeStream, streamFigures } from '../support/funding-fixtures';

/** The register turns each place's commitment into spend, a no-show's as wasted, in the same transaction. */
let portal: RunningPortal;
const ids: Record<string, string> = {};
let staff: Array<{ personId: string; token: string }>;

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code } } }`;
const REGISTER = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { session { id status } userErrors { field code message } } }`;
type RegisterData = { recordAttendance: { session: { id: string; status: string } | null; userErrors: Array<{ field: string[]; code: string }> } };

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  const db = portal.dataSource;
  const p = await makePartnership(db, 'register-ledger');
  ids.partnership = p.id;
  ids.provider = await makeOrganisation(db, p.id, { shortCode: 'PROV' });
  ids.employer = await makeOrganisation(db, p.id, { shortCode: 'EMPL', sector: 'care_home' });
  ids.course = await makeCourse(db, p.id, ids.provider, { title: 'Falls Prevention', audience: 'both', costPence: 4_000 });
  ids.stream = await makeStream(db, { partnershipId: p.id, managingOrganisationId: ids.employer, budgetPence: 100_000 });
  await chargeCourseTo(db, ids.course, ids.stream);
  staff = await makeSignedInPeople(db, p.id, 4, { organisationId: ids.employer });
  const [coordinator] = await makeSignedInPeople(db, p.id, 1, { organisationId: ids.provider });
  await db.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, 'provider_coordinator', $3)`,
    [p.id, coordinator.personId, ids.provider]);
  ids.coordinatorToken = await sessionFor(db, coordinator.personId);
}, 120_000);

afterEach(() => expectLedgerInvariants(portal.dataSource));

afterAll(async () => {
  await portal?.stop();
});

const figures = async () => {
  const { budget, committed, spent } = (await streamFigures(portal.dataSource, ids.stream)).running;
  return { budget, committed, spent };
};

describe('taking the register', () => {
  it('spends each confirmed place, marks no-shows as wasted and completes the session', async () => {
    const sessionId = await makeSession(portal.dataSource, ids.partnership, ids.course, { startsInDays: 2, capacity: 10 });
    const bookings: string[] = [];
    for (const person of staff.slice(0, 3)) {
      const booked = await portal.graphql<{ bookSession: { booking: { id: string; status: string } } }>(BOOK, { input: { sessionId } }, { token: person.token });
      expect(booked.data!.bookSession.booking.status).toBe('CONFIRMED');
      bookings.push(booked.data!.bookSession.booking.id);
    }
    expect(await figures()).toEqual({ budget: 100_000, committed: 12_000, spent: 0 });

    const early = await portal.graphql<RegisterData>(REGISTER, { input: { sessionId, attendance: [{ bookingId: bookings[0], attended: true }] } },
      { token: ids.coordinatorToken });
    expect(early.data!.recordAttendance.userErrors[0]).toMatchObject({ field: ['input', 'sessionId'], code: 'NOT_STARTED' });

    await portal.dataSource.query(`UPDATE training_session SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour', booking_closes_at = now() - interval '3 hours', release_at = now() - interval '3 hours' WHERE id = $1`, [sessionId]);
    const byLearner = await portal.graphql(REGISTER, { input: { sessionId, attendance: [{ bookingId: bookings[0], attended: true }] } }, { token: staff[0].token });
    expect(byLearner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await portal.graphql<RegisterData>(REGISTER, { input: { sessionId, attendance: [
      { bookingId: bookings[0], attended: true }, { bookingId: '00000000-0000-4000-8000-000000000000', attended: true }] } }, { token: ids.coordinatorToken });
    expect(unknown.data!.recordAttendance.userErrors).toEqual([expect.objectContaining({ field: ['input', 'attendance', '1', 'bookingId'], code: 'NOT_FOUND' })]);
    expect(await figures()).toEqual({ budget: 100_000, committed: 12_000, spent: 0 });

    const taken = await portal.graphql<RegisterData>(REGISTER, { input: { sessionId, attendance: [
      { bookingId: bookings[0], attended: true }, { bookingId: bookings[1], attended: true }, { bookingId: bookings[2], attended: false }] } },
    { token: ids.coordinatorToken });
    expect(taken.data!.recordAttendance).toEqual({ session: { id: sessionId, status: 'COMPLETED' }, userErrors: [] });
    expect(await figures()).toEqual({ budget: 100_000, committed: 0, spent: 12_000 });
    const spend = await portal.dataSource.query(
      `SELECT booking_id, amount_pence, wasted FROM ledger_entry WHERE session_id = $1 AND kind = 'spend' ORDER BY wasted, booking_id`, [sessionId]);
    expect(spend).toHaveLength(3);
    expect(spend.filter((s: { wasted: boolean }) => s.wasted).map((s: { booking_id: string }) => s.booking_id)).toEqual([bookings[2]]);
    const statuses = await portal.dataSource.query('SELECT id, status FROM booking WHERE session_id = $1 ORDER BY id', [sessionId]);
    expect(statuses.filter((s: { status: string }) => s.status === 'attended')).toHaveLength(2);

    const again = await portal.graphql<RegisterData>(REGISTER, { input: { sessionId, attendance: [{ bookingId: bookings[0], attended: false }] } },
      { token: ids.coordinatorToken });
    expect(again.data!.recordAttendance.userErrors[0].code).toBe('ALREADY_RECORDED');
    const audit = await portal.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'funding.%' AND details->>'streamId' = $1`, [ids.stream]);
    expect(audit[0].n).toBe(1 + 3 + 3 + 3);
  });
});
