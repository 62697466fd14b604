import type { DataSource } from 'typeorm';
import { parseFinancialYear } from '@portal/domain';
import { FundingOverviewService } from '../../server/src/modules/funding/funding-overview.service';
import { breakdownsNotAddingUp } from '../../server/src/modules/funding/funding-overview.figures';
import { ledgerProblems } from './funding-fixtures';

/**
 * What must hold of the funding data after anything a test does, for every funding test's
 * afterEach: the ledger's own invariants (running totals equal the sums of the entries, entry
 * counts, sequences 1..n, balances after, never past the budget: ledgerProblems), an audit row for
 * every entry, and, for every partnership and year, an overview whose breakdowns each add up to
 * its totals, which are the streams' own totals.
 */
export async function ledgerInvariantProblems(dataSource: DataSource): Promise<string[]> {
  const problems = await ledgerProblems(dataSource);
  const unaudited: Array<{ id: string }> = await dataSource.query(
    `SELECT le.id FROM ledger_entry le
     WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action LIKE 'funding.%' AND a.subject_id = le.id::text)`);
  for (const { id } of unaudited) problems.push(`entry ${id}: no audit_log row`);

  const years: Array<{ partnership_id: string; financial_year: string; budget: string; committed: string; spent: string }> = await dataSource.query(
    `SELECT partnership_id, financial_year, sum(budget_pence) AS budget, sum(committed_pence) AS committed, sum(spent_pence) AS spent
     FROM funding_stream GROUP BY partnership_id, financial_year`);
  const overviews = new FundingOverviewService(dataSource);
  for (const year of years) {
    const { figures } = await overviews.overview({ kind: 'partnership', partnershipId: year.partnership_id }, parseFinancialYear(year.financial_year)!);
    const where = `overview ${year.financial_year} of partnership ${year.partnership_id}`;
    for (const name of breakdownsNotAddingUp(figures)) problems.push(`${where}: ${name} does not add up to the totals`);
    const { totals } = figures;
    if (totals.budget !== Number(year.budget) || totals.committed !== Number(year.committed) || totals.spent !== Number(year.spent)) {
      problems.push(`${where}: totals ${totals.budget}/${totals.committed}/${totals.spent} ≠ the streams' ${year.budget}/${year.committed}/${year.spent}`);
    }
  }
  return problems;
}

export async function expectLedgerInvariants(dataSource: DataSource): Promise<void> {
  expect(await ledgerInvariantProblems(dataSource)).toEqual([]);
}
