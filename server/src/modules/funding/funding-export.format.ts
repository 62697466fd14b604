/** Cells and figures as the exports write them. */

/** What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number ("-12.50", "3"): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A leading apostrophe makes a spreadsheet show a would-be formula as text; negative figures stay numbers. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Integer pence as pounds with 2 decimals ("1234.56", "-12.50"), by integer arithmetic: no float ever rounds. */
export function poundsFromPence(pence: number): string {
  if (!Number.isSafeInteger(pence)) throw new RangeError(`not a whole number of pence: ${pence}`);
  const abs = BigInt(Math.abs(pence));
  return `${pence < 0 ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of an instant in the UK: a financial year's first instant is 1 April there. */
export function ukDate(instant: Date): string {
  return londonDate.format(instant);
}

/** "2025-26", as written in export addresses (no slash), to the financial year label "2025/26"; null when malformed. */
export function financialYearFromPath(segment: string): string | null {
  const match = /^(\d{4})-(\d{2})$/.exec(segment);
  return match ? `${match[1]}/${match[2]}` : null;
}

const londonDateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as UK wall-clock time, "2025-07-01 09:30:00" (BST or GMT as it was then), which a spreadsheet reads as a date and time. */
export function ukDateTime(instant: Date): string {
  const part = Object.fromEntries(londonDateTime.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

/** A share 0..1 as a percentage to one decimal place ("66.7"), for a column headed "(%)". */
export function percentFromShare(share: number): string {
  return (Math.round(share * 1000) / 10).toFixed(1);
}
