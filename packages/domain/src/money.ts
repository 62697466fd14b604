/** Money is held as integer pence: never floating point, exact while a safe integer (±£90 trillion). */
export type Pence = number;

export function isValidPence(value: unknown): value is Pence {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** "£1,234.56"; "-£3.00" for negatives. Formats from integer pence without float rounding. */
export function formatPence(pence: Pence): string {
  if (!isValidPence(pence)) throw new RangeError(`not a whole number of pence: ${pence}`);
  const negative = pence < 0;
  const abs = BigInt(Math.abs(pence));
  const pounds = abs / 100n;
  const rest = Number(abs % 100n);
  const whole = gbp.format(0).replace('0.00', '');
  const formatted = `${whole}${pounds.toLocaleString('en-GB')}.${String(rest).padStart(2, '0')}`;
  return negative ? `-${formatted}` : formatted;
}
