import type { EntityManager } from 'typeorm';
import { effectsOf, parseFinancialYear, type LedgerKind } from '@portal/domain';
import { postEntry } from '../../server/src/modules/funding/ledger';
import { commitBooking, spendBooking } from '../../server/src/modules/funding/booking-ledger';
import { startPortal, type GraphQLResponse, type RunningPortal } from '../support/start-portal';
import { makeAllocation, makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { chargeCourseTo, TEST_ORIGIN } from '../support/funding-fixtures';
import { expectLedgerInvariants } from '../support/ledger-invariants';

/**
 * The figures a steering group and an L&D lead are shown, worked out by hand on rows this file
 * makes in an empty database: one pattern of streams, places and invoices, then the same pattern
 * ten times over (every sum ten times, every ratio the same). Each scope is one scope: the
 * partnership's figures, or one organisation's own money and the streams it holds.
 */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const YEAR = parseFinancialYear('2030/31')!;

const SUMS = 'budget { pence } committed { pence } spent { pence } remaining { pence }';
const OVERVIEW = `query($slug: String!, $year: String!) { fundingOverview(partnershipSlug: $slug, financialYear: $year) {
  scope { kind name }
  totals { ${SUMS} }
  byStream { stream { id name } summary { ${SUMS} } }
  streamsHeld { stream { id name } summary { ${SUMS} } }
  streamsHeldTotals { ${SUMS} }
  byFunder { key summary { ${SUMS} } } byOrganisation { key summary { ${SUMS} } }
  bySector { key summary { ${SUMS} } } byQuarter { key summary { ${SUMS} } }
  deliveredLearningSpend { pence } costPerLearner { pence } costPerLearningHour { pence }
  learners learningHours seatsOffered seatsUsed seatUtilisation noShowCost { pence } } }`;

interface SumsShape { budget: { pence: number }; committed: { pence: number }; spent: { pence: number }; remaining: { pence: number } }
interface Row { key: string; summary: SumsShape }
interface StreamRow { stream: { id: string; name: string }; summary: SumsShape }
interface Overview {
  scope: { kind: string; name: string };
  totals: SumsShape; byStream: StreamRow[]; streamsHeld: StreamRow[]; streamsHeldTotals: SumsShape;
  byFunder: Row[]; byOrganisation: Row[]; bySector: Row[]; byQuarter: Row[];
  deliveredLearningSpend: { pence: number }; costPerLearner: { pence: number } | null; costPerLearningHour: { pence: number } | null;
  learners: number; learningHours: number; seatsOffered: number; seatsUsed: number; seatUtilisation: number; noShowCost: { pence: number };
}

const overview = (token: string): Promise<GraphQLResponse<{ fundingOverview: Overview }>> =>
  portal.graphql<{ fundingOverview: Overview }>(OVERVIEW, { slug: ids.slug, year: YEAR.label }, { token });

async function figuresFor(who: 'steering' | 'lead'): Promise<Overview> {
  const response = await overview(tokens[who]);
  expect(response.errors).toBeUndefined();
  return response.data!.fundingOverview;
}

const pence = (s: SumsShape) => [s.budget.pence, s.committed.pence, s.spent.pence, s.remaining.pence];
const sums = (budget: number, committed: number, spent: number) => [budget, committed, spent, budget - committed - spent];
const add = (rows: Array<{ summary: SumsShape }>) => rows.reduce((acc, r) => acc.map((v, i) => v + pence(r.summary)[i]), [0, 0, 0, 0]);
const scaled = (values: number[], n: number) => values.map((v) => v * n);

function inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return portal.dataSource.transaction(work);
}

async function makeYearStream(name: string, managedBy: string, funder: { kind: string; name: string; organisationId?: string }): Promise<string> {
  const [row] = await portal.dataSource.query(
    `INSERT INTO funding_stream (partnership_id, name, funder_kind, funder_name, funder_organisation_id, financial_year, year_starts_at,
       year_ends_at, managing_organisation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [ids.partnership, name, funder.kind, funder.name, funder.organisationId ?? null, YEAR.label, YEAR.start, YEAR.end, managedBy]);
  return row.id;
}

async function post(streamId: string, kind: Exclude<LedgerKind, 'adjustment'>, amountPence: number, organisationId: string | null,
  occurredAt: Date = YEAR.start): Promise<void> {
  const posted = await inTransaction((manager) => postEntry(manager, {
    partnershipId: ids.partnership, streamId, kind, amountPence, effects: effectsOf(kind, amountPence), organisationId,
    occurredAt, reason: `Test ${kind}`, recordedByPersonId: null, recordedAt: new Date(),
  }, TEST_ORIGIN));
  if (!posted.ok) throw new Error(`posting refused: ${posted.problem}`);
}

/** A confirmed place committed through the ledger; attended or a no-show is then spent, as the register does. */
async function place(sessionId: string, personId: string, organisationId: string, outcome: 'attended' | 'no_show' | 'confirmed',
  fromAllocation = false): Promise<void> {
  await inTransaction(async (manager) => {
    const [booking] = await manager.query(
      `INSERT INTO booking (partnership_id, session_id, person_id, organisation_id, seat_organisation_id, status, cost_pence)
       SELECT s.partnership_id, s.id, $2, $3, $4, 'confirmed', c.cost_per_place_pence FROM training_session s JOIN course c ON c.id = s.course_id
       WHERE s.id = $1 RETURNING id`, [sessionId, personId, organisationId, fromAllocation ? organisationId : null]);
    if (fromAllocation) {
      await manager.query('UPDATE seat_allocation SET seats_taken = seats_taken + 1 WHERE session_id = $1 AND organisation_id = $2', [sessionId, organisationId]);
      await manager.query('UPDATE training_session SET seats_taken = seats_taken + 1 WHERE id = $1', [sessionId]);
    } else {
      await manager.query('UPDATE training_session SET seats_taken = seats_taken + 1, pool_seats_taken = pool_seats_taken + 1 WHERE id = $1', [sessionId]);
    }
    const committed = await commitBooking(manager, booking.id, null, TEST_ORIGIN, new Date());
    if (!committed.ok) throw new Error(`commitment refused: ${committed.problem}`);
    if (outcome !== 'confirmed') {
      await manager.query('UPDATE booking SET status = $2 WHERE id = $1', [booking.id, outcome]);
      await spendBooking(manager, booking.id, outcome === 'attended', null, TEST_ORIGIN, new Date());
    }
  });
}

/**
 * One copy of the pattern. Streams: the council's fund (managed and funded by the council, £1,000),
 * the trust's fund (£2,000) and the trust's levy account (£500). Course K1 (£100, 2 hours) is paid
 * from the trust's fund, K2 (£50, 1 hour) from the council's. Session A of K1 (capacity 4, 1 seat
 * allocated to the council) in Q1: c1 attends on the council's seat, c2 attends from the pool, t1
 * (the trust's) does not come. Session B of K2 (capacity 2) in Q3: c1 attends, c3 is booked. The
 * levy account transfers £300 to the council: spend that names no session.
 */
async function pattern(copy: number): Promise<void> {
  const council = await makeYearStream(`Council fund ${copy}`, ids.council, { kind: 'partner', name: 'Test City Council', organisationId: ids.council });
  const trust = await makeYearStream(`Trust fund ${copy}`, ids.trust, { kind: 'nhs_education', name: 'NHS England' });
  const levy = await makeYearStream(`Levy account ${copy}`, ids.trust, { kind: 'apprenticeship_levy', name: 'Apprenticeship service account' });
  await post(council, 'budget', 100_000, ids.council);
  await post(trust, 'budget', 200_000, ids.trust);
  await post(levy, 'budget', 50_000, ids.trust);

  const k1 = await makeCourse(portal.dataSource, ids.partnership, ids.trust, { title: `K1 ${copy}`, costPence: 10_000 });
  const k2 = await makeCourse(portal.dataSource, ids.partnership, ids.trust, { title: `K2 ${copy}`, costPence: 5_000 });
  await portal.dataSource.query('UPDATE course SET duration_minutes = $2 WHERE id = $1', [k1, 120]);
  await portal.dataSource.query('UPDATE course SET duration_minutes = $2 WHERE id = $1', [k2, 60]);
  await chargeCourseTo(portal.dataSource, k1, trust);
  await chargeCourseTo(portal.dataSource, k2, council);
  const a = await makeSession(portal.dataSource, ids.partnership, k1, { now: new Date('2030-06-10T09:00:00Z'), startsInDays: 0, capacity: 4 });
  const b = await makeSession(portal.dataSource, ids.partnership, k2, { now: new Date('2030-10-10T09:00:00Z'), startsInDays: 0, capacity: 2 });
  await makeAllocation(portal.dataSource, ids.partnership, a, ids.council, 1);

  const [c1, c2, c3] = await makeSignedInPeople(portal.dataSource, ids.partnership, 3, { organisationId: ids.council });
  const [t1] = await makeSignedInPeople(portal.dataSource, ids.partnership, 1, { organisationId: ids.trust });
  await place(a, c1.personId, ids.council, 'attended', true);
  await place(a, c2.personId, ids.council, 'attended');
  await place(a, t1.personId, ids.trust, 'no_show');
  await place(b, c1.personId, ids.council, 'attended');
  await place(b, c3.personId, ids.council, 'confirmed');
  await post(levy, 'spend', 30_000, ids.council, new Date('2030-08-01T09:00:00Z'));
}

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  const db = portal.dataSource;
  const partnership = await makePartnership(db);
  ids.partnership = partnership.id;
  ids.slug = partnership.slug;
  ids.council = await makeOrganisation(db, ids.partnership, { name: 'Test City Council', sector: 'local_authority' });
  ids.trust = await makeOrganisation(db, ids.partnership, { name: 'Test Hospitals Trust', sector: 'acute_trust' });
  const [steering] = await makeSignedInPeople(db, ids.partnership, 1, { organisationId: ids.trust });
  const [lead] = await makeSignedInPeople(db, ids.partnership, 1, { organisationId: ids.council });
  await db.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, 'steering_group', NULL),
    ($1, $3, 'ld_lead', $4)`, [ids.partnership, steering.personId, lead.personId, ids.council]);
  tokens.steering = steering.token;
  tokens.lead = lead.token;
  await pattern(1);
}, 120_000);

afterEach(async () => {
  await expectLedgerInvariants(portal.dataSource);
});

afterAll(async () => {
  await portal?.stop();
});

/** Every figure of one copy of the pattern, for the partnership and for the council's lead, times n copies. */
async function expectPatternFigures(n: number): Promise<void> {
  const partnership = await figuresFor('steering');
  expect(partnership.scope).toEqual({ kind: 'PARTNERSHIP', name: expect.stringMatching(/^Partnership /) });
  // Budgets £1,000 + £2,000 + £500; committed: c3's £50; spent: 3 × £100 at A, £50 at B, the £300 levy transfer.
  expect(pence(partnership.totals)).toEqual(scaled(sums(350_000, 5_000, 65_000), n));
  // Delivered learning: the £350 spent on sessions (the no-show's place is paid for too), not the levy transfer.
  expect(partnership.deliveredLearningSpend.pence).toBe(35_000 * n);
  // c1 and c2 attended (t1 did not): 2 learners a copy; 2 + 2 + 1 hours.
  expect([partnership.learners, partnership.learningHours]).toEqual([2 * n, 5 * n]);
  expect([partnership.costPerLearner?.pence, partnership.costPerLearningHour?.pence]).toEqual([17_500, 7_000]);
  // Offered: capacities 4 + 2; used: c1 and c2 at A (not the no-show), c1 and c3 at B.
  expect([partnership.seatsOffered, partnership.seatsUsed]).toEqual([6 * n, 4 * n]);
  expect(partnership.seatUtilisation).toBeCloseTo(4 / 6, 10);
  expect(partnership.noShowCost.pence).toBe(10_000 * n);
  expect(pence(partnership.streamsHeldTotals)).toEqual(pence(partnership.totals));

  const lead = await figuresFor('lead');
  expect(lead.scope).toEqual({ kind: 'ORGANISATION', name: 'Test City Council' });
  // The council's own money: the budget it funds, its people's places (c1 £100 + c2 £100 at A, c1 £50 at B,
  // c3's £50 committed) and the levy transferred to it. Not the trust's no-show, not the trust's budgets.
  expect(pence(lead.totals)).toEqual(scaled(sums(100_000, 5_000, 55_000), n));
  expect(lead.byOrganisation.map((r) => r.key)).toEqual([ids.council]);
  expect(lead.bySector.map((r) => r.key)).toEqual(['local_authority']);
  expect(lead.deliveredLearningSpend.pence).toBe(25_000 * n);
  expect([lead.learners, lead.learningHours, lead.costPerLearner?.pence, lead.costPerLearningHour?.pence]).toEqual([2 * n, 5 * n, 12_500, 5_000]);
  // Offered: the council's 1 allocated seat at A and the 3 places its people took from the pool (c2 at A, c1 and c3 at B).
  expect([lead.seatsOffered, lead.seatsUsed, lead.seatUtilisation]).toEqual([4 * n, 4 * n, 1]);
  expect(lead.noShowCost.pence).toBe(0);
  // The streams it holds (manages or funds), each whole: only the council's fund, never with a negative remaining.
  expect(lead.streamsHeld.map((s) => s.stream.name).sort()).toEqual(Array.from({ length: n }, (_, i) => `Council fund ${i + 1}`).sort());
  for (const row of lead.streamsHeld) expect(pence(row.summary)).toEqual(sums(100_000, 5_000, 5_000));
  expect(pence(lead.streamsHeldTotals)).toEqual(scaled(sums(100_000, 5_000, 5_000), n));

  for (const o of [partnership, lead]) {
    for (const rows of [o.byStream, o.byFunder, o.byOrganisation, o.bySector, o.byQuarter]) expect(add(rows)).toEqual(pence(o.totals));
    expect(add(o.streamsHeld)).toEqual(pence(o.streamsHeldTotals));
    for (const row of o.streamsHeld) expect(row.summary.remaining.pence).toBeGreaterThanOrEqual(0);
  }
}

const STREAM = `query($id: ID!) { fundingStream(id: $id) { courses { title sessions { seatsOffered seatsUsed } } } }`;

describe('the funding figures, worked out by hand', () => {
  it('shows a lead a session\'s seats as its organisation was offered and used them', async () => {
    const [trust] = await portal.dataSource.query(`SELECT id FROM funding_stream WHERE name = 'Trust fund 1'`);
    const response = await portal.graphql<{ fundingStream: { courses: Array<{ title: string; sessions: Array<{ seatsOffered: number; seatsUsed: number }> }> } }>(
      STREAM, { id: trust.id }, { token: tokens.lead });
    expect(response.errors).toBeUndefined();
    // At A the council held 1 seat and its people took 2 places (one from the pool): 2 offered, 2 used.
    expect(response.data!.fundingStream.courses.map((c) => [c.title, c.sessions])).toEqual([['K1 1', [{ seatsOffered: 2, seatsUsed: 2 }]]]);
    const forSteering = await portal.graphql<{ fundingStream: { courses: Array<{ sessions: Array<{ seatsOffered: number; seatsUsed: number }> }> } }>(
      STREAM, { id: trust.id }, { token: tokens.steering });
    expect(forSteering.data!.fundingStream.courses[0].sessions).toEqual([{ seatsOffered: 4, seatsUsed: 2 }]);
  });

  it('for one copy of the pattern', async () => {
    await expectPatternFigures(1);
  });

  it('for ten copies: every sum ten times, every ratio the same', async () => {
    for (let copy = 2; copy <= 10; copy += 1) await pattern(copy);
    await expectPatternFigures(10);
  });
});
