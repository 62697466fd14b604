import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { waitlistPositionsSql } from './waitlist-position.sql';

/** Every waiting booking's place in its session's list, for a batch of sessions in one query. */
export function createWaitlistPositionsLoader(dataSource: DataSource): DataLoader<string, Map<string, number>> {
  return new DataLoader(async (sessionIds) => {
    const rows: Array<{ id: string; session_id: string; position: number }> = await dataSource.query(
      waitlistPositionsSql('$1::uuid[]'), [sessionIds]);
    const bySession = new Map<string, Map<string, number>>(sessionIds.map((id) => [id, new Map()]));
    for (const row of rows) bySession.get(row.session_id)?.set(row.id, row.position);
    return sessionIds.map((id) => bySession.get(id) ?? new Map());
  });
}
