import { MAX_ENTRY_PENCE, parsePounds } from './parse-pounds';

describe('parsePounds', () => {
  it.each([
    ['1250', 125_000], ['1250.5', 125_050], ['1,250.50', 125_050], ['£25,000,000.00', 2_500_000_000],
    ['0.01', 1], ['  42.10 ', 4_210], ['7.500', 750], ['1000000000', MAX_ENTRY_PENCE],
  ])('reads %s as %d pence', (text, pence) => {
    expect(parsePounds(text)).toEqual({ ok: true, pence });
  });

  it.each([
    ['-5', 'NEGATIVE'], ['-£5.00', 'NEGATIVE'], ['12.345', 'FRACTIONAL_PENNY'], ['0.001', 'FRACTIONAL_PENNY'],
    ['', 'NOT_A_NUMBER'], ['abc', 'NOT_A_NUMBER'], ['1e6', 'NOT_A_NUMBER'], ['12,34', 'NOT_A_NUMBER'],
    ['0', 'ZERO'], ['0.00', 'ZERO'], ['1000000000.01', 'TOO_LARGE'], ['9'.repeat(60), 'NOT_A_NUMBER'],
  ])('refuses %s with %s', (text, code) => {
    const parsed = parsePounds(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.code).toBe(code);
  });
});
