import { useId, useRef, useState } from 'react';
import { SERVICE_PROBLEM } from '../ui/form-errors';
import { CsvRowCounter, downloadProgressText } from './csv-row-counter';
import { saveFile } from './csv-text';

/** "Download CSV" for a table the server exports: a plain link, so the browser does the rest. */
export function ExportCsvLink({ href, what }: { href: string; what: string }) {
  return (
    <p className="funding-download">
      <a href={href} download data-testid="export-csv">
        Download CSV<span className="nhsuk-u-visually-hidden"> of {what}</span>
      </a>
    </p>
  );
}

export interface DownloadProgressState {
  received: number;
  total: number | null;
}

/** A download's progress: a <progress> bar and its words, read out as they change. */
export function DownloadProgress({ label, progress }: { label: string; progress: DownloadProgressState }) {
  const labelId = useId();
  return (
    <div className="funding-progress" data-testid="download-progress">
      <p className="nhsuk-body-s funding-progress__label" id={labelId}>{label}</p>
      <progress className="portal-progress__bar" aria-labelledby={labelId}
        max={Math.max(progress.total ?? 1, 1)} value={progress.total == null ? undefined : Math.min(progress.received, progress.total)} />
      <p className="nhsuk-body-s" aria-live="polite" aria-atomic="true">{downloadProgressText(progress.received, progress.total)}</p>
    </div>
  );
}

type DownloadState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: DownloadProgressState }
  | { kind: 'done'; rows: number }
  | { kind: 'failed'; message: string };

/** What a download reports: rows so far (with the total once known), then its outcome. */
export type DownloadOutcome = { rows: number } | { failed: string };
export type DownloadWork = (report: (progress: DownloadProgressState) => void) => Promise<DownloadOutcome>;

/**
 * A "Download CSV" button for a file made while the person waits: one download at a time, a
 * progress bar while it runs, and its outcome read out. `work` fetches and saves the file.
 */
export function ProgressiveDownload({ work, what, noun, testId, buttonText = 'Download CSV' }: {
  work: DownloadWork; what: string; noun: [string, string]; testId: string; buttonText?: string;
}) {
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const running = useRef(false);

  const start = async () => {
    if (running.current) return;
    running.current = true;
    setState({ kind: 'running', progress: { received: 0, total: null } });
    try {
      const outcome = await work((progress) => setState({ kind: 'running', progress }));
      setState('failed' in outcome ? { kind: 'failed', message: outcome.failed } : { kind: 'done', rows: outcome.rows });
    } catch {
      setState({ kind: 'failed', message: 'The download failed. Check your connection and try again.' });
    } finally {
      running.current = false;
    }
  };

  return (
    <div className="funding-download">
      <button type="button" className="nhsuk-button nhsuk-button--secondary funding-download__button" data-testid={testId}
        disabled={state.kind === 'running'} aria-disabled={state.kind === 'running'} onClick={() => void start()}>
        {buttonText}<span className="nhsuk-u-visually-hidden"> of {what}</span>
      </button>
      {state.kind === 'running' ? <DownloadProgress label={`Downloading ${what}`} progress={state.progress} /> : null}
      <div aria-live="polite" className="funding-download__outcome">
        {state.kind === 'done' ? <p className="nhsuk-body-s" data-testid="download-done">Downloaded {state.rows.toLocaleString('en-GB')} {state.rows === 1 ? noun[0] : noun[1]}.</p> : null}
        {state.kind === 'failed' ? <p className="nhsuk-error-message" data-testid="download-failed">{state.message}</p> : null}
      </div>
    </div>
  );
}

/** A whole-number X-Total-Rows header, or null. */
function totalRowsOf(response: Response): number | null {
  const header = response.headers.get('x-total-rows');
  return header && /^\d+$/.test(header) ? Number(header) : null;
}

/**
 * "Download CSV" for a table that may be large (every ledger entry of a year): the file is
 * fetched here and read as it streams in, counting its rows against the X-Total-Rows the server
 * sends first, so the person sees how far it has got. Then the browser saves it as a file.
 */
export function StreamedCsvDownload({ href, filename, what, buttonText = 'Download CSV' }: {
  href: string; filename: string; what: string; buttonText?: string;
}) {
  const work: DownloadWork = async (report) => {
    const response = await fetch(href, { credentials: 'same-origin', headers: { accept: 'text/csv' } });
    if (!response.ok || !response.body) {
      const text = response.status >= 500 || !response.body ? '' : (await response.text()).trim();
      return { failed: text || SERVICE_PROBLEM };
    }
    const total = totalRowsOf(response);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const counter = new CsvRowCounter();
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let shown = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      counter.push(decoder.decode(value, { stream: true }));
      // The header is a record too. Re-render only when the count moves.
      const received = Math.max(counter.completedRecords - 1, 0);
      if (received !== shown) {
        shown = received;
        report({ received, total });
      }
    }
    counter.push(decoder.decode());
    const rows = Math.max(counter.records - 1, 0);
    if (total != null && rows < total) {
      return { failed: `The download stopped after ${rows.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} rows. Try again.` };
    }
    saveFile(new Blob(chunks, { type: 'text/csv;charset=utf-8' }), filename);
    return { rows };
  };
  return <ProgressiveDownload work={work} what={what} noun={['row', 'rows']} testId="streamed-csv" buttonText={buttonText} />;
}

/** "Download CSV" of a table the page already holds: made here, saved at once. */
export function TableCsvButton({ filename, what, csv }: { filename: string; what: string; csv: () => string }) {
  return (
    <p className="funding-download">
      <button type="button" className="nhsuk-button nhsuk-button--secondary funding-download__button" data-testid="table-csv"
        onClick={() => saveFile(new Blob([csv()], { type: 'text/csv;charset=utf-8' }), filename)}>
        Download CSV<span className="nhsuk-u-visually-hidden"> of {what}</span>
      </button>
    </p>
  );
}
