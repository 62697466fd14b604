import { startPortal, type RunningPortal } from '../support/start-portal';
import { OTHER_PARTNERSHIP, randomUuid } from '../support/admin-fixtures';
import { addCompletion, makeLedOrganisation, makePerson, requireSubject } from '../support/compliance-fixtures';

/**
 * The matrix's rows a page at a time (`rowsPage(first, after)`, keyset by name then id): pages
 * never skip or repeat a row, even among people of the same name; the totals per subject are of
 * the whole filtered organisation and equal the cells of every page added up; the statement count
 * is the same whatever the page size and the organisation's size; and a page size out of range, a
 * cursor the server did not give, an unknown or another partnership's organisation are refused.
 */
const NOW = new Date('2026-06-15T11:00:00Z');
let portal: RunningPortal;
let partnershipId: string;
let providerId: string;
let org: { organisationId: string; leadId: string; leadToken: string };

const PAGE = `query($id: ID!, $first: Int, $after: String, $status: ComplianceStatus, $team: String, $subjectCode: String) {
  complianceMatrix(organisationId: $id, status: $status, team: $team, subjectCode: $subjectCode) {
    totals { required compliant expiring90 expiring60 expiring30 overdue neverDone }
    subjects { subject { code } totals { required compliant expiring90 expiring60 expiring30 overdue neverDone } }
    csvPath
    rowsPage(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { personId name team cells { subjectCode status } } }
    }
  } }`;
type Row = { personId: string; name: string; team: string | null; cells: Array<{ subjectCode: string; status: string }> };
type Counts = Record<string, number>;
type PageAnswer = { totals: Counts; subjects: Array<{ subject: { code: string }; totals: Counts }>; csvPath: string;
  rowsPage: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: Row }> } };

async function page(variables: Record<string, unknown>) {
  const response = await portal.graphql<{ complianceMatrix: PageAnswer }>(PAGE, { id: org.organisationId, ...variables }, { token: org.leadToken });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return { matrix: response.data!.complianceMatrix, statements: response.extensions!.sqlStatements! };
}

/** Every page with this page size; the statement count of each. */
async function allPages(first: number, filter: Record<string, unknown> = {}) {
  const rows: Row[] = [];
  const statements: number[] = [];
  let after: string | null = null;
  let first_: PageAnswer | null = null;
  for (let guard = 0; guard < 1000; guard += 1) {
    const { matrix, statements: n } = await page({ ...filter, first, after });
    first_ ??= matrix;
    statements.push(n);
    expect(matrix.rowsPage.edges.length).toBeLessThanOrEqual(first);
    rows.push(...matrix.rowsPage.edges.map((e) => e.node));
    if (!matrix.rowsPage.pageInfo.hasNextPage) break;
    after = matrix.rowsPage.pageInfo.endCursor;
  }
  return { rows, statements, matrix: first_! };
}

const STATES: Record<string, string> = { COMPLIANT: 'compliant', EXPIRING_90: 'expiring90', EXPIRING_60: 'expiring60', EXPIRING_30: 'expiring30',
  OVERDUE: 'overdue', NEVER_DONE: 'neverDone' };
function cellTotals(rows: readonly Row[]) {
  const bySubject = new Map<string, Counts>();
  for (const row of rows) {
    for (const cell of row.cells) {
      const counts = bySubject.get(cell.subjectCode) ?? { required: 0, compliant: 0, expiring90: 0, expiring60: 0, expiring30: 0, overdue: 0, neverDone: 0 };
      counts.required += 1;
      counts[STATES[cell.status]] += 1;
      bySubject.set(cell.subjectCode, counts);
    }
  }
  return bySubject;
}

beforeAll(async () => {
  portal = await startPortal({ template: 'demo', clock: () => NOW });
  const db = portal.dataSource;
  [{ id: partnershipId }] = await db.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
  [{ id: providerId }] = await db.query(`SELECT id FROM organisation WHERE partnership_id = $1 AND delivers_training ORDER BY name LIMIT 1`, [partnershipId]);
  org = await makeLedOrganisation(db, partnershipId, { name: 'Paging Care Home' });
  await requireSubject(db, partnershipId, org.organisationId, 'fire-safety');
  await requireSubject(db, partnershipId, org.organisationId, 'infection-prevention', { team: 'Ward' });
  // 60 people, a third of them sharing one name, so that the id breaks the tie between pages.
  for (let i = 0; i < 60; i += 1) {
    const name = i % 3 === 0 ? 'Sam Same' : `Person ${String(i).padStart(2, '0')}`;
    const person = await makePerson(db, partnershipId, org.organisationId, { name, team: i % 2 ? 'Ward' : 'Office' });
    const days = [-400, -300, -320, -340, -360, -200][i % 6];
    if (i % 5 !== 4) {
      await addCompletion(db, partnershipId, person, { subjectCode: 'fire-safety', completedOn: new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10),
        fromOrganisationId: org.organisationId, providerId });
    }
  }
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

it.each([1, 7, 50, 200])('pages through every row with first: %i, none skipped or repeated, in name then id order', async (first) => {
  const { rows, matrix } = await allPages(first);
  const everyone: Array<{ id: string; name: string }> = await portal.dataSource.query(
    'SELECT id, name FROM person WHERE organisation_id = $1 AND disabled_at IS NULL ORDER BY name, id', [org.organisationId]);
  expect(rows.map((r) => r.personId)).toEqual(everyone.map((p) => p.id));
  expect(new Set(rows.map((r) => r.personId)).size).toBe(rows.length);
  expect(matrix.rowsPage.totalCount).toBe(everyone.length);
});

it('keeps the totals over the whole filtered organisation, equal to the cells of every page added up', async () => {
  for (const filter of [{}, { team: 'Ward' }, { subjectCode: 'infection-prevention' }, { status: 'OVERDUE' }]) {
    const { rows, matrix } = await allPages(7, filter);
    const first = (await page({ ...filter, first: 1 })).matrix;
    expect(first.subjects).toEqual(matrix.subjects);
    expect(matrix.rowsPage.totalCount).toBe(rows.length);
    if ('status' in filter) {
      expect(rows.every((r) => r.cells.some((c) => c.status === filter.status))).toBe(true);
      continue; // the totals are of everyone the other filters give: what the status filter picks from
    }
    const summed = cellTotals(rows);
    expect(Object.fromEntries(matrix.subjects.map((s) => [s.subject.code, s.totals]))).toEqual(Object.fromEntries(summed));
    const required = [...summed.values()].reduce((n, c) => n + c.required, 0);
    expect(matrix.totals.required).toBe(required);
  }
  const overdue = await allPages(5, { status: 'OVERDUE' });
  const all = await allPages(200);
  expect(overdue.rows.map((r) => r.personId)).toEqual(all.rows.filter((r) => r.cells.some((c) => c.status === 'OVERDUE')).map((r) => r.personId));
});

it('costs the same SQL statements for any page size, any page and any organisation size', async () => {
  const small = await allPages(7);
  const counts = new Set([...small.statements, (await page({ first: 1 })).statements, (await page({ first: 200 })).statements]);
  const db = portal.dataSource;
  const more: Array<{ id: string }> = await db.query(
    `INSERT INTO person (partnership_id, organisation_id, kind, name, email, team)
     SELECT $1, $2::uuid, 'staff', 'Bulk ' || n, 'bulk.' || n || '.' || $2::text || '@paging.example', 'Ward' FROM generate_series(1, 600) n RETURNING id`,
    [partnershipId, org.organisationId]);
  try {
    const large = await page({ first: 200 });
    expect(large.matrix.rowsPage.totalCount).toBe(small.rows.length + 600);
    counts.add(large.statements);
    counts.add((await page({ first: 1, status: 'NEVER_DONE' })).statements);
    expect([...counts]).toEqual([5]); // viewer, organisation, rules, totals, the page
  } finally {
    await db.query('DELETE FROM person WHERE id = ANY($1::uuid[])', [more.map((r) => r.id)]);
  }
});

it('refuses a page size out of range and a cursor it did not give on their fields', async () => {
  for (const first of [0, -1, 201]) {
    const response = await portal.graphql(PAGE, { id: org.organisationId, first }, { token: org.leadToken });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', userErrors: [expect.objectContaining({ field: ['first'] })] });
  }
  for (const after of ['nonsense', Buffer.from(JSON.stringify(['x'])).toString('base64url'), Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url')]) {
    const response = await portal.graphql(PAGE, { id: org.organisationId, first: 5, after }, { token: org.leadToken });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT',
      userErrors: [expect.objectContaining({ field: ['after'], code: 'INVALID_CURSOR' })] });
  }
});

it('refuses an unknown organisation, another partnership\'s and a malformed id alike, saying nothing of them', async () => {
  const [{ id: other }] = await portal.dataSource.query(
    'SELECT o.id FROM organisation o JOIN partnership p ON p.id = o.partnership_id WHERE p.slug = $1 LIMIT 1', [OTHER_PARTNERSHIP]);
  const admin = await portal.signIn('admin@demo.portal');
  for (const id of [randomUuid(), other]) {
    for (const token of [org.leadToken, admin]) {
      const response = await portal.graphql(PAGE, { id, first: 5 }, { token });
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  }
  const malformed = await portal.graphql(PAGE, { id: 'not-a-uuid', first: 5 }, { token: org.leadToken });
  expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', userErrors: [expect.objectContaining({ field: ['organisationId'] })] });
});

it('names the CSV download with the same filters', async () => {
  expect((await page({ first: 1 })).matrix.csvPath).toBe(`/exports/compliance/organisations/${org.organisationId}.csv`);
  expect((await page({ first: 1, status: 'OVERDUE', team: 'Ward' })).matrix.csvPath)
    .toBe(`/exports/compliance/organisations/${org.organisationId}.csv?status=OVERDUE&team=Ward`);
});
