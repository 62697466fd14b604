import { startPortal, type RunningPortal } from '../support/start-portal';
import { organisationId } from '../support/admin-fixtures';
import { xapiStatementErrors } from '../support/xapi-schema';
import { projectXapiStatements } from '../../server/src/modules/xapi/xapi-projection';
import { statementId, XAPI_VERBS, type XapiStatement } from '../../server/src/modules/xapi/xapi-statements';

/**
 * xAPI exports over HTTP on the demo partnership: a person's own statements and an
 * organisation's for its leads, every statement valid against the xAPI statement schema, the
 * same ids export after export, a corrected mark voiding what it said (the voided statement kept
 * as it was), statements immutable in the database, and access refused to everyone else.
 */
let portal: RunningPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

interface StatementResult { statements: XapiStatement[]; more: string }

async function exportOf(path: string, token?: string): Promise<{ status: number; body: StatementResult | string; headers: Headers }> {
  const response = await fetch(`${portal.url}/exports/xapi/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await response.text();
  return { status: response.status, body: response.status === 200 ? JSON.parse(text) as StatementResult : text, headers: response.headers };
}

async function statements(path: string, token: string): Promise<XapiStatement[]> {
  const result = await exportOf(path, token);
  expect(result.status).toBe(200);
  return (result.body as StatementResult).statements;
}

beforeAll(async () => {
  portal = await startPortal({ template: 'demo', config: { signInLimitPerAddress: 10_000 } });
  for (const who of ['learner', 'lead', 'admin', 'steering', 'manager', 'volunteer', 'provider']) tokens[who] = await portal.signIn(`${who}@demo.portal`);
  ids.learner = (await portal.dataSource.query(`SELECT id FROM person WHERE email = 'learner@demo.portal'`))[0].id;
  ids.pcc = await organisationId(portal, 'PCC');
  ids.otherOrg = await organisationId(portal, 'PSHNHSFT');
  ids.fenlandOrg = (await portal.dataSource.query(`SELECT o.id FROM organisation o JOIN partnership p ON p.id = o.partnership_id
    WHERE p.slug = 'fenland-care-partnership' LIMIT 1`))[0].id;
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

describe('xAPI export', () => {
  it("gives a person their own statements, valid, one per fact of their bookings, as a StatementResult", async () => {
    // The demo learner holds no place: their lead books them one, which registers them.
    const found = await portal.graphql<{ sessions: { edges: Array<{ node: { id: string } }> } }>(
      `query { sessions(partnershipSlug: "greater-peterborough", filter: { audience: STAFF, withSeatsOnly: true }, first: 20) { edges { node { id } } } }`,
      {}, { token: tokens.lead });
    let booked: string | null = null;
    for (const { node } of found.data!.sessions.edges) {
      const response = await portal.graphql<{ bookSession: { booking: { id: string; status: string } | null } }>(
        'mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } } }',
        { input: { sessionId: node.id, personId: ids.learner } }, { token: tokens.lead });
      if (response.data?.bookSession.booking?.status === 'CONFIRMED') {
        booked = response.data.bookSession.booking.id;
        break;
      }
    }
    expect(booked).not.toBeNull();
    const result = await exportOf('me.json', tokens.learner);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/^application\/json/);
    expect(result.headers.get('x-experience-api-version')).toBe('1.0.3');
    const body = result.body as StatementResult;
    expect(body.more).toBe('');
    for (const statement of body.statements) expect({ id: statement.id, errors: xapiStatementErrors(statement) }).toEqual({ id: statement.id, errors: [] });
    expect(new Set(body.statements.map((s) => s.actor.account.name))).toEqual(new Set([ids.learner]));

    const counts = (await portal.dataSource.query(`SELECT count(*) FILTER (WHERE status IN ('confirmed', 'attended', 'no_show'))::int AS registered,
      count(*) FILTER (WHERE status = 'attended')::int AS attended FROM booking WHERE person_id = $1`, [ids.learner]))[0];
    const byVerb = (verb: string) => body.statements.filter((s) => s.verb.id === verb).length;
    expect(counts.registered).toBeGreaterThan(0);
    expect(byVerb(XAPI_VERBS.registered)).toBe(counts.registered);
    expect(byVerb(XAPI_VERBS.attended)).toBe(counts.attended);
    expect(byVerb(XAPI_VERBS.completed)).toBe(counts.attended);
    expect(body.statements.find((s) => s.id === statementId('registered', booked!))?.context?.registration).toBe(booked);
  });

  it("gives a lead their organisation's people's statements, and the same statements export after export", async () => {
    const first = await statements(`organisations/${ids.pcc}.json`, tokens.lead);
    const again = await statements(`organisations/${ids.pcc}.json`, tokens.lead);
    expect(again).toEqual(first);
    expect(first.length).toBeGreaterThan(10);
    const people: Array<{ id: string }> = await portal.dataSource.query('SELECT id FROM person WHERE organisation_id = $1', [ids.pcc]);
    const inOrganisation = new Set(people.map((p) => p.id));
    expect(first.every((s) => inOrganisation.has(s.actor.account.name))).toBe(true);
    for (const statement of first) expect(xapiStatementErrors(statement)).toEqual([]);
    // Each feedback of its people is a rating: the score out of 5 and would-you-recommend as an extension.
    const feedback: Array<{ booking_id: string; rating: number; recommend: number }> = await portal.dataSource.query(
      'SELECT f.booking_id, f.rating, f.recommend FROM feedback f JOIN person p ON p.id = f.person_id WHERE p.organisation_id = $1', [ids.pcc]);
    expect(feedback.length).toBeGreaterThan(0);
    const ratings = first.filter((s) => s.verb.id === XAPI_VERBS.responded);
    expect(ratings).toHaveLength(feedback.length);
    const [one] = feedback;
    const rated = ratings.find((s) => s.id === statementId('responded', one.booking_id));
    expect(rated?.result?.score).toEqual({ raw: one.rating, min: 1, max: 5, scaled: Math.round((one.rating / 5) * 100) / 100 });
    expect(Object.values(rated?.result?.extensions ?? {})).toEqual([one.recommend]);
    // An administrator may have it too.
    expect((await exportOf(`organisations/${ids.pcc}.json`, tokens.admin)).status).toBe(200);
  });

  it('voids what a corrected mark said, keeps the voided statement as it was, and gives a new one when marked again', async () => {
    const [booking] = await portal.dataSource.query(`SELECT b.id, b.person_id FROM booking b JOIN person p ON p.id = b.person_id
      WHERE b.status = 'attended' AND p.organisation_id = $1 ORDER BY b.id LIMIT 1`, [ids.pcc]);
    const before = await statements(`organisations/${ids.pcc}.json`, tokens.lead);
    const attendedId = statementId('attended', booking.id);
    const completedId = statementId('completed', booking.id);
    const attended = before.find((s) => s.id === attendedId);
    expect(attended).toBeDefined();

    // The register corrected (attended → did not attend), by an administrator, with a reason.
    const correct = async (outcome: string) => {
      const response = await portal.graphql<{ correctAttendance: { userErrors: Array<{ code: string }> } }>(
        'mutation($input: CorrectAttendanceInput!) { correctAttendance(input: $input) { userErrors { field code message } } }',
        { input: { bookingId: booking.id, outcome, reason: 'Signed the sheet for a colleague' } }, { token: tokens.admin });
      expect(response.errors).toBeUndefined();
      expect(response.data!.correctAttendance.userErrors).toEqual([]);
    };
    await correct('NO_SHOW');
    const corrected = await statements(`organisations/${ids.pcc}.json`, tokens.lead);
    const voiding = corrected.filter((s) => s.verb.id === XAPI_VERBS.voided && s.object.objectType === 'StatementRef');
    expect(voiding.map((s) => s.object.id).sort()).toEqual([attendedId, completedId].sort());
    for (const statement of voiding) expect(xapiStatementErrors(statement)).toEqual([]);
    expect(corrected.find((s) => s.id === attendedId)).toEqual(attended);

    await correct('ATTENDED');
    const remarked = (await statements(`organisations/${ids.pcc}.json`, tokens.lead))
      .filter((s) => s.context?.registration === booking.id && s.verb.id === XAPI_VERBS.attended);
    expect(remarked.map((s) => s.id)).toEqual([attendedId, statementId('attended', `${booking.id}#1`)]);
  });

  it('keeps statements as given: the database refuses to change or delete one', async () => {
    const [row] = await portal.dataSource.query('SELECT id FROM xapi_statement LIMIT 1');
    await expect(portal.dataSource.query(`UPDATE xapi_statement SET verb = 'x' WHERE id = $1`, [row.id])).rejects.toThrow(/immutable/);
    await expect(portal.dataSource.query('DELETE FROM xapi_statement WHERE id = $1', [row.id])).rejects.toThrow(/immutable/);
  });

  it('stores each statement once when two projections run at once', async () => {
    const [booking] = await portal.dataSource.query(`SELECT b.id FROM booking b WHERE b.status = 'confirmed' ORDER BY b.id LIMIT 1`);
    await portal.dataSource.query(`UPDATE booking SET status = 'attended', updated_at = now() WHERE id = $1`, [booking.id]);
    const before = Number((await portal.dataSource.query('SELECT count(*) AS n FROM xapi_statement'))[0].n);
    // The job's way (skip when busy) and an export's (wait), at once: attended and completed, stored once between them.
    const runs = await Promise.all([{ wait: false }, { wait: true }, { wait: true }]
      .map((options) => projectXapiStatements(portal.dataSource, { homePage: portal.url }, options)));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
    expect(Number((await portal.dataSource.query('SELECT count(*) AS n FROM xapi_statement'))[0].n)).toBe(before + 2);
    expect(await portal.dataSource.query(`SELECT verb FROM xapi_statement WHERE booking_id = $1 ORDER BY seq`, [booking.id]))
      .toEqual([{ verb: 'registered' }, { verb: 'attended' }, { verb: 'completed' }]);
  });

  it('refuses everyone else: signed out, other organisations, other partnerships, made-up ids', async () => {
    const cases: Array<[string, string | undefined, number]> = [
      ['me.json', undefined, 401],
      [`organisations/${ids.pcc}.json`, undefined, 401],
      [`organisations/${ids.pcc}.json`, tokens.learner, 403],
      [`organisations/${ids.pcc}.json`, tokens.manager, 403],
      [`organisations/${ids.pcc}.json`, tokens.steering, 403],
      [`organisations/${ids.pcc}.json`, tokens.volunteer, 403],
      [`organisations/${ids.pcc}.json`, tokens.provider, 403],
      [`organisations/${ids.otherOrg}.json`, tokens.lead, 403],
      [`organisations/${ids.fenlandOrg}.json`, tokens.lead, 404],
      [`organisations/${ids.fenlandOrg}.json`, tokens.admin, 404],
      ['organisations/00000000-0000-4000-8000-000000000000.json', tokens.lead, 404],
      ['organisations/not-an-id.json', tokens.lead, 400],
    ];
    const seen = [];
    for (const [path, token, status] of cases) seen.push([path, token === undefined ? 'signed out' : Object.keys(tokens).find((k) => tokens[k] === token), (await exportOf(path, token)).status, status]);
    expect(seen.map(([path, who, got]) => [path, who, got])).toEqual(seen.map(([path, who, , want]) => [path, who, want]));
  });
});
