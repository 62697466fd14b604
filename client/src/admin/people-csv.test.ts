import { describe, expect, it } from '@jest/globals';
import {
  countCsvRows, csvDownloadHref, exampleCsv, importedText, newImportId, PEOPLE_CSV_HEADER, progressText,
} from './people-csv';
import { roleGrantText, roleOrganisation } from './admin-text';

describe('the example file', () => {
  it('starts with the expected header and holds four people', () => {
    const example = exampleCsv();
    expect(example.split('\r\n')[0]).toBe(PEOPLE_CSV_HEADER);
    expect(countCsvRows(example)).toBe(4);
  });

  it('downloads as CSV text, commas, quotes and line breaks intact', () => {
    const href = csvDownloadHref('a,"b, c"\r\n');
    expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.slice('data:text/csv;charset=utf-8,'.length))).toBe('a,"b, c"\r\n');
  });
});

describe('countCsvRows', () => {
  it('counts data rows, not the header', () => {
    expect(countCsvRows(`${PEOPLE_CSV_HEADER}\nA,a@x.org\nB,b@x.org`)).toBe(2);
    expect(countCsvRows(`${PEOPLE_CSV_HEADER}\r\nA,a@x.org\r\n`)).toBe(1);
    expect(countCsvRows(PEOPLE_CSV_HEADER)).toBe(0);
    expect(countCsvRows('')).toBe(0);
  });

  it('keeps quoted commas, quotes and line breaks inside their row', () => {
    expect(countCsvRows('name,email,team\n"Smith, Jo",jo@x.org,"Ward 1\nNights"\n"Say ""hi""",s@x.org,\n')).toBe(2);
  });

  it('skips blank lines and lines of only commas, and a byte order mark', () => {
    expect(countCsvRows('\uFEFFname,email\n\nA,a@x.org\n,,\n\r\nB,b@x.org\n\n')).toBe(2);
  });
});

describe('progress and outcome text', () => {
  it('counts rows with thousands separators', () => {
    expect(progressText(1234, 10000)).toBe('1,234 of 10,000 rows');
    expect(progressText(0, 1)).toBe('0 of 1 row');
    expect(progressText(12, 10)).toBe('10 of 10 rows');
    expect(importedText(120)).toBe('Imported 120 people');
    expect(importedText(1)).toBe('Imported 1 person');
  });
});

describe('newImportId', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('makes a version 4 UUID, with or without randomUUID', () => {
    expect(newImportId()).toMatch(UUID);
    const withoutRandomUuid = { getRandomValues: (array: Uint8Array<ArrayBuffer>) => globalThis.crypto.getRandomValues(array) };
    const id = newImportId(withoutRandomUuid as unknown as Crypto);
    expect(id).toMatch(UUID);
    expect(id).not.toBe(newImportId(withoutRandomUuid as unknown as Crypto));
  });
});

describe('roles', () => {
  it('asks for an organisation only where the role is held for one', () => {
    expect(roleOrganisation('LD_LEAD')).toBe('required');
    expect(roleOrganisation('LEARNER')).toBe('required');
    expect(roleOrganisation('VOLUNTEER')).toBe('optional');
    expect(roleOrganisation('PARTNERSHIP_ADMIN')).toBe('none');
    expect(roleOrganisation('STEERING_GROUP')).toBe('none');
  });

  it('names a grant with its organisation', () => {
    expect(roleGrantText({ role: 'LD_LEAD', organisation: { name: 'Peterborough City Council' } }))
      .toBe('L&D lead, Peterborough City Council');
    expect(roleGrantText({ role: 'PARTNERSHIP_ADMIN', organisation: null })).toBe('Partnership administrator');
  });
});
