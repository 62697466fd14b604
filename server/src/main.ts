import 'reflect-metadata';
import type { Server } from 'node:http';
import { loadConfig } from './config';
import { createLogger } from './observability/logger';
import { prepareDatabase } from './db/prepare-database';
import { createApp } from './http/app';
import { gracefulClose } from './http/graceful-close';

/** SIGINT is Ctrl-C (sent to the whole process group: npm forwards it once more), SIGTERM a process manager. */
const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Starts the portal: database (embedded unless DATABASE_URL), migrations, demo data, HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // Listened for from the start: a signal during start-up stops what has started, once it has.
  const signalled = new Promise<string>((resolve) => {
    let received = false;
    for (const signal of SHUTDOWN_SIGNALS) {
      process.on(signal, () => {
        if (received) return;
        received = true;
        log.info({ signal }, 'shutting down');
        resolve(signal);
      });
    }
  });

  const database = await prepareDatabase(config, log);
  const app = await createApp({ config, dataSource: database.dataSource, log });
  const server: Server = app.express.listen(config.port, config.host, () => {
    log.info({ port: config.port }, `Partnership Portal is ready at http://localhost:${config.port}`);
  });
  const closeHttp = gracefulClose(server, log);

  await signalled;
  // In this order: no new requests and the ones in flight finish (bounded), then the job runner
  // finishes its jobs, then the database connections close, then the embedded PostgreSQL stops.
  await closeHttp(config.shutdownGraceMs);
  await app.stop();
  await database.close();
  log.info('stopped');
  // The process ends once its last log lines are written (pino writes asynchronously: exiting
  // with a write in flight lost or reordered them); anything left open by mistake is not waited for.
  setTimeout(() => process.exit(0), 2000).unref();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
