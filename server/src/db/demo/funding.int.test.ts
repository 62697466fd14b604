import type { DataSource } from 'typeorm';
import { financialYearOf } from '@portal/domain';
import { openTestDataSource } from '../../../../test/support/test-database';
import { loadDemoData } from './load-demo-data';

/**
 * The demo's money, checked against the database: streams over two financial years, and a
 * ledger that is exactly what the running code (modules/funding/ledger.ts, booking-ledger.ts)
 * would have written for the demo's bookings. Two instants: late in a financial year, and two
 * days into one (sessions a year back then fall in the year before last).
 */
const MAIN = 'greater-peterborough';
const OTHER = 'fenland-care-partnership';
const INSTANTS = [new Date('2026-01-15T11:20:00Z'), new Date('2026-04-03T08:00:00Z')];

async function one<T>(ds: DataSource, sql: string, params: unknown[] = []): Promise<T> {
  const rows = await ds.query(sql, params);
  return rows[0] as T;
}

describe.each(INSTANTS)('the demo funding, loaded at %s', (now) => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openTestDataSource('empty');
    await loadDemoData(ds, { now });
    await ds.query('ANALYZE');
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
  });

  it('has at least 8 streams in the main partnership over this and last financial year, worth over £1m, from several funder kinds', async () => {
    const current = financialYearOf(now).label;
    const previous = financialYearOf(new Date(financialYearOf(now).start.getTime() - 1)).label;
    const streams: Array<{ financial_year: string; funder_kind: string; budget: string; pooled: boolean; managed: string | null }> = await ds.query(`
      SELECT fs.financial_year, fs.funder_kind, fs.budget_pence AS budget, fs.pooled, fs.managing_organisation_id AS managed
        FROM funding_stream fs JOIN partnership p ON p.id = fs.partnership_id WHERE p.slug = $1`, [MAIN]);
    expect(streams.length).toBeGreaterThanOrEqual(8);
    expect(new Set(streams.map((s) => s.financial_year))).toEqual(new Set([current, previous]));
    expect(streams.reduce((sum, s) => sum + Number(s.budget), 0)).toBeGreaterThan(1_000_000_00);
    expect(new Set(streams.map((s) => s.funder_kind)).size).toBeGreaterThanOrEqual(3);
    expect(streams.every((s) => s.managed !== null)).toBe(true);
    const other = await one<{ count: number }>(ds, `
      SELECT count(*)::int AS count FROM funding_stream fs JOIN partnership p ON p.id = fs.partnership_id WHERE p.slug = $1`, [OTHER]);
    expect(other.count).toBeGreaterThanOrEqual(1);
    expect(other.count).toBeLessThanOrEqual(2);
  });

  it('funds a pooled stream by contributions of two or more partners and every other stream by one budget entry', async () => {
    const rows: Array<{ pooled: boolean; contributors: number; budgets: number; budget_org_ok: boolean }> = await ds.query(`
      SELECT fs.pooled,
             count(DISTINCT le.organisation_id) FILTER (WHERE le.kind = 'contribution')::int AS contributors,
             count(*) FILTER (WHERE le.kind = 'budget')::int AS budgets,
             coalesce(bool_and(le.organisation_id = coalesce(fs.funder_organisation_id, fs.managing_organisation_id))
               FILTER (WHERE le.kind = 'budget'), true) AS budget_org_ok
        FROM funding_stream fs JOIN ledger_entry le ON le.stream_id = fs.id
       GROUP BY fs.id, fs.pooled`);
    expect(rows.some((r) => r.pooled && r.contributors >= 2)).toBe(true);
    for (const r of rows) {
      if (r.pooled) expect(r).toMatchObject({ budgets: 0 });
      else expect(r).toMatchObject({ contributors: 0, budgets: 1, budget_org_ok: true });
    }
  });

  it('charges every paid course to a stream of the current year, and last year\'s sessions to last year\'s stream of the same name', async () => {
    const current = financialYearOf(now);
    const { unfunded } = await one<{ unfunded: number }>(ds, `
      SELECT count(*)::int AS unfunded FROM course c LEFT JOIN funding_stream fs ON fs.id = c.funding_stream_id
       WHERE (c.cost_per_place_pence > 0) <> (fs.id IS NOT NULL AND fs.financial_year = $1)`, [current.label]);
    expect(unfunded).toBe(0);
    const { wrong, lastYear } = await one<{ wrong: number; lastYear: number }>(ds, `
      SELECT count(*) FILTER (WHERE CASE WHEN c.cost_per_place_pence > 0 AND s.starts_at < $1
               THEN ss.financial_year IS DISTINCT FROM $2 OR ss.name <> cs.name ELSE s.funding_stream_id IS NOT NULL END)::int AS wrong,
             count(*) FILTER (WHERE s.funding_stream_id IS NOT NULL)::int AS "lastYear"
        FROM training_session s JOIN course c ON c.id = s.course_id
        LEFT JOIN funding_stream cs ON cs.id = c.funding_stream_id LEFT JOIN funding_stream ss ON ss.id = s.funding_stream_id`,
    [current.start, financialYearOf(new Date(current.start.getTime() - 1)).label]);
    expect(wrong).toBe(0);
    expect(lastYear).toBeGreaterThan(0);
  });

  it('keeps each stream\'s running totals equal to the sums of its entries', async () => {
    const { wrong, streams } = await one<{ wrong: number; streams: number }>(ds, `
      SELECT count(*) FILTER (WHERE fs.budget_pence <> e.budget OR fs.committed_pence <> e.committed OR fs.spent_pence <> e.spent
               OR fs.entry_count <> e.entries OR e.entries <> e.last_sequence)::int AS wrong, count(*)::int AS streams
        FROM funding_stream fs JOIN LATERAL (
          SELECT coalesce(sum(budget_effect_pence), 0) AS budget, coalesce(sum(committed_effect_pence), 0) AS committed,
                 coalesce(sum(spent_effect_pence), 0) AS spent, count(*)::int AS entries, coalesce(max(sequence), 0) AS last_sequence
            FROM ledger_entry WHERE stream_id = fs.id) e ON true`);
    expect(streams).toBeGreaterThan(8);
    expect(wrong).toBe(0);
  });

  it('numbers entries in the order they were recorded, each with the balance after it and its quarter as ledger.ts works it out', async () => {
    const { wrong, entries } = await one<{ wrong: number; entries: number }>(ds, `
      SELECT count(*) FILTER (WHERE x.n <> x.sequence OR x.b <> x.budget_after_pence OR x.c <> x.committed_after_pence
               OR x.s <> x.spent_after_pence OR x.recorded_at < x.previous OR x.recorded_at > $1 OR x.quarter <> x.expected_quarter)::int AS wrong,
             count(*)::int AS entries
        FROM (SELECT e.sequence, e.budget_after_pence, e.committed_after_pence, e.spent_after_pence, e.recorded_at, e.quarter,
                     row_number() OVER w AS n, sum(e.budget_effect_pence) OVER w AS b, sum(e.committed_effect_pence) OVER w AS c,
                     sum(e.spent_effect_pence) OVER w AS s, lag(e.recorded_at) OVER w AS previous,
                     CASE WHEN e.occurred_at < fs.year_starts_at THEN 1 WHEN e.occurred_at >= fs.year_ends_at THEN 4 ELSE
                       (SELECT (extract(year FROM a) * 12 + extract(month FROM a))::int / 3 + 1
                          FROM age(e.occurred_at AT TIME ZONE 'Europe/London', fs.year_starts_at AT TIME ZONE 'Europe/London') AS a) END
                       AS expected_quarter
                FROM ledger_entry e JOIN funding_stream fs ON fs.id = e.stream_id
              WINDOW w AS (PARTITION BY e.stream_id ORDER BY e.sequence)) x`, [now]);
    expect(entries).toBeGreaterThan(1000);
    expect(wrong).toBe(0);
    const { manualOutside } = await one<{ manualOutside: number }>(ds, `
      SELECT count(*)::int AS "manualOutside" FROM ledger_entry e JOIN funding_stream fs ON fs.id = e.stream_id
       WHERE e.booking_id IS NULL AND (e.occurred_at < fs.year_starts_at OR e.occurred_at >= fs.year_ends_at OR e.occurred_at > $1)`, [now]);
    expect(manualOutside).toBe(0);
  });

  it('commits exactly the confirmed places on funded sessions, and spends what was attended, missed or cancelled late', async () => {
    const rows: Array<{ status: string; cost: string; funded: boolean; cancelled_late: boolean | null; entries: number; outstanding: string;
      spent: string; wasted: string; right_stream: boolean; right_refs: boolean }> = await ds.query(`
      SELECT b.status, b.cost_pence AS cost, coalesce(s.funding_stream_id, c.funding_stream_id) IS NOT NULL AS funded, b.cancelled_late,
             count(le.id)::int AS entries, coalesce(sum(le.committed_effect_pence), 0) AS outstanding,
             coalesce(sum(le.spent_effect_pence), 0) AS spent, coalesce(sum(le.spent_effect_pence) FILTER (WHERE le.wasted), 0) AS wasted,
             coalesce(bool_and(le.stream_id = coalesce(s.funding_stream_id, c.funding_stream_id)), true) AS right_stream,
             coalesce(bool_and(le.organisation_id IS NOT DISTINCT FROM b.organisation_id AND le.course_id = c.id AND le.session_id = s.id
               AND le.occurred_at = s.starts_at AND le.amount_pence = b.cost_pence AND le.recorded_at >= b.created_at)
               FILTER (WHERE le.id IS NOT NULL), true) AS right_refs
        FROM booking b JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
        LEFT JOIN ledger_entry le ON le.booking_id = b.id
       GROUP BY b.id, s.id, c.id`);
    expect(rows.length).toBeGreaterThan(3000);
    const problems = rows.flatMap((r) => {
      const paid = r.funded && Number(r.cost) > 0;
      const wrong: string[] = [];
      if ((Number(r.outstanding) > 0) !== (r.status === 'confirmed' && paid)) wrong.push('outstanding commitment');
      if (Number(r.outstanding) > 0 && r.outstanding !== r.cost) wrong.push('commitment is not the cost');
      if (!r.right_stream || !r.right_refs) wrong.push('entries of another stream, organisation, course, session, date or amount');
      if ((['requested', 'waitlisted', 'declined'].includes(r.status) || !paid) && r.entries > 0) wrong.push('entries without a confirmed place');
      if ((r.status === 'attended' || r.status === 'no_show') && paid
        && (r.spent !== r.cost || r.wasted !== (r.status === 'no_show' ? r.cost : '0'))) wrong.push('spend of the register');
      if (r.status === 'cancelled' && r.entries > 0 && r.spent !== (r.cancelled_late ? r.cost : '0')) wrong.push('spend of a cancellation');
      if (r.status === 'cancelled' && r.cancelled_late && paid && r.wasted !== r.cost) wrong.push('late cancellation not wasted');
      return wrong.map((w) => `${r.status} booking: ${w}`);
    });
    expect(problems).toEqual([]);
    const byStatus = (status: string) => rows.filter((r) => r.status === status && r.entries > 0).length;
    expect(byStatus('confirmed')).toBeGreaterThan(0);
    expect(byStatus('attended')).toBeGreaterThan(0);
    expect(byStatus('no_show')).toBeGreaterThan(0);
    expect(byStatus('cancelled')).toBeGreaterThan(0);
  });

  it('records allocations, invoices and a correction that reverses a mistaken spend', async () => {
    const kinds = await one<Record<string, number>>(ds, `
      SELECT count(*) FILTER (WHERE kind = 'allocation')::int AS allocations,
             count(*) FILTER (WHERE kind = 'spend' AND booking_id IS NULL)::int AS invoices,
             count(*) FILTER (WHERE kind = 'adjustment')::int AS adjustments FROM ledger_entry`);
    expect(kinds.allocations).toBeGreaterThan(0);
    expect(kinds.invoices).toBeGreaterThan(0);
    expect(kinds.adjustments).toBeGreaterThan(0);
    const { wrong } = await one<{ wrong: number }>(ds, `
      SELECT count(*)::int AS wrong FROM ledger_entry a LEFT JOIN ledger_entry o ON o.id = a.reverses_entry_id
       WHERE a.kind = 'adjustment' AND (o.id IS NULL OR o.kind <> 'spend' OR o.stream_id <> a.stream_id OR o.sequence >= a.sequence
         OR a.spent_effect_pence <> -o.spent_effect_pence OR a.budget_effect_pence <> 0 OR a.committed_effect_pence <> 0
         OR a.organisation_id IS DISTINCT FROM o.organisation_id OR a.course_id IS DISTINCT FROM o.course_id
         OR a.occurred_at <> o.occurred_at)`);
    expect(wrong).toBe(0);
  });

  it('writes the audit log row of every entry as postEntry does', async () => {
    const { entries, audited } = await one<{ entries: number; audited: number }>(ds, `
      SELECT (SELECT count(*) FROM ledger_entry)::int AS entries,
             (SELECT count(*) FROM audit_log a JOIN ledger_entry e ON e.id::text = a.subject_id
               WHERE a.subject_type = 'ledger_entry' AND a.action = 'funding.' || e.kind || '_recorded'
                 AND a.partnership_id = e.partnership_id AND a.actor_person_id IS NOT DISTINCT FROM e.recorded_by_person_id
                 AND a.occurred_at = e.recorded_at AND a.ip_address IS NULL AND a.request_id = 'demo-data'
                 AND a.details = jsonb_build_object('streamId', e.stream_id, 'amountPence', e.amount_pence, 'reason', e.reason,
                   'bookingId', e.booking_id, 'reversesEntryId', e.reverses_entry_id)
                   || CASE WHEN e.pledge_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('proposalId', e.proposal_id, 'pledgeId', e.pledge_id) END
               )::int AS audited`);
    expect(audited).toBe(entries);
    const { created } = await one<{ created: number }>(ds, `
      SELECT count(*)::int AS created FROM audit_log a JOIN funding_stream fs ON fs.id::text = a.subject_id
       WHERE a.action = 'funding.stream_created' AND a.occurred_at = fs.created_at`);
    expect(created).toBe(Number((await one<{ n: string }>(ds, 'SELECT count(*) AS n FROM funding_stream')).n));
  });

  it('charges journey 2\'s council session to a stream of the council, where the council already has places committed', async () => {
    const rows: Array<{ managed_by_council: boolean; council_contributes: boolean; council_committed: string }> = await ds.query(`
      SELECT fs.managing_organisation_id = o.id AS managed_by_council,
             EXISTS (SELECT 1 FROM ledger_entry le WHERE le.stream_id = fs.id AND le.kind = 'contribution' AND le.organisation_id = o.id)
               AS council_contributes,
             (SELECT coalesce(sum(le.committed_effect_pence), 0) FROM ledger_entry le WHERE le.stream_id = fs.id AND le.organisation_id = o.id)
               AS council_committed
        FROM training_session s JOIN course c ON c.id = s.course_id
        JOIN seat_allocation a ON a.session_id = s.id JOIN organisation o ON o.id = a.organisation_id
        JOIN partnership p ON p.id = s.partnership_id
        JOIN funding_stream fs ON fs.id = coalesce(s.funding_stream_id, c.funding_stream_id)
       WHERE p.slug = $1 AND c.title = 'Safeguarding Adults Level 2' AND s.capacity = 20 AND s.status = 'scheduled' AND s.starts_at > $2
         AND o.short_code = 'PCC' AND a.seats = 5`, [MAIN, now]);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const r of rows) {
      expect(r.managed_by_council || r.council_contributes).toBe(true);
      expect(Number(r.council_committed)).toBeGreaterThan(0);
    }
  });

  it('keeps each partnership\'s money to itself', async () => {
    const { crossing } = await one<{ crossing: number }>(ds, `
      SELECT count(*)::int AS crossing FROM ledger_entry le JOIN funding_stream fs ON fs.id = le.stream_id
        LEFT JOIN organisation o ON o.id = le.organisation_id LEFT JOIN person x ON x.id = le.recorded_by_person_id
       WHERE fs.partnership_id <> le.partnership_id OR o.partnership_id <> le.partnership_id OR x.partnership_id <> le.partnership_id`);
    expect(crossing).toBe(0);
    const { entries } = await one<{ entries: number }>(ds, `
      SELECT count(*)::int AS entries FROM ledger_entry le JOIN partnership p ON p.id = le.partnership_id WHERE p.slug = $1`, [OTHER]);
    expect(entries).toBeGreaterThan(0);
  });
});

describe('the demo ledger at benchmark proportions', () => {
  it('reaches about the number of ledger entries asked for', async () => {
    const ds = await openTestDataSource('empty');
    try {
      await loadDemoData(ds, { now: INSTANTS[0], sizes: { people: 700, sessions: 320, bookings: 3000, ledgerEntries: 9000 } });
      const { entries } = await one<{ entries: number }>(ds, `
        SELECT count(*)::int AS entries FROM ledger_entry le JOIN partnership p ON p.id = le.partnership_id WHERE p.slug = $1`, [MAIN]);
      expect(entries).toBeGreaterThanOrEqual(8900);
      expect(entries).toBeLessThanOrEqual(9100);
    } finally {
      await ds.destroy();
    }
  }, 60_000);
});
