import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Logger } from '../observability/logger';

/**
 * The largest /graphql body: a 10,000-row CSV sent as one string variable fits (about 1-2 MB of
 * people data), with room for its JSON escaping.
 */
export const GRAPHQL_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** Parses the JSON body of /graphql; a larger body stops with a 413 before it is parsed. */
export function graphqlBodyParser(): RequestHandler {
  return express.json({ limit: GRAPHQL_BODY_LIMIT_BYTES });
}

interface HttpErrorLike { status?: number; statusCode?: number; type?: string; expose?: boolean }

/** body-parser's (and raw-body's) error types, answered in words that do not echo the body. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': {
    status: 413, code: 'PAYLOAD_TOO_LARGE',
    message: `The request body is larger than the limit of ${GRAPHQL_BODY_LIMIT_BYTES / 1024 / 1024} MB.`,
  },
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  'entity.verify.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body could not be read.' },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted before its body arrived.' },
  'request.size.invalid': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not the length it claims.' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The content encoding is not supported.' },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The charset is not supported: use UTF-8.' },
  'parameters.too.many': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request has too many parameters.' },
};

function sendError(res: express.Response, status: number, message: string, extensions: Record<string, unknown>): void {
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions }] }));
}

/**
 * The last middleware: every error that reaches Express becomes a GraphQL-shaped JSON answer, never
 * Express's HTML page and never a stack. A client's mistake (a 4xx from body-parser or a static
 * file) keeps its status; anything else is a 500 whose details go to the log under a reference.
 */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const httpError = (typeof err === 'object' && err !== null ? err : {}) as HttpErrorLike;
    const known = httpError.type ? BODY_ERRORS[httpError.type] : undefined;
    if (known) {
      sendError(res, known.status, known.message, { code: known.code });
      return;
    }
    const status = httpError.status ?? httpError.statusCode ?? 500;
    if (status >= 400 && status < 500 && httpError.expose !== false) {
      sendError(res, status, 'The request could not be handled.', { code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST' });
      return;
    }
    const reference = randomUUID();
    log.error({ err, reference, requestId: res.locals.requestId, method: req.method, path: req.path },
      'unexpected error in an HTTP request');
    sendError(res, 500, `Something went wrong on our side. If it keeps happening, quote reference ${reference}.`,
      { code: 'INTERNAL_SERVER_ERROR', reference });
  };
}
