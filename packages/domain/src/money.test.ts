import fc from 'fast-check';
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

  it('agrees with exact integer arithmetic for any safe integer, the largest included', () => {
    // The reference: BigInt division, digits grouped in threes by hand.
    const reference = (pence: number) => {
      const abs = BigInt(Math.abs(pence));
      const pounds = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      return `${pence < 0 ? '-' : ''}£${pounds}.${String(abs % 100n).padStart(2, '0')}`;
    };
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: Number.MAX_SAFE_INTEGER - 10_000, max: Number.MAX_SAFE_INTEGER })),
      (pence) => formatPence(pence) === reference(pence)), { numRuns: 2000 });
    for (let k = 1; k <= 200; k += 1) expect(formatPence(Number.MAX_SAFE_INTEGER - k)).toBe(reference(Number.MAX_SAFE_INTEGER - k));
  });

  it('refuses fractions and unsafe integers', () => {
    expect(() => formatPence(1.5)).toThrow(RangeError);
    expect(() => formatPence(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError);
    expect(isValidPence(NaN)).toBe(false);
    expect(isValidPence('100')).toBe(false);
  });
});
