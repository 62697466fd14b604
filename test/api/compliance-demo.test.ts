import { startPortal, type RunningPortal } from '../support/start-portal';
import { sessionFor } from '../support/people-fixtures';

/**
 * The demo's compliance picture: every status in every organisation of both partnerships, some
 * organisations' own renewal periods, and the care home that refuses the council's moving and
 * handling, whose refused completion the matrix shows with its reason.
 */
let portal: RunningPortal;
const STATUSES = ['COMPLIANT', 'EXPIRING_90', 'EXPIRING_60', 'EXPIRING_30', 'OVERDUE', 'NEVER_DONE'];
const MATRIX = `query($id: ID!) { complianceMatrix(organisationId: $id) {
  rows { name cells { subjectCode status refused { fromOrganisationName reason } } } renewalPeriods { subjectCode renewalMonths own } } }`;
type Matrix = { rows: Array<{ name: string; cells: Array<{ subjectCode: string; status: string; refused: { fromOrganisationName: string; reason: string } | null }> }>;
  renewalPeriods: Array<{ subjectCode: string; renewalMonths: number; own: boolean }> };

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

it('has every status in every organisation of both partnerships', async () => {
  const organisations: Array<{ id: string; short_code: string; slug: string }> = await portal.dataSource.query(
    'SELECT o.id, o.short_code, p.slug FROM organisation o JOIN partnership p ON p.id = o.partnership_id ORDER BY p.slug, o.short_code');
  const admins: Record<string, string> = { 'greater-peterborough': await portal.signIn('admin@demo.portal') };
  // The other partnership's administrator, made for this test.
  const [fenAdmin] = await portal.dataSource.query(`SELECT p.id, p.partnership_id FROM person p JOIN partnership pt ON pt.id = p.partnership_id
    WHERE pt.slug = 'fenland-care-partnership' ORDER BY p.email LIMIT 1`);
  await portal.dataSource.query(`INSERT INTO role_grant (partnership_id, person_id, role) VALUES ($1, $2, 'partnership_admin') ON CONFLICT DO NOTHING`,
    [fenAdmin.partnership_id, fenAdmin.id]);
  admins['fenland-care-partnership'] = await sessionFor(portal.dataSource, fenAdmin.id);
  const missing: string[] = [];
  for (const organisation of organisations) {
    const response = await portal.graphql<{ complianceMatrix: Matrix }>(MATRIX, { id: organisation.id }, { token: admins[organisation.slug] });
    expect(response.errors).toBeUndefined();
    const seen = new Set(response.data!.complianceMatrix.rows.flatMap((r) => r.cells.map((c) => c.status)));
    for (const status of STATUSES) if (!seen.has(status)) missing.push(`${organisation.slug} ${organisation.short_code}: ${status}`);
  }
  expect(missing).toEqual([]);
  expect(organisations.length).toBeGreaterThan(15);
}, 120_000);

it('shows the council\'s own renewal period and the care home\'s refusal of the council\'s moving and handling', async () => {
  const admin = await portal.signIn('admin@demo.portal');
  const [{ id: pcc }] = await portal.dataSource.query(`SELECT id FROM organisation WHERE short_code = 'PCC'`);
  const [{ id: nvch }] = await portal.dataSource.query(`SELECT id FROM organisation WHERE short_code = 'NVCH'`);
  const council = (await portal.graphql<{ complianceMatrix: Matrix }>(MATRIX, { id: pcc }, { token: admin })).data!.complianceMatrix;
  expect(council.renewalPeriods).toContainEqual({ subjectCode: 'fire-safety', renewalMonths: 24, own: true });
  const home = (await portal.graphql<{ complianceMatrix: Matrix }>(MATRIX, { id: nvch }, { token: admin })).data!.complianceMatrix;
  const refused = home.rows.flatMap((r) => r.cells.filter((c) => c.refused));
  expect(refused.length).toBeGreaterThan(0);
  expect(refused[0].refused).toMatchObject({ fromOrganisationName: 'Peterborough City Council', reason: expect.stringContaining('moving people') });
});
