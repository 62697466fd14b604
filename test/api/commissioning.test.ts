import { randomUUID } from 'node:crypto';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makeSession, makeVenue } from '../support/catalogue-fixtures';
import { makeStream } from '../support/funding-fixtures';
import { organisationId } from '../support/admin-fixtures';
import {
  APPROVE, DECLINE, PLEDGE, PROPOSAL, PROPOSE, WITHDRAW, YEAR, approvedSessions, call, daysFromNow, expectCommissioningInvariants, makeLeads,
  makeNeed, proposalInput, type ProposalShape, type UserErrorShape,
} from '../support/commissioning-fixtures';
import { ProposalDecisionService } from '../../server/src/modules/commissioning/proposal-decision.service';
import { LAPSE_PROPOSALS_TASK, cronItems, createTaskList } from '../../server/src/jobs/task-list';

/**
 * Shared commissioning over HTTP on the demo partnership: a lead proposes against needs, partners
 * pledge seats and money (each a ledger commitment against the proposal, never past the stream's
 * budget), withdraw, and an administrator or steering member approves (course published, sessions
 * scheduled with allocations equal to the pledged seats, the cost split pro rata, the money moved
 * onto the sessions) or declines (every pledge released); undecided proposals lapse at their
 * deadline. Every bad input is a field-level error that writes nothing. The ledger's and
 * commissioning's invariants are checked after every test.
 */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let leadsB: Array<{ personId: string; token: string }>;
let leadsC: Array<{ personId: string; token: string }>;

const codes = (errors: UserErrorShape[] | undefined) => (errors ?? []).map((e) => `${e.field.join('.')}:${e.code}`).sort();
const count = async (sql: string, params: unknown[] = []) => Number((await portal.dataSource.query(sql, params))[0].n);
const writes = () => Promise.all([
  count('SELECT count(*) AS n FROM commissioning_proposal'), count('SELECT count(*) AS n FROM commissioning_pledge'),
  count('SELECT count(*) AS n FROM ledger_entry'), count('SELECT count(*) AS n FROM training_session'),
  count(`SELECT count(*) AS n FROM training_need WHERE status = 'in_proposal'`),
]);

async function needs(n = 3): Promise<string[]> {
  const raisers = [[ids.pcc, ids.leadPerson], [ids.orgB, leadsB[0].personId], [ids.orgC, leadsC[0].personId]];
  return Promise.all(Array.from({ length: n }, (_, i) => makeNeed(portal.dataSource, {
    partnershipId: ids.gp, organisationId: raisers[i % 3][0], raisedByPersonId: raisers[i % 3][1], peopleCount: 20 + i })));
}

async function propose(overrides: Record<string, unknown> = {}, token = tokens.lead) {
  const response = await call<'proposeCommissioning'>(portal, PROPOSE, proposalInput(await needs(), ids.course, overrides), token);
  expect(response.errors).toBeUndefined();
  expect(response.data!.proposeCommissioning.userErrors).toEqual([]);
  return response.data!.proposeCommissioning.proposal;
}

const pledge = (token: string, input: Record<string, unknown>) => call<'pledgeToProposal'>(portal, PLEDGE, input, token);
const approve = (token: string, input: Record<string, unknown>) => call<'approveProposal'>(portal, APPROVE, input, token);

beforeAll(async () => {
  portal = await startPortal({ template: 'demo', config: { signInLimitPerAddress: 10_000 } });
  for (const who of ['lead', 'admin', 'steering', 'provider']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  ids.gp = (await portal.dataSource.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`))[0].id;
  ids.fen = (await portal.dataSource.query(`SELECT id FROM partnership WHERE slug = 'fenland-care-partnership'`))[0].id;
  ids.pcc = await organisationId(portal, 'PCC');
  ids.leadPerson = (await portal.dataSource.query(`SELECT id FROM person WHERE email = 'lead@demo.portal'`))[0].id;
  ids.orgB = await makeOrganisation(portal.dataSource, ids.gp, { name: 'Nene Care Homes' });
  ids.orgC = await makeOrganisation(portal.dataSource, ids.gp, { name: 'Fenway Home Care' });
  leadsB = await makeLeads(portal.dataSource, ids.gp, ids.orgB, 2);
  leadsC = await makeLeads(portal.dataSource, ids.gp, ids.orgC, 1);
  ids.provider = await organisationId(portal, 'PSHNHSFT');
  ids.course = await makeCourse(portal.dataSource, ids.gp, ids.provider, { title: 'Moving and handling of people', mandatorySubject: 'moving-and-handling' });
  ids.venue = await makeVenue(portal.dataSource, ids.gp, { town: 'Peterborough', latitude: 52.57, longitude: -0.24 });
  ids.pccStream = await makeStream(portal.dataSource, { partnershipId: ids.gp, managingOrganisationId: ids.pcc, budgetPence: 100_000_00 });
  ids.smallStream = await makeStream(portal.dataSource, { partnershipId: ids.gp, managingOrganisationId: ids.pcc, budgetPence: 150_00 });
  ids.bStream = await makeStream(portal.dataSource, { partnershipId: ids.gp, managingOrganisationId: ids.orgB, budgetPence: 100_000_00 });
  ids.cStream = await makeStream(portal.dataSource, { partnershipId: ids.gp, managingOrganisationId: ids.orgC, budgetPence: 100_000_00 });
  const [start] = YEAR().split('/').map(Number);
  ids.nextYearStream = await makeStream(portal.dataSource, { partnershipId: ids.gp, managingOrganisationId: ids.pcc, budgetPence: 1_000_00,
    financialYear: `${start + 1}/${String((start + 2) % 100).padStart(2, '0')}` });
  const fenOrg = (await portal.dataSource.query('SELECT id FROM organisation WHERE partnership_id = $1 LIMIT 1', [ids.fen]))[0].id;
  ids.foreignStream = await makeStream(portal.dataSource, { partnershipId: ids.fen, managingOrganisationId: fenOrg, budgetPence: 1_000_00 });
}, 180_000);

afterEach(async () => {
  await expectCommissioningInvariants(portal.dataSource);
});

afterAll(async () => {
  await portal?.stop();
});

describe('proposing', () => {
  it('proposes against open needs, which go into the proposal, with its options and targets', async () => {
    const proposal = await propose({ deliveryOptions: [{ providerOrganisationId: ids.provider, quotedCost: '900' }, { providerName: 'Lift Ltd', quotedCost: '1,200.50', notes: 'Two trainers' }] });
    expect(proposal).toMatchObject({ status: 'OPEN', seatsPlanned: 20, estimatedCost: { pence: 100_000 }, proposingOrganisation: { id: ids.pcc },
      course: { id: ids.course }, draftCourse: null, progress: { seatsPledged: 0, seatsPlanned: 20, moneyPledged: { pence: 0 }, covered: false } });
    expect(proposal.needs.map((n: { status: string }) => n.status)).toEqual(['IN_PROPOSAL', 'IN_PROPOSAL', 'IN_PROPOSAL']);
    expect(proposal.deliveryOptions).toEqual([
      expect.objectContaining({ kind: 'INTERNAL', providerName: expect.any(String), quotedCost: { pence: 90_000 }, providerOrganisation: { id: ids.provider } }),
      expect.objectContaining({ kind: 'EXTERNAL', providerName: 'Lift Ltd', quotedCost: { pence: 120_050 }, providerOrganisation: null }),
    ]);
    // The lead sees the streams their organisation may pledge from, with what each has left; the other year's is not among them.
    expect(proposal.pledgeableStreams.map((s: { id: string }) => s.id)).toContain(ids.pccStream);
    expect(proposal.pledgeableStreams.map((s: { id: string }) => s.id)).not.toContain(ids.nextYearStream);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'commissioning.proposed' AND subject_id = $1`, [proposal.id])).toBe(1);
  });

  it('answers every bad field at once and writes nothing', async () => {
    const [open] = await needs(1);
    const taken = await makeNeed(portal.dataSource, { partnershipId: ids.gp, organisationId: ids.pcc, raisedByPersonId: ids.leadPerson, status: 'withdrawn' });
    const before = await writes();
    const response = await call<'proposeCommissioning'>(portal, PROPOSE, proposalInput([open, taken, randomUUID(), open], ids.course, {
      courseId: null, pledgeDeadline: daysFromNow(-1).toISOString(), estimatedCost: '10.001', financialYear: '2026/28',
      deliveryOptions: [{ quotedCost: '-5' }], sessionsPlanned: 0,
    }), tokens.lead);
    expect(codes(response.data!.proposeCommissioning.userErrors)).toEqual([
      'input.courseId:REQUIRED', 'input.deliveryOptions.0.providerName:REQUIRED', 'input.deliveryOptions.0.quotedCost:NEGATIVE',
      'input.estimatedCost:FRACTIONAL_PENNY', 'input.financialYear:OUT_OF_RANGE', 'input.needIds.1:NEED_NOT_OPEN', 'input.needIds.2:NOT_FOUND',
      'input.needIds.3:DUPLICATE', 'input.pledgeDeadline:IN_THE_PAST', 'input.sessionsPlanned:INVALID',
    ]);
    expect(await writes()).toEqual(before);
  });

  it('checks a new course as createCourse does, and refuses a course and a new one together', async () => {
    const newCourse = { title: '', method: 'CLASSROOM', durationHours: 3, audience: 'STAFF', visibility: 'PARTNERSHIP', costPerPlace: '1.999', mandatorySubject: 'no-such-subject' };
    const bad = await call<'proposeCommissioning'>(portal, PROPOSE, proposalInput(await needs(1), ids.course, { courseId: null, newCourse }), tokens.lead);
    expect(codes(bad.data!.proposeCommissioning.userErrors)).toEqual(['input.newCourse.costPerPlace:FRACTIONAL_PENNY',
      'input.newCourse.mandatorySubject:NOT_FOUND', 'input.newCourse.providerOrganisationId:REQUIRED', 'input.newCourse.title:INVALID']);
    const both = await call<'proposeCommissioning'>(portal, PROPOSE, proposalInput(await needs(1), ids.course, {
      newCourse: { ...newCourse, title: 'A title', costPerPlace: '0', mandatorySubject: null, providerOrganisationId: ids.provider } }), tokens.lead);
    expect(codes(both.data!.proposeCommissioning.userErrors)).toEqual(['input.newCourse:NOT_ALLOWED']);
  });
});

describe('pledging', () => {
  it('commits the money on the stream against the proposal, and shows the progress', async () => {
    const proposal = await propose();
    const response = await pledge(tokens.lead, { proposalId: proposal.id, seats: 5, amount: '250.00', streamId: ids.pccStream });
    expect(response.data!.pledgeToProposal.userErrors).toEqual([]);
    expect(response.data!.pledgeToProposal.pledge).toMatchObject({ seats: 5, amount: { pence: 25_000 }, status: 'ACTIVE' });
    expect(response.data!.pledgeToProposal.proposal.progress).toEqual({ seatsPledged: 5, moneyPledged: { pence: 25_000 } });
    const entries = await portal.dataSource.query('SELECT kind, amount_pence::int AS amount, organisation_id, session_id FROM ledger_entry WHERE pledge_id = $1',
      [response.data!.pledgeToProposal.pledge.id]);
    expect(entries).toEqual([{ kind: 'commitment', amount: 25_000, organisation_id: ids.pcc, session_id: null }]);
    // Seats only need no stream.
    const seatsOnly = await pledge(leadsB[0].token, { proposalId: proposal.id, seats: 3 });
    expect(seatsOnly.data!.pledgeToProposal.userErrors).toEqual([]);
    const read = await portal.graphql<{ commissioningProposal: ProposalShape }>(PROPOSAL, { id: proposal.id }, { token: tokens.steering });
    expect(read.data!.commissioningProposal.pledgesByOrganisation).toEqual(expect.arrayContaining([
      { organisation: { id: ids.pcc }, seats: 5, amount: { pence: 25_000 }, costShare: { pence: 62_500 } },
      { organisation: { id: ids.orgB }, seats: 3, amount: { pence: 0 }, costShare: { pence: 37_500 } },
    ]));
    expect(read.data!.commissioningProposal.pledgeableStreams).toEqual([]);
  });

  it('refuses every bad pledge with a field-level error and writes nothing', async () => {
    const proposal = await propose();
    const before = await writes();
    const cases: Array<[Record<string, unknown>, string[], string?]> = [
      [{ seats: 0 }, ['input.seats:INVALID']],
      [{ seats: -3 }, ['input.seats:INVALID']],
      [{}, ['input.seats:REQUIRED']],
      [{ amount: '0', streamId: ids.pccStream }, ['input.amount:ZERO']],
      [{ amount: '-10', streamId: ids.pccStream }, ['input.amount:NEGATIVE']],
      [{ amount: '10.005', streamId: ids.pccStream }, ['input.amount:FRACTIONAL_PENNY']],
      [{ amount: '10.00' }, ['input.streamId:REQUIRED']],
      [{ seats: 2, streamId: ids.pccStream }, ['input.streamId:NOT_ALLOWED']],
      [{ seats: 21 }, ['input.seats:OVER_SEATS']],
      [{ amount: '10.00', streamId: ids.foreignStream }, ['input.streamId:NOT_FOUND']],
      [{ amount: '10.00', streamId: ids.nextYearStream }, ['input.streamId:WRONG_YEAR']],
      [{ amount: '10.00', streamId: ids.bStream }, ['input.streamId:NOT_OWN_STREAM']],
      [{ amount: '150.01', streamId: ids.smallStream }, ['input.amount:FUNDS_EXHAUSTED']],
      [{ seats: 1, idempotencyKey: 'bad key with spaces' }, ['input.idempotencyKey:INVALID']],
    ];
    for (const [input, expected] of cases) {
      const response = await pledge(tokens.lead, { proposalId: proposal.id, ...input });
      expect([JSON.stringify(input), codes(response.data!.pledgeToProposal.userErrors)]).toEqual([JSON.stringify(input), expected]);
    }
    expect(await writes()).toEqual(before);
    // Another tenant's proposal id is unknown; pledging for an organisation one does not lead is forbidden.
    expect(codes((await pledge(tokens.lead, { proposalId: randomUUID(), seats: 1 })).data!.pledgeToProposal.userErrors)).toEqual(['input.proposalId:NOT_FOUND']);
    expect((await pledge(tokens.lead, { proposalId: proposal.id, seats: 1, organisationId: ids.orgB })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers a replayed key with the first pledge, and refuses the key for another pledge', async () => {
    const proposal = await propose();
    const key = `pledge-${randomUUID()}`;
    const input = { proposalId: proposal.id, seats: 2, amount: '100.00', streamId: ids.pccStream, idempotencyKey: key };
    const [first, second] = await Promise.all([pledge(tokens.lead, input), pledge(tokens.lead, input)]);
    expect(first.data!.pledgeToProposal.pledge.id).toBe(second.data!.pledgeToProposal.pledge.id);
    const third = await pledge(tokens.lead, input);
    expect(third.data!.pledgeToProposal.pledge.id).toBe(first.data!.pledgeToProposal.pledge.id);
    expect(await count('SELECT count(*) AS n FROM commissioning_pledge WHERE proposal_id = $1', [proposal.id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM ledger_entry WHERE proposal_id = $1', [proposal.id])).toBe(1);
    const other = await pledge(tokens.lead, { ...input, seats: 3 });
    expect(codes(other.data!.pledgeToProposal.userErrors)).toEqual(['input.idempotencyKey:IDEMPOTENCY_KEY_REUSED']);
  });

  it('withdraws a pledge, releasing its money, once; only its organisation\'s leads may', async () => {
    const proposal = await propose();
    const made = await pledge(leadsB[0].token, { proposalId: proposal.id, seats: 4, amount: '400.00', streamId: ids.bStream });
    const pledgeId = made.data!.pledgeToProposal.pledge.id;
    expect((await call<'withdrawPledge'>(portal, WITHDRAW, { pledgeId }, tokens.lead)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const key = `withdraw-${randomUUID()}`;
    // Another lead of the same organisation withdraws it.
    const withdrawn = await call<'withdrawPledge'>(portal, WITHDRAW, { pledgeId, idempotencyKey: key }, leadsB[1].token);
    expect(withdrawn.data!.withdrawPledge).toMatchObject({ pledge: { id: pledgeId, status: 'WITHDRAWN' }, userErrors: [],
      proposal: { progress: { seatsPledged: 0, moneyPledged: { pence: 0 } } } });
    const replay = await call<'withdrawPledge'>(portal, WITHDRAW, { pledgeId, idempotencyKey: key }, leadsB[1].token);
    expect(replay.data!.withdrawPledge.userErrors).toEqual([]);
    const again = await call<'withdrawPledge'>(portal, WITHDRAW, { pledgeId }, leadsB[1].token);
    expect(codes(again.data!.withdrawPledge.userErrors)).toEqual(['input.pledgeId:ALREADY_ENDED']);
    expect(await portal.dataSource.query('SELECT kind, amount_pence::int AS amount FROM ledger_entry WHERE pledge_id = $1 ORDER BY sequence', [pledgeId]))
      .toEqual([{ kind: 'commitment', amount: 40_000 }, { kind: 'release', amount: 40_000 }]);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'commissioning.pledge_withdrawn' AND subject_id = $1`, [pledgeId])).toBe(1);
  });
});

describe('deciding', () => {
  async function pledged(overrides: Record<string, unknown> = {}) {
    const proposal = await propose(overrides);
    const a = await pledge(tokens.lead, { proposalId: proposal.id, seats: 7, amount: '500.00', streamId: ids.pccStream });
    const b = await pledge(leadsB[0].token, { proposalId: proposal.id, seats: 5, amount: '300.00', streamId: ids.bStream });
    const c = await pledge(leadsC[0].token, { proposalId: proposal.id, seats: 3, amount: '200.00', streamId: ids.cStream });
    for (const r of [a, b, c]) expect(r.data!.pledgeToProposal.userErrors).toEqual([]);
    return { proposal, pledgeIds: [a, b, c].map((r) => r.data!.pledgeToProposal.pledge.id as string) };
  }

  it('approves: publishes, schedules with the pledged seats, splits the cost, moves the money, converts the pledges, tells the leads', async () => {
    const { proposal, pledgeIds } = await pledged();
    const response = await approve(tokens.admin, { proposalId: proposal.id, sessions: approvedSessions(2), deliveryOptionId: proposal.deliveryOptions[0].id });
    expect(response.data!.approveProposal.userErrors).toEqual([]);
    const approved = response.data!.approveProposal.proposal;
    expect(approved).toMatchObject({ status: 'APPROVED', course: { id: ids.course }, progress: { seatsPledged: 15, covered: true } });
    expect(approved.deliveryOptions[0].chosen).toBe(true);
    expect(approved.sessions).toHaveLength(2);
    const held = (org: string) => approved.sessions.map((s) => s.allocations.find((a) => a.organisation.id === org)?.seats ?? 0);
    expect(held(ids.pcc).reduce((a: number, b: number) => a + b, 0)).toBe(7);
    expect(held(ids.orgB).reduce((a: number, b: number) => a + b, 0)).toBe(5);
    expect(held(ids.orgC).reduce((a: number, b: number) => a + b, 0)).toBe(3);
    expect(approved.sessions.every((s) => s.capacity === 10)).toBe(true);
    // £1,000 over 15 seats: 7, 5 and 3 seats pay 466.67, 333.33 and 200.00, exactly £1,000 in all.
    const shares = Object.fromEntries(approved.pledgesByOrganisation.map((o) => [o.organisation.id, o.costShare.pence]));
    expect(shares).toEqual({ [ids.pcc]: 46_667, [ids.orgB]: 33_333, [ids.orgC]: 20_000 });
    expect(approved.pledges.every((p) => p.status === 'CONVERTED')).toBe(true);
    expect(approved.needs.every((n) => n.status === 'IN_PROPOSAL')).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM training_need n JOIN commissioning_proposal_need pn ON pn.need_id = n.id
      WHERE pn.proposal_id = $1 AND n.met_by_course_id = $2`, [proposal.id, ids.course])).toBe(3);
    // Each pledge's money is off the proposal and on the sessions, which appear in the catalogue.
    const onSessions: Array<{ pledge_id: string; pence: number }> = await portal.dataSource.query(`SELECT pledge_id, sum(committed_effect_pence)::int AS pence FROM ledger_entry
      WHERE pledge_id = ANY($1) AND session_id IS NOT NULL GROUP BY pledge_id`, [pledgeIds]);
    expect(Object.fromEntries(onSessions.map((r) => [r.pledge_id, r.pence]))).toEqual({ [pledgeIds[0]]: 50_000, [pledgeIds[1]]: 30_000, [pledgeIds[2]]: 20_000 });
    const session = await portal.graphql<{ session: { id: string; course: { id: string } } | null }>('query($id: ID!) { session(id: $id) { id course { id } } }',
      { id: approved.sessions[0].id }, { token: tokens.lead });
    expect(session.data!.session?.course.id).toBe(ids.course);
    const emails = await portal.dataSource.query(`SELECT to_address, subject FROM email_outbox WHERE kind = 'proposal_approved' AND subject = $1`,
      [`Approved: ${proposal.title}`]);
    expect(emails).toHaveLength(3);

    // Decided: approving twice, pledging and withdrawing are refused.
    expect(codes((await approve(tokens.steering, { proposalId: proposal.id, sessions: approvedSessions(2) })).data!.approveProposal.userErrors))
      .toEqual(['input.proposalId:PROPOSAL_DECIDED']);
    expect(codes((await pledge(tokens.lead, { proposalId: proposal.id, seats: 1 })).data!.pledgeToProposal.userErrors)).toEqual(['input.proposalId:PROPOSAL_DECIDED']);
    expect(codes((await call<'withdrawPledge'>(portal, WITHDRAW, { pledgeId: pledgeIds[0] }, tokens.lead)).data!.withdrawPledge.userErrors))
      .toEqual(['input.pledgeId:PROPOSAL_DECIDED']);
  });

  it('publishes a new course from the draft when approved', async () => {
    const proposal = await propose({ courseId: null, newCourse: { title: 'Safer handling for home carers', method: 'CLASSROOM', durationHours: 3.5,
      audience: 'STAFF', visibility: 'PARTNERSHIP', costPerPlace: '0', providerOrganisationId: ids.provider, mandatorySubject: 'moving-and-handling' }, estimatedCost: '0' });
    expect(proposal.draftCourse).toEqual({ title: 'Safer handling for home carers', providerOrganisation: { id: ids.provider } });
    await pledge(tokens.lead, { proposalId: proposal.id, seats: 4 });
    // A steering group member approves; they see sessions but not their allocations (the catalogue's rule).
    const response = await call<'approveProposal'>(portal, `mutation($input: ApproveProposalInput!) { approveProposal(input: $input) {
      proposal { status draftCourse { title } course { title } sessions { id capacity } } userErrors { field message code } } }`,
    { proposalId: proposal.id, sessions: [{ ...approvedSessions(1)[0], deliveryMode: 'IN_PERSON', venueId: ids.venue }, approvedSessions(1, 30)[0]] },
    tokens.steering);
    expect(response.errors).toBeUndefined();
    expect(response.data!.approveProposal.userErrors).toEqual([]);
    expect(response.data!.approveProposal.proposal).toMatchObject({ status: 'APPROVED', draftCourse: null, course: { title: 'Safer handling for home carers' } });
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'courses.created' AND details->>'publishedBy' = 'approval'`)).toBeGreaterThan(0);
  });

  it('publishes a priced draft free: a booking on an approved session commits nothing to any stream', async () => {
    const proposal = await propose({ courseId: null, newCourse: { title: 'Hoists and slings for carers', method: 'CLASSROOM', durationHours: 3,
      audience: 'STAFF', visibility: 'PARTNERSHIP', costPerPlace: '45.00', fundingStreamId: ids.pccStream, providerOrganisationId: ids.provider },
    estimatedCost: '400.00' });
    const pledged = await pledge(tokens.lead, { proposalId: proposal.id, seats: 4, amount: '400.00', streamId: ids.pccStream });
    expect(pledged.data!.pledgeToProposal.userErrors).toEqual([]);
    const approved = await approve(tokens.admin, { proposalId: proposal.id, sessions: approvedSessions(2) });
    expect(approved.data!.approveProposal.userErrors).toEqual([]);
    const sessionId = approved.data!.approveProposal.proposal.sessions[0].id as string;
    const [course] = await portal.dataSource.query(
      'SELECT c.cost_per_place_pence::int AS cost, c.funding_stream_id, c.is_joint FROM course c JOIN training_session s ON s.course_id = c.id WHERE s.id = $1',
      [sessionId]);
    expect(course).toEqual({ cost: 0, funding_stream_id: null, is_joint: true });

    const [learner] = await portal.dataSource.query(`SELECT p.id FROM person p JOIN role_grant g ON g.person_id = p.id AND g.role = 'learner'
      WHERE p.organisation_id = $1 AND p.partnership_id = $2 AND p.email <> 'lead@demo.portal' ORDER BY p.id LIMIT 1`, [ids.pcc, ids.gp]);
    const entriesBefore = await count('SELECT count(*) AS n FROM ledger_entry');
    const booked = await portal.graphql<{ bookSession: { booking: { id: string; status: string } | null; userErrors: UserErrorShape[] } }>(
      'mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { field message code } } }',
      { input: { sessionId, personId: learner.id } }, { token: tokens.lead });
    expect(booked.errors).toBeUndefined();
    expect(booked.data!.bookSession.userErrors).toEqual([]);
    expect(booked.data!.bookSession.booking?.status).toBe('CONFIRMED');
    const bookingId = booked.data!.bookSession.booking!.id;
    expect(await count('SELECT cost_pence AS n FROM booking WHERE id = $1', [bookingId])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM ledger_entry WHERE booking_id = $1', [bookingId])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM ledger_entry')).toBe(entriesBefore);
  });

  it('charges nothing for a place on a commissioned session of an existing priced course: its pledges pay, the course price stays elsewhere', async () => {
    const priced = await makeCourse(portal.dataSource, ids.gp, ids.provider, { title: 'Safer people handling (priced)', costPence: 40_00,
      mandatorySubject: 'moving-and-handling' });
    await portal.dataSource.query('UPDATE course SET funding_stream_id = $2 WHERE id = $1', [priced, ids.pccStream]);
    const proposal = await propose({ courseId: priced, sessionsPlanned: 1, seatsPerSession: 2, estimatedCost: '200.00',
      deliveryOptions: [{ providerName: 'Handling Matters Ltd', quotedCost: '200.00' }] });
    expect((await pledge(tokens.lead, { proposalId: proposal.id, seats: 2, amount: '200.00', streamId: ids.pccStream })).data!.pledgeToProposal.userErrors)
      .toEqual([]);
    const approved = await approve(tokens.admin, { proposalId: proposal.id, sessions: approvedSessions(1) });
    expect(approved.data!.approveProposal.userErrors).toEqual([]);
    const sessionId = approved.data!.approveProposal.proposal.sessions[0].id as string;

    // The catalogue states the session's price, not the course's: free here, £40.00 on a session the provider scheduled.
    const own = { id: await makeSession(portal.dataSource, ids.gp, priced, { startsInDays: 40, deliveryMode: 'online', capacity: 5 }) };
    const prices = await portal.graphql<{ a: { isFree: boolean; costPerPlace: { pence: number } }; b: { isFree: boolean; costPerPlace: { pence: number } } }>(
      'query($a: ID!, $b: ID!) { a: session(id: $a) { isFree costPerPlace { pence } } b: session(id: $b) { isFree costPerPlace { pence } } }',
      { a: sessionId, b: own.id }, { token: tokens.lead });
    expect(prices.data).toEqual({ a: { isFree: true, costPerPlace: { pence: 0 } }, b: { isFree: false, costPerPlace: { pence: 40_00 } } });
    const free = await portal.graphql<{ sessions: { edges: Array<{ node: { id: string } }> } }>(
      `query($slug: String!, $course: ID!) { sessions(partnershipSlug: $slug, filter: { courseId: $course, freeOnly: true }, first: 50) { edges { node { id } } } }`,
      { slug: 'greater-peterborough', course: priced }, { token: tokens.lead });
    expect(free.data!.sessions.edges.map((e) => e.node.id)).toEqual([sessionId]);

    // Two places from the council's pledged seats, a third waits; a cancellation promotes it, still at no charge.
    const learners: Array<{ id: string }> = await portal.dataSource.query(`SELECT p.id FROM person p JOIN role_grant g ON g.person_id = p.id AND g.role = 'learner'
      WHERE p.organisation_id = $1 AND p.partnership_id = $2 AND p.email NOT LIKE '%@demo.portal' AND p.disabled_at IS NULL ORDER BY p.id LIMIT 3`, [ids.pcc, ids.gp]);
    const entriesBefore = await count('SELECT count(*) AS n FROM ledger_entry');
    const book = (personId: string) => portal.graphql<{ bookSession: { booking: { id: string; status: string } | null; userErrors: UserErrorShape[] } }>(
      'mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { field message code } } }',
      { input: { sessionId, personId } }, { token: tokens.lead });
    const placed = [];
    for (const learner of learners) placed.push((await book(learner.id)).data!.bookSession);
    expect(placed.map((p) => [p.booking?.status, p.userErrors])).toEqual([['CONFIRMED', []], ['CONFIRMED', []], ['WAITLISTED', []]]);
    const cancelled = await portal.graphql<{ cancelBooking: { userErrors: UserErrorShape[] } }>(
      'mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id } userErrors { field message code } } }',
      { input: { bookingId: placed[0].booking!.id } }, { token: tokens.lead });
    expect(cancelled.data!.cancelBooking.userErrors).toEqual([]);
    const rows: Array<{ status: string; cost: number }> = await portal.dataSource.query(
      'SELECT status, cost_pence::int AS cost FROM booking WHERE id = ANY($1) ORDER BY array_position($1, id)', [placed.map((p) => p.booking!.id)]);
    expect(rows).toEqual([{ status: 'cancelled', cost: 0 }, { status: 'confirmed', cost: 0 }, { status: 'confirmed', cost: 0 }]);
    expect(await count('SELECT count(*) AS n FROM ledger_entry WHERE booking_id = ANY($1)', [placed.map((p) => p.booking!.id)])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM ledger_entry')).toBe(entriesBefore);
  });

  it('refuses an approval the pledges do not cover, unless the exact shortfall is accepted with a reason', async () => {
    const proposal = await propose({ estimatedCost: '1500.00' });
    await pledge(tokens.lead, { proposalId: proposal.id, seats: 6, amount: '1000.00', streamId: ids.pccStream });
    const before = await writes();
    const sessions = approvedSessions(2);
    expect(codes((await approve(tokens.admin, { proposalId: proposal.id, sessions })).data!.approveProposal.userErrors))
      .toEqual(['input.shortfallAccepted:NOT_COVERED']);
    expect(codes((await approve(tokens.admin, { proposalId: proposal.id, sessions, shortfallAccepted: '400.00', reason: 'Council tops up' })).data!.approveProposal.userErrors))
      .toEqual(['input.shortfallAccepted:SHORTFALL_MISMATCH']);
    expect(codes((await approve(tokens.admin, { proposalId: proposal.id, sessions, shortfallAccepted: '500.00' })).data!.approveProposal.userErrors))
      .toEqual(['input.reason:REQUIRED']);
    const badSessions = [{ ...sessions[0], endsAt: daysFromNow(19).toISOString() }, { ...sessions[1], deliveryMode: 'IN_PERSON' }];
    expect(codes((await approve(tokens.admin, { proposalId: proposal.id, sessions: badSessions, shortfallAccepted: '500.00', reason: 'Agreed' })).data!.approveProposal.userErrors))
      .toEqual(['input.sessions.0.endsAt:ENDS_BEFORE_START', 'input.sessions.1.venueId:VENUE_REQUIRED']);
    expect(codes((await approve(tokens.admin, { proposalId: proposal.id, sessions: sessions.slice(1), shortfallAccepted: '500.00', reason: 'Agreed' })).data!.approveProposal.userErrors))
      .toEqual(['input.sessions:WRONG_SESSION_COUNT']);
    expect(await writes()).toEqual(before);
    const ok = await approve(tokens.admin, { proposalId: proposal.id, sessions, shortfallAccepted: '500.00', reason: 'The council meets the rest' });
    expect(ok.data!.approveProposal.userErrors).toEqual([]);
    expect(ok.data!.approveProposal.proposal).toMatchObject({ status: 'APPROVED', shortfallAccepted: { pence: 50_000 }, decisionReason: 'The council meets the rest' });
  });

  it('declines, releasing every pledge and opening the needs again', async () => {
    const { proposal, pledgeIds } = await pledged();
    const response = await call<'declineProposal'>(portal, DECLINE, { proposalId: proposal.id, reason: 'A course already runs in May' }, tokens.steering);
    expect(response.data!.declineProposal.userErrors).toEqual([]);
    expect(response.data!.declineProposal.proposal).toMatchObject({ status: 'DECLINED', decisionReason: 'A course already runs in May' });
    expect(response.data!.declineProposal.proposal.pledges.every((p) => p.status === 'RELEASED')).toBe(true);
    expect(response.data!.declineProposal.proposal.needs.every((n) => n.status === 'OPEN' || n.status === 'GROUPED')).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM ledger_entry WHERE pledge_id = ANY($1) AND kind = 'release'`, [pledgeIds])).toBe(3);
    expect(codes((await call<'declineProposal'>(portal, DECLINE, { proposalId: proposal.id, reason: 'Again' }, tokens.admin)).data!.declineProposal.userErrors))
      .toEqual(['input.proposalId:PROPOSAL_DECIDED']);
    expect(codes((await pledge(tokens.lead, { proposalId: proposal.id, seats: 1 })).data!.pledgeToProposal.userErrors)).toEqual(['input.proposalId:PROPOSAL_DECIDED']);
  });

  it('lapses open proposals past their deadline once, releasing their pledges', async () => {
    const { proposal, pledgeIds } = await pledged();
    await portal.dataSource.query(`UPDATE commissioning_proposal SET pledge_deadline = now() - interval '1 minute' WHERE id = $1`, [proposal.id]);
    expect(codes((await pledge(tokens.lead, { proposalId: proposal.id, seats: 1 })).data!.pledgeToProposal.userErrors)).toEqual(['input.proposalId:DEADLINE_PASSED']);
    const service = new ProposalDecisionService(portal.dataSource, portal.notices);
    const origin = { ipAddress: null, requestId: 'test' };
    const [a, b] = await Promise.all([service.lapseDue(new Date(), origin), service.lapseDue(new Date(), origin)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await service.lapseDue(new Date(), origin)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM commissioning_proposal WHERE id = $1 AND status = 'lapsed'`, [proposal.id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM ledger_entry WHERE pledge_id = ANY($1) AND kind = 'release'`, [pledgeIds])).toBe(3);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'commissioning.lapsed' AND subject_id = $1`, [proposal.id])).toBe(1);
    // The job runs every minute, queued once a minute across replicas by graphile-worker's cron.
    expect(cronItems).toContainEqual({ task: LAPSE_PROPOSALS_TASK, match: '* * * * *', identifier: LAPSE_PROPOSALS_TASK });
    expect(Object.keys(createTaskList({ dataSource: portal.dataSource } as Parameters<typeof createTaskList>[0]))).toContain(LAPSE_PROPOSALS_TASK);
  });
});

describe('reading', () => {
  it('reads the demo\'s proposals at demo size in a fixed number of statements', async () => {
    const demo: Array<{ id: string; status: string }> = await portal.dataSource.query(
      `SELECT id, status FROM commissioning_proposal WHERE partnership_id = $1
         AND id::text IN (SELECT subject_id FROM audit_log WHERE action = 'commissioning.proposed' AND request_id = 'demo-data') ORDER BY status`, [ids.gp]);
    expect(demo.map((p) => p.status)).toEqual(['approved', 'declined', 'open']);
    for (const { id, status } of demo) {
      const started = Date.now();
      const response = await portal.graphql<{ commissioningProposal: ProposalShape }>(PROPOSAL, { id }, { token: tokens.admin });
      console.log(`commissioningProposal at demo size (${status}): ${response.extensions!.sqlStatements} statements, ${Date.now() - started} ms`);
      expect(response.errors).toBeUndefined();
      expect(response.extensions!.sqlStatements).toBeLessThanOrEqual(11);
    }
  });

  it('costs the same statements for one proposal whatever it holds, and for a list whatever its length', async () => {
    const small = await propose();
    // One pledge of another organisation than the proposer's, so its organisation is loaded as the six's are.
    await pledge(leadsB[0].token, { proposalId: small.id, seats: 1, amount: '10.00', streamId: ids.bStream });
    const big = (await (async () => {
      const p = await propose({ sessionsPlanned: 3 });
      for (let i = 0; i < 4; i += 1) await pledge(tokens.lead, { proposalId: p.id, seats: 1, amount: '10.00', streamId: ids.pccStream });
      await pledge(leadsB[0].token, { proposalId: p.id, seats: 2, amount: '10.00', streamId: ids.bStream });
      await pledge(leadsC[0].token, { proposalId: p.id, seats: 2 });
      return p;
    })());
    const read = async (id: string) => {
      const started = Date.now();
      const response = await portal.graphql<{ commissioningProposal: ProposalShape }>(PROPOSAL, { id }, { token: tokens.lead });
      return { statements: response.extensions!.sqlStatements as number, ms: Date.now() - started, data: response.data };
    };
    const [one, many] = [await read(small.id), await read(big.id)];
    console.log(`commissioningProposal: ${one.statements} SQL statements (${one.ms} ms) with one pledge, ${many.statements} (${many.ms} ms) with six`);
    expect(many.data!.commissioningProposal.pledges).toHaveLength(6);
    expect(many.statements).toBe(one.statements);
    expect(one.statements).toBeLessThanOrEqual(12);
    const list = await portal.graphql<{ commissioningProposals: ProposalShape[] }>(
      `query($slug: String!) { commissioningProposals(partnershipSlug: $slug) { id pledges { id organisation { name } stream { name } } needs { id }
         deliveryOptions { providerName } sessions { id } pledgeableStreams { id } progress { seatsPledged } proposingOrganisation { name } course { title } } }`,
      { slug: 'greater-peterborough' }, { token: tokens.steering });
    const single = await portal.graphql<{ commissioningProposal: ProposalShape }>(
      `query($id: ID!) { commissioningProposal(id: $id) { id pledges { id organisation { name } stream { name } } needs { id }
         deliveryOptions { providerName } sessions { id } pledgeableStreams { id } progress { seatsPledged } proposingOrganisation { name } course { title } } }`,
      { id: big.id }, { token: tokens.steering });
    console.log(`commissioningProposals: ${list.data!.commissioningProposals.length} proposals in ${list.extensions!.sqlStatements} statements; one in ${single.extensions!.sqlStatements}`);
    expect(list.data!.commissioningProposals.length).toBeGreaterThanOrEqual(2);
    // The list adds its partnership's lookup, and a second wave of organisations when its proposals' pledgers differ: never more, however many.
    expect(list.extensions!.sqlStatements).toBeLessThanOrEqual((single.extensions!.sqlStatements as number) + 2);
  });
});
