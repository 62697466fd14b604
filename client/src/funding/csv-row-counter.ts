/**
 * Counts the records of a CSV file as its bytes arrive, for a download's progress bar. A line
 * break inside a quoted field (a reason typed over two lines) is part of the field, not a new
 * record, so the counter follows the quotes across chunks. The header is a record like any
 * other: the caller takes it off.
 */
export class CsvRowCounter {
  private inQuotes = false;
  private lineHasContent = false;
  private completed = 0;

  push(text: string): void {
    for (let index = 0; index < text.length; index++) {
      const character = text[index];
      if (character === '"') {
        // A doubled quote inside quotes ("") toggles twice: no net change, as it should be.
        this.inQuotes = !this.inQuotes;
        this.lineHasContent = true;
      } else if (character === '\n' && !this.inQuotes) {
        if (this.lineHasContent) this.completed++;
        this.lineHasContent = false;
      } else if (character !== '\r' && character !== '\uFEFF') {
        this.lineHasContent = true;
      }
    }
  }

  /** Records seen so far, counting a last one that has no line break after it yet. */
  get records(): number {
    return this.completed + (this.lineHasContent ? 1 : 0);
  }

  /** Completed records only: what has certainly arrived whole. */
  get completedRecords(): number {
    return this.completed;
  }
}

/** "Downloading 1,200 of 5,000 rows" for the progress text. */
export function downloadProgressText(received: number, total: number | null): string {
  const rows = (n: number) => n.toLocaleString('en-GB');
  if (total == null) return `Downloading: ${rows(received)} ${received === 1 ? 'row' : 'rows'} so far`;
  return `Downloading ${rows(Math.min(received, total))} of ${rows(total)} ${total === 1 ? 'row' : 'rows'}`;
}
