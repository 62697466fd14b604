import { describe, expect, it } from '@jest/globals';
import { countText, hoursText, percentText, shortPounds } from './funding-text';

describe('funding figures in words', () => {
  it('rounds a share to a whole percentage', () => {
    expect(percentText(0.7351)).toBe('74%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(1)).toBe('100%');
  });

  it('writes hours and counts with thousands separators', () => {
    expect(hoursText(1234.56)).toBe('1,234.6 hours');
    expect(hoursText(1)).toBe('1 hour');
    expect(countText(1, 'learner', 'learners')).toBe('1 learner');
    expect(countText(2500, 'learner', 'learners')).toBe('2,500 learners');
  });

  it('shortens pounds for a chart axis', () => {
    expect(shortPounds(0)).toBe('£0');
    expect(shortPounds(45_000)).toBe('£450');
    expect(shortPounds(1_250_000)).toBe('£12.5k');
    expect(shortPounds(25_000_000)).toBe('£250k');
    expect(shortPounds(123_456_789)).toBe('£1.2m');
    expect(shortPounds(-300_000)).toBe('-£3k');
  });
});
