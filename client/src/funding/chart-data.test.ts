import { describe, expect, it } from '@jest/globals';
import { bySize, chartData, moneyOf, quarterPosition, quarterShortLabel, topWithOthers, wrapLabel } from './chart-data';

const money = (pence: number) => ({ pence, formatted: `£${(pence / 100).toFixed(2)}` });
const summary = (budget: number, committed: number, spent: number) => ({
  budget: money(budget), committed: money(committed), spent: money(spent), remaining: money(budget - committed - spent),
});

describe('chartData', () => {
  it('draws pounds for the series asked for, keeping the exact figure for the tooltip', () => {
    expect(chartData([{ key: 'a', label: 'Levy', summary: summary(100_000, 25_050, 10_000) }], ['spent', 'remaining'])).toEqual([
      { label: 'Levy', shortLabel: 'Levy', spent: 100, spentText: '£100.00', remaining: 649.5, remainingText: '£649.50' },
    ]);
  });

  it('draws an overspend as no remaining bar', () => {
    const [datum] = chartData([{ key: 'o', label: 'PCC', shortLabel: 'PCC', summary: summary(0, 5_000, 1_000) }], ['remaining']);
    expect(datum.remaining).toBe(0);
    expect(datum.remainingText).toBe('£-60.00');
  });
});

describe('quarterShortLabel', () => {
  it('keeps the quarter', () => {
    expect(quarterShortLabel('Q1 (Apr–Jun 2025)')).toBe('Q1');
    expect(quarterShortLabel('Whole year')).toBe('Whole year');
  });
});

describe('wrapLabel', () => {
  it('wraps a long name at spaces, cutting what will not fit', () => {
    expect(wrapLabel('Peterborough City Council', 14)).toEqual(['Peterborough', 'City Council']);
    expect(wrapLabel('Short', 14)).toEqual(['Short']);
    expect(wrapLabel('one two three four five six', 5, 2)).toEqual(['one', 'two…']);
  });

  it('cuts a word longer than a line across lines, so no line is wider than its place', () => {
    expect(wrapLabel('Cambridgeshire Trust', 8)).toEqual(['Cambrid-', 'geshire', 'Trust']);
    expect(wrapLabel('Cambridgeshire', 8, 1)).toEqual(['Cambrid…']);
    for (const line of wrapLabel('Supercalifragilisticexpialidocious Partnership', 10, 5)) expect(line.length).toBeLessThanOrEqual(10);
  });
});

describe('bySize', () => {
  it('puts the rows that moved most money first, not the first in the alphabet', () => {
    const rows = [
      { key: 'a', label: 'Alder Trust', summary: summary(0, 0, 1_000) },
      { key: 'z', label: 'Zeta Council', summary: summary(0, 2_000, 5_000) },
      { key: 'm', label: 'Mill Surgery', summary: summary(0, 0, 3_000) },
    ];
    expect(bySize(rows).map((r) => r.key)).toEqual(['z', 'm', 'a']);
  });
});

describe('topWithOthers', () => {
  const rows = Array.from({ length: 14 }, (_, i) => ({ key: `o${i}`, label: `Organisation ${i}`, summary: summary(0, 100, (i + 1) * 1_000) }));

  it('keeps the ten largest and adds up the rest in one row', () => {
    const top = topWithOthers(rows, 10, ['organisation', 'organisations']);
    expect(top).toHaveLength(11);
    expect(top[0].key).toBe('o13');
    expect(top.at(-1)).toMatchObject({ key: 'others', label: 'Others (4 organisations)' });
    // The four smallest: 1,000 + 2,000 + 3,000 + 4,000 spent, 4 × 100 committed.
    expect(top.at(-1)!.summary.spent).toEqual({ pence: 10_000, formatted: '£100.00' });
    expect(top.at(-1)!.summary.committed.pence).toBe(400);
    const spent = (list: typeof rows) => list.reduce((sum, r) => sum + r.summary.spent.pence, 0);
    expect(spent(top)).toBe(spent(rows));
  });

  it('leaves a short list whole rather than hiding one row under "others"', () => {
    expect(topWithOthers(rows.slice(0, 11), 10, ['organisation', 'organisations'])).toHaveLength(11);
  });
});

describe('quarterPosition', () => {
  it('shows the year\'s budget in every quarter and what was left of it at the end of each', () => {
    // The whole £1,000 budget is posted in Q1; £100 spent in Q2, £50 committed in Q3, £200 spent in Q4.
    const quarters = [summary(100_000, 0, 0), summary(0, 0, 10_000), summary(0, 5_000, 0), summary(0, 0, 20_000)]
      .map((s, i) => ({ key: `Q${i + 1}`, label: `Q${i + 1}`, summary: s }));
    const position = quarterPosition(quarters, 100_000);
    expect(position.map((q) => [q.summary.budget.pence, q.summary.committed.pence, q.summary.spent.pence, q.summary.remaining.pence])).toEqual([
      [100_000, 0, 0, 100_000], [100_000, 0, 10_000, 90_000], [100_000, 5_000, 0, 85_000], [100_000, 0, 20_000, 65_000],
    ]);
    expect(moneyOf(6_500_000).formatted).toBe('£65,000.00');
  });
});
