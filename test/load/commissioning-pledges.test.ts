import { randomUUID } from 'node:crypto';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { makeStream, streamFigures } from '../support/funding-fixtures';
import {
  APPROVE, PLEDGE, WITHDRAW, approvedSessions, call, expectCommissioningInvariants, makeLeads, makeProposal,
} from '../support/commissioning-fixtures';

/**
 * Pledges under concurrency, over HTTP: 30 leads pledge at once against one stream that can pay
 * for only some of them (spread over several proposals, so they race on the stream's row, not
 * only on a proposal's): exactly as many are accepted as the money covers, the rest are told
 * FUNDS_EXHAUSTED, and the stream is never committed past its budget. An approval racing the
 * withdrawal of a pledge it needs: exactly one wins, the other is refused with a userError, and
 * the ledger and the pledges agree afterwards either way.
 */
let portal: RunningPortal;
const ids: Record<string, string> = {};
let admin: { personId: string; token: string };

beforeAll(async () => {
  portal = await startPortal({ template: 'empty', config: { dbPoolSize: 20 } });
  const db = portal.dataSource;
  const p = await makePartnership(db, 'pledge-rush');
  ids.partnership = p.id;
  ids.provider = await makeOrganisation(db, p.id, { shortCode: 'PRPROV' });
  ids.council = await makeOrganisation(db, p.id, { shortCode: 'PRCOUN' });
  ids.homes = await makeOrganisation(db, p.id, { shortCode: 'PRHOME', sector: 'care_home' });
  ids.course = await makeCourse(db, p.id, ids.provider, { title: 'Moving and handling' });
  [admin] = await makeSignedInPeople(db, p.id, 1, { organisationId: ids.council });
  await db.query(`INSERT INTO role_grant (partnership_id, person_id, role) VALUES ($1, $2, 'partnership_admin')`, [p.id, admin.personId]);
}, 120_000);

afterEach(async () => {
  await expectCommissioningInvariants(portal.dataSource);
});

afterAll(async () => {
  await portal?.stop();
});

const proposal = (values: { estimatedCostPence?: number; seatsPerSession?: number } = {}) => makeProposal(portal.dataSource, {
  partnershipId: ids.partnership, organisationId: ids.council, personId: admin.personId, courseId: ids.course, ...values });

it('accepts exactly as many of 30 concurrent pledges as the stream can pay for, and never commits past its budget', async () => {
  const leads = await makeLeads(portal.dataSource, ids.partnership, ids.council, 30);
  const stream = await makeStream(portal.dataSource, { partnershipId: ids.partnership, managingOrganisationId: ids.council, budgetPence: 1_000_00 });
  const proposals = await Promise.all(Array.from({ length: 5 }, () => proposal()));
  const started = Date.now();
  const answers = await Promise.all(leads.map((lead, i) => call<'pledgeToProposal'>(portal, PLEDGE,
    { proposalId: proposals[i % 5], seats: 1, amount: '100.00', streamId: stream, idempotencyKey: randomUUID() }, lead.token)));
  const ms = Date.now() - started;
  expect(answers.filter((a) => a.errors?.length)).toEqual([]);
  const accepted = answers.filter((a) => a.data!.pledgeToProposal.userErrors.length === 0);
  const refused = answers.flatMap((a) => a.data!.pledgeToProposal.userErrors.map((e) => `${e.field.join('.')}:${e.code}`));
  console.log(`30 concurrent pledges of £100 against £1,000: ${accepted.length} accepted, ${refused.length} refused, in ${ms} ms`);
  expect(accepted).toHaveLength(10);
  expect(new Set(refused)).toEqual(new Set(['input.amount:FUNDS_EXHAUSTED']));
  const figures = await streamFigures(portal.dataSource, stream);
  expect(figures.running.committed).toBe(1_000_00);
  expect(figures.sums).toEqual(figures.running);
  expect(await portal.dataSource.query(`SELECT count(*)::int AS n FROM commissioning_pledge WHERE stream_id = $1`, [stream])).toEqual([{ n: 10 }]);
}, 120_000);

it('lets an approval and a withdrawal it depends on race: one wins cleanly, every time', async () => {
  const [councilLead] = await makeLeads(portal.dataSource, ids.partnership, ids.council, 1);
  const [homesLead] = await makeLeads(portal.dataSource, ids.partnership, ids.homes, 1);
  const councilStream = await makeStream(portal.dataSource, { partnershipId: ids.partnership, managingOrganisationId: ids.council, budgetPence: 100_000_00 });
  const homesStream = await makeStream(portal.dataSource, { partnershipId: ids.partnership, managingOrganisationId: ids.homes, budgetPence: 100_000_00 });
  const outcomes: string[] = [];
  for (let trial = 0; trial < 8; trial += 1) {
    const id = await proposal({ estimatedCostPence: 1_000_00, seatsPerSession: 10 });
    const a = await call<'pledgeToProposal'>(portal, PLEDGE, { proposalId: id, seats: 5, amount: '600.00', streamId: councilStream }, councilLead.token);
    const b = await call<'pledgeToProposal'>(portal, PLEDGE, { proposalId: id, seats: 5, amount: '400.00', streamId: homesStream }, homesLead.token);
    expect([a.data!.pledgeToProposal.userErrors, b.data!.pledgeToProposal.userErrors]).toEqual([[], []]);
    const pledgeId = b.data!.pledgeToProposal.pledge.id;
    // Each goes first on alternate trials.
    const approving = () => call<'approveProposal'>(portal, APPROVE, { proposalId: id, sessions: approvedSessions(2) }, admin.token);
    const withdrawing = () => call<'withdrawPledge'>(portal, WITHDRAW, { pledgeId }, homesLead.token);
    const [approved, withdrawn] = trial % 2 === 0 ? await Promise.all([approving(), withdrawing()])
      : await Promise.all([withdrawing(), approving()]).then(([w, a]) => [a, w] as const);
    expect([approved.errors, withdrawn.errors]).toEqual([undefined, undefined]);
    const approveErrors = approved.data!.approveProposal.userErrors.map((e) => e.code);
    const withdrawErrors = withdrawn.data!.withdrawPledge.userErrors.map((e) => e.code);
    if (approveErrors.length === 0) {
      expect(withdrawErrors).toEqual(['PROPOSAL_DECIDED']);
      expect(approved.data!.approveProposal.proposal.sessions.flatMap((s) => s.allocations).reduce((sum, x) => sum + x.seats, 0)).toBe(10);
      outcomes.push('approved');
    } else {
      expect(approveErrors).toEqual(['NOT_COVERED']);
      expect(withdrawErrors).toEqual([]);
      outcomes.push('withdrawn');
    }
    const [state] = await portal.dataSource.query(`SELECT p.status, g.status AS pledge FROM commissioning_proposal p JOIN commissioning_pledge g ON g.id = $2 WHERE p.id = $1`, [id, pledgeId]);
    expect(state).toEqual(outcomes[trial] === 'approved' ? { status: 'approved', pledge: 'converted' } : { status: 'open', pledge: 'withdrawn' });
  }
  console.log(`approve racing withdraw, 8 trials: ${outcomes.join(', ')}`);
}, 120_000);
