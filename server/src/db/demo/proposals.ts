import { applyEffects, calendarDateIn, effectsOf, quarterWithin, splitCostProRata, spreadSeats, type LedgerEffects } from '@portal/domain';
import type { DemoCourse } from './courses';
import type { DemoStream } from './funding-streams';
import { organisationOf, type Tenancy } from './organisations';
import type { PartnershipSpec } from './partnership-spec';
import type { Population } from './people';
import type { Rng } from './prng';
import type {
  AuditLogRow, DeliveryOptionRow, LedgerEntryRow, PledgeRow, ProposalNeedRow, ProposalRow, SeatAllocationRow, TrainingNeedRow,
  TrainingSessionRow, VenueRow,
} from './rows';
import { DAY_MS, HOUR_MS, addMs, dayNumber, londonTime, maxDate, minDate } from './uk-time';

/**
 * A commissioning proposal in each state, as the running code (modules/commissioning) would have
 * left it: an open one with partial pledges on Moving and Handling needs, an approved one whose
 * sessions are in the catalogue with allocations equal to the pledged seats and its pledges' money
 * moved onto them, and a declined one whose pledges were released. Money moves as postEntry
 * moves it: each entry appended to its stream's sequence after the rest, with the balance after
 * it, its quarter and the audit row postEntry writes. The four Moving and Handling needs of
 * journey 6 stay in shared demand, so the journey can be walked from its start: the open proposal
 * answers two further Moving and Handling needs (the hospital's porters, the mental health wards).
 */
export interface DemoProposals {
  proposals: ProposalRow[];
  deliveryOptions: DeliveryOptionRow[];
  proposalNeeds: ProposalNeedRow[];
  pledges: PledgeRow[];
  /** The needs the proposals answer that the needs generator does not make. */
  trainingNeeds: TrainingNeedRow[];
  sessions: TrainingSessionRow[];
  seatAllocations: SeatAllocationRow[];
  ledgerEntries: LedgerEntryRow[];
  auditLog: AuditLogRow[];
}

interface PledgeSpec { organisation: string; seats: number; pounds: number; stream?: string }
interface NeedSpec { organisation: string; topic: string; mandatorySubject: string | null; people: number }
interface ProposalSpec {
  state: 'open' | 'approved' | 'declined';
  proposer: string;
  title: string;
  summary: string;
  course: string;
  sessions: number;
  seatsPerSession: number;
  pounds: number;
  options: Array<{ provider?: string; name?: string; pounds: number; notes: string }>;
  /** New needs made for it, or the topics of needs the needs generator made. */
  newNeeds?: NeedSpec[];
  needTopics?: string[];
  pledges: PledgeSpec[];
  proposedDaysAgo: number;
  decision?: { by: string; daysAgo: number; reason: string | null };
  /** Approved: the first session this many days from now, a week apart. */
  firstSessionInDays?: number;
}

const NHS_EDUCATION = 'NHS Education Funding – Clinical Skills and CPD';
const COUNCIL_BUDGET = 'Peterborough City Council Workforce Development Budget';
const WELLBEING_GRANT = 'Mental Health and Wellbeing Training Grant';
const VOLUNTEER_GRANT = 'Volunteer Learning Grant';

const GREATER_PETERBOROUGH_PROPOSALS: readonly ProposalSpec[] = [
  { state: 'open', proposer: 'PSHNHSFT', title: 'Moving and handling of people: a joint programme for hospital and ward teams',
    summary: 'Four practical days run by the trust\'s manual handling advisers, open to every partner with staff who move people.',
    course: 'Moving and Handling (People)', sessions: 4, seatsPerSession: 12, pounds: 2400,
    options: [
      { provider: 'PSHNHSFT', pounds: 2400, notes: 'The trust\'s manual handling advisers; rooms at the education centre.' },
      { name: 'SafeLift Training Ltd', pounds: 3100, notes: 'Trainers come to each partner; equipment included.' },
    ],
    newNeeds: [
      { organisation: 'PSHNHSFT', topic: 'Moving and handling for hospital porters', mandatorySubject: 'moving-and-handling', people: 30 },
      { organisation: 'CPMHPNHST', topic: 'Moving and handling for inpatient ward staff', mandatorySubject: 'moving-and-handling', people: 18 },
    ],
    pledges: [
      { organisation: 'PSHNHSFT', seats: 12, pounds: 600, stream: NHS_EDUCATION },
      { organisation: 'CPMHPNHST', seats: 8, pounds: 300, stream: WELLBEING_GRANT },
    ],
    proposedDaysAgo: 6 },
  { state: 'approved', proposer: 'PCC', title: 'Safeguarding adults level 2 for care and nursing homes',
    summary: 'Two joint sessions for care home and nursing home staff, with seats for the council and the trusts.',
    course: 'Safeguarding Adults Level 2', sessions: 2, seatsPerSession: 10, pounds: 900,
    options: [{ provider: 'PCC', pounds: 900, notes: 'The council\'s safeguarding trainers.' }],
    newNeeds: [
      { organisation: 'NVCH', topic: 'Safeguarding adults level 2 for senior carers', mandatorySubject: 'safeguarding-adults-2', people: 12 },
      { organisation: 'LHNH', topic: 'Safeguarding adults refresher for nurses', mandatorySubject: 'safeguarding-adults-2', people: 8 },
    ],
    pledges: [
      { organisation: 'PCC', seats: 10, pounds: 450, stream: COUNCIL_BUDGET },
      { organisation: 'PSHNHSFT', seats: 6, pounds: 270, stream: NHS_EDUCATION },
      { organisation: 'CPMHPNHST', seats: 4, pounds: 180, stream: WELLBEING_GRANT },
    ],
    proposedDaysAgo: 12, decision: { by: 'admin@demo.portal', daysAgo: 3, reason: null }, firstSessionInDays: 24 },
  { state: 'declined', proposer: 'PCVS', title: 'Dementia awareness for night staff and befriending volunteers',
    summary: 'One evening session for care home night staff and the CVS\'s befriending volunteers.',
    course: 'Dementia Awareness', sessions: 1, seatsPerSession: 16, pounds: 480,
    options: [{ name: 'Dementia Friends Champions (Alzheimer\'s Society)', pounds: 480, notes: 'Free Dementia Friends sessions are an alternative.' }],
    needTopics: ['Dementia awareness for night staff', 'Dementia awareness for befriending volunteers'],
    pledges: [{ organisation: 'PCVS', seats: 6, pounds: 150, stream: VOLUNTEER_GRANT }, { organisation: 'FML', seats: 4, pounds: 0 }],
    proposedDaysAgo: 20,
    decision: { by: 'steering@demo.portal', daysAgo: 8, reason: 'The Dementia Friends sessions running in the spring meet this need at no cost.' } },
];

const PROPOSALS_BY_PARTNERSHIP: Readonly<Record<string, readonly ProposalSpec[]>> = { 'greater-peterborough': GREATER_PETERBOROUGH_PROPOSALS };

/** A stream's place in the ledger so far: its next sequence, its balance, its last recorded time. */
interface StreamCursor { stream: DemoStream; sequence: number; balance: LedgerEffects; lastRecordedAt: Date }

export function buildProposals(spec: PartnershipSpec, tenancy: Tenancy, population: Population, courses: readonly DemoCourse[],
  venues: readonly VenueRow[], streams: readonly DemoStream[], existingNeeds: readonly TrainingNeedRow[], ledgerSoFar: readonly LedgerEntryRow[],
  rng: Rng, now: Date): DemoProposals {
  const out: DemoProposals = { proposals: [], deliveryOptions: [], proposalNeeds: [], pledges: [], trainingNeeds: [], sessions: [],
    seatAllocations: [], ledgerEntries: [], auditLog: [] };
  const specs = PROPOSALS_BY_PARTNERSHIP[spec.slug] ?? [];
  if (!specs.length) return out;
  const partnershipId = tenancy.partnership.id;
  const current = streams.filter((s) => s.current);
  const yearStart = current[0].year.start;
  /** A moment `daysAgo` back, never before the financial year began (its money is this year's) nor after now. */
  const ago = (daysAgo: number, minutes = 0) => minDate(now, addMs(maxDate(addMs(now, -daysAgo * DAY_MS), addMs(yearStart, HOUR_MS)), minutes * 60_000));
  const cursors = new Map<string, StreamCursor>();
  for (const stream of current) {
    const last = ledgerSoFar.filter((e) => e.stream_id === stream.row.id).reduce((latest, e) => maxDate(latest, e.recorded_at), stream.row.created_at);
    cursors.set(stream.row.id, { stream, sequence: stream.row.entry_count, lastRecordedAt: last,
      balance: { budget: stream.row.budget_pence, committed: stream.row.committed_pence, spent: stream.row.spent_pence } });
  }
  const streamNamed = (name: string) => {
    const stream = current.find((s) => s.row.name === name);
    if (!stream) throw new Error(`demo proposals: no current stream "${name}"`);
    return cursors.get(stream.row.id)!;
  };
  const leadOf = (code: string) => population.staffingByOrganisation.get(organisationOf(tenancy, code).id)!.lead.row.id;
  const personByEmail = (email: string) => {
    const person = population.people.find((p) => p.row.email === email);
    if (!person) throw new Error(`demo proposals: no ${email}`);
    return person.row.id;
  };
  const audit = (row: Omit<AuditLogRow, 'partnership_id' | 'ip_address' | 'request_id'>) =>
    out.auditLog.push({ partnership_id: partnershipId, ip_address: null, request_id: 'demo-data', ...row });

  function post(cursor: StreamCursor, values: { kind: 'commitment' | 'release'; pence: number; organisationId: string; courseId: string | null; sessionId: string | null;
    proposalId: string; pledgeId: string; reason: string; occurredAt: Date; recordedAt: Date; by: string | null }): void {
    const effects = effectsOf(values.kind, values.pence);
    cursor.balance = applyEffects(cursor.balance, effects);
    if (cursor.balance.committed + cursor.balance.spent > cursor.balance.budget || cursor.balance.committed < 0) {
      throw new Error(`demo proposals: "${cursor.stream.row.name}" cannot take ${values.kind} of ${values.pence}p`);
    }
    cursor.sequence += 1;
    const recordedAt = maxDate(values.recordedAt, cursor.lastRecordedAt);
    cursor.lastRecordedAt = recordedAt;
    const id = rng.uuid();
    out.ledgerEntries.push({
      id, partnership_id: partnershipId, stream_id: cursor.stream.row.id, sequence: cursor.sequence, kind: values.kind, amount_pence: values.pence,
      budget_effect_pence: effects.budget, committed_effect_pence: effects.committed, spent_effect_pence: effects.spent,
      budget_after_pence: cursor.balance.budget, committed_after_pence: cursor.balance.committed, spent_after_pence: cursor.balance.spent,
      organisation_id: values.organisationId, course_id: values.courseId, session_id: values.sessionId, booking_id: null, reverses_entry_id: null,
      wasted: false, occurred_at: values.occurredAt, quarter: quarterWithin(cursor.stream.year, values.occurredAt, tenancy.partnership.financial_year_start_month),
      reason: values.reason, idempotency_key: null, recorded_by_person_id: values.by, recorded_at: recordedAt,
      proposal_id: values.proposalId, pledge_id: values.pledgeId,
    });
    audit({ actor_person_id: values.by, action: `funding.${values.kind}_recorded`, subject_type: 'ledger_entry', subject_id: id, occurred_at: recordedAt,
      details: { streamId: cursor.stream.row.id, amountPence: values.pence, reason: values.reason, bookingId: null, reversesEntryId: null,
        proposalId: values.proposalId, pledgeId: values.pledgeId } });
  }

  specs.forEach((p, index) => {
    const id = rng.uuid();
    const organisationId = organisationOf(tenancy, p.proposer).id;
    const proposedBy = leadOf(p.proposer);
    const course = courses.find((c) => c.row.title === p.course);
    if (!course) throw new Error(`demo proposals: no course "${p.course}"`);
    const proposedAt = ago(p.proposedDaysAgo, index);
    const decidedAt = p.decision ? ago(p.decision.daysAgo, index) : null;
    const decidedBy = p.decision ? personByEmail(p.decision.by) : null;
    const estimated = p.pounds * 100;

    const needIds: string[] = [];
    for (const need of p.newNeeds ?? []) {
      const needId = rng.uuid();
      const raisedAt = addMs(proposedAt, -2 * DAY_MS);
      out.trainingNeeds.push({
        id: needId, partnership_id: partnershipId, organisation_id: organisationOf(tenancy, need.organisation).id, raised_by_person_id: leadOf(need.organisation),
        scope: 'organisation', team_manager_person_id: null, for_person_id: null, topic: need.topic, detail: '', mandatory_subject: need.mandatorySubject,
        ksf_dimension: null, people_count: need.people, audience: 'staff', priority: 'high',
        wanted_by: calendarDateIn(tenancy.partnership.time_zone, addMs(now, 90 * DAY_MS)), status: 'in_proposal',
        met_by_course_id: p.state === 'approved' ? course.row.id : null, withdrawn_reason: null, withdrawn_at: null,
        created_at: raisedAt, updated_at: decidedAt ?? proposedAt,
      });
      needIds.push(needId);
    }
    for (const topic of p.needTopics ?? []) {
      const need = existingNeeds.find((n) => n.topic === topic);
      if (!need) throw new Error(`demo proposals: no need "${topic}"`);
      needIds.push(need.id);
    }
    out.proposalNeeds.push(...needIds.map((needId) => ({ partnership_id: partnershipId, proposal_id: id, need_id: needId })));
    out.proposals.push({
      id, partnership_id: partnershipId, proposed_by_person_id: proposedBy, proposing_organisation_id: organisationId, title: p.title, summary: p.summary,
      course_id: course.row.id, draft_course: null, financial_year: current[0].year.label, sessions_planned: p.sessions, seats_per_session: p.seatsPerSession,
      estimated_cost_pence: estimated,
      pledge_deadline: p.state === 'open' ? addMs(now, 21 * DAY_MS) : addMs(proposedAt, 28 * DAY_MS),
      status: p.state, decided_by_person_id: decidedBy, decided_at: decidedAt, decision_reason: p.decision?.reason ?? null,
      shortfall_accepted_pence: null, created_at: proposedAt,
    });
    p.options.forEach((option, position) => out.deliveryOptions.push({
      id: rng.uuid(), partnership_id: partnershipId, proposal_id: id, position: position + 1, kind: option.provider ? 'internal' : 'external',
      provider_organisation_id: option.provider ? organisationOf(tenancy, option.provider).id : null, provider_name: option.provider ? null : option.name!,
      quoted_cost_pence: option.pounds * 100, notes: option.notes, chosen: p.state === 'approved' && position === 0,
    }));
    audit({ actor_person_id: proposedBy, action: 'commissioning.proposed', subject_type: 'commissioning_proposal', subject_id: id, occurred_at: proposedAt,
      details: { title: p.title, organisationId, needIds, courseId: course.row.id, newCourse: false, sessionsPlanned: p.sessions,
        seatsPerSession: p.seatsPerSession, estimatedCostPence: estimated, financialYear: current[0].year.label } });

    const pledges = p.pledges.map((pledge, n) => {
      const pledgeId = rng.uuid();
      const pledgedAt = minDate(addMs(proposedAt, (n + 1) * 5 * HOUR_MS), decidedAt ?? now);
      const by = leadOf(pledge.organisation);
      const orgId = organisationOf(tenancy, pledge.organisation).id;
      const cursor = pledge.stream ? streamNamed(pledge.stream) : null;
      const ended = p.state === 'open' ? null : decidedAt;
      out.pledges.push({
        id: pledgeId, partnership_id: partnershipId, proposal_id: id, organisation_id: orgId, pledged_by_person_id: by, seats: pledge.seats,
        amount_pence: pledge.pounds * 100, stream_id: cursor?.stream.row.id ?? null,
        status: p.state === 'open' ? 'active' : p.state === 'approved' ? 'converted' : 'released', created_at: pledgedAt, ended_at: ended,
        ended_by_person_id: ended ? decidedBy : null,
      });
      if (cursor && pledge.pounds) {
        post(cursor, { kind: 'commitment', pence: pledge.pounds * 100, organisationId: orgId, courseId: course.row.id, sessionId: null, proposalId: id,
          pledgeId, reason: `Pledged to "${p.title}"`, occurredAt: pledgedAt, recordedAt: pledgedAt, by });
      }
      audit({ actor_person_id: by, action: 'commissioning.pledged', subject_type: 'commissioning_pledge', subject_id: pledgeId, occurred_at: pledgedAt,
        details: { proposalId: id, organisationId: orgId, seats: pledge.seats, amountPence: pledge.pounds * 100, streamId: cursor?.stream.row.id ?? null } });
      return { pledgeId, orgId, cursor, pence: pledge.pounds * 100, seats: pledge.seats };
    });

    if (p.state === 'declined') {
      for (const pledge of pledges.filter((x) => x.cursor && x.pence)) {
        post(pledge.cursor!, { kind: 'release', pence: pledge.pence, organisationId: pledge.orgId, courseId: course.row.id, sessionId: null, proposalId: id,
          pledgeId: pledge.pledgeId, reason: 'Proposal declined', occurredAt: decidedAt!, recordedAt: decidedAt!, by: decidedBy });
      }
      audit({ actor_person_id: decidedBy, action: 'commissioning.declined', subject_type: 'commissioning_proposal', subject_id: id, occurred_at: decidedAt!,
        details: { reason: p.decision!.reason, releasedPledges: pledges.map((x) => x.pledgeId), releasedPence: pledges.reduce((s, x) => s + x.pence, 0) } });
    }

    if (p.state === 'approved') {
      const seats = [...new Map(pledges.map((x) => [x.orgId, 0])).keys()].sort()
        .map((orgId) => ({ organisationId: orgId, seats: pledges.filter((x) => x.orgId === orgId).reduce((s, x) => s + x.seats, 0) }));
      const spread = spreadSeats(p.sessions, p.seatsPerSession, seats);
      const split = splitCostProRata(estimated, seats);
      if (!spread.ok || !split.ok) throw new Error('demo proposals: the approved pledges do not spread');
      const firstDay = dayNumber(addMs(now, (p.firstSessionInDays ?? 21) * DAY_MS));
      const venue = venues[0];
      const scheduled = spread.sessions.map((held, n) => {
        const sessionId = rng.uuid();
        const startsAt = londonTime(firstDay + 7 * n, 9, 30);
        out.sessions.push({
          id: sessionId, partnership_id: partnershipId, course_id: course.row.id, starts_at: startsAt, ends_at: londonTime(firstDay + 7 * n, 13, 0),
          delivery_mode: 'in_person', venue_id: venue.id, capacity: p.seatsPerSession, booking_closes_at: startsAt,
          release_at: maxDate(addMs(startsAt, -14 * DAY_MS), now), status: 'scheduled', created_at: decidedAt!, proposal_id: id,
        });
        out.seatAllocations.push(...held.allocations.map((a) => ({ id: rng.uuid(), partnership_id: partnershipId, session_id: sessionId,
          organisation_id: a.organisationId, seats: a.seats })));
        return { sessionId, held: new Map(held.allocations.map((a) => [a.organisationId, a.seats])) };
      });
      for (const pledge of pledges.filter((x) => x.cursor && x.pence)) {
        post(pledge.cursor!, { kind: 'release', pence: pledge.pence, organisationId: pledge.orgId, courseId: course.row.id, sessionId: null, proposalId: id,
          pledgeId: pledge.pledgeId, reason: 'Moved to the commissioned sessions', occurredAt: decidedAt!, recordedAt: decidedAt!, by: decidedBy });
        const parts = splitCostProRata(pledge.pence, scheduled.map((s, n) => ({ organisationId: String(n).padStart(4, '0'), seats: s.held.get(pledge.orgId) ?? 0 })));
        if (!parts.ok) throw new Error('demo proposals: a pledge does not share over its sessions');
        parts.parts.forEach((part, n) => {
          if (!part.pence) return;
          post(pledge.cursor!, { kind: 'commitment', pence: part.pence, organisationId: pledge.orgId, courseId: course.row.id, sessionId: scheduled[n].sessionId,
            proposalId: id, pledgeId: pledge.pledgeId, reason: 'Commissioned session', occurredAt: decidedAt!, recordedAt: decidedAt!, by: decidedBy });
        });
      }
      audit({ actor_person_id: decidedBy, action: 'commissioning.approved', subject_type: 'commissioning_proposal', subject_id: id, occurred_at: decidedAt!,
        details: { courseId: course.row.id, published: false, sessionIds: scheduled.map((s) => s.sessionId), pledgedPence: pledges.reduce((s, x) => s + x.pence, 0),
          shortfallAcceptedPence: null, reason: null, costShares: split.parts } });
    }
  });

  for (const cursor of cursors.values()) {
    cursor.stream.row.budget_pence = cursor.balance.budget;
    cursor.stream.row.committed_pence = cursor.balance.committed;
    cursor.stream.row.spent_pence = cursor.balance.spent;
    cursor.stream.row.entry_count = cursor.sequence;
  }
  return out;
}
