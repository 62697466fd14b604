import { expectLedgerInvariants } from '../support/ledger-invariants';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { makeRecordsWorld, pastSessionWithBookings, type RecordsWorld } from '../support/records-fixtures';

/**
 * Journey 4's register over the API: 17 attended, 2 no-shows and 1 late cancellation in one go,
 * the money each mark moves, the session completed, the completions on the learners' records;
 * then a mark corrected with a reason, the money moved by reversing entries; and every refusal
 * answered field by field with nothing written.
 */
let portal: RunningPortal;
let world: RecordsWorld;
let other: RecordsWorld;
const COST = 4_000;

const REGISTER = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { session { id status } userErrors { field code message } } }`;
const CORRECT = `mutation($input: CorrectAttendanceInput!) { correctAttendance(input: $input) {
  register { sessionId open lines { bookingId personName status outcome } } userErrors { field code message } } }`;
const READ = `query($id: ID!) { sessionRegister(sessionId: $id) { sessionId open lines { bookingId personId personName organisationName status outcome } } }`;
type Mark = { bookingId: string; attended: boolean; lateCancellation?: boolean };
type RegisterData = { recordAttendance: { session: { id: string; status: string } | null; userErrors: Array<{ field: string[]; code: string; message: string }> } };
type CorrectData = { correctAttendance: { register: { lines: Array<{ bookingId: string; status: string; outcome: string | null }> } | null;
  userErrors: Array<{ field: string[]; code: string; message: string }> } };

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  world = await makeRecordsWorld(portal.dataSource, 22, COST);
  other = await makeRecordsWorld(portal.dataSource, 1, COST);
}, 120_000);

afterEach(() => expectLedgerInvariants(portal.dataSource));

afterAll(async () => {
  await portal?.stop();
});

/** What a refusal must leave untouched. */
async function snapshot(sessionId: string) {
  const db = portal.dataSource;
  const [bookings] = await db.query(`SELECT string_agg(id || ':' || status, ',' ORDER BY id) AS s FROM booking WHERE session_id = $1`, [sessionId]);
  const [entries] = await db.query('SELECT count(*)::int AS n FROM ledger_entry');
  const [audits] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'sessions.register%'`);
  const [session] = await db.query('SELECT status, seats_taken FROM training_session WHERE id = $1', [sessionId]);
  return { bookings: bookings.s, entries: entries.n, audits: audits.n, session };
}

const register = (token: string, sessionId: string, attendance: Mark[]) =>
  portal.graphql<RegisterData>(REGISTER, { input: { sessionId, attendance } }, { token });
const correct = (token: string, input: Record<string, unknown>) => portal.graphql<CorrectData>(CORRECT, { input }, { token });

async function wastedAndSpent(sessionId: string) {
  const [row] = await portal.dataSource.query(
    `SELECT coalesce(sum(spent_effect_pence), 0)::int AS spent, coalesce(sum(spent_effect_pence) FILTER (WHERE wasted), 0)::int AS wasted,
       coalesce(sum(committed_effect_pence), 0)::int AS committed FROM ledger_entry WHERE session_id = $1`, [sessionId]);
  return row as { spent: number; wasted: number; committed: number };
}

describe('the register of a session of 20', () => {
  let sessionId: string;
  let bookingIds: string[];

  beforeAll(async () => {
    ({ sessionId, bookingIds } = await pastSessionWithBookings(portal, world, world.staff.slice(0, 20)));
  }, 120_000);

  it('lists the booked people with their statuses for the provider', async () => {
    const read = await portal.graphql<{ sessionRegister: { open: boolean; lines: Array<{ bookingId: string; status: string; outcome: string | null }> } }>(
      READ, { id: sessionId }, { token: world.coordinatorToken });
    expect(read.data!.sessionRegister.open).toBe(true);
    expect(read.data!.sessionRegister.lines).toHaveLength(20);
    expect(read.data!.sessionRegister.lines.every((l) => l.status === 'CONFIRMED' && l.outcome === null)).toBe(true);
    const learner = await portal.graphql(READ, { id: sessionId }, { token: world.staff[0].token });
    expect(learner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherProvider = await portal.graphql(READ, { id: sessionId }, { token: other.coordinatorToken });
    expect((otherProvider.data as { sessionRegister: unknown }).sessionRegister).toBeNull();
  });

  it('refuses a person not booked, another tenant\'s booking and a mark both attended and cancelled, writing nothing', async () => {
    const { bookingIds: [elsewhere] } = await pastSessionWithBookings(portal, world, [world.staff[20]]);
    const { bookingIds: [otherTenant] } = await pastSessionWithBookings(portal, other, [other.staff[0]]);
    const before = await snapshot(sessionId);
    const refused = await register(world.coordinatorToken, sessionId, [
      { bookingId: bookingIds[0], attended: true },
      { bookingId: elsewhere, attended: true },
      { bookingId: otherTenant, attended: false },
      { bookingId: bookingIds[1], attended: true, lateCancellation: true },
      { bookingId: 'not-a-booking', attended: true },
    ]);
    expect(refused.data!.recordAttendance.session).toBeNull();
    expect(refused.data!.recordAttendance.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.attendance.4.bookingId', 'INVALID'],
      ['input.attendance.1.bookingId', 'NOT_FOUND'],
      ['input.attendance.2.bookingId', 'NOT_FOUND'],
      ['input.attendance.3.lateCancellation', 'CONFLICTING_MARK'],
    ]);
    expect(await snapshot(sessionId)).toEqual(before);
    const otherTenantsProvider = await register(other.coordinatorToken, sessionId, [{ bookingId: bookingIds[0], attended: true }]);
    expect(otherTenantsProvider.data!.recordAttendance.userErrors).toEqual([expect.objectContaining({ field: ['input', 'sessionId'], code: 'NOT_FOUND' })]);
    expect(await snapshot(sessionId)).toEqual(before);
  });

  it('refuses to mark a session that has not started, writing nothing', async () => {
    const future = await makeSession(portal.dataSource, world.partnershipId, world.courseId, { startsInDays: 3 });
    const [person] = await makeSignedInPeople(portal.dataSource, world.partnershipId, 1, { organisationId: world.employerId });
    const booked = await portal.graphql<{ bookSession: { booking: { id: string } } }>(
      `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id } } }`, { input: { sessionId: future } }, { token: person.token });
    const before = await snapshot(future);
    const early = await register(world.coordinatorToken, future, [{ bookingId: booked.data!.bookSession.booking.id, attended: true }]);
    expect(early.data!.recordAttendance.userErrors).toEqual([expect.objectContaining({ field: ['input', 'sessionId'], code: 'NOT_STARTED' })]);
    expect(await snapshot(future)).toEqual(before);
  });

  it('takes 17 attended, 2 no-shows and 1 late cancellation in one go and completes the session', async () => {
    const seatsBefore = (await snapshot(sessionId)).session.seats_taken;
    expect(await wastedAndSpent(sessionId)).toEqual({ spent: 0, wasted: 0, committed: 20 * COST });
    const marks: Mark[] = bookingIds.map((bookingId, i) => (i < 17 ? { bookingId, attended: true }
      : i < 19 ? { bookingId, attended: false } : { bookingId, attended: false, lateCancellation: true }));
    const taken = await register(world.coordinatorToken, sessionId, marks);
    expect(taken.data!.recordAttendance).toEqual({ session: { id: sessionId, status: 'COMPLETED' }, userErrors: [] });
    expect(await wastedAndSpent(sessionId)).toEqual({ spent: 20 * COST, wasted: 3 * COST, committed: 0 });
    const after = await snapshot(sessionId);
    expect(after.session.seats_taken).toBe(seatsBefore - 1);
    const read = await portal.graphql<{ sessionRegister: { lines: Array<{ bookingId: string; outcome: string }> } }>(READ, { id: sessionId }, { token: world.coordinatorToken });
    const outcomes = read.data!.sessionRegister.lines.map((l) => l.outcome);
    expect(outcomes.filter((o) => o === 'ATTENDED')).toHaveLength(17);
    expect(outcomes.filter((o) => o === 'NO_SHOW')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'LATE_CANCELLATION')).toHaveLength(1);
    const [audit] = await portal.dataSource.query(`SELECT details FROM audit_log WHERE action = 'sessions.register_taken' AND subject_id = $1`, [sessionId]);
    expect(audit.details).toEqual({ attended: 17, noShows: 2, lateCancellations: 1 });
    const record = await portal.graphql<{ learningRecord: { completions: Array<{ bookingId: string; courseTitle: string; hours: number; mandatoryLevel: number }> } }>(
      '{ learningRecord { completions { bookingId courseTitle hours mandatoryLevel } } }', {}, { token: world.staff[0].token });
    expect(record.data!.learningRecord.completions).toEqual([{ bookingId: bookingIds[0], courseTitle: 'Safeguarding Adults Level 2', hours: 3, mandatoryLevel: 2 }]);
    const noShow = await portal.graphql<{ learningRecord: { completions: unknown[] } }>('{ learningRecord { completions { bookingId } } }', {}, { token: world.staff[17].token });
    expect(noShow.data!.learningRecord.completions).toEqual([]);
  });

  it('refuses a correction without a reason, with a huge reason, of the same mark or by someone else, writing nothing', async () => {
    const before = await snapshot(sessionId);
    const missing = await correct(world.coordinatorToken, { bookingId: bookingIds[17], outcome: 'ATTENDED', reason: '   ' });
    expect(missing.data!.correctAttendance.userErrors).toEqual([expect.objectContaining({ field: ['input', 'reason'], message: 'Enter the reason for the correction' })]);
    const huge = await correct(world.coordinatorToken, { bookingId: bookingIds[17], outcome: 'ATTENDED', reason: 'x'.repeat(1001) });
    expect(huge.data!.correctAttendance.userErrors).toEqual([expect.objectContaining({ field: ['input', 'reason'], message: 'Reason must be 1,000 characters or fewer' })]);
    const same = await correct(world.coordinatorToken, { bookingId: bookingIds[0], outcome: 'ATTENDED', reason: 'Checked' });
    expect(same.data!.correctAttendance.userErrors).toEqual([expect.objectContaining({ field: ['input', 'outcome'], code: 'SAME_MARK' })]);
    const unknown = await correct(world.coordinatorToken, { bookingId: '00000000-0000-4000-8000-000000000000', outcome: 'ATTENDED', reason: 'x' });
    expect(unknown.data!.correctAttendance.userErrors).toEqual([expect.objectContaining({ field: ['input', 'bookingId'], code: 'NOT_FOUND' })]);
    const byOtherTenant = await correct(other.coordinatorToken, { bookingId: bookingIds[17], outcome: 'ATTENDED', reason: 'x' });
    expect(byOtherTenant.data!.correctAttendance.userErrors).toEqual([expect.objectContaining({ field: ['input', 'bookingId'], code: 'NOT_FOUND' })]);
    const byLearner = await correct(world.staff[17].token, { bookingId: bookingIds[17], outcome: 'ATTENDED', reason: 'x' });
    expect(byLearner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot(sessionId)).toEqual(before);
  });

  it('corrects a no-show to attended by reversing its wasted spend, never editing it, and audits the reason', async () => {
    const db = portal.dataSource;
    const [original] = await db.query(`SELECT id FROM ledger_entry WHERE booking_id = $1 AND kind = 'spend'`, [bookingIds[17]]);
    const fixed = await correct(world.coordinatorToken, { bookingId: bookingIds[17], outcome: 'ATTENDED', reason: 'Signed in late at the desk' });
    expect(fixed.data!.correctAttendance.userErrors).toEqual([]);
    expect(fixed.data!.correctAttendance.register!.lines.find((l) => l.bookingId === bookingIds[17])).toMatchObject({ status: 'ATTENDED', outcome: 'ATTENDED' });
    expect(await wastedAndSpent(sessionId)).toEqual({ spent: 20 * COST, wasted: 2 * COST, committed: 0 });
    const entries = await db.query(`SELECT kind, amount_pence::int AS amount, wasted, reverses_entry_id FROM ledger_entry WHERE booking_id = $1 ORDER BY sequence`, [bookingIds[17]]);
    expect(entries).toEqual([
      { kind: 'commitment', amount: COST, wasted: false, reverses_entry_id: null },
      { kind: 'release', amount: COST, wasted: false, reverses_entry_id: null },
      { kind: 'spend', amount: COST, wasted: true, reverses_entry_id: null },
      { kind: 'adjustment', amount: COST, wasted: true, reverses_entry_id: original.id },
      { kind: 'spend', amount: COST, wasted: false, reverses_entry_id: null },
    ]);
    const [audit] = await db.query(`SELECT details FROM audit_log WHERE action = 'sessions.register_corrected' AND subject_id = $1`, [bookingIds[17]]);
    expect(audit.details).toMatchObject({ from: 'no_show', to: 'attended', reason: 'Signed in late at the desk' });
    const record = await portal.graphql<{ learningRecord: { completions: unknown[] } }>('{ learningRecord { completions { bookingId } } }', {}, { token: world.staff[17].token });
    expect(record.data!.learningRecord.completions).toHaveLength(1);
  });

  it('corrects attended to a late cancellation (the seat given back) and back again (the seat taken again)', async () => {
    const seats = async () => (await snapshot(sessionId)).session.seats_taken as number;
    const start = await seats();
    const late = await correct(world.coordinatorToken, { bookingId: bookingIds[1], outcome: 'LATE_CANCELLATION', reason: 'Phoned the morning of the course' });
    expect(late.data!.correctAttendance.userErrors).toEqual([]);
    expect(await seats()).toBe(start - 1);
    expect(await wastedAndSpent(sessionId)).toEqual({ spent: 20 * COST, wasted: 3 * COST, committed: 0 });
    const back = await correct(world.coordinatorToken, { bookingId: bookingIds[1], outcome: 'ATTENDED', reason: 'Was there after all' });
    expect(back.data!.correctAttendance.userErrors).toEqual([]);
    expect(await seats()).toBe(start);
    expect(await wastedAndSpent(sessionId)).toEqual({ spent: 20 * COST, wasted: 2 * COST, committed: 0 });
    const toNoShow = await correct(world.coordinatorToken, { bookingId: bookingIds[19], outcome: 'NO_SHOW', reason: 'Did not phone' });
    expect(toNoShow.data!.correctAttendance.userErrors).toEqual([]);
    expect(await seats()).toBe(start + 1);
    expect(await wastedAndSpent(sessionId)).toEqual({ spent: 20 * COST, wasted: 2 * COST, committed: 0 });
  });
});
