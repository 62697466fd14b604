/** Money is held as integer pence: never floating point, exact while a safe integer (±£90 trillion). */
export type Pence = number;

export function isValidPence(value: unknown): value is Pence {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

// Made once: a formatter is costly to build, and every Money the API answers is formatted.
const POUND_SIGN = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(0).replace('0.00', '');
const WHOLE_POUNDS = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0, useGrouping: true });

/** "£1,234.56"; "-£3.00" for negatives. Formats from integer pence without float rounding. */
export function formatPence(pence: Pence): string {
  if (!isValidPence(pence)) throw new RangeError(`not a whole number of pence: ${pence}`);
  const negative = pence < 0;
  const abs = Math.abs(pence);
  // Exact for any safe integer: the remainder first, then a division that leaves no fraction to round.
  const rest = abs % 100;
  const pounds = (abs - rest) / 100;
  const formatted = `${POUND_SIGN}${WHOLE_POUNDS.format(pounds)}.${String(rest).padStart(2, '0')}`;
  return negative ? `-${formatted}` : formatted;
}
