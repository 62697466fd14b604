import { parse, type CsvError } from 'csv-parse/sync';
import { normaliseEmail, parseEmailAddress } from '@portal/domain';

/**
 * Reads and checks a people CSV file with no database: the header, the shape of every row, and
 * everything that can be known from the file alone (formats, lengths, duplicates within it).
 * Every problem is reported with its line (line 1 is the header), not just the first, so a
 * person can fix the file in one go. Checks against existing people happen afterwards
 * (people-import.service.ts).
 */
export const PEOPLE_CSV_COLUMNS = ['name', 'email', 'kind', 'job_title', 'team', 'line_manager_email'] as const;
export type PeopleCsvColumn = typeof PEOPLE_CSV_COLUMNS[number];
const REQUIRED_COLUMNS: PeopleCsvColumn[] = ['name', 'email'];

export const MAX_IMPORT_ROWS = 10_000;
const MAX_NAME = 200;
const MAX_TEXT = 200;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Where `field` is a column name, or `header`, `row` or `csv` for problems with the line or the file. */
export interface ImportRowError {
  line: number;
  field: string;
  message: string;
}

export interface PersonCsvRow {
  line: number;
  name: string;
  /** As person.email is stored (packages/domain's parseEmailAddress); a refused one trimmed and lower-cased. */
  email: string;
  kind: 'staff' | 'volunteer';
  jobTitle: string | null;
  team: string | null;
  lineManagerEmail: string | null;
  /** The line where the same email first appears, when this row repeats it. */
  duplicateOf: number | null;
}

export interface ParsedPeopleCsv {
  /** Data rows whose values could be put in their columns, bad values included: later checks need them. */
  rows: PersonCsvRow[];
  /** Every data row of the file, including those with too few or too many values. */
  totalRows: number;
  errors: ImportRowError[];
}

const rowShape = /^[\s,]*$/;

function failed(error: ImportRowError): ParsedPeopleCsv {
  return { rows: [], totalRows: 0, errors: [error] };
}

interface RawRecord { record: string[]; raw: string; info: { lines: number } }

/** The line a record starts on: csv-parse reports the line it ends on, and a quoted value may span lines. */
function startLine(entry: RawRecord): number {
  const text = entry.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return entry.info.lines - (text.match(/\n/g)?.length ?? 0);
}

/** The first line after `afterLine` that holds anything but commas and spaces: where an unclosed quote opened. */
function nextContentLine(text: string, afterLine: number): number {
  const lines = text.split('\n');
  for (let index = afterLine; index < lines.length; index += 1) if (!rowShape.test(lines[index])) return index + 1;
  return afterLine + 1;
}

function csvProblem(error: CsvError, text: string, lastLine: number): ImportRowError {
  const line = Number(error.lines) || lastLine + 1;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      const opened = nextContentLine(text, lastLine);
      return { line: opened, field: 'csv', message: `A quoted value that starts on line ${opened} is never closed: add the closing quote (").` };
    }
    case 'INVALID_OPENING_QUOTE':
      return { line, field: 'csv', message: 'A quote (") appears inside a value. Put the whole value in quotes and write the quote twice ("").' };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return { line, field: 'csv', message: 'A quoted value is followed by other characters before the next comma.' };
    default:
      return { line, field: 'csv', message: 'This line could not be read as CSV.' };
  }
}

function readHeader(cells: string[]): { columns: Array<PeopleCsvColumn | null>; error: ImportRowError | null } {
  const names = cells.map((cell) => cell.trim().toLowerCase());
  const known = new Set<string>(PEOPLE_CSV_COLUMNS);
  const problems: string[] = [];
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length) {
    problems.push(`Unknown ${unknown.length === 1 ? 'column' : 'columns'} ${unknown.map((n) => `"${n}"`).join(', ')}.`);
  }
  const repeated = [...new Set(names.filter((name, index) => known.has(name) && names.indexOf(name) !== index))];
  if (repeated.length) problems.push(`${repeated.map((n) => `"${n}"`).join(', ')} appear more than once.`);
  const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  if (missing.length) problems.push(`The ${missing.map((n) => `"${n}"`).join(' and ')} ${missing.length === 1 ? 'column is' : 'columns are'} missing.`);
  if (!problems.length) return { columns: names as PeopleCsvColumn[], error: null };
  return {
    columns: [],
    error: { line: 1, field: 'header', message: `${problems.join(' ')} The first line must name the columns: ${PEOPLE_CSV_COLUMNS.join(',')} (only name and email are required).` },
  };
}

function optional(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The portal's rule for an address, with the value quoted so the person can find it in the file. */
function emailProblem(value: string): string | null {
  const parsed = parseEmailAddress(value);
  if (parsed.ok) return null;
  const shown = `"${value.slice(0, 60).replace(/[\u0000-\u001f\u007f]/g, ' ')}"`;
  return parsed.code === 'INVALID_FORMAT'
    ? `${shown} is not an email address in the correct format, like name@example.com.`
    : `${shown}: ${parsed.message}`;
}

function checkRow(row: PersonCsvRow, rawKind: string | null, errors: ImportRowError[]): void {
  const error = (field: PeopleCsvColumn, message: string) => errors.push({ line: row.line, field, message });
  if (!row.name) error('name', 'Enter a name.');
  else if (row.name.length > MAX_NAME) error('name', `The name must be ${MAX_NAME} characters or fewer (it has ${row.name.length}).`);
  else if (CONTROL_CHARACTERS.test(row.name)) error('name', 'The name cannot contain line breaks or control characters.');

  if (!row.email) error('email', 'Enter an email address.');
  else {
    const problem = emailProblem(row.email);
    if (problem) error('email', problem);
  }

  if (rawKind !== null && row.kind !== rawKind) error('kind', `The kind must be staff or volunteer, not "${rawKind.slice(0, 40)}".`);

  for (const [field, value] of [['job_title', row.jobTitle], ['team', row.team]] as const) {
    if (value === null) continue;
    if (value.length > MAX_TEXT) error(field, `The ${field.replace('_', ' ')} must be ${MAX_TEXT} characters or fewer (it has ${value.length}).`);
    else if (CONTROL_CHARACTERS.test(value)) error(field, `The ${field.replace('_', ' ')} cannot contain line breaks or control characters.`);
  }

  if (row.lineManagerEmail !== null) {
    const problem = emailProblem(row.lineManagerEmail);
    if (problem) {
      error('line_manager_email', problem);
    } else if (row.lineManagerEmail === row.email) {
      error('line_manager_email', 'A person cannot be their own line manager.');
    }
  }
}

export function parsePeopleCsv(csv: string, maxRows = MAX_IMPORT_ROWS): ParsedPeopleCsv {
  // One line ending throughout, so csv-parse's line count is the line a person sees in their editor.
  const text = csv.replace(/\r\n?/g, '\n');
  let lastLine = 0;
  let records: RawRecord[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // Reading stops just past the limit: a huge file is refused without parsing all of it.
      to: maxRows + 2,
      on_record: (record: string[], context: { lines: number }) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as RawRecord[];
  } catch (error) {
    if (error instanceof Error && 'code' in error) return failed(csvProblem(error as CsvError, text, lastLine));
    throw error;
  }

  if (!records.length) {
    return failed({ line: 1, field: 'header', message: `The file is empty. Its first line must name the columns: ${PEOPLE_CSV_COLUMNS.join(',')}.` });
  }
  const header = readHeader(records[0].record);
  if (header.error) return failed(header.error);
  const data = records.slice(1);
  if (data.length > maxRows) {
    return failed({ line: startLine(data[maxRows]), field: 'csv',
      message: `A file can hold at most ${maxRows.toLocaleString('en-GB')} people. Split it into smaller files.` });
  }

  const rows: PersonCsvRow[] = [];
  const errors: ImportRowError[] = [];
  const firstLineByEmail = new Map<string, number>();
  for (const entry of data) {
    const line = startLine(entry);
    if (entry.record.length !== header.columns.length) {
      // Its values are in the wrong columns, so checking them one by one would only add noise.
      errors.push({ line, field: 'row', message: `This line has ${entry.record.length} values but the header names ${header.columns.length} columns. Check for a missing or extra comma.` });
      continue;
    }
    const cell = (column: PeopleCsvColumn) => {
      const index = header.columns.indexOf(column);
      return index < 0 ? undefined : entry.record[index];
    };
    const rawKind = optional(cell('kind'))?.toLowerCase() ?? null;
    const email = normaliseEmail(cell('email') ?? '');
    const lineManager = optional(cell('line_manager_email'));
    const row: PersonCsvRow = {
      line,
      name: (cell('name') ?? '').trim(),
      email,
      kind: rawKind === 'volunteer' ? 'volunteer' : 'staff',
      jobTitle: optional(cell('job_title')),
      team: optional(cell('team')),
      lineManagerEmail: lineManager === null ? null : normaliseEmail(lineManager),
      duplicateOf: email ? firstLineByEmail.get(email) ?? null : null,
    };
    checkRow(row, rawKind, errors);
    if (row.duplicateOf !== null) {
      errors.push({ line, field: 'email', message: `${email} is already on line ${row.duplicateOf} of this file.` });
    } else if (email) {
      firstLineByEmail.set(email, line);
    }
    rows.push(row);
  }
  return { rows, totalRows: data.length, errors };
}
