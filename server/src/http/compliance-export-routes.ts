import { Router, type Request, type Response } from 'express';
import { isUuid } from '../graphql/uuid';
import { requestContext, type ContextDependencies } from './request-context';
import { downloadFailed, refuseDownload as refuse, streamDownload } from './downloads';
import { complianceCsv, exportedComplianceOrganisation, exportFilterOf, organisationCsvDecision, teamCsvDecision,
  type ComplianceExportDecision } from '../modules/compliance/compliance-export';
import type { Viewer } from '../modules/auth/viewer';

/**
 * GET /exports/compliance/organisations/:organisationId.csv (its L&D leads and administrators)
 * and /exports/compliance/team.csv (a line manager's direct reports): the compliance matrix's
 * rows as CSV, streamed a batch at a time, with the matrix's filters as `subject`, `status` and
 * `team`. The session is the one /graphql reads; access is the matrix's (compliance-export.ts).
 */
export function complianceExportRoutes(deps: ContextDependencies): Router {
  const router = Router();

  async function send(req: Request, res: Response, filename: string,
    decide: (viewer: Viewer | null) => Promise<{ decision: ComplianceExportDecision; target: { organisationId: string } | 'team' }>) {
    try {
      const filter = exportFilterOf(req.query as Record<string, unknown>);
      const context = await requestContext(deps, req, res);
      const { decision, target } = await decide(context.viewer);
      if (!decision.allowed) return refuse(res, decision.status, decision.message);
      if ('problem' in filter) return refuse(res, 400, filter.problem);
      const chunks = await complianceCsv(deps.dataSource, context.viewer!, target, context.now, filter.filter);
      await streamDownload(res, 'text/csv; charset=utf-8', filename, chunks);
    } catch (error) {
      downloadFailed(res, deps.log, error, 'compliance export');
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
