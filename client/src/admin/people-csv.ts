/**
 * The people CSV file, as far as the browser needs to know it: the expected header, an example
 * to download, how many people a file holds (to size the progress bar before the server
 * answers) and the words for progress. The server reads and checks the file itself.
 */
export const PEOPLE_CSV_HEADER = 'name,email,kind,job_title,team,line_manager_email';

/** The server refuses more (import-people.input.ts); checked here so a huge file gets words, not a 413. */
export const MAX_CSV_CHARACTERS = 3_500_000;
export const MAX_IMPORT_ROWS = 10_000;

export function exampleCsv(): string {
  return [
    PEOPLE_CSV_HEADER,
    'Amira Hassan,amira.hassan@example.org,staff,Registered Manager,Management,',
    'Tom Briggs,tom.briggs@example.org,staff,Senior Carer,Day team,amira.hassan@example.org',
    '"O\'Neill, Grace",grace.oneill@example.org,staff,Care Assistant,Day team,tom.briggs@example.org',
    'Dev Patel,dev.patel@example.org,volunteer,Activities volunteer,,',
    '',
  ].join('\r\n');
}

/** A link that downloads the text as a .csv file, with no request to the server. */
export function csvDownloadHref(text: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
}

/**
 * The data rows of a CSV text (the header not counted): quoted values may hold commas and line
 * breaks; blank lines and lines of nothing but separators are not rows, as the server reads them.
 */
export function countCsvRows(text: string): number {
  let records = 0;
  let inQuotes = false;
  let hasValue = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (inQuotes) {
      if (char === '"') {
        if (body[index + 1] === '"') index += 1;
        else inQuotes = false;
      }
      hasValue = true;
    } else if (char === '"') {
      inQuotes = true;
      hasValue = true;
    } else if (char === '\n' || char === '\r') {
      if (hasValue) records += 1;
      hasValue = false;
    } else if (char !== ',') {
      hasValue = true;
    }
  }
  if (hasValue) records += 1;
  return Math.max(0, records - 1);
}

/** "1,234 of 10,000 rows" */
export function progressText(processed: number, total: number): string {
  const n = (value: number) => value.toLocaleString('en-GB');
  return `${n(Math.min(processed, total))} of ${n(total)} ${total === 1 ? 'row' : 'rows'}`;
}

/** "Imported 120 people" */
export function importedText(count: number): string {
  return `Imported ${count.toLocaleString('en-GB')} ${count === 1 ? 'person' : 'people'}`;
}

/**
 * A random UUID for the import, so its progress can be asked for while it runs. randomUUID
 * needs a secure context (HTTPS or localhost); getRandomValues does not.
 */
export function newImportId(random: Crypto = globalThis.crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
