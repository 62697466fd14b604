import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { expressMiddleware } from '@as-integrations/express5';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import { createMetrics, type Metrics } from '../observability/metrics';
import { metricsRoute } from '../observability/metrics-route';
import { countSqlStatements } from '../db/sql-statement-counter';
import { pendingMigrations } from '../db/data-source';
import { buildPortalSchema } from '../graphql/build-schema';
import { createApolloServer } from '../graphql/apollo';
import type { Context } from '../graphql/context';
import { graphqlBodyParser, jsonErrorHandler } from './body-limits';
import { securityHeaders } from './security-headers';
import { AuthService } from '../modules/auth/auth.service';
import { createMailer, type Mailer } from '../modules/notifications/mailer';
import { noticeSettingsOf } from '../modules/notifications/booking-notices';
import { OutboxService } from '../modules/notifications/outbox.service';
import { Invitations } from '../modules/auth/invitations';
import { devMailInbox } from '../modules/notifications/dev-mail-inbox';
import { createPortalJobs, type JobsMode } from '../jobs/portal-jobs';
import type { JobRunner } from '../jobs/job-runner';
import { requestContext } from './request-context';
import { clientAssets, compressResponses } from './static-assets';
import { clientPages } from './client-pages';
import { seoRoutes } from './seo-routes';
import { fundingExportRoutes } from './funding-export-routes';
import { xapiExportRoutes } from './xapi-export-routes';
import { complianceExportRoutes } from './compliance-export-routes';
import { learningRecordRoutes } from './learning-record-routes';
import { failInterruptedImports } from '../modules/people/import-ownership';

export interface App {
  express: Express;
  metrics: Metrics;
  /** The background job runner; runDueJobs() works through what is due now (tests). */
  jobs: Pick<JobRunner, 'runDueJobs'>;
  stop: () => Promise<void>;
}

/** Routes that are not the client's: everything else under GET falls back to the client's index.html. */
const SERVER_ROUTES = /^\/(graphql|healthz|readyz|metrics|exports|learning-files)(\/|$)/;

function requestObservability(log: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = (req.get('x-request-id') ?? '').slice(0, 100) || randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = req.originalUrl.split('?')[0];
      const route = SERVER_ROUTES.exec(path)?.[1] ?? 'client';
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method, route }, seconds);
      log.info({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1000),
        sqlStatements: res.locals.sqlTally?.statements }, 'request');
    });
    // Every SQL statement sent while this request is handled is counted against it.
    const { tally } = countSqlStatements(() => next());
    res.locals.sqlTally = tally;
  };
}

export async function createApp(options: {
  config: Config;
  dataSource: DataSource;
  log: Logger;
  clock?: () => Date;
  mailer?: Mailer;
  /** Default: 'run' when JOBS_ENABLED. */
  jobs?: JobsMode;
}): Promise<App> {
  const { config, dataSource, log } = options;
  const clock = options.clock ?? (() => new Date());
  const mailer = options.mailer ?? createMailer(config, log);
  const ownMailReadable = !config.production && !config.smtpUrl;
  const metrics = createMetrics();
  const services = { auth: new AuthService(dataSource, config, mailer, log, metrics), outbox: new OutboxService(dataSource, { ownMailReadable }),
    invitations: new Invitations(config), notices: noticeSettingsOf(config) };
  const jobs = createPortalJobs({ config, dataSource, mailer, log });
  const apollo = createApolloServer({ schema: await buildPortalSchema(), config, log, metrics });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  app.use(requestObservability(log, metrics));
  app.use(compressResponses());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      const pending = await pendingMigrations(dataSource);
      if (pending.length) {
        res.status(503).json({ status: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.get('/metrics', metricsRoute(config, metrics));

  app.use('/graphql', graphqlBodyParser(), expressMiddleware(apollo, {
    context: ({ req, res }): Promise<Context> => requestContext({ dataSource, log, services, clock, requestHoldHours: config.requestHoldHours }, req, res),
  }));

  app.use('/exports/funding', fundingExportRoutes({ apollo, dataSource, log, services, clock, requestHoldHours: config.requestHoldHours }));
  app.use('/exports/compliance', complianceExportRoutes({ dataSource, log, services, clock, requestHoldHours: config.requestHoldHours }));
  app.use('/exports/xapi', xapiExportRoutes({ dataSource, log, services, clock, requestHoldHours: config.requestHoldHours, publicUrl: config.publicUrl }));

  app.use('/learning-files', learningRecordRoutes({ dataSource, log, services, clock, requestHoldHours: config.requestHoldHours }));

  if (ownMailReadable) app.use('/dev/mail', devMailInbox(services.outbox));

  app.use(seoRoutes({ dataSource, publicUrl: config.publicUrl, clock }));

  if (existsSync(path.join(config.clientDist, 'index.html'))) {
    app.use(clientAssets(config.clientDist));
    // An unknown address still gets the client, which shows its "Page not found" page.
    app.get(/.*/, clientPages({ clientDist: config.clientDist, dataSource, publicUrl: config.publicUrl, skip: SERVER_ROUTES }));
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('The API is at /graphql. The client is not built: run npm run build.');
    });
  }

  // Last: body-parser's errors (413, bad JSON) and anything unexpected answer JSON, never HTML or a stack.
  app.use(jsonErrorHandler(log));

  // Imports a stopped process left running end failed (those running on a live replica are left alone).
  await failInterruptedImports(dataSource, log);
  if ((options.jobs ?? (config.jobsEnabled ? 'run' : 'off')) === 'run') await jobs.start();

  return {
    express: app, metrics, jobs,
    stop: async () => {
      await jobs.stop();
      await apollo.stop();
    },
  };
}
