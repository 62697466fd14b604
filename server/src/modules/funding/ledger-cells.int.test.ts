import type { DataSource } from 'typeorm';
import fc from 'fast-check';
import { effectsOf, financialYearStarting, reversalEffects, type LedgerEffects, type LedgerKind } from '@portal/domain';
import { openTestDataSource } from '../../../../test/support/test-database';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../../../../test/support/catalogue-fixtures';
import { makePerson } from '../../../../test/support/compliance-fixtures';
import { OVERVIEW_FROM_ENTRIES_SQL } from '../../../../test/bench/funding-overview-from-entries.sql';
import { postEntry } from './ledger';
import { OVERVIEW_SQL } from './funding-overview.query';

/**
 * ledger_cell is a summary kept by postEntry in the statement that appends each entry; that is
 * safe because the ledger is append-only (corrections are reversing entries, never edits). This
 * checks it against the entries it summarises after random postings, reversals and refusals
 * included: the cells equal the entries summed again, and the overview read from the cells (and
 * its learners read through the booking indexes) gives the same rows as the overview summed from
 * every entry, for the partnership and for an organisation's slice.
 */
const origin = { ipAddress: null, requestId: 'ledger-cells-test' };
const YEAR = financialYearStarting(2026);
const DAY = 86_400_000;
const KINDS: Array<Exclude<LedgerKind, 'adjustment'>> = ['budget', 'contribution', 'allocation', 'commitment', 'release', 'spend'];

interface Posted { id: string; streamIndex: number; amount: number; effects: LedgerEffects; reversed: number;
  organisationId: string | null; sessionId: string | null; bookingId: string | null; wasted: boolean; occurredAt: Date }

const step = fc.record({
  stream: fc.nat(1),
  // Spend (what learners are counted from) and reversals are picked twice as often as the other kinds.
  kind: fc.constantFrom(...KINDS, 'spend' as const, 'reversal' as const, 'reversal' as const),
  amount: fc.integer({ min: 1, max: 50_000 }),
  organisation: fc.option(fc.nat(1), { nil: null }),
  place: fc.oneof(fc.constant(null), fc.record({ session: fc.nat(2), booking: fc.option(fc.nat(3), { nil: null }) })),
  wasted: fc.boolean(),
  day: fc.integer({ min: -20, max: 385 }),
  pick: fc.nat(),
});

const CELLS_FROM_ENTRIES = `
  SELECT stream_id, organisation_id, quarter, kind, count(*)::int AS entry_count, sum(budget_effect_pence)::text AS budget,
    sum(committed_effect_pence)::text AS committed, sum(spent_effect_pence)::text AS spent,
    coalesce(sum(spent_effect_pence) FILTER (WHERE wasted), 0)::text AS wasted,
    coalesce(sum(spent_effect_pence) FILTER (WHERE session_id IS NOT NULL), 0)::text AS delivered
  FROM ledger_entry WHERE partnership_id = $1 GROUP BY 1, 2, 3, 4`;
const CELLS = `
  SELECT stream_id, organisation_id, quarter, kind, entry_count, budget_pence::text AS budget, committed_pence::text AS committed,
    spent_pence::text AS spent, wasted_pence::text AS wasted, delivered_pence::text AS delivered
  FROM ledger_cell WHERE partnership_id = $1`;

const sortedRows = async (ds: DataSource, sql: string, params: unknown[]) =>
  ((await ds.query(sql, params)) as object[]).map((row) => JSON.stringify(row)).sort();

describe('ledger_cell', () => {
  let ds: DataSource;
  let partnershipId: string;
  let organisations: string[];
  let sessions: string[];
  /** bookings[session][i], attended or not, of people of either organisation. */
  let bookings: string[][];

  beforeAll(async () => {
    ds = await openTestDataSource('empty');
    ({ id: partnershipId } = await makePartnership(ds));
    organisations = [await makeOrganisation(ds, partnershipId, { name: 'Council', sector: 'local_authority' }),
      await makeOrganisation(ds, partnershipId, { name: 'Care home', sector: 'care_home' })];
    const course = await makeCourse(ds, partnershipId, organisations[0], { title: 'Moving and handling' });
    const now = new Date(YEAR.start.getTime() + 100 * DAY);
    sessions = [];
    bookings = [];
    for (let s = 0; s < 3; s += 1) {
      const sessionId = await makeSession(ds, partnershipId, course, { startsInDays: 30 * s, now, capacity: 3 });
      sessions.push(sessionId);
      const row: string[] = [];
      for (let b = 0; b < 4; b += 1) {
        const organisationId = organisations[b % 2];
        const personId = await makePerson(ds, partnershipId, organisationId);
        const status = ['attended', 'attended', 'no_show', 'confirmed'][(b + s) % 4];
        const [booking] = await ds.query(`INSERT INTO booking (partnership_id, session_id, person_id, organisation_id, status)
          VALUES ($1, $2, $3, $4, $5) RETURNING id`, [partnershipId, sessionId, personId, organisationId, status]);
        row.push(booking.id);
      }
      bookings.push(row);
    }
  });

  afterAll(() => ds?.destroy());

  it('equals its entries summed again, and the overview equals the overview from every entry, after random postings and reversals', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30, size: 'max' }), async (steps) => {
      // Append-only: each run posts to streams of its own, beside the earlier runs' entries.
      const streams: string[] = [];
      for (let i = 0; i < 2; i += 1) {
        const [row] = await ds.query(
          `INSERT INTO funding_stream (partnership_id, name, funder_kind, funder_name, financial_year, year_starts_at, year_ends_at, managing_organisation_id)
           VALUES ($1, $2, 'council_grant', $3, $4, $5, $6, $7) RETURNING id`,
          [partnershipId, `Stream ${streams.length + 1} ${Math.random().toString(36).slice(2, 8)}`, `Funder ${i}`, YEAR.label, YEAR.start, YEAR.end, organisations[i]]);
        streams.push(row.id);
      }
      const posted: Posted[] = [];
      // Each stream starts with a budget (an entry like any other, which a step may reverse), so that most postings are accepted.
      for (const [streamIndex, streamId] of streams.entries()) {
        const effects = effectsOf('budget', 1_000_000);
        const result = await ds.transaction((m) => postEntry(m, { partnershipId, streamId, kind: 'budget', amountPence: 1_000_000, effects,
          organisationId: organisations[streamIndex], occurredAt: YEAR.start, reason: 'property test', recordedByPersonId: null, recordedAt: new Date() }, origin));
        if (!result.ok) throw new Error(`the opening budget was refused: ${result.problem}`);
        posted.push({ id: result.entryId, streamIndex, amount: 1_000_000, effects, reversed: 0, organisationId: organisations[streamIndex],
          sessionId: null, bookingId: null, wasted: false, occurredAt: YEAR.start });
      }
      for (const s of steps) {
        const reversible = posted.filter((p) => p.reversed < p.amount && (p.effects.budget || p.effects.committed || p.effects.spent));
        const original = s.kind === 'reversal' && reversible.length ? reversible[s.pick % reversible.length] : null;
        if (s.kind === 'reversal' && !original) continue;
        const amount = original ? 1 + (s.amount % (original.amount - original.reversed)) : s.amount;
        const effects = original ? reversalEffects({ ...original.effects, amount: original.amount }, amount) : effectsOf(s.kind as Exclude<LedgerKind, 'adjustment'>, amount);
        const place = s.place ? { sessionId: sessions[s.place.session], bookingId: s.place.booking === null ? null : bookings[s.place.session][s.place.booking] } : null;
        const streamIndex = original ? original.streamIndex : s.stream;
        const posting = {
          partnershipId, streamId: streams[streamIndex], kind: original ? 'adjustment' as const : s.kind as LedgerKind, amountPence: amount, effects,
          // A correction takes its organisation, place and date from the entry it reverses, as recordLedgerEntry does.
          organisationId: original ? original.organisationId : s.organisation === null ? null : organisations[s.organisation],
          sessionId: original ? original.sessionId : place?.sessionId ?? null,
          bookingId: original ? original.bookingId : place?.bookingId ?? null,
          reversesEntryId: original?.id ?? null,
          wasted: original ? original.wasted : s.wasted && !!place,
          occurredAt: original ? original.occurredAt : new Date(YEAR.start.getTime() + s.day * DAY),
          reason: 'property test', recordedByPersonId: null, recordedAt: new Date(),
        };
        const result = await ds.transaction((m) => postEntry(m, posting, origin));
        if (!result.ok) continue;
        if (original) original.reversed += amount;
        posted.push({ id: result.entryId, streamIndex, amount, effects, reversed: 0, organisationId: posting.organisationId,
          sessionId: posting.sessionId, bookingId: posting.bookingId, wasted: posting.wasted, occurredAt: posting.occurredAt });
      }

      expect(await sortedRows(ds, CELLS, [partnershipId])).toEqual(await sortedRows(ds, CELLS_FROM_ENTRIES, [partnershipId]));
      for (const scope of [null, [organisations[1]]]) {
        const params = [partnershipId, scope, YEAR.label, YEAR.start, YEAR.end];
        expect(await sortedRows(ds, OVERVIEW_SQL, params)).toEqual(await sortedRows(ds, OVERVIEW_FROM_ENTRIES_SQL, params));
      }
    }), { numRuns: 25 });
  });
});
