import type { EntityManager } from 'typeorm';

/**
 * Keeps the stored OPEN / GROUPED status of a partnership's needs true: a need is GROUPED while it
 * shares its mandatory subject or KSF dimension with another organisation's open or grouped need,
 * else OPEN. Call it in the transaction of any change that adds, withdraws or returns needs (a need
 * raised, withdrawn, or released from a declined or lapsed proposal). One statement.
 */
export async function refreshNeedGrouping(manager: EntityManager, partnershipId: string): Promise<void> {
  await manager.query(
    `WITH live AS (
       SELECT id, organisation_id, mandatory_subject, ksf_dimension FROM training_need
       WHERE partnership_id = $1 AND status IN ('open', 'grouped')
     ), wanted AS (
       SELECT n.id, EXISTS (
         SELECT 1 FROM live o WHERE o.organisation_id <> n.organisation_id
           AND (o.mandatory_subject = n.mandatory_subject OR o.ksf_dimension = n.ksf_dimension)
       ) AS grouped FROM live n
     )
     UPDATE training_need t SET status = CASE WHEN w.grouped THEN 'grouped' ELSE 'open' END, updated_at = now()
     FROM wanted w
     WHERE t.id = w.id AND t.status <> CASE WHEN w.grouped THEN 'grouped' ELSE 'open' END`,
    [partnershipId]);
}
