import type { RunningPortal } from '../support/start-portal';
import { ACCESS_ACTORS, oneRow, startAccessPortal, type AccessActor } from '../support/access-actors';
import { runAccessCells, type AccessOperation, type Outcome, type Tenant } from '../support/access-cells';

/**
 * Who may raise, withdraw, meet and see training needs, and who sees shared demand: every new
 * operation of the needs module, as the nine callers of the access matrix, against objects of the
 * caller's own partnership and of another. Default deny; an object of another partnership is
 * answered as unknown (or refused, which reveals no more).
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

  const lead = await one(`SELECT id, organisation_id FROM person WHERE email = 'lead@demo.portal'`);
  const learner = await one(`SELECT id, organisation_id FROM person WHERE email = 'learner@demo.portal'`);
  const fenlandPerson = await one(`SELECT id, organisation_id FROM person WHERE partnership_id = $1 AND kind = 'staff' AND id <> $2
    AND organisation_id IS NOT NULL ORDER BY email LIMIT 1`, [fen.id, otherAdmin.id]);
  Object.assign(ids, {
    'own.partnership': gp.id, 'own.slug': gp.slug, 'own.organisation': lead.organisation_id, 'own.raiser': lead.id,
    'other.partnership': fen.id, 'other.slug': fen.slug, 'other.organisation': fenlandPerson.organisation_id, 'other.raiser': fenlandPerson.id,
    learner: learner.id, learnerOrganisation: learner.organisation_id,
  });
  for (const tenant of ['own', 'other'] as const) {
    ids[`${tenant}.course`] = (await one('SELECT id FROM course WHERE partnership_id = $1 ORDER BY title LIMIT 1', [ids[`${tenant}.partnership`]])).id;
  }
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

/** A fresh open need, so that every cell withdraws or meets a need of its own. */
async function freshNeed(partnershipId: string, organisationId: string, raiserId: string, scope: 'organisation' | 'person' = 'organisation'): Promise<string> {
  const row = await one(`INSERT INTO training_need (partnership_id, organisation_id, raised_by_person_id, scope, for_person_id, topic, people_count,
      audience, priority, wanted_by)
    VALUES ($1, $2, $3, $4, $5, 'Access matrix need', $6, 'staff', 'medium', current_date + 30) RETURNING id`,
  [partnershipId, organisationId, raiserId, scope, scope === 'person' ? raiserId : null, scope === 'person' ? 1 : 5]);
  return row.id;
}
const ownNeed = (tenant: Tenant) => freshNeed(ids[`${tenant}.partnership`], ids[`${tenant}.organisation`], ids[`${tenant}.raiser`]);

const call = (query: string, variables: Record<string, unknown>, token: string | undefined) =>
  portal.graphql<Record<string, unknown>>(query, variables, { token });
const NEED_PAYLOAD = 'trainingNeed { id status } userErrors { field code }';
const RAISE = `mutation($input: RaiseTrainingNeedInput!) { raiseTrainingNeed(input: $input) { ${NEED_PAYLOAD} } }`;
const WITHDRAW = `mutation($input: WithdrawTrainingNeedInput!) { withdrawTrainingNeed(input: $input) { ${NEED_PAYLOAD} } }`;
const MEET = `mutation($input: MeetTrainingNeedInput!) { meetTrainingNeed(input: $input) { ${NEED_PAYLOAD} } }`;
const wantedBy = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
const need = (values: Record<string, unknown>) => ({ topic: 'Access matrix need', audience: 'STAFF', priority: 'MEDIUM', wantedBy, ...values });

const isMember = (actor: Actor, tenant: Tenant) => actor !== 'anonymous' && ((tenant === 'own') === (actor !== 'otherAdmin'));
/** The rule on one object of the tenant: who it allows among members; non-members find it unknown. */
const onObject = (allowed: readonly Actor[]) => (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (!isMember(actor, tenant)) return 'hidden';
  return allowed.includes(actor) && tenant === 'own' ? 'allow' : 'forbidden';
};
/** A rule with no object: what a caller may do in their own partnership. */
const asCaller = (allowed: readonly Actor[]) => (actor: Actor): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  return allowed.includes(actor) ? 'allow' : 'forbidden';
};
/** A partnership's list: its members by role; another partnership's is refused. */
const inPartnership = (allowed: readonly Actor[]) => (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (!isMember(actor, tenant)) return 'hidden';
  return allowed.includes(actor) ? 'allow' : 'forbidden';
};
const EVERYONE_SIGNED_IN: readonly Actor[] = ['volunteer', 'learner', 'manager', 'lead', 'provider', 'steering', 'admin', 'otherAdmin'];

type Operation = AccessOperation<Actor>;
const OPERATIONS: Operation[] = [
  { name: 'raiseTrainingNeed (for an organisation)', tenants: ['own', 'other'], pick: (d) => d.raiseTrainingNeed, expected: onObject(['lead']),
    run: (t, tenant) => call(RAISE, { input: need({ scope: 'ORGANISATION', organisationId: ids[`${tenant}.organisation`], peopleCount: 5 }) }, t) },
  { name: 'raiseTrainingNeed (for their team)', tenants: ['own'], pick: (d) => d.raiseTrainingNeed, expected: asCaller(['manager']),
    run: (t) => call(RAISE, { input: need({ scope: 'TEAM', peopleCount: 4 }) }, t) },
  { name: 'raiseTrainingNeed (from their 1:1)', tenants: ['own'], pick: (d) => d.raiseTrainingNeed, expected: asCaller(EVERYONE_SIGNED_IN),
    run: (t) => call(RAISE, { input: need({ scope: 'PERSON' }) }, t) },
  { name: 'withdrawTrainingNeed (an organisation need its lead raised)', tenants: ['own', 'other'], pick: (d) => d.withdrawTrainingNeed,
    expected: onObject(['lead']),
    run: async (t, tenant) => call(WITHDRAW, { input: { needId: await ownNeed(tenant), reason: 'Access matrix' } }, t) },
  { name: 'withdrawTrainingNeed (a learner\'s own need)', tenants: ['own'], pick: (d) => d.withdrawTrainingNeed,
    expected: onObject(['learner', 'lead']),
    run: async (t) => call(WITHDRAW, { input: {
      needId: await freshNeed(ids['own.partnership'], ids.learnerOrganisation, ids.learner, 'person'), reason: 'Access matrix' } }, t) },
  { name: 'meetTrainingNeed', tenants: ['own', 'other'], pick: (d) => d.meetTrainingNeed, expected: onObject(['lead']),
    run: async (t, tenant) => call(MEET, { input: { needId: await ownNeed(tenant), courseId: ids[`${tenant}.course`] } }, t) },
  { name: 'trainingNeeds', tenants: ['own', 'other'], pick: (d) => d.trainingNeeds, expected: inPartnership(EVERYONE_SIGNED_IN),
    run: (t, tenant) => call('query($slug: String!) { trainingNeeds(partnershipSlug: $slug) { totalCount edges { node { id organisation { name } } } } }',
      { slug: ids[`${tenant}.slug`] }, t) },
  { name: 'trainingNeedGroups', tenants: ['own', 'other'], pick: (d) => d.trainingNeedGroups, expected: inPartnership(['lead', 'steering', 'admin', 'otherAdmin']),
    run: (t, tenant) => call('query($slug: String!) { trainingNeedGroups(partnershipSlug: $slug) { key peopleCount needs { id } organisations { needCount } sessions { id } } }',
      { slug: ids[`${tenant}.slug`] }, t) },
];

it('lets each caller raise, withdraw, meet and see exactly the needs product.md gives them, in their own partnership only', async () => {
  const { unexpected, cells, allows } = await runAccessCells(OPERATIONS, ACTORS, tokens, { strictUserErrors: true });
  console.log(`needs access: ${OPERATIONS.length} operations × ${ACTORS.length} callers × tenants = ${cells} cells, ${allows} allowed`);
  expect(unexpected).toEqual([]);
  expect(allows).toBeGreaterThan(0);
}, 300_000);

it('lists for each caller only the needs in their scope', async () => {
  const LIST = 'query($slug: String!) { trainingNeeds(partnershipSlug: $slug, first: 100) { totalCount edges { node { organisation { id } scope } } } }';
  const scoped = async (actor: Actor) => (await call(LIST, { slug: ids['own.slug'] }, tokens[actor])).data!.trainingNeeds as {
    totalCount: number; edges: Array<{ node: { organisation: { id: string }; scope: string } }> };
  const all = Number((await one('SELECT count(*)::int AS n FROM training_need WHERE partnership_id = $1', [ids['own.partnership']])).n);
  expect((await scoped('steering')).totalCount).toBe(all);
  expect((await scoped('admin')).totalCount).toBe(all);
  const lead = await scoped('lead');
  expect(lead.edges.every((e) => e.node.organisation.id === ids['own.organisation'])).toBe(true);
  expect(lead.totalCount).toBeLessThan(all);
  const volunteer = await scoped('volunteer');
  expect(volunteer.edges.every((e) => e.node.scope === 'PERSON')).toBe(true);
  const [{ n: learnersOwn }] = await portal.dataSource.query(
    'SELECT count(*)::int AS n FROM training_need WHERE raised_by_person_id = $1 OR for_person_id = $1', [ids.learner]);
  expect((await scoped('learner')).totalCount).toBe(learnersOwn);
});
