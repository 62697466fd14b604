import { financialYearOf, financialYearStarting } from '@portal/domain';
import { createDataSource } from '../../server/src/db/data-source';
import { loadDemoData, type DemoSizes } from '../../server/src/db/demo/load-demo-data';
import { createTestDatabase, dbSettings, DEMO_NOW, DEMO_PASSWORD } from '../support/test-database';
import { startPortal } from '../support/start-portal';
import { BENCHMARK_SIZES } from './benchmark-sizes';
import { measure, writeResults } from './measure';
import { OVERVIEW } from './funding-overview.query';

/**
 * The funding overview of journey 5 (totals, five breakdowns, cost per learner and per hour,
 * utilisation, no-show cost), and a page of the ledger's entries, at demo size and at benchmark scale (10,000 people, 50,000 bookings,
 * about 100,000 ledger entries), over HTTP as the steering group and as an L&D lead.
 */

const ENTRIES = `query($slug: String!, $year: String!, $first: Int!, $after: String) {
  ledgerEntries(filter: { partnershipSlug: $slug, financialYear: $year }, first: $first, after: $after) {
    totalCount summary { spent { pence } }
    pageInfo { hasNextPage endCursor }
    edges { node { id kind amount { pence } occurredAt quarter organisation { name } courseTitle stream { name } } }
  }
}`;

async function benchScale(label: string, sizes?: Partial<DemoSizes>) {
  const database = await createTestDatabase('empty');
  const dataSource = createDataSource(database.url, dbSettings);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await loadDemoData(dataSource, { now: DEMO_NOW, sizes, demoPassword: DEMO_PASSWORD });
    // As autovacuum leaves tables after a bulk insert (it vacuums on inserts): planner statistics, and a
    // visibility map so that index-only scans read no heap.
    await dataSource.query('VACUUM ANALYZE');
  } finally {
    await dataSource.destroy();
  }
  const portal = await startPortal({ database });
  const rows: Array<Array<string | number>> = [];
  try {
    const [{ entries }] = await portal.dataSource.query('SELECT count(*)::int AS entries FROM ledger_entry');
    const current = financialYearOf(DEMO_NOW);
    const years = [financialYearStarting(current.startYear - 1).label, current.label];
    for (const email of ['steering@demo.portal', 'lead@demo.portal']) {
      const token = await portal.signIn(email);
      for (const year of years) {
        let statements = 0;
        const figures = await measure(async () => {
          const response = await portal.graphql(OVERVIEW, { slug: 'greater-peterborough', year }, { token });
          if (response.errors) throw new Error(JSON.stringify(response.errors));
          statements = response.extensions?.sqlStatements ?? 0;
        }, 30, 3);
        rows.push([label, entries, email.split('@')[0], year, 'overview', statements, figures.p50, figures.p95, figures.max]);
        let page = 0;
        let cursor: string | null = null;
        const pages = await measure(async () => {
          // Walks the year's entries 200 at a time, as the entries export does, from the start again after 10 pages.
          const response = await portal.graphql<{ ledgerEntries: { pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
            ENTRIES, { slug: 'greater-peterborough', year, first: 200, after: page % 10 === 0 ? null : cursor }, { token });
          if (response.errors) throw new Error(JSON.stringify(response.errors));
          statements = response.extensions?.sqlStatements ?? 0;
          cursor = response.data!.ledgerEntries.pageInfo.hasNextPage ? response.data!.ledgerEntries.pageInfo.endCursor : null;
          page = cursor ? page + 1 : 0;
        }, 30, 3);
        rows.push([label, entries, email.split('@')[0], year, '200 entries', statements, pages.p50, pages.p95, pages.max]);
      }
    }
  } finally {
    await portal.stop();
  }
  return rows;
}

it('measures the funding overview at demo size and at benchmark scale', async () => {
  const rows = [
    ...(await benchScale('demo')),
    ...(await benchScale('benchmark', BENCHMARK_SIZES)),
  ];
  writeResults('funding', 'Funding overview: latency and SQL statements',
    ['data', 'ledger entries', 'as', 'financial year', 'request', 'SQL statements', 'p50 ms', 'p95 ms', 'max ms'], rows,
    ['30 sequential requests per row after 3 warm-up requests, one client over loopback HTTP, embedded PostgreSQL.',
      'Benchmark scale: 10,000 people, 2,000 sessions, 50,000 bookings in the main partnership, with the demo generator\'s manual entries scaled to about 100,000 ledger entries in all.',
      'steering: the whole partnership; lead: the council\'s slice. "200 entries": one page of ledgerEntries (with its count and sum), as the entries export reads them.']);
});
