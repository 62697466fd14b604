import type { DataSource } from 'typeorm';
import { parseEmailAddress } from '@portal/domain';

export interface EmailAddressProblemRow {
  personId: string;
  partnershipId: string;
  email: string;
  problem: string;
}

const BATCH = 1000;

/**
 * People whose stored address breaks the one rule (stored before it): their emails are marked
 * failed at delivery, never sent. Read in keyset batches, so it runs on any size of table; the
 * rule is the application's (packages/domain), which is why this is a command, not a migration.
 */
export async function peopleWithAddressProblems(dataSource: DataSource): Promise<EmailAddressProblemRow[]> {
  const found: EmailAddressProblemRow[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Array<{ id: string; partnership_id: string; email: string }> = await dataSource.query(
      'SELECT id, partnership_id, email FROM person WHERE id > $1 ORDER BY id LIMIT $2', [after, BATCH]);
    for (const row of rows) {
      const parsed = parseEmailAddress(row.email);
      if (!parsed.ok || parsed.address !== row.email) {
        found.push({ personId: row.id, partnershipId: row.partnership_id, email: row.email,
          problem: parsed.ok ? `stored as "${row.email}", the rule's form is "${parsed.address}"` : parsed.message });
      }
    }
    if (rows.length < BATCH) return found;
    after = rows[rows.length - 1].id;
  }
}
