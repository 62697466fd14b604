import type { DataSource, EntityManager } from 'typeorm';
import { effectsOf, formatPence, parsePounds, reversalEffects, type LedgerEffects } from '@portal/domain';
import { unlessRefused } from '../../graphql/refusal';
import { isUniqueViolation } from '../../graphql/constraint-violations';
import { KEY_REUSED, KEY_REUSED_MESSAGE, requestHash, sameRequest } from '../../db/request-hash';
import type { UserError } from '../../graphql/user-error';
import { refusedField, withInputErrors } from '../../graphql/input-errors';
import { refuse, refuseAll, userError } from './funding.errors';
import type { RequestOrigin } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import { requireRecorderOnStream } from './funding.policy';
import { LedgerEntryKind } from './funding.enums';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { postEntry, type Posting } from './ledger';
import type { RecordLedgerEntryInput } from './record-ledger-entry.input';

export type RecordEntryResult = { entry: LedgerEntryEntity | null; userErrors: UserError[] };

interface StreamRow {
  id: string; partnership_id: string; managing_organisation_id: string; pooled: boolean; financial_year: string;
  year_starts_at: Date; year_ends_at: Date; budget_pence: string; committed_pence: string; spent_pence: string;
}

/**
 * Entries recorded by hand: budgets and top-ups, contributions, allocations, invoices, and
 * corrections. Bookings post their own (booking-ledger.ts). A correction reverses an earlier
 * entry and carries its organisation, course, session, booking and date, so that every breakdown
 * the original counted in nets out.
 */
export class LedgerEntryService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every problem of the input in one answer: the input rules' (`inputProblems`) and this
   * service's checks of the fields they left alone, nothing written while there is any. Access
   * to a stream that exists is still decided first (FORBIDDEN); an unknown stream, or another
   * partnership's, is NOT_FOUND alike.
   */
  async record(viewer: Viewer, input: RecordLedgerEntryInput, origin: RequestOrigin, now: Date,
    inputProblems: readonly UserError[] = []): Promise<RecordEntryResult> {
    const hash = input.idempotencyKey ? requestHash('record_ledger_entry', {
      streamId: input.streamId, kind: input.kind, amount: input.amount, reason: input.reason, occurredAt: input.occurredAt,
      organisationId: input.organisationId, courseId: input.courseId, sessionId: input.sessionId, reversesEntryId: input.reversesEntryId,
    }) : null;
    if (input.idempotencyKey && !inputProblems.length) {
      const earlier = await this.byKey(this.dataSource.manager, viewer, input.idempotencyKey);
      if (earlier) return this.answerFor(earlier, hash!);
    }
    const { result, userErrors } = await unlessRefused(() => this.dataSource.transaction(async (manager) => {
      const [stream]: Array<StreamRow | undefined> = refusedField(inputProblems, 'streamId') ? [] : await manager.query(
        `SELECT id, partnership_id, managing_organisation_id, pooled, financial_year, year_starts_at, year_ends_at, budget_pence, committed_pence, spent_pence
         FROM funding_stream WHERE id = $1 AND partnership_id = $2 FOR UPDATE`, [input.streamId, viewer.partnershipId]);
      if (stream) requireRecorderOnStream(viewer, { partnershipId: stream.partnership_id, managingOrganisationId: stream.managing_organisation_id });
      const posting = { ...await this.posting(manager, viewer, stream ?? null, input, now, inputProblems), idempotencyHash: hash };
      const posted = await postEntry(manager, posting, origin);
      if (!posted.ok) {
        const remaining = Number(stream!.budget_pence) - Number(stream!.committed_pence) - Number(stream!.spent_pence);
        if (posted.problem === 'OVER_BUDGET') {
          refuse(['input', 'amount'], `This would take the stream past its budget: ${formatPence(Math.max(remaining, 0))} is left to commit or spend`, 'OVER_BUDGET');
        }
        refuse(['input', 'amount'], 'This would take one of the stream\'s figures below zero: more than was budgeted, committed or spent', 'BELOW_ZERO');
      }
      return manager.getRepository(LedgerEntryEntity).findOneByOrFail({ id: (posted as { entryId: string }).entryId });
    }).catch(async (error: unknown) => {
      // Two requests with the same key at once: the second loses the unique index and gets the first's entry
      // (or, asking for another entry, the refusal).
      if (isUniqueViolation(error) && input.idempotencyKey) {
        const earlier = await this.byKey(this.dataSource.manager, viewer, input.idempotencyKey);
        if (earlier && !sameRequest(earlier.idempotencyHash, hash!)) refuse(['input', 'idempotencyKey'], KEY_REUSED_MESSAGE, KEY_REUSED);
        if (earlier) return earlier;
      }
      throw error;
    }));
    return { entry: result, userErrors };
  }

  /** A repeated key: the first entry for the same request; for another request, a refusal that shows nothing of the first. */
  private answerFor(earlier: LedgerEntryEntity, hash: Buffer): RecordEntryResult {
    if (sameRequest(earlier.idempotencyHash, hash)) return { entry: earlier, userErrors: [] };
    return { entry: null, userErrors: [userError(['input', 'idempotencyKey'], KEY_REUSED_MESSAGE, KEY_REUSED)] };
  }

  private byKey(manager: EntityManager, viewer: Viewer, key: string): Promise<LedgerEntryEntity | null> {
    return manager.getRepository(LedgerEntryEntity).findOneBy({ recordedByPersonId: viewer.personId, idempotencyKey: key, partnershipId: viewer.partnershipId });
  }

  /** The entry to post, or a refusal listing every problem of the input at once. */
  private async posting(manager: EntityManager, viewer: Viewer, stream: StreamRow | null, input: RecordLedgerEntryInput, now: Date,
    inputProblems: readonly UserError[]): Promise<Posting> {
    const errors: UserError[] = [];
    if (!stream && !refusedField(inputProblems, 'streamId')) {
      errors.push(userError(['input', 'streamId'], 'There is no such funding stream in your partnership', 'NOT_FOUND'));
    }
    const amount = parsePounds(input.amount);
    if (!amount.ok) errors.push(userError(['input', 'amount'], amount.message, amount.code));
    const kind = input.kind;
    const base = {
      partnershipId: viewer.partnershipId, streamId: stream?.id ?? '', kind, amountPence: amount.ok ? amount.pence : 0, reason: input.reason.trim(),
      idempotencyKey: input.idempotencyKey ?? null, recordedByPersonId: viewer.personId, recordedAt: now,
    };
    const refuseAny = () => refuseAll(withInputErrors(inputProblems, errors));

    if (kind === LedgerEntryKind.ADJUSTMENT) {
      for (const field of ['organisationId', 'courseId', 'sessionId', 'occurredAt'] as const) {
        if (input[field]) errors.push(userError(['input', field], 'A correction takes these from the entry it reverses: leave this empty', 'NOT_ALLOWED'));
      }
      if (!input.reversesEntryId) errors.push(userError(['input', 'reversesEntryId'], 'Choose the entry this corrects', 'REQUIRED'));
      const [original] = stream && input.reversesEntryId && !refusedField(inputProblems, 'reversesEntryId') ? await manager.query(
        `SELECT e.*, coalesce((SELECT sum(r.amount_pence) FROM ledger_entry r WHERE r.reverses_entry_id = e.id), 0) AS reversed
         FROM ledger_entry e WHERE e.id = $1 AND e.stream_id = $2`, [input.reversesEntryId, stream.id]) : [];
      const reversal = (message: string, code: 'NOT_FOUND' | 'NOT_REVERSIBLE') => errors.push(userError(['input', 'reversesEntryId'], message, code));
      if (stream && input.reversesEntryId && !refusedField(inputProblems, 'reversesEntryId')) {
        if (!original) reversal('There is no such entry on this stream', 'NOT_FOUND');
        else if (original.kind === 'adjustment') reversal('This entry is itself a correction: record the entry you meant instead', 'NOT_REVERSIBLE');
        else if (original.kind === 'allocation') reversal('An allocation moves no figure: record a new allocation instead', 'NOT_REVERSIBLE');
        // A booking's commitment and release follow the booking; reversing one by hand would leave a cancelled place holding money.
        else if (original.booking_id && original.kind !== 'spend') reversal('This entry follows a booking: cancel or confirm the booking instead', 'NOT_REVERSIBLE');
      }
      const left = original ? Number(original.amount_pence) - Number(original.reversed) : 0;
      if (original && amount.ok && base.amountPence > left) {
        errors.push(userError(['input', 'amount'], `At most ${formatPence(left)} of this entry is left to reverse`, 'OVER_REVERSAL'));
      }
      refuseAny();
      const effects: LedgerEffects = reversalEffects({ amount: Number(original.amount_pence), budget: Number(original.budget_effect_pence),
        committed: Number(original.committed_effect_pence), spent: Number(original.spent_effect_pence) }, base.amountPence);
      return { ...base, effects, reversesEntryId: original.id, organisationId: original.organisation_id, courseId: original.course_id,
        sessionId: original.session_id, bookingId: original.booking_id, wasted: original.wasted, occurredAt: original.occurred_at };
    }

    if (input.reversesEntryId) errors.push(userError(['input', 'reversesEntryId'], 'Only an ADJUSTMENT reverses an entry', 'NOT_ALLOWED'));
    // Bookings release their own commitments; a hand-made release would free money a booking still holds.
    if (kind === LedgerEntryKind.RELEASE) {
      errors.push(userError(['input', 'kind'], 'Bookings release their own commitments: to undo a commitment recorded by hand, reverse it with an ADJUSTMENT', 'NOT_ALLOWED'));
    }
    const occurredAt = input.occurredAt ?? now;
    if (stream && (Number.isNaN(occurredAt.getTime()) || occurredAt < stream.year_starts_at || occurredAt >= stream.year_ends_at)) {
      errors.push(userError(['input', 'occurredAt'], `The date must fall in the stream's financial year, ${stream.financial_year} (1 April to 31 March)`, 'OUT_OF_RANGE'));
    }
    if (kind === LedgerEntryKind.CONTRIBUTION) {
      if (stream && !stream.pooled) errors.push(userError(['input', 'kind'], 'Only a pooled stream takes contributions: record a BUDGET top-up instead', 'NOT_ALLOWED'));
      if (!input.organisationId) errors.push(userError(['input', 'organisationId'], 'Choose the partner that contributes', 'REQUIRED'));
    }
    if (kind === LedgerEntryKind.ALLOCATION && !input.organisationId && !input.courseId && !input.sessionId) {
      errors.push(userError(['input', 'courseId'], 'Say what the money is allocated to: a course, a session or an organisation', 'REQUIRED'));
    }
    const refs = await this.references(manager, viewer, input, inputProblems);
    errors.push(...refs.errors);
    refuseAny();
    return { ...base, effects: effectsOf(kind, base.amountPence), organisationId: input.organisationId ?? null,
      courseId: refs.courseId, sessionId: input.sessionId ?? null, occurredAt };
  }

  /** The organisation, course and session named must be the partnership's; a session brings its course. */
  private async references(manager: EntityManager, viewer: Viewer, input: RecordLedgerEntryInput,
    inputProblems: readonly UserError[]): Promise<{ courseId: string | null; errors: UserError[] }> {
    // A malformed id has its error from the input rules already, and PostgreSQL would raise on it.
    const id = (field: 'organisationId' | 'courseId' | 'sessionId') => (refusedField(inputProblems, field) ? null : input[field] ?? null);
    const [organisationId, courseId, sessionId] = [id('organisationId'), id('courseId'), id('sessionId')];
    if (!organisationId && !courseId && !sessionId) return { courseId: null, errors: [] };
    const [row] = await manager.query(
      `SELECT (SELECT id FROM organisation WHERE id = $2 AND partnership_id = $1) AS organisation_id,
              (SELECT id FROM course WHERE id = $3 AND partnership_id = $1) AS course_id,
              (SELECT course_id FROM training_session WHERE id = $4 AND partnership_id = $1) AS session_course_id`,
      [viewer.partnershipId, organisationId, courseId, sessionId]);
    const errors: UserError[] = [];
    const missing = (field: string, what: string) => errors.push(userError(['input', field], `There is no such ${what} in your partnership`, 'NOT_FOUND'));
    if (organisationId && !row.organisation_id) missing('organisationId', 'organisation');
    if (courseId && !row.course_id) missing('courseId', 'course');
    if (sessionId && !row.session_course_id) missing('sessionId', 'session');
    if (courseId && row.session_course_id && row.course_id && row.session_course_id !== courseId) {
      errors.push(userError(['input', 'sessionId'], 'This session is of another course', 'MISMATCH'));
    }
    return { courseId: input.courseId ?? row.session_course_id ?? null, errors };
  }
}
