import { describe, expect, it } from '@jest/globals';
import { csvText, poundsFromPence, type CsvColumn } from './csv-text';

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
