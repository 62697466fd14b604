import { createTestDatabase } from '../support/test-database';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { loadBenchData } from './bench-database';
import { BENCHMARK_SIZES } from './benchmark-sizes';
import { measure, writeResults } from './measure';

/**
 * The catalogue page (20 sessions with course, provider and venue) at demo size and at
 * benchmark scale (10,000 people, 2,000 sessions, 50,000 bookings, 100,000 ledger entries), over HTTP, one client.
 */
const PAGE = `query($slug: String!, $filter: SessionFilter) {
  sessions(partnershipSlug: $slug, filter: $filter, first: 20) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id startsAt seatsLeft deliveryMode venue { name town } course { title isFree costPerPlace { formatted } provider { name } } } }
  }
}`;

const CASES: Array<[string, Record<string, unknown>]> = [
  ['no filter', {}],
  ['text "safeguarding"', { text: 'safeguarding' }],
  ['volunteers, free, Peterborough or online', { audience: 'VOLUNTEERS', freeOnly: true, town: 'Peterborough', includeOnline: true }],
  ['within 15 km of Peterborough', { near: { latitude: 52.5725, longitude: -0.2427, radiusKm: 15 } }],
  ['with seats only', { withSeatsOnly: true }],
];

async function benchScale(label: string, load: (url: string) => Promise<void>) {
  const database = await createTestDatabase('empty');
  await load(database.url);
  const portal: RunningPortal = await startPortal({ database });
  const rows: Array<Array<string | number>> = [];
  try {
    for (const [name, filter] of CASES) {
      let statements = 0;
      let total = 0;
      const figures = await measure(async () => {
        const response = await portal.graphql<{ sessions: { totalCount: number } }>(PAGE, { slug: 'greater-peterborough', filter });
        if (response.errors) throw new Error(JSON.stringify(response.errors));
        statements = response.extensions?.sqlStatements ?? 0;
        total = response.data!.sessions.totalCount;
      });
      rows.push([label, name, total, statements, figures.p50, figures.p95, figures.max]);
    }
  } finally {
    await portal.stop();
  }
  return rows;
}

it('measures the catalogue page at demo size and at benchmark scale', async () => {
  const rows = [
    ...(await benchScale('demo', (url) => loadBenchData(url))),
    ...(await benchScale('benchmark', (url) => loadBenchData(url, BENCHMARK_SIZES))),
  ];
  writeResults('catalogue', 'Catalogue page: latency and SQL statements',
    ['data', 'filter', 'matches', 'SQL statements', 'p50 ms', 'p95 ms', 'max ms'], rows,
    ['50 sequential requests per row after 5 warm-up requests, one client over loopback HTTP, embedded PostgreSQL 18.',
      'Benchmark scale: 10,000 people, 2,000 sessions, 50,000 bookings and about 100,000 ledger entries in the main partnership.']);
});
