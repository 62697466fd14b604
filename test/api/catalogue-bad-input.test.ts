import { startPortal, type RunningPortal } from '../support/start-portal';
import { makePartnership } from '../support/catalogue-fixtures';

/** Every bad argument to the catalogue gets a 4xx or a BAD_USER_INPUT naming the field: never a 500. */
let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  await makePartnership(portal.dataSource, 'bad-input');
}, 60_000);

afterAll(async () => {
  await portal?.stop();
});

const SEARCH = `query($slug: String!, $filter: SessionFilter, $first: Int, $after: String) {
  sessions(partnershipSlug: $slug, filter: $filter, first: $first, after: $after) { totalCount }
}`;

interface UserErrorShape { field: string[]; message: string; code: string }

async function expectBadInput(variables: Record<string, unknown>, field: string[]) {
  const response = await portal.graphql(SEARCH, { slug: 'bad-input', ...variables });
  expect(response.status).toBe(200);
  expect(response.data).toBeNull();
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  const userErrors = error.extensions?.userErrors as UserErrorShape[];
  expect(userErrors.map((e) => e.field)).toContainEqual(field);
  for (const e of userErrors) expect(e.message.length).toBeGreaterThan(5);
  return userErrors;
}

describe('catalogue: bad arguments', () => {
  it.each([[0], [-1], [101], [100_000]])('refuses first: %p', async (first) => {
    await expectBadInput({ first }, ['first']);
  });

  it('refuses an end date before the start date', async () => {
    const [error] = await expectBadInput({ filter: { from: '2030-05-02T00:00:00Z', to: '2030-05-01T00:00:00Z' } }, ['filter', 'to']);
    expect(error.code).toBe('DATES_OUT_OF_ORDER');
  });

  it('refuses an end date in the past when the start defaults to now', async () => {
    await expectBadInput({ filter: { to: '2001-01-01T00:00:00Z' } }, ['filter', 'to']);
  });

  it.each(['nonsense', 'eyJ4IjoxfQ', Buffer.from('["2026-01-01T00:00:00Z","x"]').toString('base64url'), 'x'.repeat(500)])(
    'refuses the cursor %p', async (after) => {
      await expectBadInput({ after }, ['after']);
    });

  it('refuses a negative or huge radius and impossible coordinates', async () => {
    await expectBadInput({ filter: { near: { latitude: 52.5, longitude: -0.2, radiusKm: -5 } } }, ['filter', 'near', 'radiusKm']);
    await expectBadInput({ filter: { near: { latitude: 52.5, longitude: -0.2, radiusKm: 10_000 } } }, ['filter', 'near', 'radiusKm']);
    await expectBadInput({ filter: { near: { latitude: 100, longitude: -0.2, radiusKm: 5 } } }, ['filter', 'near', 'latitude']);
  });

  it('refuses an unknown partnership', async () => {
    const response = await portal.graphql(SEARCH, { slug: 'no-such-partnership' });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((response.errors?.[0].extensions?.userErrors as UserErrorShape[])[0].field).toEqual(['partnershipSlug']);
  });

  it('refuses huge strings', async () => {
    await expectBadInput({ filter: { text: 'safeguarding '.repeat(1000) } }, ['filter', 'text']);
    await expectBadInput({ filter: { town: 'P'.repeat(101) } }, ['filter', 'town']);
    await expectBadInput({ slug: 'x'.repeat(10_000) }, ['partnershipSlug']);
  });

  it('refuses malformed ids and codes, and an unknown mandatory subject', async () => {
    await expectBadInput({ filter: { providerOrganisationId: 'not-a-uuid' } }, ['filter', 'providerOrganisationId']);
    await expectBadInput({ filter: { mandatorySubject: 'DROP TABLE' } }, ['filter', 'mandatorySubject']);
    await expectBadInput({ filter: { mandatorySubject: 'underwater-basket-weaving' } }, ['filter', 'mandatorySubject']);
    await expectBadInput({ filter: { ksfDimension: 'not a code' } }, ['filter', 'ksfDimension']);
  });

  it('answers wrong types with a 400 that names the variable, not a 500', async () => {
    for (const variables of [{ first: 'ten' }, { filter: { from: 'yesterday' } }, { filter: { audience: 'EVERYONE' } },
      { filter: { freeOnly: 'yes please' } }, { filter: { near: { latitude: '52' } } }]) {
      const response = await portal.graphql(SEARCH, { slug: 'bad-input', ...variables });
      expect(response.status).toBe(400);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answers a malformed id on single lookups with null', async () => {
    const response = await portal.graphql(`{ session(id: "42") { id } course(id: "x") { id } partnership(slug: "nope") { id } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ session: null, course: null, partnership: null });
  });
});
