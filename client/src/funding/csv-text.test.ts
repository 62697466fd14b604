import { describe, expect, it } from '@jest/globals';
import { csvText, poundsFromPence, ukDateTimeText, type CsvColumn } from './csv-text';

interface Row { name: string; pence: number; note?: string | null }
const columns: Array<CsvColumn<Row>> = [
  { header: 'Name', value: (row) => row.name },
  { header: 'Amount (£)', value: (row) => poundsFromPence(row.pence) },
  { header: 'Note', value: (row) => row.note },
];

describe('csvText', () => {
  it('writes a BOM, a header and CRLF lines, quoting what needs it', () => {
    expect(csvText(columns, [{ name: 'Levy, 2025', pence: 1_250_050 }, { name: 'Say "hi"', pence: 5, note: 'two\nlines' }]))
      .toBe('\uFEFFName,Amount (£),Note\r\n"Levy, 2025",12500.50,\r\n"Say ""hi""",0.05,"two\nlines"\r\n');
  });

  it('makes would-be formulas plain text but leaves negative numbers alone', () => {
    expect(csvText(columns, [{ name: '=HYPERLINK("x")', pence: -1250, note: '@SUM(A1)' }]))
      .toBe('\uFEFFName,Amount (£),Note\r\n"\'=HYPERLINK(""x"")",-12.50,\'@SUM(A1)\r\n');
  });
});

describe('poundsFromPence', () => {
  it('writes whole pence as pounds with two decimals', () => {
    expect(poundsFromPence(0)).toBe('0.00');
    expect(poundsFromPence(7)).toBe('0.07');
    expect(poundsFromPence(-123_456)).toBe('-1234.56');
  });
});

describe('ukDateTimeText', () => {
  it('writes the API\'s instants as UK wall-clock time, summer and winter', () => {
    expect(ukDateTimeText('2025-07-01T08:30:00.000Z')).toBe('2025-07-01 09:30:00');
    expect(ukDateTimeText('2026-01-15T23:05:09.000Z')).toBe('2026-01-15 23:05:09');
  });
});
