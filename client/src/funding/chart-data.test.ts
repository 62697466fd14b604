import { describe, expect, it } from '@jest/globals';
import { chartData, quarterShortLabel, wrapLabel } from './chart-data';

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
});
