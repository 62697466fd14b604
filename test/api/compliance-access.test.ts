import { randomUUID } from 'node:crypto';
import type { RunningPortal } from '../support/start-portal';
import { ACCESS_ACTORS, oneRow, startAccessPortal, type AccessActor } from '../support/access-actors';
import { runAccessCells, type AccessOperation, type Outcome, type Tenant } from '../support/access-cells';
import { makeCourse, makeSession } from '../support/catalogue-fixtures';

/**
 * Who may see and change compliance: every operation of the compliance module, as the nine
 * callers of the access matrix, against an organisation of the caller's own partnership and of
 * another. Default deny; another partnership's organisation is answered as unknown (or refused,
 * which reveals no more).
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

  const learner = await one(`SELECT id, organisation_id FROM person WHERE email = 'learner@demo.portal'`);
  const fenPerson = await one(`SELECT id FROM person WHERE partnership_id = $1 AND organisation_id = $2 AND id <> $3 AND disabled_at IS NULL ORDER BY email LIMIT 1`,
    [fen.id, otherAdmin.organisation_id, otherAdmin.id]);
  Object.assign(ids, {
    'own.partnership': gp.id, 'own.slug': gp.slug, 'own.organisation': learner.organisation_id, 'own.person': learner.id,
    'other.partnership': fen.id, 'other.slug': fen.slug, 'other.organisation': otherAdmin.organisation_id, 'other.person': fenPerson.id,
  });
  for (const tenant of ['own', 'other'] as const) {
    const p = ids[`${tenant}.partnership`];
    ids[`${tenant}.from`] = (await one('SELECT id FROM organisation WHERE partnership_id = $1 AND id <> $2 ORDER BY name LIMIT 1', [p, ids[`${tenant}.organisation`]])).id;
    // An upcoming session of the subject to book onto, in each partnership.
    const course = await makeCourse(portal.dataSource, p, ids[`${tenant}.from`], { title: 'Access matrix fire safety', mandatorySubject: 'fire-safety' });
    await makeSession(portal.dataSource, p, course, { startsInDays: 30, capacity: 50 });
  }
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

const call = (query: string, variables: Record<string, unknown>, token: string | undefined) =>
  portal.graphql<Record<string, unknown>>(query, variables, { token });
const isMember = (actor: Actor, tenant: Tenant) => actor !== 'anonymous' && ((tenant === 'own') === (actor !== 'otherAdmin'));
/** An organisation's rule: the roles allowed among the members of its partnership; non-members find it unknown. */
const onOrganisation = (allowed: readonly Actor[]) => (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (!isMember(actor, tenant)) return 'hidden';
  return allowed.includes(actor) ? 'allow' : 'forbidden';
};
const asCaller = (allowed: readonly Actor[]) => (actor: Actor): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  return allowed.includes(actor) ? 'allow' : 'forbidden';
};
const LEADS_AND_ADMINS: readonly Actor[] = ['lead', 'admin', 'otherAdmin'];

async function freshRequirement(tenant: Tenant): Promise<string> {
  return (await one(`INSERT INTO compliance_requirement (partnership_id, organisation_id, subject_code, team) VALUES ($1, $2, 'fire-safety', $3) RETURNING id`,
    [ids[`${tenant}.partnership`], ids[`${tenant}.organisation`], `Team ${randomUUID()}`])).id;
}
const organisation = (tenant: Tenant) => ids[`${tenant}.organisation`];

type Operation = AccessOperation<Actor>;
const OPERATIONS: Operation[] = [
  { name: 'complianceMatrix', tenants: ['own', 'other'], pick: (d) => d.complianceMatrix, expected: onOrganisation(LEADS_AND_ADMINS), readOnly: true,
    run: (t, tenant) => call('query($id: ID!) { complianceMatrix(organisationId: $id) { rowsPage(first: 5) { edges { node { name cells { status } } } } subjects { totals { required } } csvPath } }',
      { id: organisation(tenant) }, t) },
  { name: 'complianceSettings', tenants: ['own', 'other'], pick: (d) => d.complianceSettings, expected: onOrganisation(LEADS_AND_ADMINS), readOnly: true,
    run: (t, tenant) => call('query($id: ID!) { complianceSettings(organisationId: $id) { organisation { id } renewalPeriods { subjectCode renewalMonths own } requirements { id } refusals { reason } } }',
      { id: organisation(tenant) }, t) },
  { name: 'teamComplianceMatrix', tenants: ['own'], pick: (d) => d.teamComplianceMatrix, expected: asCaller(['manager']), readOnly: true,
    run: (t) => call('query { teamComplianceMatrix { rowsPage { edges { node { name cells { status } } } } } }', {}, t) },
  { name: 'complianceSummary', tenants: ['own', 'other'], pick: (d) => d.complianceSummary, expected: onOrganisation(['steering', 'admin', 'otherAdmin']), readOnly: true,
    run: (t, tenant) => call('query($slug: String!) { complianceSummary(partnershipSlug: $slug) { totals { compliantPercent } organisations { name } } }',
      { slug: ids[`${tenant}.slug`] }, t) },
  { name: 'setRenewalPeriod', tenants: ['own', 'other'], pick: (d) => d.setRenewalPeriod, expected: onOrganisation(LEADS_AND_ADMINS),
    run: (t, tenant) => call('mutation($input: SetRenewalPeriodInput!) { setRenewalPeriod(input: $input) { renewalPeriod { renewalMonths } userErrors { field code } } }',
      { input: { organisationId: organisation(tenant), subjectCode: 'fire-safety', renewalMonths: 18 } }, t) },
  { name: 'addComplianceRequirement', tenants: ['own', 'other'], pick: (d) => d.addComplianceRequirement, expected: onOrganisation(LEADS_AND_ADMINS),
    run: (t, tenant) => call('mutation($input: AddComplianceRequirementInput!) { addComplianceRequirement(input: $input) { requirement { id } userErrors { field code } } }',
      { input: { organisationId: organisation(tenant), subjectCode: 'fire-safety', team: `Team ${randomUUID()}` } }, t) },
  { name: 'removeComplianceRequirement', tenants: ['own', 'other'], pick: (d) => d.removeComplianceRequirement, expected: onOrganisation(LEADS_AND_ADMINS),
    run: async (t, tenant) => call('mutation($input: RemoveComplianceRequirementInput!) { removeComplianceRequirement(input: $input) { requirement { id } userErrors { field code } } }',
      { input: { requirementId: await freshRequirement(tenant) } }, t) },
  { name: 'refuseCompletions', tenants: ['own', 'other'], pick: (d) => d.refuseCompletions, expected: onOrganisation(LEADS_AND_ADMINS),
    run: (t, tenant) => call('mutation($input: RefuseCompletionsInput!) { refuseCompletions(input: $input) { refusal { reason } userErrors { field code } } }',
      { input: { organisationId: organisation(tenant), fromOrganisationId: ids[`${tenant}.from`], subjectCode: 'fire-safety', reason: 'Access matrix' } }, t) },
  { name: 'acceptCompletions', tenants: ['own', 'other'], pick: (d) => d.acceptCompletions, expected: onOrganisation(LEADS_AND_ADMINS),
    run: (t, tenant) => call('mutation($input: AcceptCompletionsInput!) { acceptCompletions(input: $input) { userErrors { field code } } }',
      { input: { organisationId: organisation(tenant), fromOrganisationId: ids[`${tenant}.from`], subjectCode: 'fire-safety' } }, t) },
  { name: 'bookOverdue', tenants: ['own', 'other'], pick: (d) => d.bookOverdue, expected: onOrganisation(['lead']),
    run: (t, tenant) => call('mutation($input: BookOverdueInput!) { bookOverdue(input: $input) { results { outcome code } userErrors { field code } } }',
      { input: { organisationId: organisation(tenant), subjectCode: 'fire-safety', personIds: [ids[`${tenant}.person`]] } }, t) },
];

it('lets each caller see and change exactly the compliance product.md gives them, in their own partnership only', async () => {
  const { unexpected, cells, allows } = await runAccessCells(OPERATIONS, ACTORS, tokens, { strictUserErrors: true, concurrency: 4 });
  console.log(`compliance access: ${OPERATIONS.length} operations × ${ACTORS.length} callers × tenants = ${cells} cells, ${allows} allowed`);
  expect(unexpected).toEqual([]);
  // Per tenant: the matrix, the settings' reading and its five changes for its leads and administrators, the summary for steering and administrators.
  expect(allows).toBe(3 + 3 + 1 + 3 + 5 * 3 + 1);
}, 300_000);
