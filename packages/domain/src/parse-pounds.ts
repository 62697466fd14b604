import type { Pence } from './money';

/** The largest amount the portal takes in one entry: £1,000,000,000.00. */
export const MAX_ENTRY_PENCE: Pence = 100_000_000_000;

export type ParsedPounds =
  | { ok: true; pence: Pence }
  | { ok: false; code: 'NOT_A_NUMBER' | 'NEGATIVE' | 'FRACTIONAL_PENNY' | 'ZERO' | 'TOO_LARGE'; message: string };

const AMOUNT = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Reads an amount typed in pounds ("1250", "1,250.50", "£25,000,000.00") into whole pence without
 * passing through floating point. Amounts must be positive: a correction is a reversing entry,
 * never a negative one.
 */
export function parsePounds(text: string, max: Pence = MAX_ENTRY_PENCE): ParsedPounds {
  const cleaned = text.trim().replace(/^£/, '').replace(/^-£/, '-');
  const match = AMOUNT.exec(cleaned);
  if (!match || cleaned.length > 40) return { ok: false, code: 'NOT_A_NUMBER', message: 'Enter an amount in pounds, like 1250.00.' };
  if (match[1]) return { ok: false, code: 'NEGATIVE', message: 'Enter a positive amount: to correct an entry, reverse it.' };
  const decimals = match[3] ?? '';
  if (decimals.length > 2 && /[1-9]/.test(decimals.slice(2))) {
    return { ok: false, code: 'FRACTIONAL_PENNY', message: 'Enter pounds and whole pence, with at most 2 decimal places.' };
  }
  const pence = BigInt(match[2].replace(/,/g, '')) * 100n + BigInt((decimals.slice(0, 2) + '00').slice(0, 2));
  if (pence === 0n) return { ok: false, code: 'ZERO', message: 'Enter an amount greater than £0.00.' };
  if (pence > BigInt(max)) return { ok: false, code: 'TOO_LARGE', message: `Enter at most £${(BigInt(max) / 100n).toLocaleString('en-GB')}.` };
  return { ok: true, pence: Number(pence) };
}
