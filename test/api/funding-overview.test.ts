import type { EntityManager } from 'typeorm';
import { effectsOf, parseFinancialYear, type LedgerKind } from '@portal/domain';
import { postEntry } from '../../server/src/modules/funding/ledger';
import { commitBooking, releaseBooking, spendBooking } from '../../server/src/modules/funding/booking-ledger';
import { startPortal, type GraphQLResponse, type RunningPortal } from '../support/start-portal';
import { makeAllocation, makeCourse, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { errorCode, organisationId, otherPartnershipAdmin } from '../support/admin-fixtures';
import { chargeCourseTo, TEST_ORIGIN } from '../support/funding-fixtures';
import { expectLedgerInvariants } from '../support/ledger-invariants';

/**
 * The funding overview on the demo partnership, in a financial year of its own (2035/36, far from
 * the demo's dates) so that every figure is one this file made: streams, budgets and bookings
 * whose commitments, releases and spend are posted by the ledger's real code. Who sees which
 * slice, every figure worked out by hand, the breakdowns adding up, and a statement count that
 * does not grow with the data.
 */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const YEAR = parseFinancialYear('2035/36')!;

const OVERVIEW = `query($slug: String!, $year: String!) { fundingOverview(partnershipSlug: $slug, financialYear: $year) {
  financialYear scope { kind name }
  totals { ...sums }
  streamsHeld { stream { id } summary { ...sums } } streamsHeldTotals { ...sums } deliveredLearningSpend { pence }
  byStream { stream { id name managingOrganisation { id } summary { ...sums } } summary { ...sums } }
  byFunder { key label summary { ...sums } }
  byOrganisation { key label summary { ...sums } }
  bySector { key label summary { ...sums } }
  byQuarter { key label summary { ...sums } }
  costPerLearner { pence formatted } costPerLearningHour { pence }
  seatUtilisation seatsOffered seatsUsed noShowCost { pence } learners learningHours } }
fragment sums on MoneySummary { budget { pence } committed { pence } spent { pence } remaining { pence } }`;

interface Sums { budget: number; committed: number; spent: number; remaining: number }
interface SumsShape { budget: { pence: number }; committed: { pence: number }; spent: { pence: number }; remaining: { pence: number } }
interface Row { key: string; label: string; summary: SumsShape }
interface Overview {
  financialYear: string; totals: SumsShape; scope: { kind: string; name: string };
  streamsHeld: Array<{ stream: { id: string }; summary: SumsShape }>; streamsHeldTotals: SumsShape; deliveredLearningSpend: { pence: number };
  byStream: Array<{ stream: { id: string; name: string; managingOrganisation: { id: string }; summary: SumsShape }; summary: SumsShape }>;
  byFunder: Row[]; byOrganisation: Row[]; bySector: Row[]; byQuarter: Row[];
  costPerLearner: { pence: number; formatted: string } | null; costPerLearningHour: { pence: number } | null;
  seatUtilisation: number; seatsOffered: number; seatsUsed: number; noShowCost: { pence: number }; learners: number; learningHours: number;
}

const overview = (token: string | null, slug = 'greater-peterborough', year = YEAR.label): Promise<GraphQLResponse<{ fundingOverview: Overview }>> =>
  portal.graphql<{ fundingOverview: Overview }>(OVERVIEW, { slug, year }, { token });

const pence = (s: SumsShape): Sums => ({ budget: s.budget.pence, committed: s.committed.pence, spent: s.spent.pence, remaining: s.remaining.pence });
const sums = (budget: number, committed: number, spent: number): Sums => ({ budget, committed, spent, remaining: budget - committed - spent });
const table = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, pence(r.summary)]));

function addsUp(o: Overview): void {
  for (const rows of [o.byStream, o.byFunder, o.byOrganisation, o.bySector, o.byQuarter]) {
    const total = rows.reduce((acc, r) => ({ budget: acc.budget + r.summary.budget.pence, committed: acc.committed + r.summary.committed.pence,
      spent: acc.spent + r.summary.spent.pence, remaining: acc.remaining + r.summary.remaining.pence }), sums(0, 0, 0));
    expect(total).toEqual(pence(o.totals));
  }
}

function inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return portal.dataSource.transaction(work);
}

/** A stream of YEAR (or another), with no entries: its budget, if any, is posted by `post`. */
async function makeYearStream(values: { name: string; managingOrganisationId: string; funderKind: string; funderName: string;
  funderOrganisationId?: string; financialYear?: string }): Promise<string> {
  const year = parseFinancialYear(values.financialYear ?? YEAR.label)!;
  const [row] = await portal.dataSource.query(
    `INSERT INTO funding_stream (partnership_id, name, funder_kind, funder_name, funder_organisation_id, financial_year, year_starts_at,
       year_ends_at, managing_organisation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [ids.gp, values.name, values.funderKind, values.funderName, values.funderOrganisationId ?? null, year.label, year.start, year.end,
      values.managingOrganisationId]);
  return row.id;
}

async function post(streamId: string, kind: Exclude<LedgerKind, 'adjustment'>, amountPence: number, values: {
  organisationId?: string | null; courseId?: string; sessionId?: string; occurredAt?: Date; reason?: string;
} = {}): Promise<void> {
  const posted = await inTransaction((manager) => postEntry(manager, {
    partnershipId: ids.gp, streamId, kind, amountPence, effects: effectsOf(kind, amountPence), organisationId: values.organisationId ?? null,
    courseId: values.courseId ?? null, sessionId: values.sessionId ?? null, occurredAt: values.occurredAt ?? YEAR.start,
    reason: values.reason ?? `Test ${kind}`, recordedByPersonId: null, recordedAt: new Date(),
  }, TEST_ORIGIN));
  if (!posted.ok) throw new Error(`posting refused: ${posted.problem}`);
}

type Outcome = 'attended' | 'no_show' | 'confirmed' | 'cancelled';

/**
 * A confirmed place committed through the ledger (as bookSession does), then taken to its outcome
 * as the register and cancelling do: attended or no-show spends it, cancelling releases it.
 */
async function place(sessionId: string, personId: string, organisationId: string | null, outcome: Outcome): Promise<string> {
  return inTransaction(async (manager) => {
    const [booking] = await manager.query(
      `INSERT INTO booking (partnership_id, session_id, person_id, organisation_id, status, cost_pence)
       SELECT s.partnership_id, s.id, $2, $3, 'confirmed', c.cost_per_place_pence FROM training_session s JOIN course c ON c.id = s.course_id
       WHERE s.id = $1 RETURNING id`, [sessionId, personId, organisationId]);
    await manager.query('UPDATE training_session SET seats_taken = seats_taken + 1, pool_seats_taken = pool_seats_taken + 1 WHERE id = $1', [sessionId]);
    const committed = await commitBooking(manager, booking.id, null, TEST_ORIGIN, new Date());
    if (!committed.ok) throw new Error(`commitment refused: ${committed.problem}`);
    if (outcome === 'attended' || outcome === 'no_show') {
      await manager.query('UPDATE booking SET status = $2 WHERE id = $1', [booking.id, outcome]);
      await spendBooking(manager, booking.id, outcome === 'attended', null, TEST_ORIGIN, new Date());
    } else if (outcome === 'cancelled') {
      await manager.query(`UPDATE booking SET status = 'cancelled', cancelled_at = now(), cancelled_late = false WHERE id = $1`, [booking.id]);
      await manager.query('UPDATE training_session SET seats_taken = seats_taken - 1, pool_seats_taken = pool_seats_taken - 1 WHERE id = $1', [sessionId]);
      await releaseBooking(manager, booking.id, { late: false, reason: 'Cancelled' }, null, TEST_ORIGIN, new Date());
    }
    return booking.id as string;
  });
}

/** A session of a course starting at an instant of YEAR. */
function sessionAt(courseId: string, startsAt: string, values: { capacity: number; status?: 'cancelled' }): Promise<string> {
  return makeSession(portal.dataSource, ids.gp, courseId, { now: new Date(startsAt), startsInDays: 0, capacity: values.capacity, status: values.status });
}

async function course(title: string, costPence: number, minutes: number, streamId: string): Promise<string> {
  const id = await makeCourse(portal.dataSource, ids.gp, ids.psh, { title, costPence });
  await portal.dataSource.query('UPDATE course SET duration_minutes = $2 WHERE id = $1', [id, minutes]);
  await chargeCourseTo(portal.dataSource, id, streamId);
  return id;
}

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  for (const who of ['admin', 'steering', 'lead', 'learner', 'volunteer']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  tokens.otherAdmin = (await otherPartnershipAdmin(portal)).token;
  const db = portal.dataSource;
  ids.gp = (await db.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`))[0].id;
  ids.pcc = await organisationId(portal, 'PCC');
  ids.psh = await organisationId(portal, 'PSHNHSFT');
  [ids.pccName, ids.pshName] = [
    (await db.query('SELECT name FROM organisation WHERE id = $1', [ids.pcc]))[0].name,
    (await db.query('SELECT name FROM organisation WHERE id = $1', [ids.psh]))[0].name,
  ];

  // A: the council's own fund (managed and funded by PCC). B: an NHS fund the trust manages, which
  // the council's staff also spend from. C: a charity's stream with nothing posted yet. D: last year's.
  ids.a = await makeYearStream({ name: 'Council workforce fund', managingOrganisationId: ids.pcc, funderKind: 'partner',
    funderName: ids.pccName, funderOrganisationId: ids.pcc });
  ids.b = await makeYearStream({ name: 'Health education fund', managingOrganisationId: ids.psh, funderKind: 'nhs_education', funderName: 'NHS England' });
  ids.c = await makeYearStream({ name: 'Charity bursaries', managingOrganisationId: ids.psh, funderKind: 'charity_grant', funderName: 'Fenland Trust' });
  ids.d = await makeYearStream({ name: 'Council workforce fund', managingOrganisationId: ids.pcc, funderKind: 'council_grant',
    funderName: 'Peterborough City Council', financialYear: '2034/35' });
  await post(ids.a, 'budget', 500_000, { organisationId: ids.pcc });
  await post(ids.b, 'budget', 1_000_000, { organisationId: ids.psh });
  await post(ids.d, 'budget', 100_000, { organisationId: ids.pcc, occurredAt: parseFinancialYear('2034/35')!.start });

  // X: £100, 3 hours, paid from B. Y: £40, 2 hours, paid from A.
  ids.courseX = await course('Safeguarding for the year test', 10_000, 180, ids.b);
  ids.courseY = await course('Volunteer induction for the year test', 4_000, 120, ids.a);
  ids.x1 = await sessionAt(ids.courseX, '2035-07-15T09:00:00Z', { capacity: 10 }); // Q2
  ids.x2 = await sessionAt(ids.courseX, '2035-11-10T10:00:00Z', { capacity: 10 }); // Q3
  ids.y1 = await sessionAt(ids.courseY, '2036-01-20T10:00:00Z', { capacity: 20 }); // Q4
  await sessionAt(ids.courseY, '2035-09-01T10:00:00Z', { capacity: 50, status: 'cancelled' }); // offers nothing
  await makeAllocation(db, ids.gp, ids.x1, ids.pcc, 4);

  const [p1, p2, p3] = await makeSignedInPeople(db, ids.gp, 3, { organisationId: ids.pcc });
  const [h1, h2] = await makeSignedInPeople(db, ids.gp, 2, { organisationId: ids.psh });
  const [v1] = await makeSignedInPeople(db, ids.gp, 1, { kind: 'volunteer' });
  await place(ids.x1, p1.personId, ids.pcc, 'attended');
  await place(ids.x1, p2.personId, ids.pcc, 'no_show');
  await place(ids.x1, h1.personId, ids.psh, 'attended');
  await place(ids.x2, h2.personId, ids.psh, 'confirmed');
  await place(ids.x2, p3.personId, ids.pcc, 'cancelled');
  await place(ids.y1, v1.personId, null, 'attended');
  await place(ids.y1, p1.personId, ids.pcc, 'attended');
  // An invoice for the room at Y1: spend on the session with no booking and no organisation.
  await post(ids.a, 'spend', 2_000, { courseId: ids.courseY, sessionId: ids.y1, occurredAt: new Date('2036-01-20T10:00:00Z'), reason: 'Room hire' });
}, 120_000);

afterEach(async () => {
  await expectLedgerInvariants(portal.dataSource);
});

afterAll(async () => {
  await portal?.stop();
});

describe('fundingOverview for the partnership', () => {
  it('sums every figure over the year\'s entries, by stream, funder, organisation, sector and quarter', async () => {
    const response = await overview(tokens.admin);
    expect(response.errors).toBeUndefined();
    const o = response.data!.fundingOverview;
    expect(o.financialYear).toBe('2035/36');
    // Budgets 5,000 + 10,000; spent: B 3 × 100 (one a no-show), A 2 × 40 + 20 room hire; committed: one place at X2.
    expect(pence(o.totals)).toEqual(sums(1_500_000, 10_000, 40_000));
    expect(o.byStream.map((s) => [s.stream.name, pence(s.summary)])).toEqual([
      ['Charity bursaries', sums(0, 0, 0)],
      ['Council workforce fund', sums(500_000, 0, 10_000)],
      ['Health education fund', sums(1_000_000, 10_000, 30_000)],
    ]);
    expect(o.byStream.find((s) => s.stream.id === ids.a)!.stream).toMatchObject({ managingOrganisation: { id: ids.pcc } });
    // The stream's own summary is the same figure, in the same scope.
    for (const row of o.byStream) expect(pence(row.stream.summary)).toEqual(pence(row.summary));
    expect(table(o.byFunder)).toEqual({ [ids.pccName]: sums(500_000, 0, 10_000), 'NHS England': sums(1_000_000, 10_000, 30_000) });
    expect(o.byFunder.map((r) => r.label)).toEqual(o.byFunder.map((r) => r.key));
    expect(table(o.byOrganisation)).toEqual({
      [ids.pcc]: sums(500_000, 0, 24_000), [ids.psh]: sums(1_000_000, 10_000, 10_000), none: sums(0, 0, 6_000),
    });
    expect(o.byOrganisation.find((r) => r.key === ids.pcc)!.label).toBe(ids.pccName);
    expect(o.byOrganisation.at(-1)).toMatchObject({ key: 'none', label: 'No organisation (independent volunteers)' });
    expect(o.bySector.map((r) => [r.key, r.label, pence(r.summary)])).toEqual([
      ['acute_trust', 'Acute trust', sums(1_000_000, 10_000, 10_000)],
      ['local_authority', 'Local authority', sums(500_000, 0, 24_000)],
      ['independent', 'No organisation (independent volunteers)', sums(0, 0, 6_000)],
    ]);
    expect(o.byQuarter.map((r) => [r.key, r.label, pence(r.summary)])).toEqual([
      ['Q1', 'Q1 (Apr–Jun 2035)', sums(1_500_000, 0, 0)],
      ['Q2', 'Q2 (Jul–Sep 2035)', sums(0, 0, 30_000)],
      ['Q3', 'Q3 (Oct–Dec 2035)', sums(0, 10_000, 0)],
      ['Q4', 'Q4 (Jan–Mar 2036)', sums(0, 0, 10_000)],
    ]);
    addsUp(o);
  });

  it('works out learners, hours, cost per learner and hour, seat use and the cost of no-shows', async () => {
    const o = (await overview(tokens.steering)).data!.fundingOverview;
    // Attended: p1 twice, h1 and v1 (the no-show is not a learner): 3 people, 3 + 3 + 2 + 2 hours.
    expect(o.learners).toBe(3);
    expect(o.learningHours).toBe(10);
    expect(o.costPerLearner).toEqual({ pence: 13_333, formatted: '£133.33' });
    expect(o.costPerLearningHour).toEqual({ pence: 4_000 });
    // Three sessions not cancelled, 10 + 10 + 20 seats; used: 2 attended at X1, 1 confirmed at X2, 2 attended at Y1.
    expect([o.seatsOffered, o.seatsUsed, o.seatUtilisation]).toEqual([40, 5, 0.125]);
    expect(o.noShowCost).toEqual({ pence: 10_000 });
  });

  it('shows the steering group the same figures as an administrator', async () => {
    const [admin, steering] = await Promise.all([overview(tokens.admin), overview(tokens.steering)]);
    expect(steering.data).toEqual(admin.data);
  });

  it('answers a year with no streams with zeros and four quarters', async () => {
    const o = (await overview(tokens.admin, 'greater-peterborough', '2040/41')).data!.fundingOverview;
    expect(pence(o.totals)).toEqual(sums(0, 0, 0));
    expect([o.byStream, o.byFunder, o.byOrganisation, o.bySector]).toEqual([[], [], [], []]);
    expect(o.byQuarter.map((r) => [r.key, r.summary.spent.pence])).toEqual([['Q1', 0], ['Q2', 0], ['Q3', 0], ['Q4', 0]]);
    expect([o.costPerLearner, o.costPerLearningHour, o.seatUtilisation, o.noShowCost.pence]).toEqual([null, null, 0, 0]);
  });
});

describe('fundingOverview for an L&D lead', () => {
  it('shows the council\'s own money on whichever stream, and the streams it holds, each whole', async () => {
    const response = await overview(tokens.lead);
    expect(response.errors).toBeUndefined();
    const o = response.data!.fundingOverview;
    expect(o.scope).toEqual({ kind: 'ORGANISATION', name: ids.pccName });
    // The entries that name the council: A's budget (it funds A), p1's places at X1 (B) and Y1 (A), p2's no-show at X1 (B),
    // p3's place at X2 committed and released. Not the volunteer's place or the room hire (they name no organisation).
    expect(pence(o.totals)).toEqual(sums(500_000, 0, 24_000));
    expect(o.byStream.map((s) => [s.stream.id, pence(s.summary)])).toEqual([[ids.a, sums(500_000, 0, 4_000)], [ids.b, sums(0, 0, 20_000)]]);
    for (const row of o.byStream) expect(pence(row.stream.summary)).toEqual(pence(row.summary));
    expect(table(o.byOrganisation)).toEqual({ [ids.pcc]: sums(500_000, 0, 24_000) });
    expect(table(o.bySector)).toEqual({ local_authority: sums(500_000, 0, 24_000) });
    addsUp(o);
    // Learners: p1 (X1, Y1): 3 + 2 hours; delivered learning: p1's £100 and £40 and p2's £100 no-show place.
    expect([o.learners, o.learningHours, o.deliveredLearningSpend.pence, o.costPerLearner?.pence, o.costPerLearningHour?.pence])
      .toEqual([1, 5, 24_000, 24_000, 4_800]);
    // Offered: the council's 4 allocated seats at X1 plus p1's pool places at X1 and Y1; used: those two places.
    expect([o.seatsOffered, o.seatsUsed, o.seatUtilisation]).toEqual([6, 2, 2 / 6]);
    expect(o.noShowCost.pence).toBe(10_000);
    // The stream it holds, whole: A's budget, p1's and the volunteer's £40 places at Y1 and the £20 room hire.
    expect(o.streamsHeld.map((s) => [s.stream.id, pence(s.summary)])).toEqual([[ids.a, sums(500_000, 0, 10_000)]]);
    expect(pence(o.streamsHeldTotals)).toEqual(sums(500_000, 0, 10_000));
  });
});

describe('fundingOverview access and arguments', () => {
  it('refuses people who are not the steering group, an administrator or an L&D lead', async () => {
    for (const who of ['learner', 'volunteer']) {
      const response = await overview(tokens[who]);
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    }
    expect(errorCode(await overview(null))).toBe('UNAUTHENTICATED');
  });

  it('refuses another partnership\'s administrator, and tells an unknown partnership from a forbidden one', async () => {
    expect(errorCode(await overview(tokens.otherAdmin))).toBe('FORBIDDEN');
    expect(errorCode(await overview(tokens.admin, 'fenland-care-partnership'))).toBe('FORBIDDEN');
    const unknown = await overview(tokens.admin, 'no-such-partnership');
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].extensions!.userErrors).toEqual([expect.objectContaining({ field: ['partnershipSlug'], code: 'NOT_FOUND' })]);
  });

  it.each(['2025/27', '2025', '2025-26', ''])('refuses the financial year %p', async (year) => {
    const response = await overview(tokens.admin, 'greater-peterborough', year);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.userErrors).toEqual([expect.objectContaining({ field: ['financialYear'], code: 'INVALID_FINANCIAL_YEAR' })]);
    expect(response.errors![0].message).toMatch(/^Write the financial year like 2026\/27/);
  });
});

describe('the ledger in the database', () => {
  it.each([
    ['UPDATE', 'UPDATE ledger_entry SET amount_pence = amount_pence + 1, budget_effect_pence = budget_effect_pence + 1 WHERE stream_id = $1', true],
    ['DELETE', 'DELETE FROM ledger_entry WHERE stream_id = $1', true],
    ['TRUNCATE', 'TRUNCATE ledger_entry', false],
  ] as const)('refuses %s of ledger entries, whoever asks', async (operation, sql, withStream) => {
    const before = await portal.dataSource.query('SELECT count(*)::int AS n, sum(amount_pence)::bigint AS total FROM ledger_entry');
    await expect(portal.dataSource.query(sql, withStream ? [ids.b] : [])).rejects.toThrow(`ledger_entry is append-only: ${operation} is not allowed`);
    expect(await portal.dataSource.query('SELECT count(*)::int AS n, sum(amount_pence)::bigint AS total FROM ledger_entry')).toEqual(before);
  });
});

describe('fundingOverview cost', () => {
  // Last: it adds many rows to the year.
  it('makes the same number of SQL statements with ten times the streams, entries and bookings', async () => {
    const small = await overview(tokens.admin);
    const lead = await overview(tokens.lead);
    const smallCount = small.extensions!.sqlStatements!;

    const people = await makeSignedInPeople(portal.dataSource, ids.gp, 30, { organisationId: ids.pcc });
    for (let i = 0; i < 20; i += 1) {
      const streamId = await makeYearStream({ name: `Extra stream ${i}`, managingOrganisationId: i % 2 ? ids.pcc : ids.psh,
        funderKind: 'other', funderName: `Funder ${i % 5}` });
      await post(streamId, 'budget', 50_000, { organisationId: i % 2 ? ids.pcc : ids.psh });
      const courseId = await course(`Extra course ${i}`, 1_000, 60 + i, streamId);
      const sessionId = await sessionAt(courseId, `2035-${String(4 + (i % 9)).padStart(2, '0')}-1${i % 10}T10:00:00Z`, { capacity: 5 });
      for (const [n, outcome] of (['attended', 'no_show', 'confirmed', 'cancelled'] as const).entries()) {
        await place(sessionId, people[(i + n) % people.length].personId, ids.pcc, outcome);
      }
    }
    const large = await overview(tokens.admin);
    const largeLead = await overview(tokens.lead);
    expect(large.errors).toBeUndefined();
    addsUp(large.data!.fundingOverview);
    expect(large.data!.fundingOverview.byStream).toHaveLength(23);
    console.log(`SQL statements for fundingOverview: ${smallCount} (3 streams) and ${large.extensions!.sqlStatements} (23 streams), lead ${lead.extensions!.sqlStatements}/${largeLead.extensions!.sqlStatements}`);
    expect(large.extensions!.sqlStatements).toBe(smallCount);
    expect(largeLead.extensions!.sqlStatements).toBe(lead.extensions!.sqlStatements);
    // The session lookup, the partnership, the overview itself, and the streams' managing organisations (one batch).
    expect(smallCount).toBeLessThanOrEqual(5);
  });
});
