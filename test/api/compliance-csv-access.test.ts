import type { RunningPortal } from '../support/start-portal';
import { ACCESS_ACTORS, oneRow, startAccessPortal, type AccessActor } from '../support/access-actors';
import { randomUuid } from '../support/admin-fixtures';

/**
 * The compliance matrix's CSV downloads (/exports/compliance/…), streamed, with the matrix's
 * access: an organisation's for its L&D leads and its partnership's administrators (another
 * partnership's organisation, or none, is 404 alike; signed out 401; anyone else 403), a team's
 * for line managers. Also: the CSV has the matrix's rows with its filters, and a malformed id or
 * filter is refused with 400.
 */
let portal: RunningPortal;
let tokens: Partial<Record<AccessActor, string>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const setup = await startAccessPortal();
  ({ portal, tokens } = setup);
  ids.own = (await oneRow(portal, `SELECT organisation_id FROM person WHERE email = 'learner@demo.portal'`)).organisation_id;
  ids.other = setup.otherAdmin.organisation_id;
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

async function download(path: string, actor: AccessActor) {
  const token = tokens[actor];
  const response = await fetch(`${portal.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'),
    text: await response.text() };
}

const OWN: Record<AccessActor, number> = { anonymous: 401, volunteer: 403, learner: 403, manager: 403, lead: 200, provider: 403, steering: 403, admin: 200, otherAdmin: 404 };
const OTHER: Record<AccessActor, number> = { anonymous: 401, volunteer: 404, learner: 404, manager: 404, lead: 404, provider: 404, steering: 404, admin: 404, otherAdmin: 200 };
const TEAM: Record<AccessActor, number> = { anonymous: 401, volunteer: 403, learner: 403, manager: 200, lead: 403, provider: 403, steering: 403, admin: 403, otherAdmin: 403 };

it.each(ACCESS_ACTORS.map((actor) => [actor]))('answers %s for an organisation\'s CSV of its own partnership and of another as the matrix does', async (actor) => {
  const own = await download(`/exports/compliance/organisations/${ids.own}.csv`, actor);
  expect([actor, own.status]).toEqual([actor, OWN[actor]]);
  const other = await download(`/exports/compliance/organisations/${ids.other}.csv`, actor);
  expect([actor, other.status]).toEqual([actor, OTHER[actor]]);
  const unknown = await download(`/exports/compliance/organisations/${randomUuid()}.csv`, actor);
  expect([actor, unknown.status]).toEqual([actor, actor === 'anonymous' ? 401 : 404]);
  const team = await download('/exports/compliance/team.csv', actor);
  expect([actor, team.status]).toEqual([actor, TEAM[actor]]);
  for (const refused of [own, other, unknown, team].filter((r) => r.status !== 200)) {
    expect(refused.type).toMatch(/^text\/plain/);
    expect(refused.text).not.toMatch(/,/);
  }
});

it('streams the matrix\'s rows with its filters, as the GraphQL matrix has them', async () => {
  const query = `query($id: ID!, $status: ComplianceStatus) { complianceMatrix(organisationId: $id, status: $status) {
    csvPath rowsPage(first: 200) { totalCount edges { node { name } } } } }`;
  for (const status of [null, 'OVERDUE']) {
    const answer = await portal.graphql<{ complianceMatrix: { csvPath: string; rowsPage: { totalCount: number; edges: Array<{ node: { name: string } }> } } }>(
      query, { id: ids.own, status }, { token: tokens.lead });
    const matrix = answer.data!.complianceMatrix;
    const csv = await download(matrix.csvPath, 'lead');
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe(`attachment; filename="mandatory-training-${ids.own}.csv"`);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(/^Name,Job title,Team,/);
    expect(lines.length).toBe(matrix.rowsPage.totalCount + 1);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(matrix.rowsPage.edges.map((e) => e.node.name));
  }
  const team = await download('/exports/compliance/team.csv', 'manager');
  expect(team.text.trim().split('\n').length).toBeGreaterThan(1);
});

it('refuses a malformed organisation id or filter with 400', async () => {
  expect((await download('/exports/compliance/organisations/not-an-id.csv', 'lead')).status).toBe(400);
  expect((await download(`/exports/compliance/organisations/${ids.own}.json`, 'lead')).status).toBe(400);
  expect((await download(`/exports/compliance/organisations/${ids.own}.csv?status=LATE`, 'lead')).status).toBe(400);
  expect((await download(`/exports/compliance/organisations/${ids.own}.csv?team=${'t'.repeat(201)}`, 'lead')).status).toBe(400);
  expect((await download(`/exports/compliance/organisations/${ids.own}.csv?team=a&team=b`, 'lead')).status).toBe(400);
  // Refused before the filter is read, so a stranger learns nothing from it.
  expect((await download(`/exports/compliance/organisations/${ids.own}.csv?status=LATE`, 'learner')).status).toBe(403);
});
