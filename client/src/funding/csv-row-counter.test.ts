import { describe, expect, it } from '@jest/globals';
import { CsvRowCounter, downloadProgressText } from './csv-row-counter';

function count(chunks: string[]): { records: number; completed: number } {
  const counter = new CsvRowCounter();
  for (const chunk of chunks) counter.push(chunk);
  return { records: counter.records, completed: counter.completedRecords };
}

describe('CsvRowCounter', () => {
  it('counts records split anywhere across chunks', () => {
    const csv = '\uFEFFstream,amount\r\n"Levy",12.50\r\n"Grant, HEE",3.00\r\n';
    expect(count([csv])).toEqual({ records: 3, completed: 3 });
    for (let cut = 1; cut < csv.length; cut++) expect(count([csv.slice(0, cut), csv.slice(cut)]).records).toBe(3);
  });

  it('keeps line breaks and doubled quotes inside quoted fields within one record', () => {
    expect(count(['a,b\n"line one\nline two","say ""hi""\n"\n', 'x,y']).records).toBe(3);
    expect(count(['a,b\n"open\n', 'still open"\n']).completed).toBe(2);
  });

  it('counts a last record without a line break, and nothing for blank lines', () => {
    expect(count(['a\nb']).records).toBe(2);
    expect(count(['a\nb']).completed).toBe(1);
    expect(count(['\uFEFF', '\r\n\r\n']).records).toBe(0);
  });
});

describe('downloadProgressText', () => {
  it('says how far the download has got', () => {
    expect(downloadProgressText(1200, 5000)).toBe('Downloading 1,200 of 5,000 rows');
    expect(downloadProgressText(9, 5)).toBe('Downloading 5 of 5 rows');
    expect(downloadProgressText(1, null)).toBe('Downloading: 1 row so far');
  });
});
