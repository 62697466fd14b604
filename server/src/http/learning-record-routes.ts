import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { isUUID } from 'class-validator';
import { MAX_EVIDENCE_BYTES } from '@portal/domain';
import { requestContext, type ContextDependencies } from './request-context';
import { storeEvidenceFile } from '../modules/records/informal-learning.service';
import { readEvidenceFile } from '../modules/records/evidence-file.service';
import { readCertificateFacts } from '../modules/records/learning-record.service';
import { renderCertificate } from '../modules/records/certificate.pdf';

/**
 * Learning records' files, outside GraphQL because they are bytes:
 *  - POST /learning-files/evidence: an evidence file (the body, `application/octet-stream`, its
 *    name in `X-File-Name`), kept once its content shows a PDF, PNG or JPEG of at most 5 MB;
 *    201 with its id for logInformalLearning's evidenceFileId, else 413 or 422 with userErrors
 *    on ["file"] and nothing written. The custom header and content type need a CORS preflight,
 *    so another site cannot send one with the learner's cookie.
 *  - GET /learning-files/evidence/:id and /learning-files/certificates/:bookingId.pdf, for
 *    whoever may see the person's learning record (records.policy.ts).
 * The session is the one /graphql reads; 401 signed out, 404 unknown or another partnership's, 403 refused.
 */
function problem(res: Response, status: number, message: string, code: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

function fileProblem(res: Response, status: number, message: string, code: string): void {
  res.status(status).json({ file: null, userErrors: [{ field: ['file'], message, code }] });
}

export function learningRecordRoutes(deps: ContextDependencies): Router {
  const router = Router();

  router.post('/evidence', express.raw({ type: 'application/octet-stream', limit: MAX_EVIDENCE_BYTES }), async (req: Request, res: Response) => {
    const context = await requestContext(deps, req, res);
    if (!context.viewer) return problem(res, 401, 'Sign in to upload evidence.', 'UNAUTHENTICATED');
    if (!req.is('application/octet-stream') || req.get('x-file-name') === undefined) {
      return fileProblem(res, 415, 'Send the file as application/octet-stream with its name in X-File-Name', 'WRONG_FILE_TYPE');
    }
    const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const stored = await storeEvidenceFile(deps.dataSource, context.viewer, content, req.get('x-file-name'), context.origin, context.now);
    if (!stored.ok) return fileProblem(res, stored.problem.code === 'FILE_TOO_LARGE' ? 413 : 422, stored.problem.message, stored.problem.code);
    res.status(201).set('cache-control', 'no-store').json({ file: stored.file, userErrors: [] });
  });

  router.get('/evidence/:fileId', async (req: Request<{ fileId: string }>, res: Response) => {
    const context = await requestContext(deps, req, res);
    if (!context.viewer) return problem(res, 401, 'Sign in to see evidence.', 'UNAUTHENTICATED');
    const file = isUUID(req.params.fileId) ? await readEvidenceFile(deps.dataSource.manager, context.viewer, req.params.fileId) : null;
    if (!file) return problem(res, 404, 'There is no such file.', 'NOT_FOUND');
    if (file === 'forbidden') return problem(res, 403, 'You can see evidence on your own learning record and on those you may see.', 'FORBIDDEN');
    res.status(200).set({
      'content-type': file.mediaType, 'content-disposition': `attachment; filename="${encodeURIComponent(file.fileName)}"`,
      'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff',
    }).send(file.content);
  });

  router.get('/certificates/:file', async (req: Request<{ file: string }>, res: Response) => {
    const context = await requestContext(deps, req, res);
    if (!context.viewer) return problem(res, 401, 'Sign in to download a certificate.', 'UNAUTHENTICATED');
    const bookingId = req.params.file.replace(/\.pdf$/, '');
    const facts = isUUID(bookingId) && req.params.file.endsWith('.pdf') ? await readCertificateFacts(deps.dataSource.manager, context.viewer, bookingId) : null;
    if (!facts) return problem(res, 404, 'There is no such certificate.', 'NOT_FOUND');
    if (facts === 'forbidden') return problem(res, 403, 'You can download certificates on your own learning record and on those you may see.', 'FORBIDDEN');
    const pdf = await renderCertificate(facts);
    res.status(200).set({
      'content-type': 'application/pdf', 'content-disposition': `attachment; filename="certificate-${facts.bookingId}.pdf"`,
      'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff',
    }).send(pdf);
  });

  // A body over 5 MB stops before it is read, answered in the form's words.
  const tooLarge: ErrorRequestHandler = (error, _req, res, next) => {
    if ((error as { type?: string }).type === 'entity.too.large') return fileProblem(res, 413, 'The selected file must be smaller than 5 MB', 'FILE_TOO_LARGE');
    next(error);
  };
  router.use(tooLarge);
  return router;
}
