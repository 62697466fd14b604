import { startPortal, type RunningPortal } from '../support/start-portal';
import { makePartnership } from '../support/catalogue-fixtures';

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
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/depth limit of 10 exceeded/));
  });

  it('refuses a 40-level depth bomb of nested named fragments', async () => {
    const fragments = Array.from({ length: 40 }, (_, i) =>
      `fragment F${i} on Query { ${i < 39 ? `...F${i + 1}` : 'sessions(partnershipSlug: "hostile") { edges { node { course { provider { sectorGroup { name } } } } } }'} }`);
    const errors = expectRefused(await post('depth bomb (named fragments)', { query: `{ ...F0 } ${fragments.join(' ')}` }),
      { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/depth limit of 10 exceeded/));
  });

  it('refuses 500 and 1,000 aliases of partnerships { id }', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: partnerships { id }`).join(' ')} }`;
    const [five] = expectRefused(await post('500 aliases', { query: aliases(500) }), { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(five.message).toMatch(/Aliases limit of 15 exceeded/);
    // 1,000 aliases are 6,000 tokens: the parser's token limit refuses them before validation.
    expectRefused(await post('1,000 aliases', { query: aliases(1000) }), { status: 400, codes: REFUSED_BY_LIMITS });
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
    // Written inline, the cost limit (which multiplies by a literal `first`) refuses it before the resolver does.
    expectRefused(await post('first: 100000 (literal)', { query: '{ sessions(partnershipSlug: "hostile", first: 100000) { totalCount } }' }),
      { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
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

describe('the whole suite', () => {
  it('answered no hostile request with a 5xx', () => {
    console.log(`hostile requests: ${tally.tried} tried, ${tally.refused} refused, ${tally.answered} answered safely, `
      + `${tally.serverErrors.length} 5xx`);
    expect(tally.serverErrors).toEqual([]);
    expect(tally.tried).toBeGreaterThan(50);
  });
});
