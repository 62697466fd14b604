import type { DataSource } from 'typeorm';
import { effectsOf, financialYearStarting, quarterWithin } from '@portal/domain';
import { openTestDataSource } from '../../../../test/support/test-database';
import { postEntry, type Posting } from './ledger';

const origin = { ipAddress: null, requestId: 'ledger-test' };
const YEAR = financialYearStarting(2025);

describe('postEntry', () => {
  let ds: DataSource;
  let base: Omit<Posting, 'kind' | 'amountPence' | 'effects' | 'occurredAt'>;

  beforeAll(async () => {
    ds = await openTestDataSource('empty');
    const [p] = await ds.query(`INSERT INTO partnership (slug, name) VALUES ('ledger-test', 'Ledger test') RETURNING id`);
    const [o] = await ds.query(`INSERT INTO organisation (partnership_id, name, short_code, sector, role)
      VALUES ($1, 'Council', 'PCC', 'local_authority', 'core_stakeholder') RETURNING id`, [p.id]);
    const [s] = await ds.query(
      `INSERT INTO funding_stream (partnership_id, name, funder_kind, funder_name, financial_year, year_starts_at, year_ends_at, managing_organisation_id)
       VALUES ($1, 'Grant', 'council_grant', 'Council', $2, $3, $4, $5) RETURNING id`, [p.id, YEAR.label, YEAR.start, YEAR.end, o.id]);
    base = { partnershipId: p.id, streamId: s.id, reason: 'test', recordedByPersonId: null, recordedAt: new Date() };
  });

  afterAll(() => ds?.destroy());

  it('counts each entry in the quarter the domain rule gives, in UK time, clamped to the year', async () => {
    const instants = ['2025-03-31T22:59:59Z', '2025-03-31T23:00:00Z', '2025-06-30T22:59:59Z', '2025-06-30T23:00:00Z',
      '2025-09-30T23:00:00Z', '2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z', '2026-03-31T22:59:59Z', '2026-03-31T23:00:00Z', '2027-07-01T00:00:00Z']
      .map((t) => new Date(t));
    await ds.transaction((m) => postEntry(m, { ...base, kind: 'budget', amountPence: 1_000, effects: effectsOf('budget', 1_000), occurredAt: YEAR.start }, origin));
    for (const occurredAt of instants) {
      await ds.transaction((m) => postEntry(m, { ...base, kind: 'allocation', amountPence: 1, effects: effectsOf('allocation', 1), occurredAt }, origin));
    }
    const rows: Array<{ occurred_at: Date; quarter: number }> = await ds.query(
      `SELECT occurred_at, quarter FROM ledger_entry WHERE stream_id = $1 AND kind = 'allocation' ORDER BY sequence`, [base.streamId]);
    expect(rows.map((r) => r.quarter)).toEqual(instants.map((t) => quarterWithin(YEAR, t)));
    expect(rows.map((r) => r.quarter)).toEqual([1, 1, 1, 2, 3, 3, 4, 4, 4, 4]);
  });

  it('never commits past the budget and keeps the balance after each entry', async () => {
    const commit = (amount: number) => ds.transaction((m) => postEntry(m, { ...base, kind: 'commitment', amountPence: amount,
      effects: effectsOf('commitment', amount), occurredAt: YEAR.start }, origin));
    expect(await commit(600)).toMatchObject({ ok: true });
    expect(await commit(401)).toEqual({ ok: false, problem: 'OVER_BUDGET' });
    expect(await commit(400)).toMatchObject({ ok: true });
    const release = await ds.transaction((m) => postEntry(m, { ...base, kind: 'release', amountPence: 1_001,
      effects: effectsOf('release', 1_001), occurredAt: YEAR.start }, origin));
    expect(release).toEqual({ ok: false, problem: 'BELOW_ZERO' });
    const [last] = await ds.query(`SELECT sequence, budget_after_pence, committed_after_pence, spent_after_pence FROM ledger_entry
      WHERE stream_id = $1 ORDER BY sequence DESC LIMIT 1`, [base.streamId]);
    expect(last).toEqual({ sequence: 13, budget_after_pence: '1000', committed_after_pence: '1000', spent_after_pence: '0' });
    const [audit] = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject_type = 'ledger_entry'`);
    expect(audit.n).toBe(13);
  });

  it('is append-only in the database', async () => {
    await expect(ds.query('UPDATE ledger_entry SET reason = $1', ['edited'])).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM ledger_entry')).rejects.toThrow(/append-only/);
    await expect(ds.query('TRUNCATE ledger_entry CASCADE')).rejects.toThrow(/append-only/);
    await expect(ds.query(`UPDATE funding_stream SET committed_pence = budget_pence + 1`)).rejects.toThrow(/funding_stream_within_budget/);
  });
});
