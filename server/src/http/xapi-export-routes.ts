import { Router, type Request, type Response } from 'express';
import { isUuid } from '../graphql/uuid';
import { requestContext, type ContextDependencies } from './request-context';
import { downloadFailed, refuseDownload as refuse, streamDownload } from './downloads';
import { projectXapiStatements } from '../modules/xapi/xapi-projection';
import { exportedOrganisation, xapiStatementResult, type XapiExportScope } from '../modules/xapi/xapi-export';
import { organisationExportDecision, ownExportDecision, type XapiExportDecision } from '../modules/xapi/xapi.policy';

/**
 * GET /exports/xapi/me.json (the signed-in person's own statements) and
 * /exports/xapi/organisations/:organisationId.json (its people's, for its L&D leads and the
 * partnership's administrators): xAPI 1.0.3 statements as a StatementResult, streamed. The
 * session is the one /graphql reads. Before reading, the statements of bookings changed since the
 * projection job last ran are stored, so an export is never behind the register.
 */
export function xapiExportRoutes(deps: ContextDependencies & { publicUrl: string }): Router {
  const router = Router();

  async function send(req: Request, res: Response, decide: (context: Awaited<ReturnType<typeof requestContext>>) => Promise<{ decision: XapiExportDecision; scope: XapiExportScope | null; filename: string }>) {
    try {
      const context = await requestContext(deps, req, res);
      const { decision, scope, filename } = await decide(context);
      if (!decision.allowed) return refuse(res, decision.status, decision.message);
      await projectXapiStatements(deps.dataSource, { homePage: deps.publicUrl }, { wait: true });
      await streamDownload(res, 'application/json; charset=utf-8', filename, xapiStatementResult(deps.dataSource, scope!),
        { 'x-experience-api-version': '1.0.3' });
    } catch (error) {
      downloadFailed(res, deps.log, error, 'xAPI export');
    }
  }

  router.get('/me.json', (req, res) => send(req, res, async ({ viewer }) => ({
    decision: ownExportDecision(viewer),
    scope: viewer ? { kind: 'person', partnershipId: viewer.partnershipId, personId: viewer.personId } : null,
    filename: 'my-learning-xapi.json',
  })));

  router.get('/organisations/:file', (req: Request<{ file: string }>, res) => {
    const id = /^(.+)\.json$/.exec(req.params.file)?.[1] ?? '';
    if (!isUuid(id)) return refuse(res, 400, `"${req.params.file}" is not an organisation's export: ask for organisations/<organisation id>.json.`);
    return send(req, res, async ({ viewer }) => {
      const organisation = viewer ? await exportedOrganisation(deps.dataSource, id) : null;
      return {
        decision: organisationExportDecision(viewer, organisation),
        scope: organisation ? { kind: 'organisation', partnershipId: organisation.partnershipId, organisationId: organisation.id } : null,
        filename: `organisation-${id}-xapi.json`,
      };
    });
  });
  return router;
}
