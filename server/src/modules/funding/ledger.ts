import type { EntityManager } from 'typeorm';
import type { LedgerEffects, LedgerKind } from '@portal/domain';
import { recordAudit, type RequestOrigin } from '../audit/audit.service';

export interface Posting {
  partnershipId: string;
  streamId: string;
  kind: LedgerKind;
  amountPence: number;
  effects: LedgerEffects;
  organisationId?: string | null;
  courseId?: string | null;
  sessionId?: string | null;
  bookingId?: string | null;
  /** A commissioning pledge's money: the proposal it is pledged to, and the pledge (both, or neither). */
  proposalId?: string | null;
  pledgeId?: string | null;
  reversesEntryId?: string | null;
  wasted?: boolean;
  /** When the money moves (a session's date, an invoice's date), apart from when it is recorded. */
  occurredAt: Date;
  reason: string;
  idempotencyKey?: string | null;
  /** The SHA-256 of the request the key stands for (db/request-hash.ts). */
  idempotencyHash?: Buffer | null;
  recordedByPersonId: string | null;
  recordedAt: Date;
}

/** Why a posting was refused; the caller turns it into a userError in its own words. */
export type PostingRefusal = 'NO_STREAM' | 'OVER_BUDGET' | 'BELOW_ZERO';

export type Posted = { ok: true; entryId: string; sequence: number } | { ok: false; problem: PostingRefusal };

/**
 * The only way money moves. One statement moves the stream's running totals by a conditional
 * UPDATE (so committed + spent can never pass the budget, whatever runs at the same time: a
 * concurrent posting waits for the row and is re-checked against the new totals) and appends the
 * entry with the balance after it and its quarter of the stream's year (the rule of the domain's
 * quarterWithin, in SQL so that no read comes first), and adds it to its cell of ledger_cell (the
 * sums the funding overview reads; the stream's row lock already orders postings to one stream). Then the audit log records who and why, in the same
 * transaction as the change that caused the posting.
 */
export async function postEntry(manager: EntityManager, posting: Posting, origin: RequestOrigin): Promise<Posted> {
  const { budget, committed, spent } = posting.effects;
  const rows: Array<{ id: string; sequence: number }> = await manager.query(
    `WITH moved AS (
       UPDATE funding_stream SET budget_pence = budget_pence + $3, committed_pence = committed_pence + $4,
         spent_pence = spent_pence + $5, entry_count = entry_count + 1
       WHERE id = $1 AND partnership_id = $2
         AND budget_pence + $3 >= 0 AND committed_pence + $4 >= 0 AND spent_pence + $5 >= 0
         AND (committed_pence + $4) + (spent_pence + $5) <= budget_pence + $3
       RETURNING id, partnership_id, entry_count, budget_pence, committed_pence, spent_pence, year_starts_at, year_ends_at
     ), entry AS (
     INSERT INTO ledger_entry (partnership_id, stream_id, sequence, kind, amount_pence, budget_effect_pence, committed_effect_pence,
       spent_effect_pence, budget_after_pence, committed_after_pence, spent_after_pence, organisation_id, course_id, session_id,
       booking_id, reverses_entry_id, wasted, occurred_at, quarter, reason, idempotency_key, idempotency_hash, recorded_by_person_id, recorded_at,
       proposal_id, pledge_id)
     SELECT partnership_id, id, entry_count, $6, $7, $3, $4, $5, budget_pence, committed_pence, spent_pence, $8, $9, $10, $11, $12, $13,
       $14, CASE WHEN $14 < year_starts_at THEN 1 WHEN $14 >= year_ends_at THEN 4 ELSE
         (SELECT (extract(year FROM a) * 12 + extract(month FROM a))::int / 3 + 1
          FROM age($14::timestamptz AT TIME ZONE 'Europe/London', year_starts_at AT TIME ZONE 'Europe/London') AS a) END,
       $15, $16, $19, $17, $18, $20, $21
     FROM moved RETURNING id, sequence, partnership_id, stream_id, organisation_id, quarter, kind, budget_effect_pence,
       committed_effect_pence, spent_effect_pence, wasted, session_id
     ), cell AS (
       INSERT INTO ledger_cell AS c (partnership_id, stream_id, organisation_id, quarter, kind, entry_count, budget_pence,
         committed_pence, spent_pence, wasted_pence, delivered_pence)
       SELECT partnership_id, stream_id, organisation_id, quarter, kind, 1, budget_effect_pence, committed_effect_pence, spent_effect_pence,
         CASE WHEN wasted THEN spent_effect_pence ELSE 0 END, CASE WHEN session_id IS NOT NULL THEN spent_effect_pence ELSE 0 END
       FROM entry
       ON CONFLICT (stream_id, organisation_id, quarter, kind) DO UPDATE SET entry_count = c.entry_count + 1,
         budget_pence = c.budget_pence + excluded.budget_pence, committed_pence = c.committed_pence + excluded.committed_pence,
         spent_pence = c.spent_pence + excluded.spent_pence, wasted_pence = c.wasted_pence + excluded.wasted_pence,
         delivered_pence = c.delivered_pence + excluded.delivered_pence
     )
     SELECT id, sequence FROM entry`,
    [posting.streamId, posting.partnershipId, budget, committed, spent, posting.kind, posting.amountPence,
      posting.organisationId ?? null, posting.courseId ?? null, posting.sessionId ?? null, posting.bookingId ?? null,
      posting.reversesEntryId ?? null, posting.wasted ?? false, posting.occurredAt,
      posting.reason, posting.idempotencyKey ?? null, posting.recordedByPersonId, posting.recordedAt, posting.idempotencyHash ?? null,
      posting.proposalId ?? null, posting.pledgeId ?? null]);
  if (!rows.length) return { ok: false, problem: await whyRefused(manager, posting) };
  await recordAudit(manager, origin, {
    partnershipId: posting.partnershipId, actorPersonId: posting.recordedByPersonId, action: `funding.${posting.kind}_recorded`,
    subjectType: 'ledger_entry', subjectId: rows[0].id,
    details: { streamId: posting.streamId, amountPence: posting.amountPence, reason: posting.reason, bookingId: posting.bookingId ?? null,
      reversesEntryId: posting.reversesEntryId ?? null, ...(posting.pledgeId ? { proposalId: posting.proposalId, pledgeId: posting.pledgeId } : {}) },
  });
  return { ok: true, entryId: rows[0].id, sequence: rows[0].sequence };
}

async function whyRefused(manager: EntityManager, posting: Posting): Promise<PostingRefusal> {
  const [stream] = await manager.query('SELECT budget_pence, committed_pence, spent_pence FROM funding_stream WHERE id = $1 AND partnership_id = $2',
    [posting.streamId, posting.partnershipId]);
  if (!stream) return 'NO_STREAM';
  const after = {
    budget: Number(stream.budget_pence) + posting.effects.budget,
    committed: Number(stream.committed_pence) + posting.effects.committed,
    spent: Number(stream.spent_pence) + posting.effects.spent,
  };
  return after.budget < 0 || after.committed < 0 || after.spent < 0 ? 'BELOW_ZERO' : 'OVER_BUDGET';
}
