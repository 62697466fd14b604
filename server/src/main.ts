import 'reflect-metadata';
import type { Server } from 'node:http';
import { loadConfig } from './config';
import { createLogger } from './observability/logger';
import { prepareDatabase } from './db/prepare-database';
import { createApp } from './http/app';

/** Starts the portal: database (embedded unless DATABASE_URL), migrations, demo data, HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await prepareDatabase(config, log);
  const app = await createApp({ config, dataSource: database.dataSource, log });
  const server: Server = app.express.listen(config.port, config.host, () => {
    log.info({ port: config.port }, `Partnership Portal is ready at http://localhost:${config.port}`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close();
    await app.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
