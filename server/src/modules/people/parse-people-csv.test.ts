import { MAX_IMPORT_ROWS, parsePeopleCsv } from './parse-people-csv';

const HEADER = 'name,email,kind,job_title,team,line_manager_email';

describe('parsePeopleCsv', () => {
  it('reads every column, normalising emails and defaulting kind to staff', () => {
    const { rows, errors } = parsePeopleCsv([
      HEADER,
      'Ada Lovelace, ADA@Example.org ,,Care Assistant,Night shift,',
      'Grace Hopper,grace@example.org,Volunteer,,,ada@example.org',
    ].join('\n'));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, name: 'Ada Lovelace', email: 'ada@example.org', kind: 'staff', jobTitle: 'Care Assistant', team: 'Night shift',
        lineManagerEmail: null, duplicateOf: null },
      { line: 3, name: 'Grace Hopper', email: 'grace@example.org', kind: 'volunteer', jobTitle: null, team: null,
        lineManagerEmail: 'ada@example.org', duplicateOf: null },
    ]);
  });

  it('accepts headers in any case and order, with only name and email', () => {
    const { rows, errors } = parsePeopleCsv('\uFEFFEmail, NAME\r\nada@example.org,Ada\r\n');
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.name, r.email, r.kind])).toEqual([[2, 'Ada', 'ada@example.org', 'staff']]);
  });

  it('reports unknown, repeated and missing columns as one error on line 1', () => {
    const { rows, errors } = parsePeopleCsv('name,mobile,department,name\nAda,07700,HR,Ada\n');
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, field: 'header' });
    expect(errors[0].message).toMatch(/Unknown columns "mobile", "department"/);
    expect(errors[0].message).toMatch(/"name" appear more than once/);
    expect(errors[0].message).toMatch(/"email" column is missing/);
  });

  it('refuses an empty file', () => {
    expect(parsePeopleCsv('').errors).toEqual([expect.objectContaining({ line: 1, field: 'header' })]);
    expect(parsePeopleCsv('\n\n').errors).toEqual([expect.objectContaining({ line: 1, field: 'header' })]);
  });

  it('reports every bad row with its line and field', () => {
    const { rows, totalRows, errors } = parsePeopleCsv([
      HEADER,
      ',nobody@example.org,,,,',                                // 2: no name
      `${'x'.repeat(201)},long@example.org,,,,`,                // 3: name too long
      'Bad Email,not-an-email,,,,',                             // 4
      'Ada,ada@example.org,contractor,,,',                      // 5: unknown kind
      'Ada Again,ADA@example.org,,,,',                          // 6: duplicate of line 5
      `Long Title,title@example.org,,${'t'.repeat(201)},,`,     // 7
      'Self Managed,self@example.org,,,,self@example.org',      // 8
      'Bad Manager,bm@example.org,,,,boss@',                    // 9
      'Too,many,values,here,,,,',                               // 10: 8 values
      'Too few,few@example.org',                                // 11: 2 values
    ].join('\n'));
    expect(rows).toHaveLength(8);
    expect(totalRows).toBe(10);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'name'], [3, 'name'], [4, 'email'], [5, 'kind'], [6, 'email'], [7, 'job_title'], [8, 'line_manager_email'],
      [9, 'line_manager_email'], [10, 'row'], [11, 'row'],
    ]);
    expect(errors.find((e) => e.line === 6)!.message).toBe('ada@example.org is already on line 5 of this file.');
    expect(errors.find((e) => e.line === 5)!.message).toMatch(/staff or volunteer, not "contractor"/);
  });

  it('counts lines as an editor does: blank lines, lines of empty values and quoted line breaks', () => {
    const { rows, errors } = parsePeopleCsv([
      HEADER,
      '',
      'Ada,ada@example.org,,,,',
      ',,,,,',
      '"Grace',
      'Hopper",grace@example.org,,,,',
      'Bad,bad,,,,',
    ].join('\r\n'));
    expect(rows.map((r) => r.line)).toEqual([3, 5, 7]);
    expect(errors).toEqual([
      { line: 5, field: 'name', message: 'The name cannot contain line breaks or control characters.' },
      expect.objectContaining({ line: 7, field: 'email' }),
    ]);
  });

  it('reports an unclosed quote at the line where it opens, and nothing else', () => {
    const { rows, errors } = parsePeopleCsv([HEADER, 'Ada,ada@example.org,,,,', '', '"Grace,grace@example.org,,,,', 'Alan,alan@example.org,,,,'].join('\n'));
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 4, field: 'csv', message: expect.stringMatching(/starts on line 4 is never closed/) }]);
  });

  it('reports a stray quote with its line', () => {
    const { errors } = parsePeopleCsv([HEADER, 'Ada,ada@example.org,,,,', 'Pat O"Brien,pat@example.org,,,,'].join('\n'));
    expect(errors).toEqual([expect.objectContaining({ line: 3, field: 'csv' })]);
  });

  it(`accepts ${MAX_IMPORT_ROWS} rows and refuses one more, naming the first line too many`, () => {
    const file = (count: number) => [HEADER, ...Array.from({ length: count }, (_, i) => `Person ${i},person.${i}@example.org,,,,`)].join('\n');
    const accepted = parsePeopleCsv(file(MAX_IMPORT_ROWS));
    expect(accepted.errors).toEqual([]);
    expect(accepted.rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(accepted.totalRows).toBe(MAX_IMPORT_ROWS);
    const refused = parsePeopleCsv(file(MAX_IMPORT_ROWS + 5));
    expect(refused.rows).toEqual([]);
    expect(refused.errors).toEqual([{ line: MAX_IMPORT_ROWS + 2, field: 'csv', message: expect.stringMatching(/at most 10,000 people/) }]);
  });
});
