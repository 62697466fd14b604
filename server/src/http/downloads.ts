import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { Logger } from '../observability/logger';

/**
 * The one way the export routes answer (funding, xAPI, compliance): a download streamed as it is
 * made, a refusal as plain text, never cached, and what to do when something fails on the way.
 */

/** How a stream ends when the other side has gone away. */
const CLIENT_GONE = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED', 'ECONNRESET', 'EPIPE']);

/** A download that cannot be given: the reason as plain text. */
export function refuseDownload(res: Response, status: number, message: string): void {
  res.status(status).type('text/plain; charset=utf-8').set({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).send(message);
}

/** The headers of a download about to be streamed (an attachment, never cached), with any of its own. */
export function startDownload(res: Response, contentType: string, filename: string, headers: Record<string, string> = {}): void {
  res.status(200).set({
    'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"`,
    ...headers, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
  });
}

/** Sends the chunks as they are made, only as fast as the client reads them. */
export async function streamDownload(res: Response, contentType: string, filename: string,
  chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>, headers: Record<string, string> = {}): Promise<void> {
  startDownload(res, contentType, filename, headers);
  await pipeline(Readable.from(chunks), res);
}

/**
 * A download that failed: nothing to answer if the client hung up; before streaming began, a
 * 500 in plain text; part way, the connection is cut so the file is seen to be incomplete.
 */
export function downloadFailed(res: Response, log: Logger, error: unknown, what: string, details: Record<string, unknown> = {}): void {
  if (CLIENT_GONE.has(String((error as NodeJS.ErrnoException).code))) return;
  if (!res.headersSent) {
    log.error({ err: error, requestId: res.locals.requestId, ...details }, `${what} failed`);
    refuseDownload(res, 500, 'Something went wrong on our side preparing the export.');
    return;
  }
  log.error({ err: error, requestId: res.locals.requestId, ...details }, `${what} stopped part way`);
  res.destroy();
}
