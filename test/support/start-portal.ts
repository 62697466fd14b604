import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../../server/src/config';
import { createDataSource, logQueryErrors } from '../../server/src/db/data-source';
import { createApp } from '../../server/src/http/app';
import type { JobsMode } from '../../server/src/jobs/portal-jobs';
import { createLogger, type Logger } from '../../server/src/observability/logger';
import { createTestDatabase, dbSettings, DEMO_PASSWORD, dropTestDatabase, type Template } from './test-database';
import { noticeSettingsOf, type NoticeSettings } from '../../server/src/modules/notifications/booking-notices';

export interface RunningPortal {
  url: string;
  dataSource: DataSource;
  /** POST /graphql as a real client would; returns the parsed body and the HTTP status. */
  graphql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, auth?: { token?: string | null; headers?: Record<string, string> }) => Promise<GraphQLResponse<T>>;
  /** Signs in and returns the session token (throws when refused). */
  signIn: (email: string, password?: string) => Promise<string>;
  /** The settings booking notices are made with (its config's links and sender), for calling jobs' functions directly. */
  notices: NoticeSettings;
  /** Runs the background jobs that are due now (email delivery…), then returns. */
  runDueJobs: () => Promise<void>;
  stop: () => Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }>;
  extensions?: { sqlStatements?: number };
}

/**
 * The real server (Express, Apollo, TypeORM) on a random port, over its own database cloned
 * from a template. The SQL statement count is exposed in responses for assertions.
 */
export async function startPortal(options: {
  template?: Template;
  /** A database the caller made (with createTestDatabase) and filled; it is dropped on stop. */
  database?: { url: string; name: string };
  /** Another replica over this running portal's database (which is left for that portal to drop). */
  replicaOf?: RunningPortal;
  config?: Partial<Config>;
  clock?: () => Date;
  /** The server's logger (default: one at config.logLevel on stdout); tests pass one to read what was logged. */
  log?: Logger;
  /** 'off' (default): jobs wait in the queue until the test calls runDueJobs(); 'run': a worker runs them. */
  jobs?: JobsMode;
} = {}): Promise<RunningPortal> {
  const shared = options.replicaOf ? { url: (options.replicaOf.dataSource.options as { url: string }).url, name: null } : null;
  const { url: databaseUrl, name } = shared ?? options.database ?? await createTestDatabase(options.template ?? 'demo');
  const config: Config = { ...loadConfig(), ...dbSettings, databaseUrl, exposeSqlCount: true, logLevel: 'silent',
    ...options.config };
  const log = options.log ?? createLogger(config.logLevel);
  const dataSource = createDataSource(databaseUrl, config, logQueryErrors(log));
  await dataSource.initialize();
  const app = await createApp({ config, dataSource, log, clock: options.clock, jobs: options.jobs ?? 'off' });
  const server: Server = await new Promise((resolve) => {
    const s = app.express.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function graphql<T>(query: string, variables?: Record<string, unknown>,
    auth: { token?: string | null; headers?: Record<string, string> } = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}), ...auth.headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    return { status: response.status, headers: response.headers, ...body };
  }

  return {
    url,
    notices: noticeSettingsOf(config),
    dataSource,
    graphql,
    signIn: async (email: string, password = DEMO_PASSWORD) => {
      const response = await graphql<{ signIn: { token: string | null; userErrors: Array<{ message: string }> } }>(
        'mutation SignIn($input: SignInInput!) { signIn(input: $input) { token userErrors { message } } }',
        { input: { email, password } });
      const token = response.data?.signIn.token;
      if (!token) throw new Error(`sign-in as ${email} refused: ${JSON.stringify(response.data ?? response.errors)}`);
      return token;
    },
    runDueJobs: () => app.jobs.runDueJobs(),
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.stop();
      await dataSource.destroy();
      if (name) await dropTestDatabase(name);
    },
  };
}
