import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';
import { createContext, type Context, type Services } from '../graphql/context';
import { clearSessionCookie, sessionTokenFrom, setSessionCookie } from './session-cookie';

export interface ContextDependencies {
  dataSource: DataSource;
  log: Logger;
  services: Services;
  clock: () => Date;
  requestHoldHours: number;
}

/**
 * The request's context, as /graphql and the routes that run GraphQL operations in process
 * (funding exports) both make it: the viewer from the session cookie or bearer token, the
 * clock's now, and where the request came from.
 */
export async function requestContext(deps: ContextDependencies, req: Request, res: Response): Promise<Context> {
  const now = deps.clock();
  const token = sessionTokenFrom(req);
  const requestId = String(res.locals.requestId);
  return createContext({
    dataSource: deps.dataSource, log: deps.log, services: deps.services, now, requestId, requestHoldHours: deps.requestHoldHours,
    viewer: token ? await deps.services.auth.viewerForToken(token, now) : null,
    origin: { ipAddress: req.ip ?? null, requestId, userAgent: req.get('user-agent') ?? null },
    session: {
      token,
      set: (value, expiresAt) => setSessionCookie(req, res, value, expiresAt),
      clear: () => clearSessionCookie(req, res),
    },
  });
}
