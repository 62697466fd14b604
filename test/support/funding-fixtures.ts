import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { effectsOf, financialYearOf, parseFinancialYear, type FinancialYear } from '@portal/domain';
import { postEntry } from '../../server/src/modules/funding/ledger';
import type { GraphQLResponse, RunningPortal } from './start-portal';

/**
 * Funding streams for tests: made straight in the database (a row and its BUDGET entry posted
 * through the ledger's one writer, postEntry) or through createFundingStream as an administrator;
 * pointing courses and sessions at a stream; reading a stream's figures (the running totals and
 * the sums over its entries, which must agree).
 */
export const TEST_ORIGIN = { ipAddress: '127.0.0.1', requestId: 'funding-fixtures' };

/** The financial year a date falls in (default: now), e.g. "2026/27". */
export function currentYear(now = new Date()): FinancialYear {
  return financialYearOf(now);
}

export async function makeStream(db: DataSource, values: {
  partnershipId: string; managingOrganisationId: string; budgetPence: number; name?: string; financialYear?: string;
  recordedByPersonId?: string | null;
}): Promise<string> {
  const year = values.financialYear ? parseFinancialYear(values.financialYear)! : currentYear();
  return db.transaction(async (manager) => {
    const [row] = await manager.query(
      `INSERT INTO funding_stream (partnership_id, name, funder_kind, funder_name, financial_year, year_starts_at, year_ends_at,
         managing_organisation_id) VALUES ($1, $2, 'council_grant', 'Test Council Grant', $3, $4, $5, $6) RETURNING id`,
      [values.partnershipId, values.name ?? `Stream ${randomUUID().slice(0, 8)}`, year.label, year.start, year.end, values.managingOrganisationId]);
    if (values.budgetPence > 0) {
      const posted = await postEntry(manager, {
        partnershipId: values.partnershipId, streamId: row.id, kind: 'budget', amountPence: values.budgetPence,
        effects: effectsOf('budget', values.budgetPence), organisationId: values.managingOrganisationId, occurredAt: year.start,
        reason: 'Test stream set up', recordedByPersonId: values.recordedByPersonId ?? null, recordedAt: new Date(),
      }, TEST_ORIGIN);
      if (!posted.ok) throw new Error(`could not post the test stream's budget: ${posted.problem}`);
    }
    return row.id as string;
  });
}

export const CREATE_STREAM = `mutation($input: CreateFundingStreamInput!) { createFundingStream(input: $input) {
  fundingStream { id name financialYear pooled funderName funderKind amount { pence formatted }
    managingOrganisation { id } funderOrganisation { id } contributions { organisation { id } amount { pence } }
    summary { budget { pence } committed { pence } spent { pence } remaining { pence } } }
  userErrors { field message code } } }`;

export interface UserErrorShape { field: string[]; message: string; code: string }
export interface StreamShape {
  id: string; name: string; financialYear: string; pooled: boolean; funderName: string; funderKind: string;
  amount: { pence: number; formatted: string }; managingOrganisation: { id: string }; funderOrganisation: { id: string } | null;
  contributions: Array<{ organisation: { id: string }; amount: { pence: number } }>;
  summary: { budget: { pence: number }; committed: { pence: number }; spent: { pence: number }; remaining: { pence: number } };
}
export type CreateStreamData = { createFundingStream: { fundingStream: StreamShape | null; userErrors: UserErrorShape[] } };

export function createStream(portal: RunningPortal, token: string, input: Record<string, unknown>): Promise<GraphQLResponse<CreateStreamData>> {
  return portal.graphql<CreateStreamData>(CREATE_STREAM, { input }, { token });
}

/** A plain input for createFundingStream: an outside funder, this year, a unique name. */
export function streamInput(managingOrganisationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Stream ${randomUUID().slice(0, 8)}`, funderKind: 'COUNCIL_GRANT', funderName: 'Peterborough City Council',
    financialYear: currentYear().label, amount: '1000.00', managingOrganisationId, ...overrides,
  };
}

export const RECORD_ENTRY = `mutation($input: RecordLedgerEntryInput!) { recordLedgerEntry(input: $input) {
  entry { id sequence kind amount { pence } reversesEntryId wasted quarter reason
    effect { budget { pence } committed { pence } spent { pence } }
    balanceAfter { budget { pence } committed { pence } spent { pence } remaining { pence } } }
  userErrors { field message code } } }`;

export interface EntryShape {
  id: string; sequence: number; kind: string; amount: { pence: number }; reversesEntryId: string | null; wasted: boolean; quarter: number;
  reason: string; effect: { budget: { pence: number }; committed: { pence: number }; spent: { pence: number } };
  balanceAfter: { budget: { pence: number }; committed: { pence: number }; spent: { pence: number }; remaining: { pence: number } };
}
export type RecordEntryData = { recordLedgerEntry: { entry: EntryShape | null; userErrors: UserErrorShape[] } };

export function recordEntry(portal: RunningPortal, token: string, input: Record<string, unknown>): Promise<GraphQLResponse<RecordEntryData>> {
  return portal.graphql<RecordEntryData>(RECORD_ENTRY, { input }, { token });
}

/** Makes a course's sessions (those without a stream of their own) paid from a stream. */
export async function chargeCourseTo(db: DataSource, courseId: string, streamId: string | null): Promise<void> {
  await db.query('UPDATE course SET funding_stream_id = $2 WHERE id = $1', [courseId, streamId]);
}

/** Makes one session paid from a stream, whatever its course's. */
export async function chargeSessionTo(db: DataSource, sessionId: string, streamId: string | null): Promise<void> {
  await db.query('UPDATE training_session SET funding_stream_id = $2 WHERE id = $1', [sessionId, streamId]);
}

export interface Figures { budget: number; committed: number; spent: number; remaining: number; entries: number }

/** The stream's running totals and the same figures summed over its ledger entries. */
export async function streamFigures(db: DataSource, streamId: string): Promise<{ running: Figures; sums: Figures }> {
  const [row] = await db.query(
    `SELECT fs.budget_pence, fs.committed_pence, fs.spent_pence, fs.entry_count,
       coalesce(sum(le.budget_effect_pence), 0) AS budget, coalesce(sum(le.committed_effect_pence), 0) AS committed,
       coalesce(sum(le.spent_effect_pence), 0) AS spent, count(le.id) AS entries
     FROM funding_stream fs LEFT JOIN ledger_entry le ON le.stream_id = fs.id WHERE fs.id = $1 GROUP BY fs.id`, [streamId]);
  if (!row) throw new Error(`no stream ${streamId}`);
  const figures = (budget: unknown, committed: unknown, spent: unknown, entries: unknown): Figures => ({
    budget: Number(budget), committed: Number(committed), spent: Number(spent), remaining: Number(budget) - Number(committed) - Number(spent),
    entries: Number(entries),
  });
  return {
    running: figures(row.budget_pence, row.committed_pence, row.spent_pence, row.entry_count),
    sums: figures(row.budget, row.committed, row.spent, row.entries),
  };
}

/** Rows a funding mutation may write: equal before and after means a refusal wrote nothing. */
export async function fundingRowCounts(db: DataSource): Promise<{ streams: number; entries: number; audits: number }> {
  const [row] = await db.query(`SELECT (SELECT count(*) FROM funding_stream)::int AS streams, (SELECT count(*) FROM ledger_entry)::int AS entries,
    (SELECT count(*) FROM audit_log WHERE action LIKE 'funding.%')::int AS audits`);
  return row;
}

/**
 * The ledger's own invariants, for every stream of the database: running totals equal the sums
 * of the entries, the entries of a stream are numbered 1..n without gaps, each entry's balance
 * after is the running sum up to it, no stream is committed or spent past its budget, no entry is
 * reversed by more than its amount, and only a confirmed booking holds money committed (never more
 * than its cost, and on one stream). Returns the problems found (empty: all hold).
 */
export async function ledgerProblems(db: DataSource): Promise<string[]> {
  const problems: string[] = [];
  const totals: Array<Record<string, string>> = await db.query(
    `SELECT fs.id, fs.budget_pence, fs.committed_pence, fs.spent_pence, fs.entry_count,
       coalesce(sum(le.budget_effect_pence), 0) AS budget, coalesce(sum(le.committed_effect_pence), 0) AS committed,
       coalesce(sum(le.spent_effect_pence), 0) AS spent, count(le.id) AS entries, coalesce(max(le.sequence), 0) AS last_sequence
     FROM funding_stream fs LEFT JOIN ledger_entry le ON le.stream_id = fs.id GROUP BY fs.id`);
  for (const t of totals) {
    if (t.budget_pence !== t.budget || t.committed_pence !== t.committed || t.spent_pence !== t.spent) {
      problems.push(`stream ${t.id}: running totals ${t.budget_pence}/${t.committed_pence}/${t.spent_pence} ≠ sums ${t.budget}/${t.committed}/${t.spent}`);
    }
    if (Number(t.entry_count) !== Number(t.entries) || Number(t.entries) !== Number(t.last_sequence)) {
      problems.push(`stream ${t.id}: entry_count ${t.entry_count}, ${t.entries} entries, last sequence ${t.last_sequence}`);
    }
    if (Number(t.committed_pence) + Number(t.spent_pence) > Number(t.budget_pence)) problems.push(`stream ${t.id}: over budget`);
  }
  const badBalances: Array<{ id: string }> = await db.query(
    `SELECT id FROM (SELECT id, budget_after_pence, committed_after_pence, spent_after_pence,
       sum(budget_effect_pence) OVER w AS b, sum(committed_effect_pence) OVER w AS c, sum(spent_effect_pence) OVER w AS s
       FROM ledger_entry WINDOW w AS (PARTITION BY stream_id ORDER BY sequence)) x
     WHERE budget_after_pence <> b OR committed_after_pence <> c OR spent_after_pence <> s`);
  for (const { id } of badBalances) problems.push(`entry ${id}: balance after is not the running sum`);
  const overReversed: Array<{ id: string }> = await db.query(
    `SELECT o.id FROM ledger_entry o JOIN ledger_entry r ON r.reverses_entry_id = o.id GROUP BY o.id, o.amount_pence
     HAVING sum(r.amount_pence) > o.amount_pence`);
  for (const { id } of overReversed) problems.push(`entry ${id}: reversed by more than its amount`);
  const bookingsOver: Array<{ booking_id: string }> = await db.query(
    `SELECT booking_id FROM ledger_entry WHERE booking_id IS NOT NULL GROUP BY booking_id
     HAVING sum(committed_effect_pence) < 0 OR count(DISTINCT stream_id) > 1`);
  for (const { booking_id: id } of bookingsOver) problems.push(`booking ${id}: released more than committed, or charged to two streams`);
  // Only a confirmed place holds money committed, and never more than its cost.
  const holding: Array<{ id: string; status: string; outstanding: string; cost_pence: string }> = await db.query(
    `SELECT b.id, b.status, sum(le.committed_effect_pence) AS outstanding, b.cost_pence FROM booking b JOIN ledger_entry le ON le.booking_id = b.id
     GROUP BY b.id HAVING sum(le.committed_effect_pence) <> 0 AND (b.status <> 'confirmed' OR sum(le.committed_effect_pence) > b.cost_pence)`);
  for (const b of holding) problems.push(`booking ${b.id} (${b.status}, costs ${b.cost_pence}): ${b.outstanding} still committed`);
  // The overview's cells are the entries' sums at their grain, no more and no fewer.
  const cellsOff: Array<{ stream_id: string; organisation_id: string | null; quarter: number; kind: string }> = await db.query(
    `WITH summed AS (
       SELECT partnership_id, stream_id, organisation_id, quarter, kind, count(*)::int AS entry_count, sum(budget_effect_pence) AS budget_pence,
         sum(committed_effect_pence) AS committed_pence, sum(spent_effect_pence) AS spent_pence,
         coalesce(sum(spent_effect_pence) FILTER (WHERE wasted), 0) AS wasted_pence,
         coalesce(sum(spent_effect_pence) FILTER (WHERE session_id IS NOT NULL), 0) AS delivered_pence
       FROM ledger_entry GROUP BY partnership_id, stream_id, organisation_id, quarter, kind
     ), cells AS (
       SELECT partnership_id, stream_id, organisation_id, quarter, kind, entry_count, budget_pence, committed_pence, spent_pence,
         wasted_pence, delivered_pence FROM ledger_cell
     )
     SELECT stream_id, organisation_id, quarter, kind FROM ((TABLE summed EXCEPT TABLE cells) UNION (TABLE cells EXCEPT TABLE summed)) x`);
  for (const c of cellsOff) problems.push(`ledger_cell ${c.stream_id}/${c.organisation_id ?? 'none'}/Q${c.quarter}/${c.kind}: not the sum of its entries`);
  return problems;
}
