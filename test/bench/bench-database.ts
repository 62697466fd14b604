import { createDataSource } from '../../server/src/db/data-source';
import { loadDemoData, type DemoSizes } from '../../server/src/db/demo/load-demo-data';
import { dbSettings, DEMO_NOW, DEMO_PASSWORD } from '../support/test-database';

/**
 * A bench's database: migrated, the demo loaded at the given sizes (benchmark-sizes.ts), any
 * extra SQL run (a peer's views), then vacuumed as autovacuum leaves tables after a bulk insert
 * (it vacuums on inserts): planner statistics, and a visibility map so that index-only scans read no heap.
 */
export async function loadBenchData(url: string, sizes?: Partial<DemoSizes>, extraSql?: string): Promise<void> {
  const dataSource = createDataSource(url, dbSettings);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await loadDemoData(dataSource, { now: DEMO_NOW, sizes, demoPassword: DEMO_PASSWORD });
    if (extraSql) await dataSource.query(extraSql);
    await dataSource.query('VACUUM ANALYZE');
  } finally {
    await dataSource.destroy();
  }
}
