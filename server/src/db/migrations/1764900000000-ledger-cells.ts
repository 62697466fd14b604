import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's sums at the grain the funding overview reads them: one row per stream,
 * organisation (or none), quarter and kind, moved by postEntry in the statement that appends the
 * entry (and rebuilt by the demo loader after its bulk insert). The overview then sums a few
 * hundred cells instead of every entry of the year; the entries stay the record, and the cells
 * are checked against them after every ledger test (test/support/ledger-invariants.ts).
 *
 * Also two indexes for the one thing cells cannot hold, whom the spend paid for (learners are
 * counted from the spend entries' bookings, and from the sessions invoiced whole): a stream's
 * spend entries of each kind, covering, so that the overview reads them from the index alone.
 */
export class LedgerCells1764900000000 implements MigrationInterface {
  name = 'LedgerCells1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_cell (
        partnership_id uuid NOT NULL,
        stream_id uuid NOT NULL,
        organisation_id uuid,
        quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        kind text NOT NULL,
        entry_count integer NOT NULL,
        budget_pence bigint NOT NULL,
        committed_pence bigint NOT NULL,
        spent_pence bigint NOT NULL,
        -- Spend marked as wasted (no-shows, late cancellations), and spend on delivered learning (naming a session).
        wasted_pence bigint NOT NULL,
        delivered_pence bigint NOT NULL,
        UNIQUE NULLS NOT DISTINCT (stream_id, organisation_id, quarter, kind),
        FOREIGN KEY (partnership_id, stream_id) REFERENCES funding_stream (partnership_id, id),
        FOREIGN KEY (partnership_id, organisation_id) REFERENCES organisation (partnership_id, id)
      );
      CREATE INDEX ledger_cell_organisation_idx ON ledger_cell (organisation_id, stream_id);
      INSERT INTO ledger_cell (partnership_id, stream_id, organisation_id, quarter, kind, entry_count, budget_pence, committed_pence,
        spent_pence, wasted_pence, delivered_pence)
      SELECT partnership_id, stream_id, organisation_id, quarter, kind, count(*), sum(budget_effect_pence), sum(committed_effect_pence),
        sum(spent_effect_pence), coalesce(sum(spent_effect_pence) FILTER (WHERE wasted), 0),
        coalesce(sum(spent_effect_pence) FILTER (WHERE session_id IS NOT NULL), 0)
      FROM ledger_entry GROUP BY partnership_id, stream_id, organisation_id, quarter, kind;
      CREATE INDEX ledger_entry_booking_spend_idx ON ledger_entry (stream_id) INCLUDE (partnership_id, organisation_id, booking_id)
        WHERE kind = 'spend' AND booking_id IS NOT NULL;
      CREATE INDEX ledger_entry_session_spend_idx ON ledger_entry (stream_id) INCLUDE (partnership_id, organisation_id, session_id)
        WHERE kind = 'spend' AND booking_id IS NULL AND session_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ledger_entry_session_spend_idx; DROP INDEX ledger_entry_booking_spend_idx; DROP TABLE ledger_cell;');
  }
}
