import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import { isUuid } from '../graphql/uuid';
import { requestContext, type ContextDependencies } from './request-context';
import { projectXapiStatements } from '../modules/xapi/xapi-projection';
import { exportedOrganisation, xapiStatementResult, type XapiExportScope } from '../modules/xapi/xapi-export';
import { organisationExportDecision, ownExportDecision, type XapiExportDecision } from '../modules/xapi/xapi.policy';

/** How a stream ends when the other side has gone away. */
const CLIENT_GONE = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED', 'ECONNRESET', 'EPIPE']);

/**
 * GET /exports/xapi/me.json (the signed-in person's own statements) and
 * /exports/xapi/organisations/:organisationId.json (its people's, for its L&D leads and the
 * partnership's administrators): xAPI 1.0.3 statements as a StatementResult, streamed. The
 * session is the one /graphql reads. Before reading, the statements of bookings changed since the
 * projection job last ran are stored, so an export is never behind the register.
 */
export function xapiExportRoutes(deps: ContextDependencies & { publicUrl: string }): Router {
  const router = Router();
  const refuse = (res: Response, status: number, message: string) => {
    res.status(status).type('text/plain; charset=utf-8').set({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).send(message);
  };

  async function send(req: Request, res: Response, decide: (context: Awaited<ReturnType<typeof requestContext>>) => Promise<{ decision: XapiExportDecision; scope: XapiExportScope | null; filename: string }>) {
    try {
      const context = await requestContext(deps, req, res);
      const { decision, scope, filename } = await decide(context);
      if (!decision.allowed) return refuse(res, decision.status, decision.message);
      await projectXapiStatements(deps.dataSource, { homePage: deps.publicUrl }, { wait: true });
      res.status(200).set({
        'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`,
        'x-experience-api-version': '1.0.3', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
      });
      await pipeline(Readable.from(xapiStatementResult(deps.dataSource, scope!)), res);
    } catch (error) {
      if (CLIENT_GONE.has(String((error as NodeJS.ErrnoException).code))) return;
      if (!res.headersSent) {
        deps.log.error({ err: error, requestId: res.locals.requestId }, 'xAPI export failed');
        return refuse(res, 500, 'Something went wrong on our side preparing the export.');
      }
      deps.log.error({ err: error, requestId: res.locals.requestId }, 'xAPI export stopped part way');
      res.destroy();
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
