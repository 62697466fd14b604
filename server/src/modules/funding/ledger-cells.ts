import type { EntityManager } from 'typeorm';

/**
 * ledger_cell's rows for one partnership worked out again from its entries: for rows that reach
 * the ledger in bulk, not through postEntry (the demo loader). postEntry keeps the cells itself.
 */
export async function rebuildLedgerCells(manager: EntityManager, partnershipId: string): Promise<void> {
  await manager.query('DELETE FROM ledger_cell WHERE partnership_id = $1', [partnershipId]);
  await manager.query(
    `INSERT INTO ledger_cell (partnership_id, stream_id, organisation_id, quarter, kind, entry_count, budget_pence, committed_pence,
       spent_pence, wasted_pence, delivered_pence)
     SELECT partnership_id, stream_id, organisation_id, quarter, kind, count(*), sum(budget_effect_pence), sum(committed_effect_pence),
       sum(spent_effect_pence), coalesce(sum(spent_effect_pence) FILTER (WHERE wasted), 0),
       coalesce(sum(spent_effect_pence) FILTER (WHERE session_id IS NOT NULL), 0)
     FROM ledger_entry WHERE partnership_id = $1
     GROUP BY partnership_id, stream_id, organisation_id, quarter, kind`, [partnershipId]);
}
