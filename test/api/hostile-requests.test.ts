import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeOrganisation, makePartnership } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { CREATE_STREAM, currentYear, makeStream, RECORD_ENTRY } from '../support/funding-fixtures';

/**
 * Hostile and malformed requests against a server in production mode. Each one must be refused
 * with a 4xx, or with GraphQL errors whose codes are not INTERNAL_SERVER_ERROR, and answered as
 * JSON; a few odd-but-harmless ones (unicode) must simply be answered. No request may get a 5xx.
 */
let portal: RunningPortal;
const SLUG = 'hostile';

const tally = { tried: 0, refused: 0, answered: 0, serverErrors: [] as string[] };

beforeAll(async () => {
  portal = await startPortal({ template: 'empty', config: { production: true, nodeEnv: 'production' } });
  await makePartnership(portal.dataSource, SLUG);
}, 60_000);

afterAll(async () => {
  await portal?.stop();
});

interface GraphQLErrorShape { message: string; extensions?: { code?: string; userErrors?: Array<{ field: string[]; code: string }> } }
interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: { data?: unknown; errors?: GraphQLErrorShape[] } | null;
}

/** Sends one request and counts it; a 5xx or a dropped connection is recorded against the server. */
async function send(name: string, init: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  tally.tried += 1;
  let response: Response;
  try {
    response = await fetch(`${portal.url}${init.path ?? '/graphql'}`, {
      method: init.method ?? 'POST',
      headers: init.headers ?? { 'content-type': 'application/json' },
      body: init.body,
    });
  } catch (error) {
    tally.serverErrors.push(`${name}: no answer (${String(error)})`);
    throw error;
  }
  const text = await response.text();
  if (response.status >= 500) tally.serverErrors.push(`${name}: HTTP ${response.status} ${text.slice(0, 200)}`);
  let body: Answer['body'] = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, body };
}

function post(name: string, payload: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return send(name, { body: JSON.stringify(payload), headers });
}

/**
 * Refused: 4xx with a JSON GraphQL error, or 200 with no data and GraphQL errors, none internal.
 * Returns the errors for further checks.
 */
function expectRefused(answer: Answer, expected: { status?: number; codes?: string[] } = {}): GraphQLErrorShape[] {
  expect(answer.status).toBeLessThan(500);
  if (expected.status) expect(answer.status).toBe(expected.status);
  expect(answer.contentType).toMatch(/^application\/(graphql-response\+)?json/);
  expect(answer.text).not.toMatch(/<html|<pre>|\bat .+\.(js|ts):\d+/i);
  const errors = answer.body?.errors ?? [];
  expect(errors.length).toBeGreaterThan(0);
  if (answer.status === 200) expect(answer.body?.data ?? null).toBeNull();
  for (const error of errors) {
    expect(error.extensions?.code).toBeDefined();
    expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    if (expected.codes) expect(expected.codes).toContain(error.extensions?.code);
  }
  tally.refused += 1;
  return errors;
}

/** Harmless but odd: answered normally, with data. */
function expectAnswered(answer: Answer) {
  expect(answer.status).toBe(200);
  expect(answer.body?.errors).toBeUndefined();
  expect(answer.body?.data).toBeTruthy();
  tally.answered += 1;
}

const SEARCH = `query Search($slug: String!, $filter: SessionFilter, $first: Int) {
  sessions(partnershipSlug: $slug, filter: $filter, first: $first) { totalCount }
}`;
const search = (name: string, variables: Record<string, unknown>) =>
  post(name, { query: SEARCH, variables: { slug: SLUG, ...variables } });

const REFUSED_BY_LIMITS = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'];

describe('query shape limits', () => {
  it('refuses a 40-level depth bomb of nested inline fragments', async () => {
    const query = `{ ${'... on Query { '.repeat(40)}partnerships { id }${' }'.repeat(40)} }`;
    const errors = expectRefused(await post('depth bomb (inline fragments)', { query }), { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/depth limit of 14 exceeded/));
  });

  it('refuses a 40-level depth bomb of nested named fragments', async () => {
    const fragments = Array.from({ length: 40 }, (_, i) =>
      `fragment F${i} on Query { ${i < 39 ? `...F${i + 1}` : 'sessions(partnershipSlug: "hostile") { edges { node { course { provider { sectorGroup { name } } } } } }'} }`);
    const errors = expectRefused(await post('depth bomb (named fragments)', { query: `{ ...F0 } ${fragments.join(' ')}` }),
      { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/depth limit of 14 exceeded/));
  });

  it('refuses 500 and 1,000 aliases of partnerships { id }', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: partnerships { id }`).join(' ')} }`;
    const [five] = expectRefused(await post('500 aliases', { query: aliases(500) }), { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(five.message).toMatch(/Aliases limit of 15 exceeded/);
    // 1,000 aliases are 6,000 tokens: the parser's token limit refuses them before validation.
    expectRefused(await post('1,000 aliases', { query: aliases(1000) }), { status: 400, codes: REFUSED_BY_LIMITS });
  });

  it('refuses 15 aliased pages of sessions to a signed-out caller, `first` in a variable as written inline', async () => {
    const pages = (first: string) => `query Pages($slug: String!${first === '$n' ? ', $n: Int!' : ''}) { ${Array.from({ length: 15 }, (_, i) =>
      `p${i}: sessions(partnershipSlug: $slug, first: ${first}) { totalCount edges { cursor node { id startsAt endsAt deliveryMode seatsLeft
        venue { id name town } course { id title summary isFree costPerPlace { pence formatted } provider { id name } } } } }`).join(' ')} }`;
    for (const [name, payload] of [['15 sessions pages, first: $n', { query: pages('$n'), variables: { slug: SLUG, n: 100 } }],
      ['15 sessions pages, first: 100', { query: pages('100'), variables: { slug: SLUG } }]] as const) {
      const answer = await post(name, payload);
      const [error] = expectRefused(answer, { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
      expect(error.message).toMatch(/^Query cost limit of 25000 exceeded, found \d+\.$/);
      expect(answer.body?.data).toBeUndefined();
      // Refused before any resolver ran: not one SQL statement was sent for it.
      expect((answer.body as { extensions?: { sqlStatements?: number } }).extensions?.sqlStatements ?? 0).toBe(0);
    }
    // One honest page of the same shape is answered.
    expectAnswered(await post('1 sessions page, first: $n', { query: pages('$n').replace(/ p[1-9]\d*: sessions[^]*$/, ' }'), variables: { slug: SLUG, n: 100 } }));
  });

  it('refuses a fragment spread 7 times at each of 5 levels (over 16,807 selections to price) without walking it all', async () => {
    const fragments = Array.from({ length: 6 }, (_, i) =>
      `fragment F${i} on Query { ${i < 5 ? Array(7).fill(`...F${i + 1}`).join(' ') : 'partnerships { id }'} }`);
    const [error] = expectRefused(await post('fragment fan-out', { query: `{ ...F0 } ${fragments.join(' ')}` }),
      { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(error.message).toMatch(/^Query cost could not be measured/);
  });

  it('refuses 100 aliased signIn mutations in one request', async () => {
    const mutation = `mutation { ${Array.from({ length: 100 }, (_, i) =>
      `a${i}: signIn(input: { email: "x@y.z", password: "wrong-password" }) { token }`).join(' ')} }`;
    const answer = await post('100 signIn aliases', { query: mutation });
    const errors = expectRefused(answer);
    // Refused as a whole (400), or, were it ever executed, with an error for every alias.
    if (answer.status !== 400) expect(errors.length).toBeGreaterThanOrEqual(100);
  });

  it('refuses a document past the token limit', async () => {
    const query = `{ partnerships { ${'id '.repeat(5001)}} }`;
    expectRefused(await post('token flood', { query }), { status: 400, codes: ['GRAPHQL_PARSE_FAILED'] });
  });

  it('refuses circular fragments', async () => {
    const query = '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }';
    expectRefused(await post('circular fragments', { query }), { status: 400, codes: REFUSED_BY_LIMITS });
  });

  it('refuses a batch of operations sent as an array', async () => {
    const batch = Array.from({ length: 10 }, () => ({ query: '{ partnerships { id } }' }));
    expectRefused(await post('array batch', batch), { status: 400 });
  });
});

describe('no schema details in production', () => {
  it('refuses introspection', async () => {
    expectRefused(await post('introspection __schema', { query: '{ __schema { types { name fields { name } } } }' }),
      { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    expectRefused(await post('introspection __type', { query: '{ __type(name: "Session") { fields { name } } }' }),
      { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
  });

  it('gives no "Did you mean" for a misspelt field, argument, type, enum value or input field', async () => {
    const answers = [
      await post('misspelt field', { query: '{ partnershp { id } }' }),
      await post('misspelt nested field', { query: '{ partnerships { nam } }' }),
      await post('misspelt argument', { query: '{ sessions(partnershipSlug: "hostile", frist: 5) { totalCount } }' }),
      await post('misspelt type', { query: 'query($f: SessionFiltr) { sessions(partnershipSlug: "hostile", filter: $f) { totalCount } }' }),
      await post('misspelt enum literal', { query: '{ sessions(partnershipSlug: "hostile", filter: { audience: STAF }) { totalCount } }' }),
      await search('misspelt enum variable', { filter: { audience: 'STAF' } }),
      await search('misspelt input field variable', { filter: { txt: 'first aid' } }),
    ];
    for (const answer of answers) {
      const errors = expectRefused(answer, { status: 400 });
      for (const error of errors) expect(error.message).not.toMatch(/did you mean/i);
      expect(answer.text).not.toMatch(/did you mean/i);
    }
  });
});

describe('cross-site requests', () => {
  const query = encodeURIComponent('{ partnerships { id } }');

  it('refuses a simple GET with no preflight header (a cross-site link or image)', async () => {
    const answer = await send('cross-site GET', { method: 'GET', path: `/graphql?query=${query}`, headers: {} });
    const [error] = expectRefused(answer, { status: 400, codes: ['BAD_REQUEST'] });
    expect(error.message).toMatch(/Cross-Site Request Forgery/);
    // The same GET from a script that sets the preflight header is answered: the refusal is CSRF's.
    const allowed = await fetch(`${portal.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
  });

  it('refuses a text/plain and a form POST (sent by a cross-site form without a preflight)', async () => {
    const body = JSON.stringify({ query: '{ partnerships { id } }' });
    for (const contentType of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const [error] = expectRefused(await send(`${contentType} POST`, { headers: { 'content-type': contentType }, body }),
        { status: 400, codes: ['BAD_REQUEST'] });
      expect(error.message).toMatch(/Cross-Site Request Forgery/);
    }
  });

  it('refuses a mutation over GET', async () => {
    const mutation = encodeURIComponent('mutation { signOut }');
    const answer = await send('mutation over GET', { method: 'GET', path: `/graphql?query=${mutation}`, headers: { 'apollo-require-preflight': 'true' } });
    expectRefused(answer);
    expect(answer.status).toBeGreaterThanOrEqual(400);
  });
});

describe('bodies', () => {
  it('refuses a 5 MB body with 413 and a GraphQL-shaped JSON error', async () => {
    const answer = await search('5 MB body', { filter: { text: 'x'.repeat(5 * 1024 * 1024) } });
    const [error] = expectRefused(answer, { status: 413, codes: ['PAYLOAD_TOO_LARGE'] });
    expect(error.message).toMatch(/4 MB/);
  });

  it('reads a body just under 4 MB (the CSV import sends one), then refuses the oversized text in it', async () => {
    const answer = await search('3.9 MB body', { filter: { text: 'x'.repeat(3.9 * 1024 * 1024) } });
    const [error] = expectRefused(answer, { status: 200, codes: ['BAD_USER_INPUT'] });
    expect(error.extensions?.userErrors?.[0].field).toEqual(['filter', 'text']);
  });

  it('answers malformed JSON with 400 JSON, not HTML', async () => {
    for (const [name, body] of [['truncated JSON', '{"query": "{ partnerships { id } }"'], ['not JSON', 'query { partnerships { id } }'],
      ['JSON primitive', '"{ partnerships { id } }"'], ['empty object', '{}'], ['query not a string', '{"query": 42}'],
      ['variables not an object', '{"query": "{ partnerships { id } }", "variables": "x"}']] as const) {
      expectRefused(await send(name, { body }), { status: 400 });
    }
  });

  it('answers an unsupported charset or encoding, and a corrupt gzip body, with 4xx JSON', async () => {
    const body = JSON.stringify({ query: '{ partnerships { id } }' });
    expectRefused(await send('latin1 charset', { headers: { 'content-type': 'application/json; charset=latin1' }, body }), { status: 415 });
    expectRefused(await send('unknown encoding', { headers: { 'content-type': 'application/json', 'content-encoding': 'x-nonsense' }, body }),
      { status: 415 });
    expectRefused(await send('corrupt gzip', { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body }),
      { status: 400 });
  });
});

describe('arguments and variables', () => {
  it('refuses first: 100000', async () => {
    expectRefused(await search('first: 100000 (variable)', { first: 100_000 }), { status: 200, codes: ['BAD_USER_INPUT'] });
    // Written inline it is priced the same (at the resolver's cap), so the resolver refuses it the same way.
    expectRefused(await post('first: 100000 (literal)', { query: '{ sessions(partnershipSlug: "hostile", first: 100000) { totalCount } }' }),
      { status: 200, codes: ['BAD_USER_INPUT'] });
  });

  it('refuses variables of the wrong type with 400', async () => {
    for (const variables of [{ first: 'ten' }, { first: 1e12 }, { first: [1] }, { filter: 'text' }, { filter: { from: 'yesterday' } },
      { filter: { near: { latitude: { $gt: 0 }, longitude: 0, radiusKm: 5 } } }, { slug: null }, { slug: { toString: 'x' } }]) {
      expectRefused(await search(`wrong variable type ${JSON.stringify(variables)}`, variables), { status: 400, codes: ['BAD_USER_INPUT'] });
    }
  });

  it('refuses a 1 MB text filter as BAD_USER_INPUT', async () => {
    const [error] = expectRefused(await search('1 MB text filter', { filter: { text: 'safeguarding '.repeat(80_000) } }),
      { status: 200, codes: ['BAD_USER_INPUT'] });
    expect(error.extensions?.userErrors?.map((e) => e.field)).toContainEqual(['filter', 'text']);
  });

  it('refuses deeply nested JSON in variables, declared or not', async () => {
    // Written as text: JSON.stringify itself overflows the stack on nesting this deep.
    const deepArray = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const body = (variables: string) => `{"query": ${JSON.stringify(SEARCH)}, "variables": {"slug": "${SLUG}", ${variables}}}`;
    expectRefused(await send('deep array in a declared variable',
      { body: body(`"filter": {"near": {"latitude": ${deepArray(10_000)}, "longitude": 0, "radiusKm": 5}}`) }),
    { status: 400, codes: ['BAD_USER_INPUT'] });
    expectRefused(await send('deep object in a declared variable', { body: body(`"filter": ${deepObject(10_000)}`) }),
      { status: 400, codes: ['BAD_USER_INPUT'] });
    // An undeclared variable is ignored by GraphQL, but must not crash anything that walks variables.
    expectAnswered(await send('deep undeclared variable', { body: body(`"junk": ${deepArray(50_000)}, "junk2": ${deepObject(50_000)}`) }));
  });

  it('refuses the NUL character in strings (PostgreSQL cannot store it) as BAD_USER_INPUT', async () => {
    for (const [name, filter, field] of [
      ['NUL in text filter', { text: 'first\u0000aid' }, ['filter', 'text']],
      ['NUL in town filter', { town: '\u0000' }, ['filter', 'town']],
    ] as const) {
      const [error] = expectRefused(await search(name, { filter }), { status: 400, codes: ['BAD_USER_INPUT'] });
      expect(error.extensions?.userErrors?.[0].field).toEqual([...field]);
    }
    expectRefused(await post('NUL in a slug variable', { query: SEARCH, variables: { slug: 'hostile\u0000' } }),
      { status: 400, codes: ['BAD_USER_INPUT'] });
    const [literal] = expectRefused(await post('NUL escaped in a literal argument', { query: '{ partnership(slug: "a\\u0000b") { id } }' }),
      { status: 400, codes: ['BAD_USER_INPUT'] });
    expect(literal.extensions?.userErrors?.[0].field).toEqual(['slug']);
    expectRefused(await post('NUL in an input literal', { query: '{ sessions(partnershipSlug: "hostile", filter: { text: "\\u0000" }) { totalCount } }' }),
      { status: 400, codes: ['BAD_USER_INPUT'] });
    expectRefused(await post('raw NUL in the document', { query: '{ partnerships { id } }\u0000' }), { status: 400, codes: ['GRAPHQL_PARSE_FAILED'] });
  });

  it('answers unicode it can store: emoji, right-to-left marks, combining characters, a lone surrogate', async () => {
    for (const text of ['🚑 first aid', '\u202Eetadpu', 'Z\u0351\u0352\u0353algo', 'caf\u00e9 \u0635\u062d\u0629', '\ud800 orphan', '%_\\\'"; DROP TABLE course; --']) {
      expectAnswered(await search(`unicode text ${JSON.stringify(text)}`, { filter: { text } }));
    }
  });
});

describe('funding mutations and queries', () => {
  const funding: Record<string, string> = {};
  let auth: Record<string, string>;

  beforeAll(async () => {
    const [partnership] = await portal.dataSource.query('SELECT id FROM partnership WHERE slug = $1', [SLUG]);
    funding.organisation = await makeOrganisation(portal.dataSource, partnership.id, { shortCode: 'HOSTILE' });
    const [admin] = await makeSignedInPeople(portal.dataSource, partnership.id, 1, { organisationId: funding.organisation });
    await portal.dataSource.query(`INSERT INTO role_grant (partnership_id, person_id, role) VALUES ($1, $2, 'partnership_admin')`,
      [partnership.id, admin.personId]);
    auth = { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` };
    funding.stream = await makeStream(portal.dataSource, { partnershipId: partnership.id, managingOrganisationId: funding.organisation, budgetPence: 100_000 });
  });

  const streamInput = (overrides: Record<string, unknown> = {}) => ({ name: `Hostile ${Math.random().toString(36).slice(2, 10)}`,
    funderKind: 'OTHER', funderName: 'Hostile Trust', financialYear: currentYear().label, amount: '100.00',
    managingOrganisationId: funding.organisation, ...overrides });
  const create = (name: string, input: Record<string, unknown>, headers = auth) => post(name, { query: CREATE_STREAM, variables: { input } }, headers);
  const record = (name: string, input: Record<string, unknown>) =>
    post(name, { query: RECORD_ENTRY, variables: { input: { streamId: funding.stream, kind: 'SPEND', amount: '1.00', reason: 'Hostile', ...input } } }, auth);
  const entries = async () => Number((await portal.dataSource.query('SELECT count(*) FROM ledger_entry'))[0].count);

  /** Answered with the payload's userErrors on the field: refused by the mutation itself, writing nothing. */
  function expectUserError(answer: Answer, mutation: 'createFundingStream' | 'recordLedgerEntry', field: string[]) {
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
    const payload = (answer.body?.data as Record<string, { userErrors: Array<{ field: string[]; code: string }> }>)[mutation];
    expect(payload.userErrors.map((e) => e.field)).toContainEqual(field);
    tally.refused += 1;
  }

  it('refuses money of the wrong GraphQL type with 400, and text that is not money as a userError', async () => {
    const before = await entries();
    for (const amount of [25_000_000, 1e308, -5, true, null, ['1'], { pence: 100 }]) {
      expectRefused(await create(`stream amount ${JSON.stringify(amount)}`, streamInput({ amount })), { status: 400, codes: ['BAD_USER_INPUT'] });
      expectRefused(await record(`entry amount ${JSON.stringify(amount)}`, { amount }), { status: 400, codes: ['BAD_USER_INPUT'] });
    }
    for (const amount of ['1e308', '-0', '0x1F', '１２３', '١٢٣', '12\u00a0000', '1'.repeat(1000), '9'.repeat(39), '💷100', '100 OR 1=1']) {
      expectUserError(await create(`stream amount ${JSON.stringify(amount.slice(0, 20))}`, streamInput({ amount })), 'createFundingStream', ['input', 'amount']);
      expectUserError(await record(`entry amount ${JSON.stringify(amount.slice(0, 20))}`, { amount }), 'recordLedgerEntry', ['input', 'amount']);
    }
    expect(await entries()).toBe(before);
  });

  it('refuses a 1 MB name, reason and key, and 10,000 contributions, as userErrors', async () => {
    const mb = 'x'.repeat(1024 * 1024);
    expectUserError(await create('1 MB stream name', streamInput({ name: mb })), 'createFundingStream', ['input', 'name']);
    expectUserError(await record('1 MB reason', { reason: mb }), 'recordLedgerEntry', ['input', 'reason']);
    expectUserError(await record('1 MB idempotency key', { idempotencyKey: mb }), 'recordLedgerEntry', ['input', 'idempotencyKey']);
    const contributions = Array.from({ length: 10_000 }, () => ({ organisationId: funding.organisation, amount: '0.01' }));
    expectUserError(await create('10,000 contributions', streamInput({ pooled: true, contributions })), 'createFundingStream', ['input', 'contributions']);
  });

  it('refuses NUL characters in funding inputs as BAD_USER_INPUT', async () => {
    expectRefused(await create('NUL in stream name', streamInput({ name: 'Fund\u0000' })), { status: 400, codes: ['BAD_USER_INPUT'] });
    expectRefused(await record('NUL in reason', { reason: '\u0000' }), { status: 400, codes: ['BAD_USER_INPUT'] });
    expectRefused(await record('NUL in idempotency key', { idempotencyKey: 'key\u0000' }), { status: 400, codes: ['BAD_USER_INPUT'] });
  });

  it('refuses what is not a date (or one past what the scalar takes) with 400, and absurd dates as outside the year', async () => {
    for (const occurredAt of ['+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', 'not a date', '2026-02-30T00:00:00Z', 1e20]) {
      expectRefused(await record(`occurredAt ${occurredAt}`, { occurredAt }), { status: 400, codes: ['BAD_USER_INPUT'] });
    }
    for (const occurredAt of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '1900-01-01T00:00:00+14:00']) {
      expectUserError(await record(`occurredAt ${occurredAt}`, { occurredAt }), 'recordLedgerEntry', ['input', 'occurredAt']);
    }
  });

  it('refuses funding to anonymous callers and 40 aliased recordings in one request', async () => {
    expectRefused(await create('anonymous createFundingStream', streamInput(), { 'content-type': 'application/json' }), { codes: ['UNAUTHENTICATED'] });
    expectRefused(await post('anonymous fundingStreams', { query: `{ fundingStreams(partnershipSlug: "${SLUG}") { id } }` }), { codes: ['UNAUTHENTICATED'] });
    const aliases = Array.from({ length: 40 }, (_, i) =>
      `a${i}: recordLedgerEntry(input: { streamId: "${funding.stream}", kind: COMMITMENT, amount: "1", reason: "r" }) { entry { id } }`).join(' ');
    expectRefused(await post('40 aliased recordLedgerEntry', { query: `mutation { ${aliases} }` }, auth), { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
  });

  it('refuses 7 aliased pages of ledger entries drilling into their streams, `first` in a variable as written inline', async () => {
    const sums = 'budget { pence formatted } committed { pence formatted } spent { pence formatted } remaining { pence formatted }';
    const pages = (first: string) => `query Entries($f: LedgerEntryFilter!${first === '$n' ? ', $n: Int' : ''}) { ${Array.from({ length: 7 }, (_, i) =>
      `e${i}: ledgerEntries(filter: $f, first: ${first}) { edges { node { id sequence kind amount { pence formatted } effect { ${sums} }
        stream { id name summary { ${sums} } courses { courseId title summary { ${sums} } sessions { sessionId startsAt summary { ${sums} } } } } } } }`).join(' ')} }`;
    const f = { partnershipSlug: SLUG, financialYear: currentYear().label };
    for (const [name, payload] of [['7 entries pages, first: $n', { query: pages('$n'), variables: { f, n: 200 } }],
      ['7 entries pages, first: 200', { query: pages('200'), variables: { f } }]] as const) {
      const [error] = expectRefused(await post(name, payload, auth), { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
      expect(error.message).toMatch(/^Query cost limit of 25000 exceeded, found \d+\.$/);
    }
  });

  it('answers odd ids and years of the funding queries without a 5xx', async () => {
    for (const id of ["'; DROP TABLE ledger_entry; --", '0'.repeat(10_000), '00000000-0000-0000-0000-000000000000']) {
      const answer = await post(`fundingStream id ${id.slice(0, 20)}`, { query: 'query($id: ID!) { fundingStream(id: $id) { id } }', variables: { id } }, auth);
      expectAnswered(answer);
      expect((answer.body?.data as { fundingStream: unknown }).fundingStream).toBeNull();
    }
    const [year] = expectRefused(await post('1 MB financial year', { query: 'query($y: String) { fundingStreams(partnershipSlug: "hostile", financialYear: $y) { id } }',
      variables: { y: '2026/27'.repeat(150_000) } }, auth), { status: 200, codes: ['BAD_USER_INPUT'] });
    expect(year.extensions?.userErrors?.[0].field).toEqual(['financialYear']);
    expectRefused(await post('ledgerEntries first: 100000', { query: 'query($f: LedgerEntryFilter!) { ledgerEntries(filter: $f, first: 100000) { totalCount } }',
      variables: { f: { partnershipSlug: SLUG, financialYear: currentYear().label } } }, auth), { codes: REFUSED_BY_LIMITS });
  });
});

describe('the whole suite', () => {
  it('answered no hostile request with a 5xx', () => {
    console.log(`hostile requests: ${tally.tried} tried, ${tally.refused} refused, ${tally.answered} answered safely, `
      + `${tally.serverErrors.length} 5xx`);
    expect(tally.serverErrors).toEqual([]);
    expect(tally.tried).toBeGreaterThan(50);
  });
});
