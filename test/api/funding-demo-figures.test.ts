import { financialYearOf, financialYearStarting } from '@portal/domain';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { organisationId } from '../support/admin-fixtures';
import { DEMO_NOW } from '../support/test-database';

/**
 * The demo's own funding figures, this year and last, as the steering group and the council's
 * L&D lead are shown them: every figure must be possible. Used never passes offered (overall and
 * on every session of every stream), utilisation is at most 1, a held stream's remaining is never
 * negative, every breakdown adds up to its totals, a lead's figures name their organisation only,
 * and the unit costs are their formulas.
 */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
let pcc: string;
const CURRENT = financialYearOf(DEMO_NOW);
const YEARS = [CURRENT.label, financialYearStarting(CURRENT.startYear - 1).label];

const SUMS = 'budget { pence } committed { pence } spent { pence } remaining { pence }';
const OVERVIEW = `query($year: String!) { fundingOverview(partnershipSlug: "greater-peterborough", financialYear: $year) {
  scope { kind name } totals { ${SUMS} }
  byStream { stream { id courses { sessions { seatsOffered seatsUsed } } } summary { ${SUMS} } }
  streamsHeld { stream { id } summary { ${SUMS} } } streamsHeldTotals { ${SUMS} }
  byFunder { key summary { ${SUMS} } } byOrganisation { key summary { ${SUMS} } } bySector { key summary { ${SUMS} } }
  byQuarter { key summary { ${SUMS} } }
  deliveredLearningSpend { pence } costPerLearner { pence } costPerLearningHour { pence } learners learningHours
  seatsOffered seatsUsed seatUtilisation } }`;

interface SumsShape { budget: { pence: number }; committed: { pence: number }; spent: { pence: number }; remaining: { pence: number } }
interface Overview {
  scope: { kind: string; name: string }; totals: SumsShape;
  byStream: Array<{ stream: { id: string; courses: Array<{ sessions: Array<{ seatsOffered: number; seatsUsed: number }> }> }; summary: SumsShape }>;
  streamsHeld: Array<{ stream: { id: string }; summary: SumsShape }>; streamsHeldTotals: SumsShape;
  byFunder: Array<{ key: string; summary: SumsShape }>; byOrganisation: Array<{ key: string; summary: SumsShape }>;
  bySector: Array<{ key: string; summary: SumsShape }>; byQuarter: Array<{ key: string; summary: SumsShape }>;
  deliveredLearningSpend: { pence: number }; costPerLearner: { pence: number } | null; costPerLearningHour: { pence: number } | null;
  learners: number; learningHours: number; seatsOffered: number; seatsUsed: number; seatUtilisation: number;
}

const four = (s: SumsShape) => [s.budget.pence, s.committed.pence, s.spent.pence, s.remaining.pence];
const add = (rows: Array<{ summary: SumsShape }>) => rows.reduce((acc, r) => acc.map((v, i) => v + four(r.summary)[i]), [0, 0, 0, 0]);

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  for (const who of ['steering', 'lead']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  pcc = await organisationId(portal, 'PCC');
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

describe.each(YEARS)('the demo\'s funding figures in %s', (year) => {
  it.each(['steering', 'lead'])('are all possible for the %s', async (who) => {
    const response = await portal.graphql<{ fundingOverview: Overview }>(OVERVIEW, { year }, { token: tokens[who] });
    expect(response.errors).toBeUndefined();
    const o = response.data!.fundingOverview;
    expect(o.scope.kind).toBe(who === 'lead' ? 'ORGANISATION' : 'PARTNERSHIP');
    expect(o.seatsUsed).toBeLessThanOrEqual(o.seatsOffered);
    expect(o.seatUtilisation).toBeLessThanOrEqual(1);
    if (o.seatsOffered) expect(o.seatUtilisation).toBeCloseTo(o.seatsUsed / o.seatsOffered, 10);
    for (const { stream } of o.byStream) {
      for (const session of stream.courses.flatMap((c) => c.sessions)) expect(session.seatsUsed).toBeLessThanOrEqual(session.seatsOffered);
    }
    for (const rows of [o.byStream, o.byFunder, o.byOrganisation, o.bySector, o.byQuarter]) expect(add(rows)).toEqual(four(o.totals));
    expect(add(o.streamsHeld)).toEqual(four(o.streamsHeldTotals));
    for (const row of o.streamsHeld) {
      expect(row.summary.budget.pence).toBeGreaterThan(0);
      expect(row.summary.remaining.pence).toBeGreaterThanOrEqual(0);
    }
    // Spend on delivered learning is part of all spend; the unit costs divide it, rounded half up.
    expect(o.deliveredLearningSpend.pence).toBeLessThanOrEqual(o.totals.spent.pence);
    if (o.learners) expect(o.costPerLearner!.pence).toBe(Math.round(o.deliveredLearningSpend.pence / o.learners));
    if (who === 'lead') {
      expect(o.scope.name).toBe('Peterborough City Council');
      expect(o.byOrganisation.map((r) => r.key)).toEqual(o.byOrganisation.length ? [pcc] : []);
    } else {
      expect(four(o.streamsHeldTotals)).toEqual(four(o.totals));
    }
    console.log(`${year} ${who}: total ${four(o.totals).join('/')}p, held ${four(o.streamsHeldTotals).join('/')}p, `
      + `seats ${o.seatsUsed} of ${o.seatsOffered}, delivered ${o.deliveredLearningSpend.pence}p over ${o.learners} learners and `
      + `${o.learningHours} h: ${o.costPerLearner?.pence}p a learner, ${o.costPerLearningHour?.pence}p an hour`);
  });
});
