import { financialYearOf } from '@portal/domain';
import type { SoakStats } from './soak-stats';

/**
 * The people the soak plays, each a loop of visits until the deadline: a visitor browsing the
 * catalogue; learners and a volunteer who sign in, look at their bookings, book a place and
 * cancel it again before leaving (so seats and money come back and later bookings do not all
 * fail); an L&D lead booking their staff and cancelling; the steering group reading the funding
 * overview. Every request is a real HTTP request to the production server, with pauses between
 * them as a person would make.
 */
const SLUG = 'greater-peterborough';
const PASSWORD = 'partnership-demo';
const DAY = 86_400_000;

const Q = {
  sessions: `query CatalogueSessions($slug: String!, $filter: SessionFilter, $after: String) {
    sessions(partnershipSlug: $slug, filter: $filter, first: 20, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id startsAt seatsLeft deliveryMode venue { name town } course { id title isFree costPerPlace { formatted } provider { name } } } }
    } }`,
  session: `query SessionPage($id: ID!) { session(id: $id) { id startsAt endsAt seatsLeft status deliveryMode
    venue { name town } course { id title summary costPerPlace { formatted } provider { name } } } }`,
  course: `query CoursePage($id: ID!) { course(id: $id) { id title summary costPerPlace { formatted } provider { name } } }`,
  signIn: `mutation SignIn($input: SignInInput!) { signIn(input: $input) { token userErrors { code message } } }`,
  signOut: 'mutation SignOut { signOut }',
  myBookings: `query MyBookings { myBookings(first: 20) { totalCount edges { node { id status session { id startsAt course { title } } } } } }`,
  book: `mutation BookSession($input: BookSessionInput!) { bookSession(input: $input) {
    booking { id status } userErrors { field code message } } }`,
  cancel: `mutation CancelBooking($input: CancelBookingInput!) { cancelBooking(input: $input) {
    booking { id status } userErrors { field code message } } }`,
  people: `query People($first: Int) { people(first: $first) { edges { node { id } } } }`,
  overview: `query FundingOverview($slug: String!, $year: String!) { fundingOverview(partnershipSlug: $slug, financialYear: $year) {
    totals { budget { pence } committed { pence } spent { pence } remaining { pence } }
    byStream { stream { id name } summary { budget { pence } committed { pence } spent { pence } remaining { pence } } }
    byOrganisation { key label summary { spent { pence } } } bySector { key label summary { spent { pence } } }
    byQuarter { key label summary { committed { pence } spent { pence } } }
    costPerLearner { pence } costPerLearningHour { pence } seatUtilisation noShowCost { pence } } }`,
  streams: `query FundingStreams($slug: String!, $year: String) { fundingStreams(partnershipSlug: $slug, financialYear: $year) {
    id name summary { remaining { pence } } } }`,
};

const FILTERS: Array<Record<string, unknown>> = [
  {}, { text: 'safeguarding' }, { text: 'dementia care' }, { audience: 'VOLUNTEERS', freeOnly: true },
  { town: 'Peterborough', includeOnline: true }, { near: { latitude: 52.5725, longitude: -0.2427, radiusKm: 15 } },
  { withSeatsOnly: true }, { deliveryMode: 'ONLINE' }, { mandatorySubject: 'fire-safety' },
];

interface Answer<T> { ok: boolean; data?: T; errors?: unknown[] }

export interface Persona { name: string; email: string | null; kind: 'visitor' | 'learner' | 'lead' | 'steering' }

export class VirtualUser {
  private token: string | null = null;

  constructor(private readonly base: string, private readonly persona: Persona, private readonly stats: SoakStats,
    private readonly deadline: number, private readonly random: () => number) {}

  private pick<T>(items: T[]): T | undefined {
    return items.length ? items[Math.floor(this.random() * items.length)] : undefined;
  }

  /** A person's pause between clicks: 0.2–1.2 s. */
  private pause(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 200 + this.random() * 1000));
  }

  private async request<T>(kind: string, send: () => Promise<Response>, parse: boolean): Promise<Answer<T>> {
    const started = performance.now();
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      this.stats.record(kind, performance.now() - started, 'network');
      this.stats.sample(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false };
    }
    let body: { data?: T; errors?: unknown[] } | null = null;
    try {
      body = parse ? (await response.json()) as { data?: T; errors?: unknown[] } : (await response.arrayBuffer(), null);
    } catch {
      body = null;
    }
    const ms = performance.now() - started;
    if (response.status >= 500) {
      this.stats.record(kind, ms, 'http5xx');
      this.stats.sample(`${kind}: HTTP ${response.status} ${JSON.stringify(body?.errors ?? '').slice(0, 300)}`);
      return { ok: false };
    }
    if (response.status >= 400) {
      this.stats.record(kind, ms, 'http4xx');
      this.stats.sample(`${kind}: HTTP ${response.status} ${JSON.stringify(body?.errors ?? '').slice(0, 300)}`);
      return { ok: false };
    }
    if (body?.errors?.length) {
      this.stats.record(kind, ms, 'graphql');
      this.stats.sample(`${kind}: ${JSON.stringify(body.errors).slice(0, 300)}`);
      return { ok: false, errors: body.errors };
    }
    this.stats.record(kind, ms);
    return { ok: true, data: body?.data };
  }

  private graphql<T>(kind: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
    return this.request<T>(kind, () => fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    }), true);
  }

  private page(path: string): Promise<Answer<never>> {
    return this.request('page', () => fetch(`${this.base}${path}`, { signal: AbortSignal.timeout(30_000) }), false);
  }

  private refusals(kind: string, errors: Array<{ code: string }> | undefined): boolean {
    for (const e of errors ?? []) this.stats.refusal(kind, e.code);
    return (errors?.length ?? 0) > 0;
  }

  private async browse(filter: Record<string, unknown> = this.pick(FILTERS)!): Promise<Array<{ id: string; seatsLeft: number; course: { id: string } }>> {
    type Page = { sessions: { edges: Array<{ node: { id: string; seatsLeft: number; course: { id: string } } }> } };
    const answer = await this.graphql<Page>('browse', Q.sessions, { slug: SLUG, filter });
    return answer.data?.sessions.edges.map((e) => e.node) ?? [];
  }

  private async openSession(sessions: Array<{ id: string; course: { id: string } }>): Promise<void> {
    const chosen = this.pick(sessions);
    if (!chosen) return;
    await this.graphql('session page', Q.session, { id: chosen.id });
    if (this.random() < 0.3) await this.graphql('course page', Q.course, { id: chosen.course.id });
  }

  private async signIn(): Promise<boolean> {
    type Data = { signIn: { token: string | null; userErrors: Array<{ code: string }> } };
    const answer = await this.graphql<Data>('sign in', Q.signIn, { input: { email: this.persona.email, password: PASSWORD } });
    if (this.refusals('sign in', answer.data?.signIn.userErrors)) return false;
    this.token = answer.data?.signIn.token ?? null;
    return this.token !== null;
  }

  private async signOut(): Promise<void> {
    await this.graphql('sign out', Q.signOut);
    this.token = null;
  }

  /** Books a place far enough ahead that cancelling is never late, looks at it, and cancels it. */
  private async bookAndCancel(personId?: string): Promise<void> {
    const audience = this.persona.name === 'volunteer' ? 'VOLUNTEERS' : 'STAFF';
    const from = new Date(Date.now() + (30 + Math.floor(this.random() * 60)) * DAY).toISOString();
    const open = (await this.browse({ withSeatsOnly: true, audience, from })).filter((s) => s.seatsLeft > 0);
    const session = this.pick(open);
    if (!session) return;
    await this.pause();
    await this.graphql('session page', Q.session, { id: session.id });
    await this.pause();
    type Booked = { bookSession: { booking: { id: string; status: string } | null; userErrors: Array<{ code: string }> } };
    const booked = await this.graphql<Booked>('book', Q.book, { input: { sessionId: session.id, ...(personId ? { personId } : {}) } });
    if (this.refusals('book', booked.data?.bookSession.userErrors)) return;
    const booking = booked.data?.bookSession.booking;
    if (!booking) return;
    await this.pause();
    if (!personId) await this.graphql('my bookings', Q.myBookings);
    await this.pause();
    type Cancelled = { cancelBooking: { userErrors: Array<{ code: string }> } };
    const cancelled = await this.graphql<Cancelled>('cancel', Q.cancel, { input: { bookingId: booking.id } });
    this.refusals('cancel', cancelled.data?.cancelBooking.userErrors);
  }

  private async visit(): Promise<void> {
    const { kind } = this.persona;
    if (kind === 'visitor') {
      if (this.random() < 0.2) await this.page('/');
      for (let i = 0; i < 4 && Date.now() < this.deadline; i += 1) {
        const sessions = await this.browse();
        await this.pause();
        await this.openSession(sessions);
        await this.pause();
      }
      return;
    }
    if (!(await this.signIn())) {
      await this.pause();
      return;
    }
    try {
      await this.pause();
      if (kind === 'learner') {
        await this.graphql('my bookings', Q.myBookings);
        await this.pause();
        await this.openSession(await this.browse());
        await this.pause();
        await this.bookAndCancel();
      } else if (kind === 'lead') {
        type People = { people: { edges: Array<{ node: { id: string } }> } };
        const people = await this.graphql<People>('people', Q.people, { first: 50 });
        await this.pause();
        const person = this.pick(people.data?.people.edges.map((e) => e.node.id) ?? []);
        if (person) await this.bookAndCancel(person);
      } else {
        const year = financialYearOf(new Date()).label;
        for (let i = 0; i < 3 && Date.now() < this.deadline; i += 1) {
          await this.graphql('funding overview', Q.overview, { slug: SLUG, year });
          await this.pause();
          await this.graphql('funding streams', Q.streams, { slug: SLUG, year });
          await this.pause();
        }
      }
    } finally {
      await this.signOut();
    }
  }

  async run(): Promise<void> {
    while (Date.now() < this.deadline) {
      await this.visit();
      await this.pause();
    }
  }
}

/** A seeded generator, so two soaks make the same choices in the same order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The cast, in order: virtual user n plays PERSONAS[n % length]. */
export const PERSONAS: Persona[] = [
  { name: 'visitor', email: null, kind: 'visitor' },
  { name: 'learner', email: 'learner@demo.portal', kind: 'learner' },
  { name: 'lead', email: 'lead@demo.portal', kind: 'lead' },
  { name: 'steering', email: 'steering@demo.portal', kind: 'steering' },
  { name: 'volunteer', email: 'volunteer@demo.portal', kind: 'learner' },
  { name: 'visitor', email: null, kind: 'visitor' },
  { name: 'manager', email: 'manager@demo.portal', kind: 'learner' },
  { name: 'visitor', email: null, kind: 'visitor' },
];
