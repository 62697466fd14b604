import { startPortal, type GraphQLResponse, type RunningPortal } from '../support/start-portal';
import {
  ADMIN, count, errorCode, NON_ADMINS, organisationId, otherPartnershipAdmin, OTHER_PARTNERSHIP, personId, randomUuid, signInAs,
} from '../support/admin-fixtures';

/**
 * Who sees which people: administrators their partnership, L&D leads the organisations they
 * lead, line managers their direct reports; nobody else, and nobody across partnerships.
 */
let portal: RunningPortal;
let tokens: Record<string, string>;
let partnershipId: string;
let pcc: string;

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
  tokens = await signInAs(portal, [ADMIN, ...NON_ADMINS]);
  partnershipId = (await portal.dataSource.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`))[0].id;
  pcc = await organisationId(portal, 'PCC');
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

const PEOPLE = `query($organisationId: ID, $search: String, $first: Int, $after: String) {
  people(organisationId: $organisationId, search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name email kind jobTitle team disabled organisation { id shortCode }
      lineManager { id email } roles { role organisation { shortCode } } } } } }`;

interface PersonNode { id: string; name: string; email: string; kind: string; jobTitle: string | null; team: string | null; disabled: boolean;
  organisation: { id: string; shortCode: string } | null; lineManager: { id: string; email: string } | null;
  roles: Array<{ role: string; organisation: { shortCode: string } | null }> }
interface PeopleData { people: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: PersonNode }> } }

const people = (variables: Record<string, unknown>, token: string | null): Promise<GraphQLResponse<PeopleData>> =>
  portal.graphql<PeopleData>(PEOPLE, variables, { token });

async function everyone(variables: Record<string, unknown>, token: string): Promise<PersonNode[]> {
  const nodes: PersonNode[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await people({ ...variables, first: 100, after }, token);
    expect(response.errors).toBeUndefined();
    nodes.push(...response.data!.people.edges.map((e) => e.node));
    if (!response.data!.people.pageInfo.hasNextPage) return nodes;
    after = response.data!.people.pageInfo.endCursor;
  }
}

describe('administrators', () => {
  it('see everyone in their partnership, in name order, page by page', async () => {
    const total = await count(portal, 'SELECT count(*) FROM person WHERE partnership_id = $1', [partnershipId]);
    const first = await people({ first: 100 }, tokens[ADMIN]);
    expect(first.data!.people.totalCount).toBe(total);
    const all = await everyone({}, tokens[ADMIN]);
    expect(all).toHaveLength(total);
    expect(new Set(all.map((p) => p.id)).size).toBe(total);
    const order = await portal.dataSource.query('SELECT id FROM person WHERE partnership_id = $1 ORDER BY name, id', [partnershipId]);
    expect(all.map((p) => p.id)).toEqual(order.map((r: { id: string }) => r.id));
  });

  it('see one organisation, with email, roles and line managers', async () => {
    const all = await everyone({ organisationId: pcc }, tokens[ADMIN]);
    expect(all).toHaveLength(await count(portal, 'SELECT count(*) FROM person WHERE organisation_id = $1', [pcc]));
    expect(all.every((p) => p.organisation?.shortCode === 'PCC')).toBe(true);
    const learner = all.find((p) => p.email === 'learner@demo.portal')!;
    expect(learner).toMatchObject({ kind: 'STAFF', jobTitle: 'Reablement Support Worker', disabled: false,
      lineManager: { email: 'manager@demo.portal' }, roles: [{ role: 'LEARNER', organisation: { shortCode: 'PCC' } }] });
  });

  it('load organisations, line managers and roles with a few statements per page, not one per person', async () => {
    const small = await people({ first: 10 }, tokens[ADMIN]);
    const large = await people({ first: 100 }, tokens[ADMIN]);
    expect(large.data!.people.edges).toHaveLength(100);
    expect(large.extensions?.sqlStatements).toBeLessThanOrEqual(8);
    expect(large.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);
  });

  it('search names and emails, taking %, _ and \\ literally', async () => {
    const byName = await everyone({ search: 'holloway' }, tokens[ADMIN]);
    expect(byName.map((p) => p.email)).toContain('learner@demo.portal');
    expect(byName.every((p) => /holloway/i.test(p.name) || /holloway/i.test(p.email))).toBe(true);
    const byEmail = await everyone({ search: 'DEMO.PORTAL' }, tokens[ADMIN]);
    expect(byEmail.map((p) => p.email).sort()).toEqual([ADMIN, ...NON_ADMINS].sort());
    for (const pattern of ['%', '_', '\\', '%demo%']) {
      expect((await people({ search: pattern }, tokens[ADMIN])).data!.people.totalCount).toBe(0);
    }
  });

  it('are refused an organisation of the other partnership exactly as an unknown one', async () => {
    const foreign = await people({ organisationId: await organisationId(portal, 'FDC', OTHER_PARTNERSHIP) }, tokens[ADMIN]);
    const unknown = await people({ organisationId: randomUuid() }, tokens[ADMIN]);
    const garbage = await people({ organisationId: 'PCC' }, tokens[ADMIN]);
    for (const response of [foreign, unknown, garbage]) {
      expect(response.data).toBeNull();
      expect(response.errors).toEqual([expect.objectContaining({ message: unknown.errors![0].message, extensions: { code: 'FORBIDDEN' } })]);
    }
  });

  it('of the other partnership see none of this one', async () => {
    const other = await otherPartnershipAdmin(portal);
    const all = await everyone({}, other.token);
    const fenland = await count(portal, `SELECT count(*) FROM person p JOIN partnership s ON s.id = p.partnership_id WHERE s.slug = $1`,
      [OTHER_PARTNERSHIP]);
    expect(all).toHaveLength(fenland);
    expect(all.some((p) => p.email.endsWith('@demo.portal'))).toBe(false);
    expect(errorCode(await people({ organisationId: pcc }, other.token))).toBe('FORBIDDEN');
  });

  it.each([
    ['first of 0', { first: 0 }], ['first of 101', { first: 101 }], ['a cursor it did not give', { after: 'bogus' }],
    ['a search of 201 characters', { search: 'x'.repeat(201) }],
  ])('answer %s with BAD_USER_INPUT', async (_what, variables) => {
    expect(errorCode(await people(variables, tokens[ADMIN]))).toBe('BAD_USER_INPUT');
  });
});

describe('L&D leads', () => {
  it('see the people of the organisation they lead, by default and when they name it', async () => {
    const total = await count(portal, 'SELECT count(*) FROM person WHERE organisation_id = $1', [pcc]);
    const byDefault = await everyone({}, tokens['lead@demo.portal']);
    expect(byDefault).toHaveLength(total);
    expect(byDefault.every((p) => p.organisation?.id === pcc)).toBe(true);
    expect((await everyone({ organisationId: pcc }, tokens['lead@demo.portal'])).map((p) => p.id)).toEqual(byDefault.map((p) => p.id));
    // Their people's line managers are people of the same organisation: visible too.
    expect(byDefault.filter((p) => p.lineManager).length).toBeGreaterThan(0);
  });

  it('are refused any other organisation, of this partnership or another, or unknown', async () => {
    const others = [await organisationId(portal, 'PSHNHSFT'), await organisationId(portal, 'FDC', OTHER_PARTNERSHIP), randomUuid()];
    for (const id of others) {
      const response = await people({ organisationId: id }, tokens['lead@demo.portal']);
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(response.errors![0].message).toBe('You can see the people of the organisations you lead only.');
    }
  });
});

describe('line managers', () => {
  it('see their direct reports and nobody else', async () => {
    const managerId = await personId(portal, 'manager@demo.portal');
    const reports = await portal.dataSource.query('SELECT id FROM person WHERE line_manager_id = $1 ORDER BY name, id', [managerId]);
    expect(reports.length).toBeGreaterThan(1);
    const seen = await everyone({}, tokens['manager@demo.portal']);
    expect(seen.map((p) => p.id)).toEqual(reports.map((r: { id: string }) => r.id));
    expect(seen.every((p) => p.lineManager?.id === managerId)).toBe(true);
    expect(seen.map((p) => p.email)).toContain('learner@demo.portal');
  });

  it('get their reports whatever organisation of their partnership they name, and can search them', async () => {
    const reports = await everyone({}, tokens['manager@demo.portal']);
    expect(await everyone({ organisationId: pcc }, tokens['manager@demo.portal'])).toEqual(reports);
    expect(await everyone({ organisationId: await organisationId(portal, 'PSHNHSFT') }, tokens['manager@demo.portal'])).toEqual(reports);
    // An organisation that is not of their partnership is refused, the same whether it exists elsewhere or not at all.
    const foreign = await people({ organisationId: await organisationId(portal, 'FDC', OTHER_PARTNERSHIP) }, tokens['manager@demo.portal']);
    const unknown = await people({ organisationId: randomUuid() }, tokens['manager@demo.portal']);
    expect(foreign.errors).toEqual(unknown.errors);
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    const found = await everyone({ search: 'learner@' }, tokens['manager@demo.portal']);
    expect(found.map((p) => p.email)).toEqual(['learner@demo.portal']);
  });
});

describe('everyone else', () => {
  it('is refused when signed out', async () => {
    const response = await people({}, null);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.data).toBeNull();
  });

  it.each(['volunteer@demo.portal', 'learner@demo.portal', 'provider@demo.portal', 'steering@demo.portal'])('%s is refused', async (email) => {
    const response = await people({}, tokens[email]);
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
    expect(errorCode(await people({ organisationId: pcc }, tokens[email]))).toBe('FORBIDDEN');
  });
});

describe('direct reports only', () => {
  const REPORTS = `query { people(directReportsOnly: true, first: 100) { totalCount edges { node { email lineManager { email } } } } }`;
  type ReportsData = { people: { totalCount: number; edges: Array<{ node: { email: string; lineManager: { email: string } | null } }> } };

  it('lists a line manager\'s reports alone, even when they also lead the organisation', async () => {
    const [manager] = await portal.dataSource.query(`SELECT id FROM person WHERE email = 'manager@demo.portal'`);
    await portal.dataSource.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id)
      VALUES ($1, $2, 'ld_lead', $3)`, [partnershipId, manager.id, pcc]);
    try {
      const token = await portal.signIn('manager@demo.portal');
      const whole = await people({ first: 100 }, token);
      const reports = await portal.graphql<ReportsData>(REPORTS, undefined, { token });
      expect(reports.errors).toBeUndefined();
      const emails = reports.data!.people.edges.map((e) => e.node.email);
      expect(emails).toContain('learner@demo.portal');
      expect(reports.data!.people.edges.every((e) => e.node.lineManager?.email === 'manager@demo.portal')).toBe(true);
      expect(reports.data!.people.totalCount).toBeLessThan(whole.data!.people.totalCount);
    } finally {
      await portal.dataSource.query(`DELETE FROM role_grant WHERE person_id = $1 AND role = 'ld_lead'`, [manager.id]);
    }
  });

  it('refuses someone who manages nobody', async () => {
    const response = await portal.graphql(REPORTS, undefined, { token: tokens['lead@demo.portal'] });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
