import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../../test/support/test-database';
import { ledgerInvariantProblems } from '../../../../test/support/ledger-invariants';
import { commissioningProblems } from '../../../../test/support/commissioning-fixtures';
import { loadDemoData } from './load-demo-data';

/**
 * The demo's commissioning, against the database, at two instants (late in a financial year and
 * two days into one): a proposal in each state, each as the running code would have left it, with
 * the ledger and the pledges agreeing (the funding tests' invariants and commissioning's own).
 */
const INSTANTS = [new Date('2026-01-15T11:20:00Z'), new Date('2026-04-03T08:00:00Z')];

describe.each(INSTANTS)('the demo proposals, loaded at %s', (now) => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openTestDataSource('empty');
    await loadDemoData(ds, { now });
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
  });

  it('has an open proposal with partial pledges on Moving and Handling needs, an approved one with its sessions, and a declined one', async () => {
    const proposals: Array<{ status: string; title: string; subjects: string[]; seats: number; planned: number; pence: string; cost: string; sessions: number }> = await ds.query(`
      SELECT p.status, p.title, p.seats_planned AS planned, p.estimated_cost_pence AS cost,
        (SELECT array_agg(DISTINCT n.mandatory_subject) FROM commissioning_proposal_need pn JOIN training_need n ON n.id = pn.need_id WHERE pn.proposal_id = p.id) AS subjects,
        (SELECT coalesce(sum(g.seats), 0)::int FROM commissioning_pledge g WHERE g.proposal_id = p.id AND g.status IN ('active', 'converted')) AS seats,
        (SELECT coalesce(sum(g.amount_pence), 0) FROM commissioning_pledge g WHERE g.proposal_id = p.id AND g.status IN ('active', 'converted')) AS pence,
        (SELECT count(*)::int FROM training_session s WHERE s.proposal_id = p.id) AS sessions
      FROM commissioning_proposal p JOIN partnership pa ON pa.id = p.partnership_id WHERE pa.slug = 'greater-peterborough' ORDER BY p.status`);
    expect(proposals.map((p) => p.status)).toEqual(['approved', 'declined', 'open']);
    const [approved, declined, open] = proposals;
    expect(open.subjects).toEqual(['moving-and-handling']);
    expect(open.seats).toBeGreaterThan(0);
    expect(open.seats).toBeLessThan(open.planned);
    expect(Number(open.pence)).toBeLessThan(Number(open.cost));
    expect(approved.sessions).toBeGreaterThan(0);
    expect(approved.seats).toBe(approved.planned);
    expect(declined.seats).toBe(0);
    // The approved sessions are in the catalogue: scheduled, upcoming, of a partnership or public course.
    const upcoming = await ds.query(`SELECT count(*)::int AS n FROM training_session s JOIN commissioning_proposal p ON p.id = s.proposal_id
      WHERE p.status = 'approved' AND s.status = 'scheduled' AND s.starts_at > $1`, [now]);
    expect(upcoming[0].n).toBe(approved.sessions);
  });

  it('keeps the ledger and the pledges in agreement', async () => {
    expect([...await ledgerInvariantProblems(ds), ...await commissioningProblems(ds)]).toEqual([]);
  });

  it('leaves journey 6\'s four Moving and Handling needs in shared demand', async () => {
    const [row] = await ds.query(`SELECT count(*)::int AS needs, sum(people_count)::int AS people FROM training_need
      WHERE mandatory_subject = 'moving-and-handling' AND status IN ('open', 'grouped')`);
    expect(row).toEqual({ needs: 4, people: 230 });
  });
});
