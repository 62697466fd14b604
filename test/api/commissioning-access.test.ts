import type { RunningPortal } from '../support/start-portal';
import { ACCESS_ACTORS, oneRow, startAccessPortal, type AccessActor } from '../support/access-actors';
import { runAccessCells, type AccessOperation, type Outcome, type Tenant } from '../support/access-cells';
import { approvedSessions, expectCommissioningInvariants, makeNeed, makeProposal, makeSeatPledge, proposalInput } from '../support/commissioning-fixtures';

/**
 * Who may take part in shared commissioning: every query and mutation of it, as each of the 9
 * callers, against objects of the caller's own partnership and of the other. L&D leads, the
 * steering group and administrators see proposals; a lead proposes, pledges and withdraws for
 * their own organisation; administrators and the steering group decide, and pledge nothing;
 * volunteers, learners, line managers and provider coordinators see none of it. Each mutation
 * cell acts on rows made for it, so an allowed call in one cell changes nothing another sees.
 */
const ACTORS = ACCESS_ACTORS;
type Actor = AccessActor;

let portal: RunningPortal;
const tokens: Partial<Record<Actor, string>> = {};
const ids: Record<string, string> = {};

const one = <T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T> => oneRow<T>(portal, sql, params);

beforeAll(async () => {
  const setup = await startAccessPortal();
  portal = setup.portal;
  Object.assign(tokens, setup.tokens);
  const { gp, fen, otherAdmin } = setup;
  ids['own.partnership'] = gp.id;
  ids['other.partnership'] = fen.id;
  // In each partnership: an organisation (the council in ours, the lead's), a person of it, a course.
  ids['own.organisation'] = (await one(`SELECT organisation_id AS id FROM person WHERE email = 'lead@demo.portal'`)).id;
  ids['own.person'] = (await one(`SELECT id FROM person WHERE email = 'lead@demo.portal'`)).id;
  ids['other.organisation'] = (await one('SELECT organisation_id AS id FROM person WHERE id = $1', [otherAdmin.id])).id;
  ids['other.person'] = otherAdmin.id;
  for (const tenant of ['own', 'other'] as const) {
    ids[`${tenant}.course`] = (await one('SELECT id FROM course WHERE partnership_id = $1 ORDER BY title LIMIT 1', [ids[`${tenant}.partnership`]])).id;
    ids[`${tenant}.proposal`] = await proposal(tenant, { sessionsPlanned: 200, seatsPerSession: 10_000 });
  }
}, 180_000);

afterAll(async () => {
  await expectCommissioningInvariants(portal.dataSource);
  await portal?.stop();
});

function proposal(tenant: Tenant, values: { sessionsPlanned?: number; seatsPerSession?: number } = {}): Promise<string> {
  return makeProposal(portal.dataSource, { partnershipId: ids[`${tenant}.partnership`], organisationId: ids[`${tenant}.organisation`],
    personId: ids[`${tenant}.person`], courseId: ids[`${tenant}.course`], ...values });
}
/** A proposal with a seats pledge that covers its (nothing) cost: ready for a decision. */
async function decidable(tenant: Tenant): Promise<string> {
  const id = await proposal(tenant, { sessionsPlanned: 2, seatsPerSession: 10 });
  await makeSeatPledge(portal.dataSource, { partnershipId: ids[`${tenant}.partnership`], proposalId: id, organisationId: ids[`${tenant}.organisation`],
    personId: ids[`${tenant}.person`], seats: 4 });
  return id;
}

const gql = (query: string, variables: Record<string, unknown>, token: string | undefined) => portal.graphql<Record<string, unknown>>(query, variables, { token });
const slugOf = (tenant: Tenant) => (tenant === 'own' ? 'greater-peterborough' : 'fenland-care-partnership');
const isMember = (actor: Actor, tenant: Tenant) => actor !== 'anonymous' && ((tenant === 'own') === (actor !== 'otherAdmin'));

/** Proposals are read by leads, the steering group and administrators, in their own partnership. */
const reads = (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (!['lead', 'steering', 'admin', 'otherAdmin'].includes(actor)) return 'forbidden';
  return isMember(actor, tenant) ? 'allow' : 'hidden';
};
/** Proposing, pledging and withdrawing: the L&D lead, for their organisation, in their partnership. */
const leads = (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (actor !== 'lead') return 'forbidden';
  return tenant === 'own' ? 'allow' : 'hidden';
};
/** Deciding: administrators and the steering group, in their partnership. */
const decides = (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (!['steering', 'admin', 'otherAdmin'].includes(actor)) return 'forbidden';
  return isMember(actor, tenant) ? 'allow' : 'hidden';
};

const OPERATIONS: Array<AccessOperation<Actor>> = [
  { name: 'commissioningProposals', tenants: ['own', 'other'], pick: (d) => d.commissioningProposals, expected: reads,
    run: (t, tenant) => gql('query($s: String!) { commissioningProposals(partnershipSlug: $s) { id pledges { id } pledgeableStreams { id } } }', { s: slugOf(tenant) }, t) },
  { name: 'commissioningProposal', tenants: ['own', 'other'], pick: (d) => d.commissioningProposal, expected: reads,
    run: (t, tenant) => gql('query($id: ID!) { commissioningProposal(id: $id) { id progress { seatsPledged } pledges { id organisation { id } } } }',
      { id: ids[`${tenant}.proposal`] }, t) },
  { name: 'proposeCommissioning', tenants: ['own', 'other'], pick: (d) => d.proposeCommissioning, expected: leads,
    run: async (t, tenant) => {
      const need = await makeNeed(portal.dataSource, { partnershipId: ids[`${tenant}.partnership`], organisationId: ids[`${tenant}.organisation`],
        raisedByPersonId: ids[`${tenant}.person`] });
      return gql('mutation($input: ProposeCommissioningInput!) { proposeCommissioning(input: $input) { proposal { id } userErrors { field code } } }',
        { input: proposalInput([need], ids[`${tenant}.course`]) }, t);
    } },
  { name: 'pledgeToProposal (seats)', tenants: ['own', 'other'], pick: (d) => d.pledgeToProposal, expected: leads,
    run: (t, tenant) => gql('mutation($input: PledgeInput!) { pledgeToProposal(input: $input) { pledge { id } userErrors { field code } } }',
      { input: { proposalId: ids[`${tenant}.proposal`], seats: 1 } }, t) },
  { name: 'withdrawPledge (of the council)', tenants: ['own', 'other'], pick: (d) => d.withdrawPledge, expected: leads,
    run: async (t, tenant) => {
      const pledgeId = await makeSeatPledge(portal.dataSource, { partnershipId: ids[`${tenant}.partnership`], proposalId: ids[`${tenant}.proposal`],
        organisationId: ids[`${tenant}.organisation`], personId: ids[`${tenant}.person`], seats: 1 });
      return gql('mutation($input: WithdrawPledgeInput!) { withdrawPledge(input: $input) { pledge { id } userErrors { field code } } }', { input: { pledgeId } }, t);
    } },
  { name: 'approveProposal', tenants: ['own', 'other'], pick: (d) => d.approveProposal, expected: decides,
    run: async (t, tenant) => gql('mutation($input: ApproveProposalInput!) { approveProposal(input: $input) { proposal { id status } userErrors { field code } } }',
      { input: { proposalId: await decidable(tenant), sessions: approvedSessions(2) } }, t) },
  { name: 'declineProposal', tenants: ['own', 'other'], pick: (d) => d.declineProposal, expected: decides,
    run: async (t, tenant) => gql('mutation($input: DeclineProposalInput!) { declineProposal(input: $input) { proposal { id status } userErrors { field code } } }',
      { input: { proposalId: await decidable(tenant), reason: 'Not this year' } }, t) },
];

it('lets each caller take exactly their part in commissioning, in their own partnership', async () => {
  const { unexpected, cells, allows } = await runAccessCells(OPERATIONS, ACTORS, tokens, { strictUserErrors: true });
  console.log(`commissioning access: ${OPERATIONS.length} operations × ${ACTORS.length} callers × 2 partnerships = ${cells} cells, ${allows} allowed`);
  expect(unexpected).toEqual([]);
  // Reads: 2 × (lead, steering, admin; the other admin in theirs); lead operations: 3 × 1; decisions: 2 × (steering, admin, the other admin).
  expect(allows).toBe(2 * 4 + 3 + 2 * 3);
}, 300_000);

it('keeps a lead to their own organisation: no pledge for another, no withdrawing another\'s', async () => {
  const other = (await one(`SELECT id FROM organisation WHERE partnership_id = $1 AND id <> $2 ORDER BY name LIMIT 1`,
    [ids['own.partnership'], ids['own.organisation']])).id;
  const forOther = await gql('mutation($input: PledgeInput!) { pledgeToProposal(input: $input) { pledge { id } userErrors { code } } }',
    { input: { proposalId: ids['own.proposal'], seats: 1, organisationId: other } }, tokens.lead);
  expect(forOther.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const theirs = await makeSeatPledge(portal.dataSource, { partnershipId: ids['own.partnership'], proposalId: ids['own.proposal'], organisationId: other,
    personId: ids['own.person'], seats: 1 });
  const withdrawing = await gql('mutation($input: WithdrawPledgeInput!) { withdrawPledge(input: $input) { pledge { id } userErrors { code } } }',
    { input: { pledgeId: theirs } }, tokens.lead);
  expect(withdrawing.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});
