import { parseFinancialYear } from '@portal/domain';
import { breakdownsNotAddingUp, overviewFigures, type Grouping } from './funding-overview.figures';

const year = parseFinancialYear('2026/27')!;
const g = (dimension: Grouping['dimension'], key: string, budget: number, committed: number, spent: number, label: string | null = null,
  wastedPence = 0, deliveredPence = 0): Grouping => ({ dimension, key, label, sums: { budget, committed, spent }, wastedPence, deliveredPence });
const measures = { learners: 3, learningMinutes: 270, seatsOffered: 50, seatsUsed: 40 };

describe('overview figures', () => {
  const groupings = [
    g('total', '', 1000, 100, 300, null, 40, 240),
    g('held', 's-2', 600, 100, 200, 'Zeta fund'), g('held', 's-1', 400, 0, 100, 'Alpha fund'),
    g('stream', 's-2', 600, 100, 200, 'Zeta fund'), g('stream', 's-1', 400, 0, 100, 'Alpha fund'), g('stream', 's-3', 0, 0, 0, 'Empty fund'),
    g('organisation', 'none', 0, 0, 50), g('organisation', 'o-2', 600, 100, 50, 'Yaxley Surgery'), g('organisation', 'o-1', 400, 0, 200, 'Alder Trust'),
    g('sector', 'independent', 0, 0, 50), g('sector', 'acute_trust', 1000, 100, 250),
    g('funder', 'NHS England', 1000, 100, 300),
    g('quarter', '3', 0, 100, 300), g('quarter', '1', 1000, 0, 0),
  ];
  const figures = overviewFigures(groupings, measures, year);

  it('orders rows by label, with the rows for no organisation last', () => {
    expect(figures.byStream.map((r) => r.label)).toEqual(['Alpha fund', 'Empty fund', 'Zeta fund']);
    expect(figures.byOrganisation.map((r) => [r.key, r.label])).toEqual([['o-1', 'Alder Trust'], ['o-2', 'Yaxley Surgery'],
      ['none', 'No organisation (independent volunteers)']]);
    expect(figures.bySector.map((r) => [r.key, r.label])).toEqual([['acute_trust', 'Acute trust'], ['independent', 'No organisation (independent volunteers)']]);
    expect(figures.byFunder.map((r) => r.label)).toEqual(['NHS England']);
  });

  it('always has the four quarters, labelled with their months', () => {
    expect(figures.byQuarter.map((r) => [r.key, r.label, r.sums.spent])).toEqual([
      ['Q1', 'Q1 (Apr–Jun 2026)', 0], ['Q2', 'Q2 (Jul–Sep 2026)', 0], ['Q3', 'Q3 (Oct–Dec 2026)', 300], ['Q4', 'Q4 (Jan–Mar 2027)', 0]]);
  });

  it('works out the measures from their parts', () => {
    // Unit costs divide the spend on delivered learning (240), not all spend (300): 240 ÷ 3 learners, 240 ÷ 4.5 hours.
    expect(figures).toMatchObject({ totals: { budget: 1000, committed: 100, spent: 300 }, noShowPence: 40, deliveredSpendPence: 240,
      costPerLearner: 80, costPerLearningHour: 53, learners: 3, learningHours: 4.5, seatUtilisation: 0.8 });
    expect(figures.streamsHeld.map((r) => r.label)).toEqual(['Alpha fund', 'Zeta fund']);
    expect(figures.streamsHeldTotals).toEqual({ budget: 1000, committed: 100, spent: 300 });
    expect(breakdownsNotAddingUp(figures)).toEqual([]);
  });

  it('answers nothing at all with zeros and no costs', () => {
    const empty = overviewFigures([], { learners: 0, learningMinutes: 0, seatsOffered: 0, seatsUsed: 0 }, year);
    expect(empty).toMatchObject({ totals: { budget: 0, committed: 0, spent: 0 }, costPerLearner: null, costPerLearningHour: null, seatUtilisation: 0 });
    expect(empty.byQuarter).toHaveLength(4);
    expect(breakdownsNotAddingUp(empty)).toEqual([]);
  });

  it('names a breakdown that does not add up', () => {
    const broken = overviewFigures([...groupings.filter((x) => x.key !== 'none')], measures, year);
    expect(breakdownsNotAddingUp(broken)).toEqual(['byOrganisation']);
  });
});
