import { startPortal, type RunningPortal } from '../support/start-portal';

/** The catalogue as a visitor meets it on the demo data: journey 1's search, and tenant isolation. */
let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

const PAGE = `query($slug: String!, $filter: SessionFilter, $first: Int, $after: String) {
  sessions(partnershipSlug: $slug, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id startsAt seatsLeft deliveryMode venue { town }
      course { title audience isFree visibility mandatorySubject { name } provider { name } } } }
  }
}`;

interface Page {
  sessions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; startsAt: string; seatsLeft: number; deliveryMode: string; venue: { town: string } | null;
      course: { title: string; audience: string; isFree: boolean; visibility: string; provider: { name: string } } } }>;
  };
}

describe('demo catalogue', () => {
  it('offers at least 100 public upcoming sessions in Greater Peterborough', async () => {
    const response = await portal.graphql<Page>(PAGE, { slug: 'greater-peterborough', first: 100 });
    expect(response.errors).toBeUndefined();
    const { sessions } = response.data!;
    expect(sessions.totalCount).toBeGreaterThanOrEqual(100);
    expect(sessions.edges.every((e) => e.node.course.visibility === 'PUBLIC')).toBe(true);
    expect(sessions.edges.every((e) => new Date(e.node.startsAt) > new Date())).toBe(true);
  });

  it('answers journey 1: safeguarding, open to volunteers, free, online or in Peterborough', async () => {
    const response = await portal.graphql<Page>(PAGE, { slug: 'greater-peterborough', first: 50, filter: {
      text: 'safeguarding', audience: 'VOLUNTEERS', freeOnly: true, town: 'Peterborough', includeOnline: true, withSeatsOnly: true,
    } });
    expect(response.errors).toBeUndefined();
    const { edges } = response.data!.sessions;
    expect(edges.length).toBeGreaterThan(0);
    for (const { node } of edges) {
      expect(node.course.title).toMatch(/safeguard/i);
      expect(node.course.audience).not.toBe('STAFF');
      expect(node.course.isFree).toBe(true);
      expect(node.seatsLeft).toBeGreaterThan(0);
      expect(node.deliveryMode === 'ONLINE' || node.venue?.town === 'Peterborough').toBe(true);
    }
    expect(edges.some((e) => e.node.deliveryMode === 'ONLINE')).toBe(true);
    expect(edges.some((e) => e.node.venue?.town === 'Peterborough')).toBe(true);
  });

  it('never mixes partnerships', async () => {
    const fenland = await portal.graphql<Page>(PAGE, { slug: 'fenland-care-partnership', first: 100 });
    const peterborough = await portal.graphql<Page>(PAGE, { slug: 'greater-peterborough', first: 100, filter: { text: 'safeguarding' } });
    const fenlandIds = new Set(fenland.data!.sessions.edges.map((e) => e.node.id));
    expect(fenlandIds.size).toBeGreaterThan(0);
    expect(peterborough.data!.sessions.edges.some((e) => fenlandIds.has(e.node.id))).toBe(false);
  });

  it('lists the partnerships and their organisations', async () => {
    const response = await portal.graphql<{ partnerships: Array<{ slug: string }>; organisations: Array<{ shortCode: string; sector: string; sectorGroup: { name: string } | null }> }>(
      `{ partnerships { slug } organisations(partnershipSlug: "greater-peterborough") { shortCode sector sectorGroup { name } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.partnerships.map((p) => p.slug).sort()).toEqual(['fenland-care-partnership', 'greater-peterborough']);
    const codes = response.data!.organisations.map((o) => o.shortCode);
    expect(codes.length).toBeGreaterThanOrEqual(12);
    expect(codes).toEqual(expect.arrayContaining(['GPPCP', 'PSHNHSFT', 'CPMHPNHST', 'EAANHST']));
    expect(response.data!.organisations.some((o) => o.sectorGroup?.name === 'Care Sector Strategy Group')).toBe(true);
  });

  it('keeps the SQL statements of a page fixed from 20 to 100 sessions', async () => {
    const counts: number[] = [];
    for (const first of [20, 60, 100]) {
      const response = await portal.graphql<Page>(PAGE, { slug: 'greater-peterborough', first });
      expect(response.data!.sessions.edges).toHaveLength(first);
      counts.push(response.extensions!.sqlStatements!);
    }
    // partnership; the page with its count, courses, venues and providers; mandatory subjects
    expect(counts).toEqual([3, 3, 3]);
  });
});
