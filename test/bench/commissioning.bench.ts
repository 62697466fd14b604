import type { DemoSizes } from '../../server/src/db/demo/load-demo-data';
import { createTestDatabase } from '../support/test-database';
import { startPortal } from '../support/start-portal';
import { loadBenchData } from './bench-database';
import { BENCHMARK_SIZES } from './benchmark-sizes';
import { measure, writeResults } from './measure';

/**
 * Journey 6's two reads at demo size and at benchmark scale (10,000 people, 2,000 sessions, 50,000
 * bookings, about 100,000 ledger entries; the demo's needs and proposals): shared demand
 * (`trainingNeedGroups`, with each group's matching upcoming sessions) and one proposal page
 * (`commissioningProposal`, its pledges, needs, options, sessions and the viewer's pledgeable
 * streams), over HTTP as an L&D lead and as the steering group.
 */

const GROUPS = `query($slug: String!) { trainingNeedGroups(partnershipSlug: $slug) {
  key kind label needCount peopleCount earliestWantedBy
  needs { id organisation { name } peopleCount }
  organisations { organisation { id name } needCount peopleCount needIds }
  sessions { id startsAt course { id title provider { name } } venue { name } } } }`;

const PROPOSAL = `query($id: ID!) { commissioningProposal(id: $id) {
  id title status pledges { id seats organisation { name } stream { name } } needs { id topic }
  deliveryOptions { providerName } sessions { id } pledgeableStreams { id name } progress { seatsPledged }
  proposingOrganisation { name } course { title } } }`;

async function benchScale(label: string, sizes?: Partial<DemoSizes>) {
  const database = await createTestDatabase('empty');
  await loadBenchData(database.url, sizes);
  const portal = await startPortal({ database });
  const rows: Array<Array<string | number>> = [];
  try {
    const [{ people }] = await portal.dataSource.query('SELECT count(*)::int AS people FROM person');
    const [{ needs }] = await portal.dataSource.query('SELECT count(*)::int AS needs FROM training_need');
    const [open] = await portal.dataSource.query(
      `SELECT p.id FROM commissioning_proposal p JOIN partnership s ON s.id = p.partnership_id
       WHERE s.slug = 'greater-peterborough' AND p.status = 'open' ORDER BY p.created_at LIMIT 1`);
    for (const email of ['lead@demo.portal', 'steering@demo.portal']) {
      const token = await portal.signIn(email);
      for (const [request, query, variables] of [
        ['trainingNeedGroups', GROUPS, { slug: 'greater-peterborough' }],
        ['commissioningProposal (open)', PROPOSAL, { id: open.id }],
      ] as const) {
        let statements = 0;
        let size = 0;
        const figures = await measure(async () => {
          const response = await portal.graphql<Record<string, unknown>>(query, variables, { token });
          if (response.errors) throw new Error(JSON.stringify(response.errors));
          statements = response.extensions?.sqlStatements ?? 0;
          const data = Object.values(response.data!)[0];
          size = Array.isArray(data) ? data.length : 1;
        }, 30, 3);
        rows.push([label, people, needs, email.split('@')[0], request, size, statements, figures.p50, figures.p95, figures.max]);
      }
    }
  } finally {
    await portal.stop();
  }
  return rows;
}

it('measures shared demand and a proposal at demo size and at benchmark scale', async () => {
  const rows = [...(await benchScale('demo')), ...(await benchScale('benchmark', BENCHMARK_SIZES))];
  writeResults('commissioning', 'Shared commissioning: shared demand and a proposal, latency and SQL statements',
    ['data', 'people', 'training needs', 'as', 'request', 'groups / proposals', 'SQL statements', 'p50 ms', 'p95 ms', 'max ms'], rows,
    ['30 sequential requests per row after 3 warm-up requests, one client over loopback HTTP, embedded PostgreSQL.',
      'Benchmark scale: 10,000 people, 2,000 sessions, 50,000 bookings and about 100,000 ledger entries in the main partnership; the needs and proposals are the demo\'s.',
      'lead: the council\'s L&D lead (other organisations\' needs as counts); steering: the whole partnership.']);
});
