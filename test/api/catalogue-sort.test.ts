import { distanceKm } from '@portal/domain';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { makeCourse, makeOrganisation, makePartnership, makeSession, makeVenue } from '../support/catalogue-fixtures';

/**
 * The catalogue's two orders over HTTP, on rows this file makes: soonest first, and nearest
 * first from a point or from a town's centre, each paged by cursor; a cursor keeps the exact
 * time, so sessions a microsecond apart page once each.
 */
const SEARCH = `query Search($slug: String!, $filter: SessionFilter, $sort: SessionSort, $first: Int, $after: String) {
  sessions(partnershipSlug: $slug, filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id startsAt seatsLeft seatAvailability venue { name } } }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string; startsAt: string; seatsLeft: number; seatAvailability: string; venue: { name: string } | null } }>;
}

let portal: RunningPortal;
let slug: string;
const ids: Record<string, string> = {};
// A point and three venues of one town due north of it, 1.1, 5.6 and 11.1 km away.
const point = { latitude: 52, longitude: 0 };
const venues = {
  a: { name: 'A Hall', town: 'Testham', latitude: 52.01, longitude: 0 },
  b: { name: 'B Centre', town: 'Testham', latitude: 52.05, longitude: 0 },
  c: { name: 'C Barn', town: 'Testham', latitude: 52.1, longitude: 0 },
};

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
  const db = portal.dataSource;
  const p = await makePartnership(db, 'sort-partnership');
  slug = p.slug;
  const org = await makeOrganisation(db, p.id, { name: 'Testham Council', shortCode: 'TC' });
  const course = await makeCourse(db, p.id, org, { title: 'Manual Handling' });
  const [a, b, c] = await Promise.all([makeVenue(db, p.id, venues.a), makeVenue(db, p.id, venues.b), makeVenue(db, p.id, venues.c)]);
  ids.course = course;
  ids.c2 = await makeSession(db, p.id, course, { startsInDays: 2, venueId: c });
  ids.a1 = await makeSession(db, p.id, course, { startsInDays: 1, venueId: a, capacity: 10, seatsTaken: 10 });
  ids.b3 = await makeSession(db, p.id, course, { startsInDays: 3, venueId: b, capacity: 10, seatsTaken: 7 });
  ids.online4 = await makeSession(db, p.id, course, { startsInDays: 4 });
  ids.a5 = await makeSession(db, p.id, course, { startsInDays: 5, venueId: a, capacity: 10, seatsTaken: 6 });
  ids.b6 = await makeSession(db, p.id, course, { startsInDays: 6, venueId: b });

  // Two sessions a microsecond apart (and a third after), ids in the opposite order to time.
  const tick = await makeCourse(db, p.id, org, { title: 'Microsecond Course' });
  ids.tick = tick;
  const rows = [];
  for (let i = 0; i < 3; i += 1) rows.push(await makeSession(db, p.id, tick, { startsInDays: 9 }));
  rows.sort().reverse();
  for (const [i, id] of rows.entries()) {
    await db.query(`UPDATE training_session SET starts_at = date_trunc('second', starts_at) + $2 * interval '1 microsecond',
      ends_at = date_trunc('second', starts_at) + interval '3 hours' WHERE id = $1`, [id, i + 1]);
  }
  ids.tick1 = rows[0];
  ids.tick2 = rows[1];
  ids.tick3 = rows[2];
}, 60_000);

afterAll(async () => {
  await portal?.stop();
});

async function search(variables: { filter?: Record<string, unknown>; sort?: string; first?: number; after?: string | null }) {
  const response = await portal.graphql<{ sessions: Page }>(SEARCH, { slug, ...variables });
  expect(response.errors).toBeUndefined();
  return response.data!.sessions;
}

/** Every page of a search, and the ids of each. */
async function pages(variables: { filter?: Record<string, unknown>; sort?: string; first: number }) {
  const seen: string[][] = [];
  let after: string | null = null;
  for (let i = 0; i < 10; i += 1) {
    const page: Page = await search({ ...variables, after });
    seen.push(page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return seen;
}

const manualHandling = { courseId: '' };
beforeAll(() => {
  manualHandling.courseId = ids.course;
});

describe('sessions: sort', () => {
  it('the venues are where this file says (the hand-worked distances below rest on them)', () => {
    expect(distanceKm(point, venues.a)).toBeCloseTo(1.11, 2);
    expect(distanceKm(point, venues.b)).toBeCloseTo(5.56, 2);
    expect(distanceKm(point, venues.c)).toBeCloseTo(11.12, 2);
  });

  it('by date (the default): soonest first, across two pages', async () => {
    const byDate = [[ids.a1, ids.c2, ids.b3], [ids.online4, ids.a5, ids.b6]];
    expect(await pages({ filter: manualHandling, first: 3 })).toEqual(byDate);
    expect(await pages({ filter: manualHandling, sort: 'DATE', first: 3 })).toEqual(byDate);
  });

  it('by distance from a point: nearest venue first, then soonest; online last', async () => {
    const near = { ...manualHandling, near: { ...point, radiusKm: 20 } };
    // A 1.1 km (days 1 and 5), B 5.6 km (days 3 and 6), C 11.1 km (day 2).
    expect(await pages({ filter: near, sort: 'DISTANCE', first: 3 })).toEqual([[ids.a1, ids.a5, ids.b3], [ids.b6, ids.c2]]);
    expect(await pages({ filter: { ...near, includeOnline: true }, sort: 'DISTANCE', first: 3 }))
      .toEqual([[ids.a1, ids.a5, ids.b3], [ids.b6, ids.c2, ids.online4]]);
  });

  it('by distance from a town: from the centre of its venues', async () => {
    // The centre of Testham's venues is at latitude 52.0533: B is 0.4 km from it, A 4.8 km, C 5.2 km.
    const town = { ...manualHandling, town: 'testham', includeOnline: true };
    expect(await pages({ filter: town, sort: 'DISTANCE', first: 3 })).toEqual([[ids.b3, ids.b6, ids.a1], [ids.a5, ids.c2, ids.online4]]);
    expect(await pages({ filter: town, first: 3 })).toEqual([[ids.a1, ids.c2, ids.b3], [ids.online4, ids.a5, ids.b6]]);
  });

  it('says how far each session is from the place searched, in either order, and nothing online or without a place', async () => {
    const query = `query($slug: String!, $filter: SessionFilter, $sort: SessionSort) { sessions(partnershipSlug: $slug, filter: $filter, sort: $sort, first: 10) {
      edges { node { id distanceKm } } } }`;
    const distances = async (filter: Record<string, unknown>, sort?: string) => {
      const response = await portal.graphql<{ sessions: { edges: Array<{ node: { id: string; distanceKm: number | null } }> } }>(query, { slug, filter, sort });
      expect(response.errors).toBeUndefined();
      return Object.fromEntries(response.data!.sessions.edges.map((e) => [e.node.id, e.node.distanceKm === null ? null : Number(e.node.distanceKm.toFixed(2))]));
    };
    const near = { ...manualHandling, near: { ...point, radiusKm: 20 }, includeOnline: true };
    const fromPoint = { [ids.a1]: 1.11, [ids.a5]: 1.11, [ids.b3]: 5.56, [ids.b6]: 5.56, [ids.c2]: 11.12, [ids.online4]: null };
    expect(await distances(near, 'DISTANCE')).toEqual(fromPoint);
    expect(await distances(near, 'DATE')).toEqual(fromPoint);
    // From the centre of Testham's venues (latitude 52.0533...): B 0.37 km, A 4.82 km, C 5.19 km.
    const fromTown = await distances({ ...manualHandling, town: 'Testham', includeOnline: true });
    expect(fromTown[ids.b3]).toBeCloseTo(0.37, 1);
    expect(fromTown[ids.a1]).toBeCloseTo(4.82, 1);
    expect(fromTown[ids.c2]).toBeCloseTo(5.19, 1);
    expect(fromTown[ids.online4]).toBeNull();
    expect(Object.values(await distances(manualHandling))).toEqual([null, null, null, null, null, null]);
    const one = await portal.graphql<{ session: { distanceKm: number | null } }>('query($id: ID!) { session(id: $id) { distanceKm } }', { id: ids.a1 });
    expect(one.data!.session.distanceKm).toBeNull();
  });

  it('pages one page at a time without skipping or repeating, in either order', async () => {
    const town = { ...manualHandling, town: 'Testham', includeOnline: true };
    for (const sort of ['DATE', 'DISTANCE']) {
      const one = (await pages({ filter: town, sort, first: 1 })).flat();
      const all = (await pages({ filter: town, sort, first: 50 })).flat();
      expect(one).toEqual(all);
      expect(new Set(one).size).toBe(6);
    }
  });

  it('pages sessions a microsecond apart once each', async () => {
    const tick = { courseId: ids.tick };
    expect(await pages({ filter: tick, first: 1 })).toEqual([[ids.tick1], [ids.tick2], [ids.tick3]]);
    const starts = (await search({ filter: tick })).edges.map((e) => e.node.startsAt);
    // The API's times are milliseconds: all three look the same, which is why the cursor cannot be one.
    expect(new Set(starts).size).toBe(1);
  });

  it('tags fully booked sessions and those with 3 seats or fewer left', async () => {
    const page = await search({ filter: manualHandling });
    const tag = Object.fromEntries(page.edges.map((e) => [e.node.id, [e.node.seatsLeft, e.node.seatAvailability]]));
    expect(tag[ids.a1]).toEqual([0, 'FULL']);
    expect(tag[ids.b3]).toEqual([3, 'FEW_LEFT']);
    expect(tag[ids.a5]).toEqual([4, 'AVAILABLE']);
    expect(tag[ids.b6]).toEqual([20, 'AVAILABLE']);
  });

  it('costs the same statements by distance as by date, whatever the page size', async () => {
    const counts: number[] = [];
    for (const sort of ['DATE', 'DISTANCE']) {
      for (const first of [1, 3, 7]) {
        const response = await portal.graphql(SEARCH, { slug, sort, first, filter: { town: 'Testham' } });
        expect(response.errors).toBeUndefined();
        counts.push(response.extensions!.sqlStatements!);
      }
    }
    // partnership by slug, then one statement for the count, the page and its courses, providers and venues
    expect(counts).toEqual([2, 2, 2, 2, 2, 2]);
  });
});

describe('sessions: bad sort input', () => {
  async function refused(variables: Record<string, unknown>) {
    const response = await portal.graphql(SEARCH, { slug, ...variables });
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    return { status: response.status, error };
  }

  it('refuses DISTANCE with no town or point, on the sort argument', async () => {
    const { status, error } = await refused({ sort: 'DISTANCE', filter: { text: 'manual' } });
    expect(status).toBe(200);
    expect(error.extensions?.userErrors).toEqual([{ field: ['sort'], code: 'NEEDS_PLACE',
      message: 'To sort by distance, give a town or a place to measure from.' }]);
  });

  it('refuses a sort that does not exist with a 400, not a 500', async () => {
    const { status, error } = await refused({ sort: 'PRICE' });
    expect(status).toBe(400);
    expect(error.message).toMatch(/sort/);
  });

  it('refuses a cursor from the other order, saying so', async () => {
    const town = { ...manualHandling, town: 'Testham' };
    const byDate = await search({ filter: town, first: 2 });
    const byDistance = await search({ filter: town, sort: 'DISTANCE', first: 2 });

    const dateCursorByDistance = await refused({ filter: town, sort: 'DISTANCE', first: 2, after: byDate.pageInfo.endCursor });
    expect(dateCursorByDistance.error.extensions?.userErrors).toEqual([{ field: ['after'], code: 'CURSOR_SORT_MISMATCH',
      message: 'The cursor is from results sorted by date, not by distance. Start again from the first page.' }]);
    const distanceCursorByDate = await refused({ filter: town, sort: 'DATE', first: 2, after: byDistance.pageInfo.endCursor });
    expect(distanceCursorByDate.error.extensions?.userErrors).toEqual([{ field: ['after'], code: 'CURSOR_SORT_MISMATCH',
      message: 'The cursor is from results sorted by distance, not by date. Start again from the first page.' }]);
  });

  it('refuses a cursor of milliseconds or a made-up distance', async () => {
    const raw = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
    for (const after of [raw(['date', '2026-12-01T09:30:00.000Z', ids.a1]), raw(['distance', '0) OR (1=1', '2026-12-01T09:30:00.000000Z', ids.a1])]) {
      const { error } = await refused({ filter: { town: 'Testham' }, sort: 'DISTANCE', after });
      expect(error.extensions?.userErrors).toEqual([expect.objectContaining({ field: ['after'], code: 'INVALID_CURSOR' })]);
    }
  });
});
