import { randomUUID } from 'node:crypto';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople, sessionFor } from '../support/people-fixtures';
import { makeStream, RECORD_ENTRY, type RecordEntryData } from '../support/funding-fixtures';
import type { UserErrorShape } from '../support/admin-fixtures';

/**
 * Every mutation that takes an input answers all of its problems in one reply, each on its field
 * (["input", …]): the input's own rules and the service's checks of the fields those left alone,
 * an id of another partnership answered exactly as an id that exists nowhere, and nothing written.
 * Each test sends several bad fields at once, then reads through the API that nothing changed.
 */
let portal: RunningPortal;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const fieldsOf = (errors: UserErrorShape[]) => [...new Set(errors.map((e) => e.field.join('.')))].sort();
const on = (errors: UserErrorShape[], field: string) => errors.filter((e) => e.field.join('.') === field);
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  const db = portal.dataSource;
  const p = await makePartnership(db, 'one-pass');
  ids.partnership = p.id;
  ids.provider = await makeOrganisation(db, p.id, { shortCode: 'PROV' });
  ids.employer = await makeOrganisation(db, p.id, { shortCode: 'EMPL', sector: 'care_home' });
  ids.course = await makeCourse(db, p.id, ids.provider, { title: 'Moving and Handling', audience: 'both' });
  ids.upcoming = await makeSession(db, p.id, ids.course, { startsInDays: 20, capacity: 10 });
  ids.started = await makeSession(db, p.id, ids.course, { startsInDays: -1, capacity: 10 });
  ids.stream = await makeStream(db, { partnershipId: p.id, managingOrganisationId: ids.employer, budgetPence: 100_000 });

  // Another partnership's rows: their ids must be answered as ids that exist nowhere.
  const other = await makePartnership(db, 'one-pass-other');
  ids.otherOrganisation = await makeOrganisation(db, other.id, { shortCode: 'ELSE' });
  ids.otherCourse = await makeCourse(db, other.id, ids.otherOrganisation, { title: 'Elsewhere' });
  ids.otherSession = await makeSession(db, other.id, ids.otherCourse, { startsInDays: 20 });
  ids.otherStream = await makeStream(db, { partnershipId: other.id, managingOrganisationId: ids.otherOrganisation, budgetPence: 50_000 });

  const [admin, coordinator, lead] = await makeSignedInPeople(db, p.id, 3, { organisationId: ids.employer });
  const [learner] = await makeSignedInPeople(db, p.id, 1, { organisationId: ids.employer });
  await db.query(`UPDATE person SET organisation_id = $2 WHERE id = $1`, [coordinator.personId, ids.provider]);
  await db.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES
    ($1, $2, 'partnership_admin', NULL), ($1, $3, 'provider_coordinator', $5), ($1, $4, 'ld_lead', $6)`,
  [p.id, admin.personId, coordinator.personId, lead.personId, ids.provider, ids.employer]);
  Object.assign(tokens, { admin: admin.token, coordinator: await sessionFor(db, coordinator.personId), lead: lead.token, learner: learner.token });
  ids.learner = learner.personId;
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

/** Rows of every table these mutations write: equal before and after means nothing was written. */
async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await portal.dataSource.query(`SELECT
    (SELECT count(*) FROM booking)::int AS booking, (SELECT count(*) FROM idempotency_key)::int AS idempotency_key,
    (SELECT count(*) FROM ledger_entry)::int AS ledger_entry, (SELECT count(*) FROM audit_log)::int AS audit_log,
    (SELECT count(*) FROM seat_allocation)::int AS seat_allocation, (SELECT count(*) FROM email_outbox)::int AS email_outbox,
    (SELECT count(*) FROM people_import)::int AS people_import, (SELECT count(*) FROM person)::int AS person,
    (SELECT count(*) FROM training_session WHERE status = 'scheduled')::int AS scheduled_sessions,
    (SELECT count(*) FROM training_need)::int AS training_need,
    (SELECT count(*) FROM training_need WHERE status IN ('withdrawn', 'met'))::int AS closed_needs`);
  return row;
}

/** What the API shows of the rows these mutations would change. */
async function seenThroughApi(): Promise<unknown> {
  const session = await portal.graphql<{ session: unknown }>(
    `query($id: ID!) { session(id: $id) { capacity status seatsLeft allocations { organisation { id } seats } } }`,
    { id: ids.upcoming }, { token: tokens.admin });
  const bookings = await portal.graphql<{ myBookings: { totalCount: number } }>('{ myBookings { totalCount } }', {}, { token: tokens.learner });
  const stream = await portal.graphql<{ fundingStream: unknown }>(
    `query($id: ID!) { fundingStream(id: $id) { summary { budget { pence } committed { pence } spent { pence } } } }`,
    { id: ids.stream }, { token: tokens.admin });
  return { session: session.data, bookings: bookings.data, stream: stream.data };
}

/** Runs a refused mutation and checks that it wrote nothing, in the database or as the API shows it. */
async function refused<T>(run: () => Promise<{ status: number; data?: T; errors?: unknown[] }>): Promise<T> {
  const [rows, api] = [await rowCounts(), await seenThroughApi()];
  const response = await run();
  expect(response.errors).toBeUndefined();
  expect(await rowCounts()).toEqual(rows);
  expect(await seenThroughApi()).toEqual(api);
  return response.data!;
}

describe('recordLedgerEntry', () => {
  const record = (input: Record<string, unknown>) => portal.graphql<RecordEntryData>(RECORD_ENTRY, { input }, { token: tokens.admin });

  it('answers a bad amount, an over-long reason, a malformed id, unknown ids, a date outside the year and a misplaced reversal at once', async () => {
    const data = await refused(() => record({
      streamId: ids.stream, kind: 'COMMITMENT', amount: '12.345', reason: 'R'.repeat(1001), occurredAt: '2001-06-01T00:00:00Z',
      organisationId: 'not-an-id', courseId: ids.otherCourse, sessionId: randomUUID(), reversesEntryId: randomUUID(),
    }));
    const errors = data.recordLedgerEntry.userErrors;
    expect(data.recordLedgerEntry.entry).toBeNull();
    expect(fieldsOf(errors)).toEqual(['input.amount', 'input.courseId', 'input.occurredAt', 'input.organisationId', 'input.reason',
      'input.reversesEntryId', 'input.sessionId']);
    expect(on(errors, 'input.amount')[0].code).toBe('FRACTIONAL_PENNY');
    expect(on(errors, 'input.occurredAt')[0].code).toBe('OUT_OF_RANGE');
    // Another partnership's course reads exactly as a course that does not exist.
    const unknownCourse = (await record({ streamId: ids.stream, kind: 'COMMITMENT', amount: '1.00', reason: 'x', courseId: randomUUID() }))
      .data!.recordLedgerEntry.userErrors;
    expect(on(errors, 'input.courseId')).toEqual(on(unknownCourse, 'input.courseId'));
    expect(on(errors, 'input.courseId')[0].code).toBe('NOT_FOUND');
  });

  it('answers another partnership\'s stream as an unknown one, with the other fields\' problems', async () => {
    const answer = (streamId: string) => refused(() => record({ streamId, kind: 'BUDGET', amount: '-5', reason: '' }));
    const other = await answer(ids.otherStream);
    const unknown = await answer(randomUUID());
    for (const data of [other, unknown]) {
      expect(fieldsOf(data.recordLedgerEntry.userErrors)).toEqual(['input.amount', 'input.reason', 'input.streamId']);
    }
    expect(other.recordLedgerEntry.userErrors).toEqual(unknown.recordLedgerEntry.userErrors);
  });

  it('answers a correction with fields it must not have, an unknown entry and an amount that is not money at once', async () => {
    const data = await refused(() => record({
      streamId: ids.stream, kind: 'ADJUSTMENT', amount: 'lots', reason: 'Fix', organisationId: ids.employer, reversesEntryId: randomUUID(),
    }));
    expect(fieldsOf(data.recordLedgerEntry.userErrors)).toEqual(['input.amount', 'input.organisationId', 'input.reversesEntryId']);
    expect(on(data.recordLedgerEntry.userErrors, 'input.reversesEntryId')[0].code).toBe('NOT_FOUND');
  });

  it('refuses a kind that is not one with HTTP 400, and a huge amount and reason as field errors, writing nothing', async () => {
    const before = await rowCounts();
    const wrongType = await record({ streamId: ids.stream, kind: 'GIFT', amount: '12.00', reason: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rowCounts()).toEqual(before);
    const data = await refused(() => record({ streamId: ids.stream, kind: 'BUDGET', amount: '9'.repeat(41), reason: 'x'.repeat(100_000) }));
    expect(fieldsOf(data.recordLedgerEntry.userErrors)).toEqual(['input.amount', 'input.reason']);
  });
});

describe('setSeatAllocations', () => {
  const SET = `mutation($input: SetSeatAllocationsInput!) { setSeatAllocations(input: $input) { session { id } userErrors { field message code } } }`;
  type SetData = { setSeatAllocations: { session: unknown; userErrors: UserErrorShape[] } };

  it('answers a capacity out of range, malformed and unknown organisations and seat counts out of range at once', async () => {
    const data = await refused(() => portal.graphql<SetData>(SET, { input: { sessionId: ids.upcoming, capacity: 0, allocations: [
      { organisationId: 'nope', seats: 5 }, { organisationId: ids.otherOrganisation, seats: 10_001 },
      { organisationId: ids.employer, seats: 0 }, { organisationId: randomUUID(), seats: 2 },
    ] } }, { token: tokens.coordinator }));
    const errors = data.setSeatAllocations.userErrors;
    expect(fieldsOf(errors)).toEqual(['input.allocations.0.organisationId', 'input.allocations.1.organisationId', 'input.allocations.1.seats',
      'input.allocations.2.seats', 'input.allocations.3.organisationId', 'input.capacity']);
    expect(on(errors, 'input.allocations.1.organisationId')).toEqual([{ ...on(errors, 'input.allocations.3.organisationId')[0],
      field: ['input', 'allocations', '1', 'organisationId'] }]);
    expect(on(errors, 'input.allocations.1.organisationId')[0].code).toBe('NOT_FOUND');
  });

  it('answers another partnership\'s session as an unknown one, with the allocations\' problems', async () => {
    for (const sessionId of [ids.otherSession, MISSING]) {
      const data = await refused(() => portal.graphql<SetData>(SET, { input: { sessionId, allocations: [{ organisationId: ids.employer, seats: -3 }] } },
        { token: tokens.coordinator }));
      expect(fieldsOf(data.setSeatAllocations.userErrors)).toEqual(['input.allocations.0.seats', 'input.sessionId']);
      expect(on(data.setSeatAllocations.userErrors, 'input.sessionId')[0].code).toBe('NOT_FOUND');
    }
  });

  it('refuses numbers of the wrong type or beyond Int with HTTP 400, writing nothing', async () => {
    const before = await rowCounts();
    for (const capacity of ['ten', 2 ** 31, 1.5]) {
      const response = await portal.graphql(SET, { input: { sessionId: ids.upcoming, capacity, allocations: [] } }, { token: tokens.coordinator });
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await rowCounts()).toEqual(before);
  });
});

describe('bookings', () => {
  const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id } userErrors { field message code } } }`;
  const CANCEL = `mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id } userErrors { field message code } } }`;
  const DECIDE = `mutation($input: DecideBookingInput!) { decideBooking(input: $input) { booking { id } userErrors { field message code } } }`;
  type Payload<K extends string> = Record<K, { booking: unknown; userErrors: UserErrorShape[] }>;

  it('bookSession: another partnership\'s session, a malformed person, a bad key and an over-long reason at once', async () => {
    const data = await refused(() => portal.graphql<Payload<'bookSession'>>(BOOK, { input: {
      sessionId: ids.otherSession, personId: 'someone', idempotencyKey: 'has spaces', secondPlaceReason: 'x'.repeat(501) } }, { token: tokens.lead }));
    expect(fieldsOf(data.bookSession.userErrors)).toEqual(['input.idempotencyKey', 'input.personId', 'input.secondPlaceReason', 'input.sessionId']);
    expect(on(data.bookSession.userErrors, 'input.sessionId')[0].code).toBe('NOT_FOUND');
  });

  it('bookSession: an unknown person and an unknown session are both named, and a session id of the wrong type is a field error', async () => {
    const data = await refused(() => portal.graphql<Payload<'bookSession'>>(BOOK, { input: { sessionId: randomUUID(), personId: randomUUID() } },
      { token: tokens.lead }));
    expect(data.bookSession.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([['input.personId', 'NOT_FOUND'], ['input.sessionId', 'NOT_FOUND']]);
    const typed = await refused(() => portal.graphql<Payload<'bookSession'>>(BOOK, { input: { sessionId: 12345 } }, { token: tokens.learner }));
    expect(typed.bookSession.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([['input.sessionId', 'INVALID']]);
  });

  it('cancelBooking: an unknown booking, an over-long reason and an empty key at once', async () => {
    const data = await refused(() => portal.graphql<Payload<'cancelBooking'>>(CANCEL, { input: {
      bookingId: randomUUID(), reason: 'r'.repeat(1001), idempotencyKey: '' } }, { token: tokens.learner }));
    expect(fieldsOf(data.cancelBooking.userErrors)).toEqual(['input.bookingId', 'input.idempotencyKey', 'input.reason']);
  });

  it('decideBooking: a malformed or unknown request and an over-long note at once', async () => {
    for (const [bookingId, code] of [['nope', 'INVALID'], [randomUUID(), 'NOT_FOUND']]) {
      const data = await refused(() => portal.graphql<Payload<'decideBooking'>>(DECIDE, { input: { bookingId, approve: true, note: 'n'.repeat(1001) } },
        { token: tokens.lead }));
      expect(data.decideBooking.userErrors.map((e) => [e.field.join('.'), e.code]).sort()).toEqual([['input.bookingId', code], ['input.note', 'INVALID']]);
    }
  });
});

describe('a session\'s provider', () => {
  const CANCEL_SESSION = `mutation($input: CancelSessionInput!) { cancelSession(input: $input) { session { id } userErrors { field message code } } }`;
  const REGISTER = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { session { id } userErrors { field message code } } }`;
  type Payload<K extends string> = Record<K, { session: unknown; userErrors: UserErrorShape[] }>;

  it('cancelSession: another partnership\'s session, a session that has started, and a missing reason, each with the reason', async () => {
    for (const [sessionId, code] of [[ids.otherSession, 'NOT_FOUND'], [ids.started, 'SESSION_PAST']]) {
      const data = await refused(() => portal.graphql<Payload<'cancelSession'>>(CANCEL_SESSION, { input: { sessionId, reason: '' } },
        { token: tokens.coordinator }));
      expect(data.cancelSession.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([['input.reason', 'INVALID'], ['input.sessionId', code]]);
    }
  });

  it('recordAttendance: a malformed booking with an unknown one, or with a register not yet open, at once', async () => {
    const marks = [{ bookingId: 'nope', attended: true }, { bookingId: randomUUID(), attended: false }];
    const open = await refused(() => portal.graphql<Payload<'recordAttendance'>>(REGISTER, { input: { sessionId: ids.started, attendance: marks } },
      { token: tokens.coordinator }));
    expect(open.recordAttendance.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.attendance.0.bookingId', 'INVALID'], ['input.attendance.1.bookingId', 'NOT_FOUND']]);
    const early = await refused(() => portal.graphql<Payload<'recordAttendance'>>(REGISTER, { input: { sessionId: ids.upcoming, attendance: marks } },
      { token: tokens.coordinator }));
    expect(early.recordAttendance.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.attendance.0.bookingId', 'INVALID'], ['input.sessionId', 'NOT_STARTED']]);
  });
});

describe('accounts and people', () => {
  const IMPORT = `mutation($input: ImportPeopleInput!) { importPeople(input: $input) { import { id } userErrors { field message code } } }`;
  const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { token userErrors { field message code } } }`;

  it('importPeople: another partnership\'s organisation, a malformed import id and a file too large at once', async () => {
    const csv = `name,email\n${'x'.repeat(3_500_001)}`;
    const data = await refused(() => portal.graphql<{ importPeople: { import: unknown; userErrors: UserErrorShape[] } }>(IMPORT, { input: {
      organisationId: ids.otherOrganisation, importId: 'not-a-uuid', csv } }, { token: tokens.admin }));
    expect(fieldsOf(data.importPeople.userErrors)).toEqual(['input.csv', 'input.importId', 'input.organisationId']);
    expect(on(data.importPeople.userErrors, 'input.organisationId')[0].code).toBe('NOT_FOUND');
  });

  it('resetPassword: a link that does not work and a password the policy refuses at once', async () => {
    for (const token of ['forged', 'A'.repeat(43), 'B'.repeat(101)]) {
      const data = await refused(() => portal.graphql<{ resetPassword: { token: string | null; userErrors: UserErrorShape[] } }>(RESET,
        { input: { token, password: 'short' } }));
      expect(data.resetPassword.token).toBeNull();
      expect(fieldsOf(data.resetPassword.userErrors)).toEqual(['input.password', 'input.token']);
      expect(on(data.resetPassword.userErrors, 'input.password')[0].code).toBe('WEAK_PASSWORD');
    }
  });
});

describe('the needs mutations', () => {
  const NEED = 'trainingNeed { id } userErrors { field message code }';
  const raise = (input: Record<string, unknown>) => portal.graphql<{ raiseTrainingNeed: { trainingNeed: unknown; userErrors: UserErrorShape[] } }>(
    `mutation($input: RaiseTrainingNeedInput!) { raiseTrainingNeed(input: $input) { ${NEED} } }`, { input }, { token: tokens.lead });
  const withdraw = (input: Record<string, unknown>) => portal.graphql<{ withdrawTrainingNeed: { trainingNeed: unknown; userErrors: UserErrorShape[] } }>(
    `mutation($input: WithdrawTrainingNeedInput!) { withdrawTrainingNeed(input: $input) { ${NEED} } }`, { input }, { token: tokens.lead });
  const meet = (input: Record<string, unknown>) => portal.graphql<{ meetTrainingNeed: { trainingNeed: unknown; userErrors: UserErrorShape[] } }>(
    `mutation($input: MeetTrainingNeedInput!) { meetTrainingNeed(input: $input) { ${NEED} } }`, { input }, { token: tokens.lead });

  it('answers a blank topic, a fractional count, a past date, an unknown subject and a bad KSF code at once', async () => {
    const data = await refused(() => raise({ scope: 'ORGANISATION', topic: ' ', peopleCount: 0.5, audience: 'STAFF', priority: 'LOW',
      wantedBy: '2020-01-01', mandatorySubject: 'origami', ksfDimension: 'core three', detail: 'd'.repeat(2001) }));
    expect(data.raiseTrainingNeed.trainingNeed).toBeNull();
    expect(fieldsOf(data.raiseTrainingNeed.userErrors)).toEqual(['input.detail', 'input.ksfDimension', 'input.mandatorySubject', 'input.peopleCount',
      'input.topic', 'input.wantedBy']);
  });

  it('answers another partnership\'s organisation as an unknown one, with the other fields\' problems', async () => {
    const answer = (organisationId: string) => refused(() => raise({ scope: 'ORGANISATION', organisationId, topic: 'Fire', peopleCount: -1,
      audience: 'STAFF', priority: 'LOW', wantedBy: '2027-02-30' }));
    const other = await answer(ids.otherOrganisation);
    const unknown = await answer(MISSING);
    expect(fieldsOf(other.raiseTrainingNeed.userErrors)).toEqual(['input.organisationId', 'input.peopleCount', 'input.wantedBy']);
    expect(other.raiseTrainingNeed.userErrors).toEqual(unknown.raiseTrainingNeed.userErrors);
  });

  it('answers an unknown need with a blank reason, and another partnership\'s course beside an unknown need, writing nothing', async () => {
    const withdrawn = await refused(() => withdraw({ needId: MISSING, reason: '' }));
    expect(fieldsOf(withdrawn.withdrawTrainingNeed.userErrors)).toEqual(['input.needId', 'input.reason']);
    const met = await refused(() => meet({ needId: 'nope', courseId: ids.otherCourse }));
    expect(fieldsOf(met.meetTrainingNeed.userErrors)).toEqual(['input.needId']);
    const [need] = await portal.dataSource.query(`INSERT INTO training_need (partnership_id, organisation_id, raised_by_person_id, scope, topic,
      people_count, audience, priority, wanted_by) SELECT $1, $2, person_id, 'organisation', 'One pass', 3, 'staff', 'low', current_date + 10
      FROM role_grant WHERE role = 'ld_lead' AND organisation_id = $2 RETURNING id`, [ids.partnership, ids.employer]);
    const foreignCourse = await refused(() => meet({ needId: need.id, courseId: ids.otherCourse }));
    expect(foreignCourse.meetTrainingNeed.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([['input.courseId', 'NOT_FOUND']]);
  });
});
