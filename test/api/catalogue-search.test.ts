import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeAllocation, makeCourse, makeOrganisation, makePartnership, makeSession, makeVenue } from '../support/catalogue-fixtures';

/**
 * The catalogue over HTTP, against rows this file makes in its own database: every filter of
 * SessionFilter, paging, and what a signed-out visitor may see.
 */
const SEARCH = `query Search($slug: String!, $filter: SessionFilter, $first: Int, $after: String) {
  sessions(partnershipSlug: $slug, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id startsAt seatsLeft deliveryMode venue { town } course { title isFree provider { name } } } }
  }
}`;

interface SearchResult {
  sessions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; startsAt: string; seatsLeft: number; deliveryMode: string;
      venue: { town: string } | null; course: { title: string; isFree: boolean; provider: { name: string } } } }>;
  };
}

let portal: RunningPortal;
let slug: string;
const ids: Record<string, string> = {};
const peterborough = { latitude: 52.5725, longitude: -0.2427 };

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  const db = portal.dataSource;
  const p = await makePartnership(db, 'test-partnership');
  slug = p.slug;
  const trust = await makeOrganisation(db, p.id, { name: 'City Hospital Education Centre', shortCode: 'CHEC', sector: 'acute_trust' });
  const council = await makeOrganisation(db, p.id, { name: 'City Council', shortCode: 'CC' });
  ids.trust = trust;
  ids.council = council;
  const pboro = await makeVenue(db, p.id, { town: 'Peterborough', ...peterborough });
  const stamford = await makeVenue(db, p.id, { town: 'Stamford', latitude: 52.6519, longitude: -0.4803 });
  const wisbech = await makeVenue(db, p.id, { town: 'Wisbech', latitude: 52.6664, longitude: 0.1594 });

  const safeguarding = await makeCourse(db, p.id, trust, { title: 'Safeguarding Adults Level 2', summary: 'Recognise and report abuse.',
    audience: 'both', mandatorySubject: 'safeguarding-adults-2', ksfDimensions: ['C1', 'HWB2'] });
  const fire = await makeCourse(db, p.id, council, { title: 'Fire Safety Awareness', audience: 'staff', costPence: 4500,
    mandatorySubject: 'fire-safety', ksfDimensions: ['C3'] });
  const volunteers = await makeCourse(db, p.id, council, { title: 'Volunteer Induction', summary: 'Welcome to volunteering in care.',
    audience: 'volunteers' });
  const internal = await makeCourse(db, p.id, trust, { title: 'Safeguarding for Trust Staff Only', visibility: 'organisation',
    visibilityOrganisationId: trust });
  const partnershipOnly = await makeCourse(db, p.id, trust, { title: 'Safeguarding Leads Forum', visibility: 'partnership' });
  ids.safeguardingCourse = safeguarding;
  ids.internalCourse = internal;

  ids.sgOnline = await makeSession(db, p.id, safeguarding, { startsInDays: 3 });
  ids.sgPboro = await makeSession(db, p.id, safeguarding, { startsInDays: 10, venueId: pboro });
  ids.sgWisbech = await makeSession(db, p.id, safeguarding, { startsInDays: 20, venueId: wisbech, deliveryMode: 'blended' });
  ids.fireStamford = await makeSession(db, p.id, fire, { startsInDays: 5, venueId: stamford });
  ids.fireFull = await makeSession(db, p.id, fire, { startsInDays: 40, venueId: pboro, capacity: 10, seatsTaken: 10 });
  ids.volunteerPboro = await makeSession(db, p.id, volunteers, { startsInDays: 7, venueId: pboro });
  // A session whose free seats are all allocated to the council: none left for a visitor until release.
  ids.allocated = await makeSession(db, p.id, volunteers, { startsInDays: 60, venueId: pboro, capacity: 5, releaseInDays: 46 });
  await makeAllocation(db, p.id, ids.allocated, council, 5);
  // Released already: the council's unused seats are back in the pool.
  ids.released = await makeSession(db, p.id, volunteers, { startsInDays: 12, venueId: pboro, capacity: 4, releaseInDays: -2 });
  await makeAllocation(db, p.id, ids.released, council, 3, 1);
  await db.query('UPDATE training_session SET seats_taken = 1 WHERE id = $1', [ids.released]);

  ids.past = await makeSession(db, p.id, safeguarding, { startsInDays: -5, status: 'completed' });
  ids.cancelled = await makeSession(db, p.id, safeguarding, { startsInDays: 15, status: 'cancelled' });
  ids.internal = await makeSession(db, p.id, internal, { startsInDays: 4 });
  ids.partnershipOnly = await makeSession(db, p.id, partnershipOnly, { startsInDays: 4 });

  // Another tenant with a public safeguarding course: never part of this partnership's results.
  const other = await makePartnership(db, 'other-partnership');
  const otherOrg = await makeOrganisation(db, other.id, { name: 'Other Trust', shortCode: 'OT' });
  const otherCourse = await makeCourse(db, other.id, otherOrg, { title: 'Safeguarding Adults Level 2 (other)' });
  ids.otherTenant = await makeSession(db, other.id, otherCourse, { startsInDays: 2 });
}, 60_000);

afterAll(async () => {
  await portal?.stop();
});

async function search(filter: Record<string, unknown> = {}, first = 50, after?: string) {
  const response = await portal.graphql<SearchResult>(SEARCH, { slug, filter, first, after });
  expect(response.errors).toBeUndefined();
  return response.data!.sessions;
}

const idsOf = (page: SearchResult['sessions']) => page.edges.map((e) => e.node.id);

describe('sessions: what a signed-out visitor sees', () => {
  it('lists upcoming scheduled public sessions of this partnership only, soonest first', async () => {
    const page = await search();
    expect(idsOf(page)).toEqual([ids.sgOnline, ids.fireStamford, ids.volunteerPboro, ids.sgPboro, ids.released,
      ids.sgWisbech, ids.fireFull, ids.allocated]);
    expect(page.totalCount).toBe(8);
    for (const hidden of [ids.past, ids.cancelled, ids.internal, ids.partnershipOnly, ids.otherTenant]) {
      expect(idsOf(page)).not.toContain(hidden);
    }
  });

  it('counts seats a visitor can book: the pool, plus released allocations', async () => {
    const page = await search();
    const seats = Object.fromEntries(page.edges.map((e) => [e.node.id, e.node.seatsLeft]));
    expect(seats[ids.sgOnline]).toBe(20);
    expect(seats[ids.fireFull]).toBe(0);
    expect(seats[ids.allocated]).toBe(0);
    expect(seats[ids.released]).toBe(3);
  });

  it('hides non-public sessions and courses fetched by id', async () => {
    const response = await portal.graphql<{ session: unknown; course: unknown; visible: { id: string } }>(
      `query($s: ID!, $c: ID!, $v: ID!) { session(id: $s) { id } course(id: $c) { id } visible: session(id: $v) { id } }`,
      { s: ids.internal, c: ids.internalCourse, v: ids.sgOnline });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ session: null, course: null, visible: { id: ids.sgOnline } });
  });

  it('refuses seat allocations to a visitor', async () => {
    const response = await portal.graphql(`query($s: ID!) { session(id: $s) { id allocations { seats } } }`, { s: ids.allocated });
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('sessions: filters', () => {
  it('finds by stemmed prefix in title, summary and provider name', async () => {
    expect(idsOf(await search({ text: 'safeguard' }))).toEqual([ids.sgOnline, ids.sgPboro, ids.sgWisbech]);
    expect(idsOf(await search({ text: 'Adults safeguarding' }))).toEqual([ids.sgOnline, ids.sgPboro, ids.sgWisbech]);
    expect(idsOf(await search({ text: 'abuse' }))).toHaveLength(3);
    expect(idsOf(await search({ text: 'volunteering' }))).toEqual([ids.volunteerPboro, ids.released, ids.allocated]);
    expect(idsOf(await search({ text: 'hospital education' }))).toEqual([ids.sgOnline, ids.sgPboro, ids.sgWisbech]);
    expect(idsOf(await search({ text: 'zebra' }))).toEqual([]);
  });

  it('treats search syntax as plain words', async () => {
    expect(idsOf(await search({ text: "safeguarding' & !|<-> ( :*" }))).toHaveLength(3);
    expect((await search({ text: ' & | ' })).totalCount).toBe(8);
  });

  it('filters by audience: a course for both matches either', async () => {
    expect(idsOf(await search({ audience: 'VOLUNTEERS' }))).toEqual([ids.sgOnline, ids.volunteerPboro, ids.sgPboro,
      ids.released, ids.sgWisbech, ids.allocated]);
    expect(idsOf(await search({ audience: 'STAFF' }))).toEqual([ids.sgOnline, ids.fireStamford, ids.sgPboro,
      ids.sgWisbech, ids.fireFull]);
  });

  it('filters to courses run jointly across organisations (the start page\'s joint training)', async () => {
    await portal.dataSource.query('UPDATE course SET is_joint = (id = $1)', [ids.safeguardingCourse]);
    expect(idsOf(await search({ jointOnly: true }))).toEqual([ids.sgOnline, ids.sgPboro, ids.sgWisbech]);
    expect(idsOf(await search({ jointOnly: false }))).toContain(ids.fireStamford);
  });

  it('filters free, delivery mode, mandatory subject, KSF dimension, provider and course', async () => {
    expect((await search({ freeOnly: true })).edges.every((e) => e.node.course.isFree)).toBe(true);
    expect(idsOf(await search({ freeOnly: true }))).not.toContain(ids.fireStamford);
    expect(idsOf(await search({ deliveryMode: 'ONLINE' }))).toEqual([ids.sgOnline]);
    expect(idsOf(await search({ deliveryMode: 'BLENDED' }))).toEqual([ids.sgWisbech]);
    expect(idsOf(await search({ mandatorySubject: 'fire-safety' }))).toEqual([ids.fireStamford, ids.fireFull]);
    expect(idsOf(await search({ ksfDimension: 'HWB2' }))).toEqual([ids.sgOnline, ids.sgPboro, ids.sgWisbech]);
    expect(idsOf(await search({ providerOrganisationId: ids.trust }))).toEqual([ids.sgOnline, ids.sgPboro, ids.sgWisbech]);
    expect(idsOf(await search({ courseId: ids.safeguardingCourse }))).toEqual([ids.sgOnline, ids.sgPboro, ids.sgWisbech]);
  });

  it('filters by town, case-insensitively, optionally with online sessions', async () => {
    expect(idsOf(await search({ town: 'peterborough', text: 'safeguarding' }))).toEqual([ids.sgPboro]);
    expect(idsOf(await search({ town: 'Peterborough', text: 'safeguarding', includeOnline: true }))).toEqual([ids.sgOnline, ids.sgPboro]);
  });

  it('filters by distance from a point', async () => {
    const near = (radiusKm: number) => search({ near: { ...peterborough, radiusKm }, mandatorySubject: 'fire-safety' });
    expect(idsOf(await near(5))).toEqual([ids.fireFull]);
    expect(idsOf(await near(25))).toEqual([ids.fireStamford, ids.fireFull]);
    const wide = await search({ near: { ...peterborough, radiusKm: 35 }, text: 'safeguarding' });
    expect(idsOf(wide)).toEqual([ids.sgPboro, ids.sgWisbech]);
  });

  it('filters by dates', async () => {
    const now = Date.now();
    const from = new Date(now + 6 * 86_400_000).toISOString();
    const to = new Date(now + 15 * 86_400_000).toISOString();
    expect(idsOf(await search({ from, to }))).toEqual([ids.volunteerPboro, ids.sgPboro, ids.released]);
    // The catalogue is for booking: a session that has run is not offered, however far back one looks.
    const fromPast = new Date(now - 10 * 86_400_000).toISOString();
    expect(idsOf(await search({ from: fromPast, text: 'safeguarding' }))).not.toContain(ids.past);
  });

  it('keeps only sessions the caller can still book', async () => {
    const page = await search({ withSeatsOnly: true });
    expect(idsOf(page)).not.toContain(ids.fireFull);
    expect(idsOf(page)).not.toContain(ids.allocated);
    expect(idsOf(page)).toContain(ids.released);
    expect(page.edges.every((e) => e.node.seatsLeft > 0)).toBe(true);
  });
});

describe('sessions: paging', () => {
  it('walks every page once with cursors, with a stable total', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      const page = await search({}, 3, after);
      expect(page.totalCount).toBe(8);
      seen.push(...idsOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(idsOf(await search()));
  });

  it('sends the same number of SQL statements whatever the page size', async () => {
    const counts: number[] = [];
    // In person only, so every page has venues to load (an online-only page would skip that query).
    for (const first of [1, 3, 7]) {
      const response = await portal.graphql(SEARCH, { slug, first, filter: { deliveryMode: 'IN_PERSON' } });
      expect(response.errors).toBeUndefined();
      counts.push(response.extensions!.sqlStatements!);
    }
    // partnership by slug; the page with its count, courses, venues and providers
    expect(counts).toEqual([2, 2, 2]);
  });
});
