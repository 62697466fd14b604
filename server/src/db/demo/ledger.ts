import {
  applyEffects, balanceProblem, effectsOf, isBritishSummerTime, quarterWithin, reversalEffects, type LedgerEffects,
} from '@portal/domain';
import { apportion } from './allocate';
import type { DemoCourse } from './courses';
import { nominalPence, type DemoStream } from './funding-streams';
import { organisationOf, type Tenancy } from './organisations';
import type { Population } from './people';
import type { Rng } from './prng';
import type { AuditLogRow, BookingRow, LedgerEntryRow, LedgerKind } from './rows';
import type { DemoSession } from './sessions';
import { DAY_MS, HOUR_MS, addMs, minDate } from './uk-time';

/** An entry before its stream's entries are put in order and numbered. */
interface Draft {
  id: string;
  kind: LedgerKind;
  amount: number;
  effects: LedgerEffects;
  organisationId: string | null;
  courseId: string | null;
  sessionId: string | null;
  bookingId: string | null;
  reverses: Draft | null;
  wasted: boolean;
  occurredAt: Date;
  reason: string;
  recordedBy: string | null;
  recordedAt: Date;
  /** Generation order: breaks ties between entries recorded at the same instant. */
  order: number;
}

export interface DemoLedger {
  ledgerEntries: LedgerEntryRow[];
  auditLog: AuditLogRow[];
}

/** Bookings leave a third of every stream for invoices: budgets are raised until they do. */
const BOOKINGS_SHARE_OF_BUDGET = 0.65;
/** Entries recorded by hand on each stream, at least. */
const MIN_MANUAL_ENTRIES = 8;
/** No invoice below £20; on average at least £150, whatever the number of invoices (budgets grow to pay them). */
const MIN_INVOICE_PENCE = 2000;
const TYPICAL_INVOICE_PENCE = 15_000;
const SESSION_CANCELLATION_REASONS = ['Trainer unavailable', 'Too few bookings', 'Venue unavailable', 'Moved to a later date'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type DraftValues = Pick<Draft, 'kind' | 'amount' | 'occurredAt' | 'reason' | 'recordedBy' | 'recordedAt'>
  & Partial<Pick<Draft, 'reverses' | 'wasted' | 'organisationId' | 'courseId' | 'sessionId' | 'bookingId'>>;

class Drafts {
  private order = 0;
  readonly byStream = new Map<DemoStream, Draft[]>();

  constructor(private readonly rng: Rng) {}

  add(stream: DemoStream, values: DraftValues): Draft {
    const effects = values.kind === 'adjustment'
      ? reversalEffects({ amount: values.reverses!.amount, ...values.reverses!.effects }, values.amount)
      : effectsOf(values.kind, values.amount);
    const draft: Draft = {
      organisationId: null, courseId: null, sessionId: null, bookingId: null, reverses: null, wasted: false, ...values,
      id: this.rng.uuid(), effects, order: this.order++,
    };
    const list = this.byStream.get(stream);
    if (list) list.push(draft);
    else this.byStream.set(stream, [draft]);
    return draft;
  }

  of(stream: DemoStream): Draft[] {
    return this.byStream.get(stream) ?? [];
  }
}

interface Context {
  tenancy: Tenancy;
  population: Population;
  rng: Rng;
  now: Date;
  drafts: Drafts;
}

function leadOf(ctx: Context, organisationId: string): string | null {
  return ctx.population.staffingByOrganisation.get(organisationId)?.lead.row.id ?? null;
}

/** The provider's training coordinator takes the register and cancels sessions; else its lead. */
function providerActor(ctx: Context, course: DemoCourse): string | null {
  const staffing = ctx.population.staffingByOrganisation.get(course.row.provider_organisation_id);
  return staffing?.coordinator?.row.id ?? staffing?.lead.row.id ?? null;
}

/** On a session the provider cancelled, the first bookings up to its capacity had a place. */
function seatHoldersOfCancelledSessions(bookings: readonly BookingRow[], sessionsById: ReadonlyMap<string, DemoSession>): Set<string> {
  const bySession = new Map<string, BookingRow[]>();
  for (const b of bookings) {
    if (sessionsById.get(b.session_id)!.row.status !== 'cancelled') continue;
    const list = bySession.get(b.session_id);
    if (list) list.push(b);
    else bySession.set(b.session_id, [b]);
  }
  const holders = new Set<string>();
  for (const [sessionId, list] of bySession) {
    const capacity = sessionsById.get(sessionId)!.row.capacity;
    list.slice().sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id))
      .slice(0, capacity).forEach((b) => holders.add(b.id));
  }
  return holders;
}

/**
 * What booking-ledger.ts posts for each booking with a cost on a funded session: confirming
 * commits it; the register releases it and spends it (wasted for a no-show); cancelling releases
 * it, and a late cancellation spends it as wasted. Requested, waitlisted and declined bookings
 * move no money. Cancelled bookings do not say whether they had been confirmed, so the demo
 * decides: on a cancelled session the seat holders; a late cancellation always (it is paid
 * for); two in three of the other cancellations. Such a booking keeps its cost, as cancelling
 * does in the running code.
 */
function bookingEntries(ctx: Context, bookings: readonly BookingRow[], sessionsById: ReadonlyMap<string, DemoSession>,
  streamsById: ReadonlyMap<string, DemoStream>): void {
  const holders = seatHoldersOfCancelledSessions(bookings, sessionsById);
  const sessionReasons = new Map<string, string>();
  for (const booking of bookings) {
    const session = sessionsById.get(booking.session_id)!;
    const cost = session.course.row.cost_per_place_pence;
    const streamId = session.row.funding_stream_id ?? session.course.row.funding_stream_id;
    if (cost <= 0 || !streamId) continue;
    const stream = streamsById.get(streamId)!;
    let outcome: 'confirmed' | 'spent' | 'wasted' | 'released' | 'late' | 'session' | null = null;
    switch (booking.status) {
      case 'confirmed':
        outcome = 'confirmed';
        break;
      case 'attended':
        outcome = 'spent';
        break;
      case 'no_show':
        outcome = 'wasted';
        break;
      case 'cancelled':
        if (session.row.status === 'cancelled') outcome = holders.has(booking.id) ? 'session' : null;
        else if (booking.cancelled_late) outcome = 'late';
        else outcome = ctx.rng.chance(2 / 3) ? 'released' : null;
        if (outcome !== null) booking.cost_pence = cost;
        break;
      default:
        outcome = null; // requested, waitlisted, declined: nothing confirmed, nothing committed
    }
    if (outcome === null) continue;
    if (booking.cost_pence !== cost) throw new Error(`demo ledger: booking ${booking.id} costs ${booking.cost_pence}, its course ${cost}`);
    const common = {
      amount: cost, organisationId: booking.organisation_id, courseId: session.course.row.id, sessionId: session.row.id,
      bookingId: booking.id, occurredAt: session.row.starts_at,
    };
    ctx.drafts.add(stream, { ...common, kind: 'commitment', reason: 'Place confirmed', recordedBy: booking.booked_by_person_id,
      recordedAt: booking.created_at });
    if (outcome === 'confirmed') continue;
    let reason: string;
    let at: Date;
    let by: string | null;
    if (outcome === 'spent' || outcome === 'wasted') {
      reason = outcome === 'spent' ? 'Attended' : 'Did not attend';
      at = booking.updated_at;
      by = providerActor(ctx, session.course);
    } else if (outcome === 'session') {
      let why = sessionReasons.get(session.row.id);
      if (why === undefined) {
        why = ctx.rng.pick(SESSION_CANCELLATION_REASONS);
        sessionReasons.set(session.row.id, why);
      }
      reason = `Session cancelled: ${why}`;
      at = booking.cancelled_at!;
      by = providerActor(ctx, session.course);
    } else {
      reason = outcome === 'late' ? 'Cancelled late' : 'Cancelled';
      at = booking.cancelled_at!;
      by = booking.person_id;
    }
    ctx.drafts.add(stream, { ...common, kind: 'release', reason, recordedBy: by, recordedAt: at });
    if (outcome === 'spent' || outcome === 'wasted' || outcome === 'late') {
      ctx.drafts.add(stream, { ...common, kind: 'spend', wasted: outcome !== 'spent', reason, recordedBy: by, recordedAt: at });
    }
  }
}

interface Demand {
  /** Everything bookings ever committed: the most their committed + spent can reach. */
  committed: number;
  /** Where the bookings leave the stream: spent, and still committed. */
  used: number;
}

function demandOf(drafts: readonly Draft[]): Demand {
  let committed = 0;
  let used = 0;
  for (const d of drafts) {
    if (d.kind === 'commitment') committed += d.amount;
    used += d.effects.committed + d.effects.spent;
  }
  return { committed, used };
}

const roundUp = (pence: number, step: number) => Math.ceil(pence / step) * step;

/**
 * The set-up entries: the budget, or the contributions scaled up together, raised when the
 * bookings (and the invoices, `invoiced`) need more than the spec's figure.
 */
function setUpAmounts(stream: DemoStream, demand: Demand, invoiced = 0): Array<{ code: string | null; pence: number }> {
  const needed = Math.max(roundUp(demand.committed / BOOKINGS_SHARE_OF_BUDGET, 100_000), roundUp((demand.committed + invoiced) / 0.95, 100_000));
  if (stream.spec.contributions) {
    const nominal = stream.spec.contributions.map((c) => nominalPence(c.pounds, stream.current));
    const total = nominal.reduce((a, b) => a + b, 0);
    const factor = Math.max(1, needed / total);
    return stream.spec.contributions.map((c, i) => ({ code: c.code, pence: factor === 1 ? nominal[i] : roundUp(nominal[i] * factor, 50_000) }));
  }
  return [{ code: null, pence: Math.max(nominalPence(stream.spec.pounds!, stream.current), needed) }];
}

function londonMonth(instant: Date): string {
  const local = new Date(instant.getTime() + (isBritishSummerTime(instant) ? HOUR_MS : 0));
  return `${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
}

function between(rng: Rng, from: Date, to: Date): Date {
  return new Date(from.getTime() + Math.floor(rng.next() * Math.max(0, to.getTime() - from.getTime())));
}

interface Fill {
  reason: string;
  organisationId: string | null;
  courseId: string | null;
  sessionId: string | null;
  occurredAt: Date | null;
}

function fillable(stream: DemoStream, template: string): boolean {
  return (!template.includes('{course}') || stream.courses.length + stream.delivered.length > 0)
    && (!template.includes('{organisation}') || stream.organisationIds.length > 0);
}

/** One of the templates the stream can fill, or the fallback. */
function pickTemplate(rng: Rng, stream: DemoStream, templates: readonly string[], fallback: string): string {
  const usable = templates.filter((t) => fillable(stream, t));
  return usable.length > 0 ? rng.pick(usable) : fallback;
}

/**
 * Fills a template's {course}, {organisation} and {invoice} ({month} waits for the date). An
 * invoice for a course is for one of its sessions in the stream's year, when there was one.
 */
function fill(ctx: Context, stream: DemoStream, courses: readonly DemoCourse[], template: string,
  sessionsByCourse: ReadonlyMap<string, DemoSession[]>, invoiceUntil: Date | null): Fill {
  const course = template.includes('{course}') ? ctx.rng.pick(courses) : null;
  const organisationId = template.includes('{organisation}') ? ctx.rng.pick(stream.organisationIds) : null;
  const held = course === null || invoiceUntil === null ? [] : (sessionsByCourse.get(course.row.id) ?? [])
    .filter((s) => s.row.starts_at >= stream.year.start && s.row.starts_at < invoiceUntil);
  const session = held.length > 0 ? ctx.rng.pick(held) : null;
  const occurredAt = session?.row.starts_at ?? null;
  const organisationName = organisationId === null ? '' : ctx.tenancy.organisations.find((o) => o.id === organisationId)!.name;
  const reason = template
    .replace('{course}', course?.row.title ?? '')
    .replace('{organisation}', organisationName)
    .replace('{invoice}', `INV-${String(stream.year.startYear % 100).padStart(2, '0')}-${String(ctx.rng.int(1000, 9999))}`);
  return { reason, organisationId, courseId: course?.row.id ?? null, sessionId: session?.row.id ?? null, occurredAt };
}

interface ManualPlan {
  allocations: number;
  /** Each invoice's amount. */
  invoices: number[];
  /** Invoices entered twice (indices into invoices): each second entry is reversed by an adjustment. */
  duplicates: number[];
}

/**
 * How `count` entries recorded by hand split into allocations, invoices and invoices entered
 * twice and corrected, and what the invoices come to: about the share of the budget a stream
 * has used by now in its year (most of it for a closed year) beyond what the bookings used,
 * but never less than a typical invoice each.
 */
function planManual(ctx: Context, stream: DemoStream, count: number, budget: number, demand: Demand): ManualPlan {
  const { rng, now } = ctx;
  const yearLength = stream.year.end.getTime() - stream.year.start.getTime();
  const elapsed = Math.min(1, Math.max(0, (now.getTime() - stream.year.start.getTime()) / yearLength));
  const share = elapsed >= 1 ? rng.float(0.86, 0.95) : elapsed * rng.float(0.75, 0.9);
  const adjustments = count >= 12 ? Math.max(1, Math.round(count * 0.01)) : 0;
  const allocations = Math.max(1, Math.round(count * 0.06));
  const invoiceCount = Math.max(1, count - allocations - 2 * adjustments);
  const room = Math.floor(budget * 0.95) - demand.committed;
  const total = Math.max(Math.min(Math.round(budget * share) - demand.used, Math.floor(room * 0.97)), invoiceCount * TYPICAL_INVOICE_PENCE);
  const weights = Array.from({ length: invoiceCount }, () => rng.float(0.4, 1.6));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const invoices = weights.map((w) => Math.max(MIN_INVOICE_PENCE, Math.floor((total * w) / weightSum / 100) * 100));
  const duplicates = rng.sample(invoices.map((_, i) => i), Math.min(adjustments, invoiceCount), new Set<number>());
  return { allocations: count - invoiceCount - 2 * duplicates.length, invoices, duplicates };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** What the plan spends at most at once: every invoice, and the duplicates before they are reversed. */
function plannedSpend(plan: ManualPlan): number {
  return sum(plan.invoices) + sum(plan.duplicates.map((i) => plan.invoices[i]));
}

function recordManual(ctx: Context, stream: DemoStream, plan: ManualPlan, budget: number,
  sessionsByCourse: ReadonlyMap<string, DemoSession[]>): void {
  const { rng, now } = ctx;
  const windowEnd = minDate(stream.year.end, now);
  // The budget holder records the stream's entries (an administrator could too, but the demo keeps the
  // administrator's audit trail to what they do in the portal).
  const recorder = leadOf(ctx, stream.row.managing_organisation_id);
  const courses = [...stream.courses, ...stream.delivered];

  for (let i = 0; i < plan.allocations; i++) {
    const template = pickTemplate(rng, stream, stream.spec.allocations, 'Earmarked for {organisation}');
    const filled = fill(ctx, stream, courses, template, sessionsByCourse, null);
    const occurredAt = minDate(between(rng, stream.year.start, addMs(stream.year.start, 30 * DAY_MS)), addMs(windowEnd, -1));
    ctx.drafts.add(stream, {
      kind: 'allocation', amount: Math.max(10_000, Math.round((budget * rng.float(0.02, 0.08)) / 10_000) * 10_000),
      organisationId: filled.organisationId, courseId: filled.courseId, occurredAt, reason: filled.reason,
      recordedBy: recorder, recordedAt: minDate(now, addMs(occurredAt, rng.int(0, 72) * HOUR_MS)),
    });
  }

  const spends = plan.invoices.map((amount) => {
    const filled = fill(ctx, stream, courses, pickTemplate(rng, stream, stream.spec.invoices, 'Invoice {invoice}'), sessionsByCourse, windowEnd);
    const occurredAt = filled.occurredAt ?? between(rng, stream.year.start, addMs(windowEnd, -1));
    const reason = filled.reason.includes('{month}') ? filled.reason.replace('{month}', londonMonth(occurredAt)) : filled.reason;
    const course = filled.courseId === null ? null : courses.find((c) => c.row.id === filled.courseId)!;
    return ctx.drafts.add(stream, {
      kind: 'spend', amount,
      organisationId: filled.organisationId ?? course?.row.provider_organisation_id ?? stream.row.managing_organisation_id,
      courseId: filled.courseId, sessionId: filled.sessionId, occurredAt, reason,
      recordedBy: recorder, recordedAt: minDate(now, addMs(occurredAt, rng.int(1, 21) * DAY_MS)),
    });
  });

  // An invoice entered twice, and the correction that reverses the second entry.
  for (const index of plan.duplicates) {
    const original = spends[index];
    const recordedAt = minDate(now, addMs(original.recordedAt, rng.int(1, 3) * DAY_MS));
    const duplicate = ctx.drafts.add(stream, {
      kind: 'spend', amount: original.amount, organisationId: original.organisationId, courseId: original.courseId,
      sessionId: original.sessionId, occurredAt: original.occurredAt, reason: original.reason, recordedBy: original.recordedBy, recordedAt,
    });
    ctx.drafts.add(stream, {
      kind: 'adjustment', amount: duplicate.amount, reverses: duplicate, organisationId: duplicate.organisationId,
      courseId: duplicate.courseId, sessionId: duplicate.sessionId, bookingId: duplicate.bookingId, wasted: duplicate.wasted,
      occurredAt: duplicate.occurredAt, reason: `Correction: "${original.reason}" was entered twice`,
      recordedBy: recorder, recordedAt: minDate(now, addMs(recordedAt, rng.int(2, 20) * DAY_MS)),
    });
  }
}

function setUpEntries(ctx: Context, stream: DemoStream, amounts: ReadonlyArray<{ code: string | null; pence: number }>): void {
  const others = ctx.drafts.of(stream);
  const earliest = others.reduce((at, d) => minDate(at, d.recordedAt), addMs(stream.year.start, -40 * DAY_MS));
  // Set up in the run-up to the year (budgets are agreed in February), before anything is charged to it.
  const setUpAt = minDate(addMs(stream.year.start, -40 * DAY_MS), addMs(earliest, -DAY_MS));
  // In the portal an administrator sets streams up; the demo credits the budget holder, the managing organisation's lead.
  const creator = leadOf(ctx, stream.row.managing_organisation_id);
  stream.row.created_at = setUpAt;
  stream.row.created_by_person_id = creator;
  for (const { code, pence } of amounts) {
    const pooled = code !== null;
    ctx.drafts.add(stream, {
      kind: pooled ? 'contribution' : 'budget', amount: pence,
      organisationId: pooled ? organisationOf(ctx.tenancy, code).id : (stream.row.funder_organisation_id ?? stream.row.managing_organisation_id),
      occurredAt: stream.year.start, reason: pooled ? 'Contribution pledged at set-up' : 'Stream set up', recordedBy: creator, recordedAt: setUpAt,
    });
  }
}

/**
 * quarterWithin for one stream's year, without working out the calendar for every entry: the
 * quarter only ever rises through the year and changes at a London midnight, a whole UTC hour,
 * so the three hours where it changes are found once by bisection.
 */
function quarterFinder(stream: DemoStream, startMonth: number): (instant: Date) => number {
  const { year } = stream;
  const at = (hour: number) => quarterWithin(year, new Date(hour * HOUR_MS), startMonth);
  const first = Math.ceil(year.start.getTime() / HOUR_MS);
  const last = Math.ceil(year.end.getTime() / HOUR_MS);
  const changes = [2, 3, 4].map((quarter) => {
    let lo = first;
    let hi = last; // quarterWithin(year.end) is 4
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (at(mid) >= quarter) hi = mid;
      else lo = mid + 1;
    }
    return lo * HOUR_MS;
  });
  return (instant) => {
    const t = instant.getTime();
    if (t < year.start.getTime()) return 1;
    if (t >= year.end.getTime()) return 4;
    return 1 + changes.filter((change) => t >= change).length;
  };
}

/** Numbers each stream's entries in recorded order, with balances and quarters; sets the stream's totals. */
function finalise(ctx: Context, streams: readonly DemoStream[]): DemoLedger {
  const ledgerEntries: LedgerEntryRow[] = [];
  const audit: Array<{ row: AuditLogRow; order: number }> = [];
  const startMonth = ctx.tenancy.partnership.financial_year_start_month;
  const request = { ip_address: null, request_id: 'demo-data' };
  for (const stream of streams) {
    const quarterOf = quarterFinder(stream, startMonth);
    const drafts = ctx.drafts.of(stream).slice()
      .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || a.order - b.order);
    const sequenceOf = new Map<string, number>();
    let balance: LedgerEffects = { budget: 0, committed: 0, spent: 0 };
    drafts.forEach((d, i) => {
      balance = applyEffects(balance, d.effects);
      const problem = balanceProblem(balance);
      if (problem) throw new Error(`demo ledger: entry ${i + 1} of "${stream.row.name}" ${stream.row.financial_year} is ${problem}`);
      if (d.recordedAt > ctx.now) throw new Error(`demo ledger: an entry of "${stream.row.name}" is recorded after now`);
      if (d.reverses && !sequenceOf.has(d.reverses.id)) throw new Error('demo ledger: a correction comes before the entry it reverses');
      sequenceOf.set(d.id, i + 1);
      ledgerEntries.push({
        id: d.id, partnership_id: stream.row.partnership_id, stream_id: stream.row.id, sequence: i + 1, kind: d.kind,
        amount_pence: d.amount, budget_effect_pence: d.effects.budget, committed_effect_pence: d.effects.committed,
        spent_effect_pence: d.effects.spent, budget_after_pence: balance.budget, committed_after_pence: balance.committed,
        spent_after_pence: balance.spent, organisation_id: d.organisationId, course_id: d.courseId, session_id: d.sessionId,
        booking_id: d.bookingId, reverses_entry_id: d.reverses?.id ?? null, wasted: d.wasted, occurred_at: d.occurredAt,
        quarter: quarterOf(d.occurredAt), reason: d.reason, idempotency_key: null,
        recorded_by_person_id: d.recordedBy, recorded_at: d.recordedAt,
      });
      audit.push({ order: d.order, row: {
        partnership_id: stream.row.partnership_id, actor_person_id: d.recordedBy, action: `funding.${d.kind}_recorded`,
        subject_type: 'ledger_entry', subject_id: d.id, ...request, occurred_at: d.recordedAt,
        details: { streamId: stream.row.id, amountPence: d.amount, reason: d.reason, bookingId: d.bookingId, reversesEntryId: d.reverses?.id ?? null },
      } });
    });
    stream.row.budget_pence = balance.budget;
    stream.row.committed_pence = balance.committed;
    stream.row.spent_pence = balance.spent;
    stream.row.entry_count = drafts.length;
    // The service records the stream's creation after its set-up entries, in the same transaction.
    const setUp = drafts.filter((d) => d.kind === 'budget' || d.kind === 'contribution');
    audit.push({ order: Math.max(...setUp.map((d) => d.order)) + 0.5, row: {
      partnership_id: stream.row.partnership_id, actor_person_id: stream.row.created_by_person_id, action: 'funding.stream_created',
      subject_type: 'funding_stream', subject_id: stream.row.id, ...request, occurred_at: stream.row.created_at,
      details: { name: stream.row.name, financialYear: stream.row.financial_year, amountPence: setUp.reduce((sum, d) => sum + d.amount, 0),
        pooled: stream.row.pooled },
    } });
  }
  audit.sort((a, b) => a.row.occurred_at.getTime() - b.row.occurred_at.getTime() || a.order - b.order);
  return { ledgerEntries, auditLog: audit.map((a) => a.row) };
}

/**
 * The partnership's ledger exactly as the running code would have written it
 * (modules/funding/ledger.ts and booking-ledger.ts), with the audit log row postEntry writes for
 * each entry. Bookings' entries come first (they decide how big the budgets must be), then about
 * `targetEntries` − those, recorded by hand and spread over the streams by budget (allocations,
 * invoices, invoices entered twice and reversed by an ADJUSTMENT), then each stream's set-up
 * (one BUDGET, or a pooled stream's CONTRIBUTIONs) dated before anything else on it. Per stream
 * the entries are numbered in recorded order with the balance after each and its quarter, and
 * the stream's running totals are their sums.
 */
export function buildLedger(streams: readonly DemoStream[], tenancy: Tenancy, population: Population,
  sessions: readonly DemoSession[], bookings: readonly BookingRow[], rng: Rng, now: Date, targetEntries: number): DemoLedger {
  const ctx: Context = { tenancy, population, rng, now, drafts: new Drafts(rng) };
  const sessionsById = new Map(sessions.map((s) => [s.row.id, s]));
  const streamsById = new Map(streams.map((s) => [s.row.id, s]));
  bookingEntries(ctx, bookings, sessionsById, streamsById);

  const demands = streams.map((s) => demandOf(ctx.drafts.of(s)));
  const bookingBudgets = streams.map((s, i) => sum(setUpAmounts(s, demands[i]).map((a) => a.pence)));

  const bookingCount = streams.reduce((n, s) => n + ctx.drafts.of(s).length, 0);
  const setUpCount = streams.reduce((n, s) => n + (s.spec.contributions?.length ?? 1), 0);
  const manual = Math.max(streams.length * MIN_MANUAL_ENTRIES, targetEntries - bookingCount - setUpCount);
  const counts = apportion(manual, bookingBudgets, streams.map(() => MIN_MANUAL_ENTRIES));
  const plans = streams.map((s, i) => planManual(ctx, s, counts[i], bookingBudgets[i], demands[i]));
  const setUps = streams.map((s, i) => setUpAmounts(s, demands[i], plannedSpend(plans[i])));
  const sessionsByCourse = new Map<string, DemoSession[]>();
  for (const s of sessions) {
    if (s.row.status === 'cancelled' || s.row.starts_at > now) continue;
    const list = sessionsByCourse.get(s.course.row.id);
    if (list) list.push(s);
    else sessionsByCourse.set(s.course.row.id, [s]);
  }
  streams.forEach((s, i) => recordManual(ctx, s, plans[i], sum(setUps[i].map((a) => a.pence)), sessionsByCourse));
  streams.forEach((s, i) => setUpEntries(ctx, s, setUps[i]));
  return finalise(ctx, streams);
}

