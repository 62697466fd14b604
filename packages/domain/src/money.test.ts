import { formatPence, isValidPence } from './money';

describe('formatPence', () => {
  it.each([
    [0, '£0.00'],
    [5, '£0.05'],
    [123456, '£1,234.56'],
    [2_500_000_000, '£25,000,000.00'],
    [-300, '-£3.00'],
    [Number.MAX_SAFE_INTEGER, '£90,071,992,547,409.91'],
  ])('%d pence is %s', (pence, text) => {
    expect(formatPence(pence)).toBe(text);
  });

  it('refuses fractions and unsafe integers', () => {
    expect(() => formatPence(1.5)).toThrow(RangeError);
    expect(() => formatPence(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError);
    expect(isValidPence(NaN)).toBe(false);
    expect(isValidPence('100')).toBe(false);
  });
});
