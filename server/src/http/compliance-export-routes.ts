import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import { isUuid } from '../graphql/uuid';
import { requestContext, type ContextDependencies } from './request-context';
import { complianceCsv, exportedComplianceOrganisation, exportFilterOf, organisationCsvDecision, teamCsvDecision,
  type ComplianceExportDecision } from '../modules/compliance/compliance-export';
import type { MatrixFilter } from '../modules/compliance/compliance-matrix';
import type { Viewer } from '../modules/auth/viewer';

/** How a stream ends when the other side has gone away. */
const CLIENT_GONE = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED', 'ECONNRESET', 'EPIPE']);

/**
 * GET /exports/compliance/organisations/:organisationId.csv (its L&D leads and administrators)
 * and /exports/compliance/team.csv (a line manager's direct reports): the compliance matrix's
 * rows as CSV, streamed a batch at a time, with the matrix's filters as `subject`, `status` and
 * `team`. The session is the one /graphql reads; access is the matrix's (compliance-export.ts).
 */
export function complianceExportRoutes(deps: ContextDependencies): Router {
  const router = Router();
  const refuse = (res: Response, status: number, message: string) => {
    res.status(status).type('text/plain; charset=utf-8').set({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).send(message);
  };

  async function send(req: Request, res: Response, filename: string,
    decide: (viewer: Viewer | null) => Promise<{ decision: ComplianceExportDecision; target: { organisationId: string } | 'team' }>) {
    try {
      const filter = exportFilterOf(req.query as Record<string, unknown>);
      const context = await requestContext(deps, req, res);
      const { decision, target } = await decide(context.viewer);
      if (!decision.allowed) return refuse(res, decision.status, decision.message);
      if ('problem' in filter) return refuse(res, 400, filter.problem);
      const chunks = await complianceCsv(deps.dataSource, context.viewer!, target, context.now, filter.filter as MatrixFilter);
      res.status(200).set({
        'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
      });
      await pipeline(Readable.from(chunks), res);
    } catch (error) {
      if (CLIENT_GONE.has(String((error as NodeJS.ErrnoException).code))) return;
      if (!res.headersSent) {
        deps.log.error({ err: error, requestId: res.locals.requestId }, 'compliance export failed');
        return refuse(res, 500, 'Something went wrong on our side preparing the export.');
      }
      deps.log.error({ err: error, requestId: res.locals.requestId }, 'compliance export stopped part way');
      res.destroy();
    }
  }

  router.get('/team.csv', (req, res) => send(req, res, 'team-mandatory-training.csv', async (viewer) => ({
    decision: teamCsvDecision(viewer), target: 'team',
  })));

  router.get('/organisations/:file', (req: Request<{ file: string }>, res) => {
    const id = /^(.+)\.csv$/.exec(req.params.file)?.[1] ?? '';
    if (!isUuid(id)) return refuse(res, 400, `"${req.params.file}" is not an organisation's export: ask for organisations/<organisation id>.csv.`);
    return send(req, res, `mandatory-training-${id}.csv`, async (viewer) => {
      const organisation = viewer ? await exportedComplianceOrganisation(deps.dataSource, id) : null;
      return { decision: organisationCsvDecision(viewer, organisation), target: { organisationId: id } };
    });
  });
  return router;
}
