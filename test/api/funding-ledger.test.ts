import { randomUUID } from 'node:crypto';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeAllocation, makeCourse, makeOrganisation, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople, sessionFor } from '../support/people-fixtures';
import { organisationId } from '../support/admin-fixtures';
import {
  chargeCourseTo, chargeSessionTo, createStream, currentYear, makeStream, recordEntry, streamFigures, streamInput,
  type EntryShape,
} from '../support/funding-fixtures';
import { expectLedgerInvariants } from '../support/ledger-invariants';

/**
 * The funding ledger over HTTP on the demo partnership: streams set up by an administrator post
 * their BUDGET or CONTRIBUTION entries; entries of every kind move the right figures; corrections
 * reverse entries and never more than they hold; a key makes a request safe to repeat; and a
 * booking's life (confirm, approve, promote, cancel, cancel late, session cancelled) posts its
 * commitment, release and wasted spend in the same transaction as the booking's change, or, when
 * the stream cannot pay, changes nothing. The ledger itself refuses UPDATE, DELETE and TRUNCATE.
 */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let staff: Array<{ personId: string; token: string }>;
let approvalStaff: Array<{ personId: string; token: string }>;
let nextStaff = 0;

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) {
  booking { id status cost { pence } person { id } session { id seatsLeft } } userErrors { field message code } } }`;
const CANCEL = `mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id status cancelledLate } userErrors { field code } } }`;
const DECIDE = `mutation($input: DecideBookingInput!) { decideBooking(input: $input) { booking { id status } userErrors { field code } } }`;
const CANCEL_SESSION = `mutation($input: CancelSessionInput!) { cancelSession(input: $input) { session { id status } userErrors { field code } } }`;
interface UserErrorShape { field: string[]; message: string; code: string }
type BookData = { bookSession: { booking: { id: string; status: string; cost: { pence: number }; person: { id: string };
  session: { id: string; seatsLeft: number } } | null; userErrors: UserErrorShape[] } };
type CancelData = { cancelBooking: { booking: { id: string; status: string; cancelledLate: boolean } | null; userErrors: UserErrorShape[] } };
type DecideData = { decideBooking: { booking: { id: string; status: string } | null; userErrors: UserErrorShape[] } };

const book = (token: string, input: Record<string, unknown>) => portal.graphql<BookData>(BOOK, { input }, { token });
const cancel = (token: string, bookingId: string) => portal.graphql<CancelData>(CANCEL, { input: { bookingId } }, { token });
const person = () => staff[nextStaff++];

async function entriesOf(streamId: string): Promise<Array<Record<string, unknown>>> {
  return portal.dataSource.query(
    `SELECT kind, amount_pence::int AS amount, organisation_id, course_id, session_id, booking_id, reverses_entry_id, wasted,
       recorded_by_person_id, sequence FROM ledger_entry WHERE stream_id = $1 ORDER BY sequence`, [streamId]);
}

async function seatCounters(sessionId: string) {
  const [row] = await portal.dataSource.query(
    `SELECT s.seats_taken, s.pool_seats_taken, coalesce((SELECT sum(a.seats_taken) FROM seat_allocation a WHERE a.session_id = s.id), 0)::int AS allocated_taken,
       (SELECT count(*) FROM booking b WHERE b.session_id = s.id)::int AS bookings
     FROM training_session s WHERE s.id = $1`, [sessionId]);
  return row as { seats_taken: number; pool_seats_taken: number; allocated_taken: number; bookings: number };
}

/** A £40 course and one of its sessions, paid from the given stream (on the session, or on the course). */
async function fundedSession(streamId: string | null, options: { costPence?: number; capacity?: number; startsInDays?: number; on?: 'session' | 'course' } = {}) {
  const courseId = await makeCourse(portal.dataSource, ids.gp, ids.provider, { title: `Funded course ${randomUUID().slice(0, 6)}`, costPence: options.costPence ?? 4000 });
  const sessionId = await makeSession(portal.dataSource, ids.gp, courseId, { startsInDays: options.startsInDays ?? 30, capacity: options.capacity ?? 20 });
  if (options.on === 'course') await chargeCourseTo(portal.dataSource, courseId, streamId);
  else await chargeSessionTo(portal.dataSource, sessionId, streamId);
  return { courseId, sessionId };
}

const stream = (budgetPence: number, name?: string) =>
  makeStream(portal.dataSource, { partnershipId: ids.gp, managingOrganisationId: ids.employer, budgetPence, name });

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  for (const who of ['admin', 'lead', 'steering']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  const db = portal.dataSource;
  ids.gp = (await db.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`))[0].id;
  ids.pcc = await organisationId(portal, 'PCC');
  ids.provider = await organisationId(portal, 'PSHNHSFT');
  // The demo's organisations have their own bookings and policies: these two are the test's own.
  ids.employer = await makeOrganisation(db, ids.gp, { name: 'Funded Employer', shortCode: 'FUNDEMP', sector: 'primary_care' });
  ids.approving = await makeOrganisation(db, ids.gp, { name: 'Approving Employer', shortCode: 'FUNDAPP', sector: 'primary_care' });
  await db.query(`UPDATE organisation SET approval_policy = 'ld_lead' WHERE id = $1`, [ids.approving]);
  staff = await makeSignedInPeople(db, ids.gp, 60, { organisationId: ids.employer });
  approvalStaff = await makeSignedInPeople(db, ids.gp, 4, { organisationId: ids.approving });
  const [approver] = await makeSignedInPeople(db, ids.gp, 1, { organisationId: ids.approving });
  await db.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, 'ld_lead', $3)`, [ids.gp, approver.personId, ids.approving]);
  tokens.approver = await sessionFor(db, approver.personId);
  ids.approver = approver.personId;
  ids.admin = (await db.query(`SELECT id FROM person WHERE email = 'admin@demo.portal'`))[0].id;
  ids.lead = (await db.query(`SELECT id FROM person WHERE email = 'lead@demo.portal'`))[0].id;
}, 120_000);

afterEach(async () => {
  await expectLedgerInvariants(portal.dataSource);
});

afterAll(async () => {
  await portal?.stop();
});

describe('createFundingStream', () => {
  it('sets up a plain stream with one BUDGET entry and audit rows', async () => {
    const input = streamInput(ids.pcc, { amount: '12,500.50', description: 'Mandatory training for the council' });
    const response = await createStream(portal, tokens.admin, input);
    expect(response.errors).toBeUndefined();
    const { fundingStream, userErrors } = response.data!.createFundingStream;
    expect(userErrors).toEqual([]);
    expect(fundingStream).toMatchObject({
      name: input.name, financialYear: currentYear().label, pooled: false, funderName: 'Peterborough City Council', funderKind: 'COUNCIL_GRANT',
      amount: { pence: 1_250_050, formatted: '£12,500.50' }, managingOrganisation: { id: ids.pcc }, funderOrganisation: null, contributions: [],
      summary: { budget: { pence: 1_250_050 }, committed: { pence: 0 }, spent: { pence: 0 }, remaining: { pence: 1_250_050 } },
    });
    const streamId = fundingStream!.id;
    expect(await entriesOf(streamId)).toEqual([expect.objectContaining({ kind: 'budget', amount: 1_250_050, sequence: 1, organisation_id: ids.pcc,
      booking_id: null, recorded_by_person_id: ids.admin })]);
    const [{ year_starts_at: startsAt }] = await portal.dataSource.query('SELECT year_starts_at FROM funding_stream WHERE id = $1', [streamId]);
    expect(startsAt).toEqual(currentYear().start);
    const audits = await portal.dataSource.query(
      `SELECT action, actor_person_id FROM audit_log WHERE (subject_type = 'funding_stream' AND subject_id = $1)
         OR (subject_type = 'ledger_entry' AND details->>'streamId' = $1) ORDER BY id`, [streamId]);
    expect(audits).toEqual([{ action: 'funding.budget_recorded', actor_person_id: ids.admin }, { action: 'funding.stream_created', actor_person_id: ids.admin }]);
  });

  it('sets up a pooled stream with one CONTRIBUTION per partner, adding up to the amount', async () => {
    const input = streamInput(ids.pcc, { pooled: true, funderKind: 'PARTNER', funderName: null, funderOrganisationId: ids.pcc, amount: '30000',
      contributions: [{ organisationId: ids.pcc, amount: '20,000.00' }, { organisationId: ids.provider, amount: '10000' }] });
    const response = await createStream(portal, tokens.admin, input);
    const { fundingStream, userErrors } = response.data!.createFundingStream;
    expect(userErrors).toEqual([]);
    expect(fundingStream).toMatchObject({ pooled: true, funderKind: 'PARTNER', funderOrganisation: { id: ids.pcc }, amount: { pence: 3_000_000 },
      summary: { budget: { pence: 3_000_000 }, remaining: { pence: 3_000_000 } } });
    // The funder's name is the partner's own.
    expect(fundingStream!.funderName).toBe((await portal.dataSource.query('SELECT name FROM organisation WHERE id = $1', [ids.pcc]))[0].name);
    expect(new Map(fundingStream!.contributions.map((c) => [c.organisation.id, c.amount.pence])))
      .toEqual(new Map([[ids.pcc, 2_000_000], [ids.provider, 1_000_000]]));
    const entries = await entriesOf(fundingStream!.id);
    expect(entries.map((e) => [e.kind, e.amount, e.organisation_id, e.sequence])).toEqual([
      ['contribution', 2_000_000, ids.pcc, 1], ['contribution', 1_000_000, ids.provider, 2]]);
    const [{ count }] = await portal.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE action = 'funding.contribution_recorded' AND details->>'streamId' = $1`, [fundingStream!.id]);
    expect(count).toBe(2);
  });
});

describe('recordLedgerEntry', () => {
  const entry = async (token: string, input: Record<string, unknown>): Promise<EntryShape> => {
    const response = await recordEntry(portal, token, { reason: 'Test entry', ...input });
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordLedgerEntry.userErrors).toEqual([]);
    return response.data!.recordLedgerEntry.entry!;
  };
  const refusal = async (input: Record<string, unknown>, token = tokens.admin): Promise<UserErrorShape[]> => {
    const before = await portal.dataSource.query('SELECT count(*)::int AS n FROM ledger_entry');
    const response = await recordEntry(portal, token, { reason: 'Test entry', ...input });
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordLedgerEntry.entry).toBeNull();
    expect(await portal.dataSource.query('SELECT count(*)::int AS n FROM ledger_entry')).toEqual(before);
    return response.data!.recordLedgerEntry.userErrors;
  };
  const pence = (e: EntryShape) => ({
    effect: [e.effect.budget.pence, e.effect.committed.pence, e.effect.spent.pence],
    after: [e.balanceAfter.budget.pence, e.balanceAfter.committed.pence, e.balanceAfter.spent.pence, e.balanceAfter.remaining.pence],
  });

  it('moves the right figure for each kind, and the audit log records who and why', async () => {
    const streamId = await stream(100_000);
    const courseId = await makeCourse(portal.dataSource, ids.gp, ids.provider, { title: 'Allocated course', costPence: 1000 });
    const budget = await entry(tokens.admin, { streamId, kind: 'BUDGET', amount: '500', reason: 'Top-up from the Q2 underspend' });
    expect({ kind: budget.kind, sequence: budget.sequence, ...pence(budget) })
      .toEqual({ kind: 'BUDGET', sequence: 2, effect: [50_000, 0, 0], after: [150_000, 0, 0, 150_000] });
    const allocation = await entry(tokens.admin, { streamId, kind: 'ALLOCATION', amount: '200', courseId });
    expect(pence(allocation)).toEqual({ effect: [0, 0, 0], after: [150_000, 0, 0, 150_000] });
    const commitment = await entry(tokens.admin, { streamId, kind: 'COMMITMENT', amount: '300', organisationId: ids.employer });
    expect(pence(commitment)).toEqual({ effect: [0, 30_000, 0], after: [150_000, 30_000, 0, 120_000] });
    // A hand-made commitment is released by reversing it; RELEASE by hand is refused (bookings release their own).
    expect(await refusal({ streamId, kind: 'RELEASE', amount: '100.25', organisationId: ids.employer }))
      .toEqual([expect.objectContaining({ field: ['input', 'kind'], code: 'NOT_ALLOWED' })]);
    const release = await entry(tokens.admin, { streamId, kind: 'ADJUSTMENT', amount: '100.25', reversesEntryId: commitment.id });
    expect(pence(release)).toEqual({ effect: [0, -10_025, 0], after: [150_000, 19_975, 0, 130_025] });
    const spend = await entry(tokens.admin, { streamId, kind: 'SPEND', amount: '999.99', reason: 'Invoice INV-0042' });
    expect(pence(spend)).toEqual({ effect: [0, 0, 99_999], after: [150_000, 19_975, 99_999, 30_026] });
    expect(spend).toMatchObject({ kind: 'SPEND', wasted: false, reason: 'Invoice INV-0042', reversesEntryId: null });
    const figures = await streamFigures(portal.dataSource, streamId);
    expect(figures.running).toEqual(figures.sums);
    expect(figures.running).toEqual({ budget: 150_000, committed: 19_975, spent: 99_999, remaining: 30_026, entries: 6 });
    const audits = await portal.dataSource.query(
      `SELECT action, actor_person_id, details->>'reason' AS reason FROM audit_log WHERE subject_id = $1`, [spend.id]);
    expect(audits).toEqual([{ action: 'funding.spend_recorded', actor_person_id: ids.admin, reason: 'Invoice INV-0042' }]);
  });

  it('takes contributions on a pooled stream only, and from a partner', async () => {
    const pooled = (await createStream(portal, tokens.admin, streamInput(ids.employer, { pooled: true, amount: '100',
      contributions: [{ organisationId: ids.employer, amount: '100' }] }))).data!.createFundingStream.fundingStream!;
    const contribution = await entry(tokens.admin, { streamId: pooled.id, kind: 'CONTRIBUTION', amount: '50', organisationId: ids.pcc });
    expect(pence(contribution)).toEqual({ effect: [5_000, 0, 0], after: [15_000, 0, 0, 15_000] });
    expect(await refusal({ streamId: pooled.id, kind: 'CONTRIBUTION', amount: '50' }))
      .toEqual([expect.objectContaining({ field: ['input', 'organisationId'], code: 'REQUIRED' })]);
    const plain = await stream(10_000);
    expect(await refusal({ streamId: plain, kind: 'CONTRIBUTION', amount: '50', organisationId: ids.pcc }))
      .toEqual([expect.objectContaining({ field: ['input', 'kind'], code: 'NOT_ALLOWED' })]);
  });

  it('never takes a stream past its budget or a figure below zero', async () => {
    const streamId = await stream(10_000);
    expect(await refusal({ streamId, kind: 'COMMITMENT', amount: '100.01' }))
      .toEqual([expect.objectContaining({ field: ['input', 'amount'], code: 'OVER_BUDGET' })]);
    expect(await refusal({ streamId, kind: 'SPEND', amount: '100.01' }))
      .toEqual([expect.objectContaining({ field: ['input', 'amount'], code: 'OVER_BUDGET' })]);
    const budget = (await portal.dataSource.query(`SELECT id FROM ledger_entry WHERE stream_id = $1 AND kind = 'budget'`, [streamId]))[0].id;
    const spend = await entry(tokens.admin, { streamId, kind: 'SPEND', amount: '60' });
    // Reversing most of the budget would leave less than was spent.
    expect(await refusal({ streamId, kind: 'ADJUSTMENT', amount: '50', reversesEntryId: budget }))
      .toEqual([expect.objectContaining({ field: ['input', 'amount'], code: 'OVER_BUDGET' })]);
    await entry(tokens.admin, { streamId, kind: 'ADJUSTMENT', amount: '60', reversesEntryId: spend.id });
    await entry(tokens.admin, { streamId, kind: 'COMMITMENT', amount: '100' });
    expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ budget: 10_000, committed: 10_000, remaining: 0 });
  });

  it('lets an L&D lead record on the streams their organisation manages, and no other', async () => {
    const council = await makeStream(portal.dataSource, { partnershipId: ids.gp, managingOrganisationId: ids.pcc, budgetPence: 10_000 });
    const byLead = await entry(tokens.lead, { streamId: council, kind: 'SPEND', amount: '10', reason: 'Room hire' });
    expect(byLead.kind).toBe('SPEND');
    const elsewhere = await stream(10_000);
    const forbidden = await recordEntry(portal, tokens.lead, { streamId: elsewhere, kind: 'SPEND', amount: '10', reason: 'x' });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const steering = await recordEntry(portal, tokens.steering, { streamId: council, kind: 'SPEND', amount: '10', reason: 'x' });
    expect(steering.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await streamFigures(portal.dataSource, elsewhere)).running.entries).toBe(1);
  });

  describe('ADJUSTMENT', () => {
    it('reverses an entry in full, carrying its organisation, course and date', async () => {
      const streamId = await stream(100_000);
      const courseId = await makeCourse(portal.dataSource, ids.gp, ids.provider, { title: 'Reversed course', costPence: 1000 });
      const spend = await entry(tokens.admin, { streamId, kind: 'SPEND', amount: '250', organisationId: ids.employer, courseId });
      const reversal = await entry(tokens.admin, { streamId, kind: 'ADJUSTMENT', amount: '250', reversesEntryId: spend.id, reason: 'Invoice was duplicated' });
      expect(reversal).toMatchObject({ kind: 'ADJUSTMENT', reversesEntryId: spend.id, quarter: spend.quarter });
      expect(pence(reversal)).toEqual({ effect: [0, 0, -25_000], after: [100_000, 0, 0, 100_000] });
      const [row] = await portal.dataSource.query('SELECT organisation_id, course_id, occurred_at FROM ledger_entry WHERE id = $1', [reversal.id]);
      const [original] = await portal.dataSource.query('SELECT organisation_id, course_id, occurred_at FROM ledger_entry WHERE id = $1', [spend.id]);
      expect(row).toEqual(original);
      // Nothing is left to reverse.
      expect(await refusal({ streamId, kind: 'ADJUSTMENT', amount: '0.01', reversesEntryId: spend.id }))
        .toEqual([expect.objectContaining({ field: ['input', 'amount'], code: 'OVER_REVERSAL' })]);
    });

    it('reverses in part, never more than is left, and never an adjustment', async () => {
      const streamId = await stream(100_000);
      const budget = await entry(tokens.admin, { streamId, kind: 'BUDGET', amount: '400' });
      const first = await entry(tokens.admin, { streamId, kind: 'ADJUSTMENT', amount: '150', reversesEntryId: budget.id });
      expect(pence(first)).toEqual({ effect: [-15_000, 0, 0], after: [125_000, 0, 0, 125_000] });
      const second = await entry(tokens.admin, { streamId, kind: 'ADJUSTMENT', amount: '200', reversesEntryId: budget.id });
      expect(pence(second).after).toEqual([105_000, 0, 0, 105_000]);
      const over = await refusal({ streamId, kind: 'ADJUSTMENT', amount: '50.01', reversesEntryId: budget.id });
      expect(over).toEqual([expect.objectContaining({ field: ['input', 'amount'], code: 'OVER_REVERSAL' })]);
      expect(over[0].message).toContain('£50.00');
      expect(await refusal({ streamId, kind: 'ADJUSTMENT', amount: '10', reversesEntryId: first.id }))
        .toEqual([expect.objectContaining({ field: ['input', 'reversesEntryId'], code: 'NOT_REVERSIBLE' })]);
      await entry(tokens.admin, { streamId, kind: 'ADJUSTMENT', amount: '50', reversesEntryId: budget.id });
      expect((await streamFigures(portal.dataSource, streamId)).running.budget).toBe(100_000);
    });

    it('refuses a correction that names no entry, another stream\'s entry, an allocation, or fields it takes from the original', async () => {
      const streamId = await stream(100_000);
      const other = await stream(100_000);
      const [{ id: otherId }] = await portal.dataSource.query(`SELECT id FROM ledger_entry WHERE stream_id = $1 AND kind = 'budget'`, [other]);
      expect(await refusal({ streamId, kind: 'ADJUSTMENT', amount: '10' }))
        .toEqual([expect.objectContaining({ field: ['input', 'reversesEntryId'], code: 'REQUIRED' })]);
      expect(await refusal({ streamId, kind: 'ADJUSTMENT', amount: '10', reversesEntryId: otherId }))
        .toEqual([expect.objectContaining({ field: ['input', 'reversesEntryId'], code: 'NOT_FOUND' })]);
      const allocation = await entry(tokens.admin, { streamId, kind: 'ALLOCATION', amount: '10', organisationId: ids.employer });
      expect(await refusal({ streamId, kind: 'ADJUSTMENT', amount: '10', reversesEntryId: allocation.id }))
        .toEqual([expect.objectContaining({ field: ['input', 'reversesEntryId'], code: 'NOT_REVERSIBLE' })]);
      const budget = (await portal.dataSource.query(`SELECT id FROM ledger_entry WHERE stream_id = $1 AND kind = 'budget'`, [streamId]))[0].id;
      const errors = await refusal({ streamId, kind: 'ADJUSTMENT', amount: '10', reversesEntryId: budget, organisationId: ids.pcc, occurredAt: new Date().toISOString() });
      expect(errors.map((e) => [e.field.join('.'), e.code])).toEqual([['input.organisationId', 'NOT_ALLOWED'], ['input.occurredAt', 'NOT_ALLOWED']]);
      expect(await refusal({ streamId, kind: 'SPEND', amount: '10', reversesEntryId: budget }))
        .toEqual([expect.objectContaining({ field: ['input', 'reversesEntryId'], code: 'NOT_ALLOWED' })]);
    });

    it('refuses reversing budget that is already committed', async () => {
      const streamId = await stream(10_000);
      const [{ id: budgetId }] = await portal.dataSource.query(`SELECT id FROM ledger_entry WHERE stream_id = $1`, [streamId]);
      await entry(tokens.admin, { streamId, kind: 'COMMITMENT', amount: '60' });
      expect(await refusal({ streamId, kind: 'ADJUSTMENT', amount: '40.01', reversesEntryId: budgetId }))
        .toEqual([expect.objectContaining({ field: ['input', 'amount'], code: 'OVER_BUDGET' })]);
      await entry(tokens.admin, { streamId, kind: 'ADJUSTMENT', amount: '40', reversesEntryId: budgetId });
      expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ budget: 6_000, committed: 6_000, remaining: 0 });
    });
  });

  describe('idempotency keys', () => {
    it('answers a repeated key with the first entry, and records once', async () => {
      const streamId = await stream(100_000);
      const input = { streamId, kind: 'SPEND', amount: '12.34', reason: 'Invoice 7', idempotencyKey: `invoice-7-${streamId}` };
      const first = await entry(tokens.admin, input);
      const again = await entry(tokens.admin, input);
      expect(again.id).toBe(first.id);
      // A key is bound to its request: the same key with anything else that defines the entry is refused, and records nothing.
      const otherStream = await stream(100_000);
      for (const change of [{ amount: '99' }, { amount: '12.340' }, { kind: 'COMMITMENT' }, { reason: 'Invoice 8' }, { streamId: otherStream },
        { occurredAt: new Date().toISOString() }, { organisationId: ids.pcc }]) {
        expect(await refusal({ ...input, ...change })).toEqual([{ field: ['input', 'idempotencyKey'],
          message: expect.stringMatching(/already used for another request/), code: 'IDEMPOTENCY_KEY_REUSED' }]);
      }
      expect((await entry(tokens.admin, input)).id).toBe(first.id);
      expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ spent: 1_234, entries: 2 });
      expect((await streamFigures(portal.dataSource, otherStream)).running).toMatchObject({ spent: 0, entries: 1 });
      // Another person's same key is another request.
      const council = await makeStream(portal.dataSource, { partnershipId: ids.gp, managingOrganisationId: ids.pcc, budgetPence: 10_000 });
      const byLead = await entry(tokens.lead, { ...input, streamId: council });
      expect(byLead.id).not.toBe(first.id);
    });

    it('records once for 10 concurrent requests with one key', async () => {
      const streamId = await stream(100_000);
      const input = { streamId, kind: 'COMMITMENT', amount: '25', reason: 'Concurrent', idempotencyKey: `concurrent-${streamId}` };
      const responses = await Promise.all(Array.from({ length: 10 }, () => recordEntry(portal, tokens.admin, input)));
      expect(responses.filter((r) => r.status !== 200 || r.errors)).toEqual([]);
      expect(responses.flatMap((r) => r.data!.recordLedgerEntry.userErrors)).toEqual([]);
      expect(new Set(responses.map((r) => r.data!.recordLedgerEntry.entry!.id)).size).toBe(1);
      expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ committed: 2_500, entries: 2 });
    });

    it('records once for concurrent requests with one key and two amounts, and refuses the other amount', async () => {
      const streamId = await stream(100_000);
      const input = { streamId, kind: 'COMMITMENT', reason: 'Concurrent', idempotencyKey: `concurrent-two-${streamId}` };
      const amounts = Array.from({ length: 10 }, (_, i) => (i % 2 ? '25' : '26'));
      const responses = await Promise.all(amounts.map((amount) => recordEntry(portal, tokens.admin, { ...input, amount })));
      expect(responses.filter((r) => r.status !== 200 || r.errors)).toEqual([]);
      const recorded = responses.flatMap((r) => (r.data!.recordLedgerEntry.entry ? [r.data!.recordLedgerEntry.entry] : []));
      expect(new Set(recorded.map((e) => e.id)).size).toBe(1);
      const pence = recorded[0].amount.pence;
      responses.forEach((r, i) => {
        if (Number(amounts[i]) * 100 === pence) expect(r.data!.recordLedgerEntry).toMatchObject({ entry: { id: recorded[0].id }, userErrors: [] });
        else expect(r.data!.recordLedgerEntry).toEqual({ entry: null, userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' })] });
      });
      expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ committed: pence, entries: 2 });
    });
  });
});

describe('bookings move money in their own transaction', () => {
  /** Rows written by one transaction share its transaction id (xmin). */
  const xminOf = async (table: 'booking' | 'ledger_entry', id: string) =>
    (await portal.dataSource.query(`SELECT xmin::text AS x FROM ${table} WHERE id = $1`, [id]))[0].x as string;

  it('commits a funded place when it is confirmed, for the person\'s organisation, within 15 SQL statements', async () => {
    const streamId = await stream(100_000);
    const { courseId, sessionId } = await fundedSession(streamId);
    const booker = person();
    const response = await book(booker.token, { sessionId });
    expect(response.data!.bookSession.userErrors).toEqual([]);
    const booking = response.data!.bookSession.booking!;
    expect(booking).toMatchObject({ status: 'CONFIRMED', cost: { pence: 4000 } });
    // 18 when the ledger and the notice each read the booking again by its id.
    console.log(`SQL statements for one funded booking (with the payload's fields): ${response.extensions!.sqlStatements}`);
    expect(response.extensions!.sqlStatements).toBeLessThanOrEqual(15);
    const entries = await entriesOf(streamId);
    expect(entries[1]).toMatchObject({ kind: 'commitment', amount: 4000, booking_id: booking.id, organisation_id: ids.employer, course_id: courseId,
      session_id: sessionId, recorded_by_person_id: booker.personId });
    const [{ id: entryId }] = await portal.dataSource.query(`SELECT id FROM ledger_entry WHERE booking_id = $1`, [booking.id]);
    expect(await xminOf('ledger_entry', entryId)).toBe(await xminOf('booking', booking.id));
    expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ committed: 4000, remaining: 96_000 });
    const [audit] = await portal.dataSource.query(`SELECT count(DISTINCT request_id)::int AS requests FROM audit_log
      WHERE subject_id IN ($1, $2)`, [booking.id, entryId]);
    expect(audit.requests).toBe(1);
  });

  it('charges the session\'s stream before its course\'s, and moves no money for a free course or a waiting place', async () => {
    const courseStream = await stream(100_000);
    const sessionStream = await stream(100_000);
    const { courseId } = await fundedSession(courseStream, { on: 'course' });
    const own = await makeSession(portal.dataSource, ids.gp, courseId, { startsInDays: 31 });
    await chargeSessionTo(portal.dataSource, own, sessionStream);
    const inherits = await makeSession(portal.dataSource, ids.gp, courseId, { startsInDays: 32, capacity: 1 });
    expect((await book(person().token, { sessionId: own })).data!.bookSession.booking!.status).toBe('CONFIRMED');
    expect((await book(person().token, { sessionId: inherits })).data!.bookSession.booking!.status).toBe('CONFIRMED');
    expect((await streamFigures(portal.dataSource, sessionStream)).running.committed).toBe(4000);
    expect((await streamFigures(portal.dataSource, courseStream)).running.committed).toBe(4000);
    // Full: the next person waits, and a waiting place costs nothing yet.
    const waiting = await book(person().token, { sessionId: inherits });
    expect(waiting.data!.bookSession.booking).toMatchObject({ status: 'WAITLISTED', cost: { pence: 0 } });
    expect((await streamFigures(portal.dataSource, courseStream)).running).toMatchObject({ committed: 4000, entries: 2 });
    const free = await fundedSession(courseStream, { costPence: 0 });
    expect((await book(person().token, { sessionId: free.sessionId })).data!.bookSession.booking!.status).toBe('CONFIRMED');
    expect((await streamFigures(portal.dataSource, courseStream)).running.entries).toBe(2);
  });

  it('releases the commitment when the place is cancelled in good time', async () => {
    const streamId = await stream(100_000);
    const { sessionId } = await fundedSession(streamId);
    const booker = person();
    const booking = (await book(booker.token, { sessionId })).data!.bookSession.booking!;
    const cancelled = await cancel(booker.token, booking.id);
    expect(cancelled.data!.cancelBooking.booking).toMatchObject({ status: 'CANCELLED', cancelledLate: false });
    const entries = await entriesOf(streamId);
    expect(entries.map((e) => [e.kind, e.amount, e.booking_id, e.wasted])).toEqual([
      ['budget', 100_000, null, false], ['commitment', 4000, booking.id, false], ['release', 4000, booking.id, false]]);
    const [{ id: releaseId }] = await portal.dataSource.query(`SELECT id FROM ledger_entry WHERE booking_id = $1 AND kind = 'release'`, [booking.id]);
    expect(await xminOf('ledger_entry', releaseId)).toBe(await xminOf('booking', booking.id));
    expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ committed: 0, spent: 0, remaining: 100_000 });
  });

  it('records a late cancellation\'s cost as wasted spend', async () => {
    const streamId = await stream(100_000);
    // Starts in 36 hours (booking still open): cancelling now is within the 48 hours.
    const { sessionId } = await fundedSession(streamId, { startsInDays: 1.5 });
    const booker = person();
    const booking = (await book(booker.token, { sessionId })).data!.bookSession.booking!;
    const cancelled = await cancel(booker.token, booking.id);
    expect(cancelled.data!.cancelBooking.booking).toMatchObject({ status: 'CANCELLED', cancelledLate: true });
    const entries = await entriesOf(streamId);
    expect(entries.slice(1).map((e) => [e.kind, e.amount, e.wasted, e.organisation_id])).toEqual([
      ['commitment', 4000, false, ids.employer], ['release', 4000, false, ids.employer], ['spend', 4000, true, ids.employer]]);
    expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ committed: 0, spent: 4000, remaining: 96_000 });
  });

  it('releases every place when the session is cancelled', async () => {
    const streamId = await stream(100_000);
    const { sessionId } = await fundedSession(streamId, { capacity: 3 });
    const bookings = [];
    for (let i = 0; i < 4; i += 1) bookings.push((await book(person().token, { sessionId })).data!.bookSession.booking!);
    expect(bookings.map((b) => b.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'WAITLISTED']);
    expect((await streamFigures(portal.dataSource, streamId)).running.committed).toBe(12_000);
    const response = await portal.graphql<{ cancelSession: { userErrors: UserErrorShape[] } }>(CANCEL_SESSION,
      { input: { sessionId, reason: 'Trainer unwell' } }, { token: tokens.admin });
    expect(response.data!.cancelSession.userErrors).toEqual([]);
    const releases = (await entriesOf(streamId)).filter((e) => e.kind === 'release');
    expect(releases.map((e) => e.booking_id).sort()).toEqual(bookings.slice(0, 3).map((b) => b.id).sort());
    expect(releases.every((e) => e.amount === 4000 && e.wasted === false)).toBe(true);
    expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ committed: 0, spent: 0, remaining: 100_000 });
  });

  it('commits when the last approval confirms a request, and refuses the approval when the stream cannot pay', async () => {
    const streamId = await stream(5_000);
    const { sessionId } = await fundedSession(streamId);
    const [first, second] = approvalStaff;
    const requested = (await book(first.token, { sessionId })).data!.bookSession.booking!;
    expect(requested.status).toBe('REQUESTED');
    const alsoRequested = (await book(second.token, { sessionId })).data!.bookSession.booking!;
    expect((await streamFigures(portal.dataSource, streamId)).running.committed).toBe(0);
    const approved = await portal.graphql<DecideData>(DECIDE, { input: { bookingId: requested.id, approve: true } }, { token: tokens.approver });
    expect(approved.data!.decideBooking.booking).toEqual({ id: requested.id, status: 'CONFIRMED' });
    const entries = await entriesOf(streamId);
    expect(entries[1]).toMatchObject({ kind: 'commitment', booking_id: requested.id, organisation_id: ids.approving, recorded_by_person_id: ids.approver });
    // £10 left: the second approval cannot be paid for, and the request stays as it was.
    const refused = await portal.graphql<DecideData>(DECIDE, { input: { bookingId: alsoRequested.id, approve: true } }, { token: tokens.approver });
    expect(refused.data!.decideBooking).toEqual({ booking: null, userErrors: [expect.objectContaining({ field: ['input', 'bookingId'], code: 'FUNDS_EXHAUSTED' })] });
    const [row] = await portal.dataSource.query('SELECT status, approvals FROM booking WHERE id = $1', [alsoRequested.id]);
    expect(row).toEqual({ status: 'requested', approvals: [] });
    expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ committed: 4000, entries: 2 });
  });

  it('commits when a waiting person is promoted into a freed seat', async () => {
    const streamId = await stream(100_000);
    const { sessionId } = await fundedSession(streamId, { capacity: 1 });
    const [holder, waiter] = [person(), person()];
    const held = (await book(holder.token, { sessionId })).data!.bookSession.booking!;
    const waiting = (await book(waiter.token, { sessionId })).data!.bookSession.booking!;
    expect(waiting.status).toBe('WAITLISTED');
    await cancel(holder.token, held.id);
    const [promoted] = await portal.dataSource.query('SELECT status, cost_pence::int AS cost FROM booking WHERE id = $1', [waiting.id]);
    expect(promoted).toEqual({ status: 'confirmed', cost: 4000 });
    const entries = await entriesOf(streamId);
    expect(entries.slice(1).map((e) => [e.kind, e.booking_id, e.recorded_by_person_id])).toEqual([
      ['commitment', held.id, holder.personId], ['release', held.id, holder.personId], ['commitment', waiting.id, null]]);
    expect((await streamFigures(portal.dataSource, streamId)).running.committed).toBe(4000);
  });
});

describe('when the stream has too little left', () => {
  it('refuses the booking with FUNDS_EXHAUSTED and takes no seat', async () => {
    const streamId = await stream(6_000);
    const { sessionId } = await fundedSession(streamId, { capacity: 10 });
    // Some seats are the employer's allocation, so both kinds of counter are watched.
    await makeAllocation(portal.dataSource, ids.gp, sessionId, ids.employer, 3);
    expect((await book(person().token, { sessionId })).data!.bookSession.booking!.status).toBe('CONFIRMED');
    const before = await seatCounters(sessionId);
    expect(before).toEqual({ seats_taken: 1, pool_seats_taken: 0, allocated_taken: 1, bookings: 1 });
    const refused = await book(person().token, { sessionId, idempotencyKey: 'funds-exhausted-1' });
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.bookSession).toEqual({ booking: null, userErrors: [expect.objectContaining({ field: ['input', 'sessionId'], code: 'FUNDS_EXHAUSTED' })] });
    expect(await seatCounters(sessionId)).toEqual(before);
    expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ committed: 4000, remaining: 2000, entries: 2 });
  });

  it('leaves the waiting person waiting (and the seat free) when a promotion cannot be paid for', async () => {
    const streamId = await stream(4_000);
    // Starts in 36 hours: the holder's cancellation is late, so its cost is spent, not released.
    const { sessionId } = await fundedSession(streamId, { capacity: 1, startsInDays: 1.5 });
    const [holder, waiter] = [person(), person()];
    const held = (await book(holder.token, { sessionId })).data!.bookSession.booking!;
    const waiting = (await book(waiter.token, { sessionId })).data!.bookSession.booking!;
    expect([held.status, waiting.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    const cancelled = await cancel(holder.token, held.id);
    expect(cancelled.data!.cancelBooking.booking).toMatchObject({ status: 'CANCELLED', cancelledLate: true });
    const [row] = await portal.dataSource.query('SELECT status, cost_pence::int AS cost, waitlisted_at IS NOT NULL AS waiting FROM booking WHERE id = $1', [waiting.id]);
    expect(row).toEqual({ status: 'waitlisted', cost: 0, waiting: true });
    expect(await seatCounters(sessionId)).toMatchObject({ seats_taken: 0, pool_seats_taken: 0 });
    expect((await streamFigures(portal.dataSource, streamId)).running).toMatchObject({ committed: 0, spent: 4000, remaining: 0 });
    expect((await entriesOf(streamId)).filter((e) => e.booking_id === waiting.id)).toEqual([]);
    const [{ count }] = await portal.dataSource.query(`SELECT count(*)::int AS count FROM audit_log WHERE action = 'bookings.promoted' AND subject_id = $1`, [waiting.id]);
    expect(count).toBe(0);
  });
});

describe('the ledger is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of ledger_entry, even of no rows', async () => {
    const streamId = await stream(1_000);
    const before = await entriesOf(streamId);
    for (const sql of [
      `UPDATE ledger_entry SET reason = 'edited' WHERE stream_id = '${streamId}'`,
      `UPDATE ledger_entry SET amount_pence = 1 WHERE false`,
      `DELETE FROM ledger_entry WHERE stream_id = '${streamId}'`,
      'DELETE FROM ledger_entry WHERE false',
      'TRUNCATE ledger_entry CASCADE',
    ]) {
      await expect(portal.dataSource.query(sql)).rejects.toThrow(/append-only/);
    }
    expect(await entriesOf(streamId)).toEqual(before);
  });
});
