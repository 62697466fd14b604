import { financialYearOf, financialYearStarting } from '@portal/domain';
import type { DemoSizes } from '../../server/src/db/demo/load-demo-data';
import { createTestDatabase, DEMO_NOW } from '../support/test-database';
import { startPortal } from '../support/start-portal';
import { loadBenchData } from './bench-database';
import { BENCHMARK_SIZES } from './benchmark-sizes';
import { measure, writeResults } from './measure';
import { OVERVIEW } from './funding-overview.query';
import { OVERVIEW_FROM_ENTRIES_SQL } from './funding-overview-from-entries.sql';
import { OVERVIEW_SQL } from '../../server/src/modules/funding/funding-overview.query';

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
  await loadBenchData(database.url, sizes);
  const portal = await startPortal({ database });
  const rows: Array<Array<string | number>> = [];
  try {
    const [{ entries }] = await portal.dataSource.query('SELECT count(*)::int AS entries FROM ledger_entry');
    const current = financialYearOf(DEMO_NOW);
    const years = [financialYearStarting(current.startYear - 1).label, current.label];
    // The statement alone, side by side with the baseline (every entry summed) in alternate runs, on the same rows.
    const [{ id: partnershipId }] = await portal.dataSource.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
    const [{ organisation_id: council }] = await portal.dataSource.query(`SELECT organisation_id FROM person WHERE email = 'lead@demo.portal'`);
    for (const [as, scope] of [['steering', null], ['lead', [council]]] as const) {
      const params = [partnershipId, scope, current.label, current.start, current.end];
      // (In any order: neither statement orders its rows.)
      const rowsOf = async (sql: string) => ((await portal.dataSource.query(sql, params)) as object[]).map((row) => JSON.stringify(row)).sort();
      const [fromCells, fromEntries] = [await rowsOf(OVERVIEW_SQL), await rowsOf(OVERVIEW_FROM_ENTRIES_SQL)];
      const differing = fromCells.filter((row, i) => row !== fromEntries[i]);
      if (differing.length || fromCells.length !== fromEntries.length) {
        throw new Error(`${label} ${as}: the overview from cells differs from the baseline's: ${differing.slice(0, 2).join(' ')} | ${fromEntries.filter((row, i) => row !== fromCells[i]).slice(0, 2).join(' ')}`);
      }
      const times: Record<'cells' | 'entries', number[]> = { cells: [], entries: [] };
      for (let i = 0; i < 33; i += 1) {
        for (const variant of (i % 2 ? ['cells', 'entries'] : ['entries', 'cells']) as Array<'cells' | 'entries'>) {
          const started = process.hrtime.bigint();
          await portal.dataSource.query(variant === 'cells' ? OVERVIEW_SQL : OVERVIEW_FROM_ENTRIES_SQL, params);
          if (i >= 3) times[variant].push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      }
      for (const variant of ['cells', 'entries'] as const) {
        const sorted = times[variant].sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
        rows.push([label, entries, as, current.label, variant === 'cells' ? 'overview statement (cells)' : 'baseline: every entry summed',
          1, at(0.5), at(0.95), sorted.at(-1)!]);
      }
    }
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
      '"overview statement (cells)" and "baseline: every entry summed": the overview\'s one SQL statement alone, this year, the two run alternately 30 times each after 3 warm-ups and checked to give the same rows; the baseline is the statement before ledger_cell (test/bench/funding-overview-from-entries.sql.ts).',
      'steering: the whole partnership; lead: the council\'s slice. "200 entries": one page of ledgerEntries (with its count and sum), as the entries export reads them.']);
});
