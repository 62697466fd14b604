import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import { createDataSource, logQueryErrors } from './data-source';
import { ensureDatabase, startEmbeddedPostgres, usableDataDir } from './embedded-postgres';
import { loadDemoData } from './demo/load-demo-data';

export interface PreparedDatabase {
  dataSource: DataSource;
  close: () => Promise<void>;
}

/** The embedded PostgreSQL's database for the portal (db:backup and db:restore reach it by this name too). */
export const DATABASE_NAME = 'portal';

/**
 * With DATABASE_URL: migrate that database and load nothing (demo data only when asked, by
 * `npm run db:seed -- --demo`). Without it: start the embedded PostgreSQL, migrate, and load
 * the demo partnership the first time.
 */
export async function prepareDatabase(config: Config, log: Logger, options: { demo?: boolean } = {}): Promise<PreparedDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!url) {
    const dataDir = usableDataDir(config.dataDir);
    if (dataDir !== config.dataDir) log.warn({ dataDir }, 'the data folder is not reachable by the postgres user; using another');
    log.info({ dataDir }, 'starting embedded PostgreSQL');
    const embedded = await startEmbeddedPostgres({
      dataDir, port: config.embeddedPostgresPort, log: (message) => log.warn({ postgres: message }, 'embedded PostgreSQL'),
    });
    await ensureDatabase(embedded.url('postgres'), DATABASE_NAME);
    url = embedded.url(DATABASE_NAME);
    stopEmbedded = embedded.stop;
  }

  const dataSource = createDataSource(url, config, logQueryErrors(log));
  await dataSource.initialize();
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  if (ran.length) log.info({ migrations: ran.map((m) => m.name) }, 'migrations applied');

  const wantDemo = options.demo ?? !config.databaseUrl;
  if (wantDemo) {
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM partnership');
    if (count === 0) {
      const summary = await loadDemoData(dataSource, { now: new Date(), demoPassword: config.demoPassword });
      log.info({ summary }, 'demo data loaded');
    }
  }

  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      if (stopEmbedded) {
        await stopEmbedded();
        log.info('embedded PostgreSQL stopped');
      }
    },
  };
}
