import { randomUUID } from 'node:crypto';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { runAccessCells, type AccessOperation, type Outcome, type Tenant } from '../support/access-cells';
import { sessionFor } from '../support/people-fixtures';

/**
 * Who may publish: every new operation of course publishing, as every kind of caller, against
 * objects of the caller's own partnership and of another. A provider coordinator acts only for
 * their own organisation, an administrator for any of their partnership; everyone else is refused
 * (default deny). A second provider of the same partnership and a provider of the other
 * partnership are callers of their own, since "their own organisation" is the rule under test.
 */
const ACTORS = ['anonymous', 'volunteer', 'learner', 'manager', 'lead', 'provider', 'otherProvider', 'steering', 'admin', 'foreignProvider'] as const;
type Actor = (typeof ACTORS)[number];

let portal: RunningPortal;
const tokens: Partial<Record<Actor, string>> = {};
const ids: Record<string, string> = {};
const DAY = 86_400_000;

async function one<T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await portal.dataSource.query(sql, params);
  if (!row) throw new Error(`no row for ${sql}`);
  return row;
}

/** A person of the organisation made its provider coordinator, signed in. */
async function coordinatorOf(organisationId: string): Promise<string> {
  const person = await one(`SELECT p.id, p.partnership_id FROM person p WHERE p.organisation_id = $1 AND p.kind = 'staff'
    AND p.email NOT LIKE '%@demo.portal' AND NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.person_id = p.id AND g.role <> 'learner')
    ORDER BY p.email LIMIT 1`, [organisationId]);
  await portal.dataSource.query(`INSERT INTO role_grant (partnership_id, person_id, role, organisation_id) VALUES ($1, $2, 'provider_coordinator', $3)`,
    [person.partnership_id, person.id, organisationId]);
  return sessionFor(portal.dataSource, person.id);
}

beforeAll(async () => {
  portal = await startPortal({ template: 'demo', config: { signInLimitPerAddress: 10_000 } });
  for (const actor of ['volunteer', 'learner', 'manager', 'lead', 'provider', 'steering', 'admin'] as const) {
    tokens[actor] = await portal.signIn(`${actor}@demo.portal`);
  }
  const gp = await one(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
  const fen = await one(`SELECT id FROM partnership WHERE slug = 'fenland-care-partnership'`);
  ids.own = (await one(`SELECT id FROM organisation WHERE partnership_id = $1 AND short_code = 'PSHNHSFT'`, [gp.id])).id;
  // Another organisation of the partnership that provides courses, with a coordinator of its own.
  const second = await one(`SELECT DISTINCT c.provider_organisation_id AS id FROM course c WHERE c.partnership_id = $1
    AND c.provider_organisation_id <> $2 ORDER BY 1 LIMIT 1`, [gp.id, ids.own]);
  tokens.otherProvider = await coordinatorOf(second.id);
  // The other partnership's provider: the organisation of its soonest upcoming public session.
  const foreign = await one(`SELECT c.provider_organisation_id AS id FROM training_session s JOIN course c ON c.id = s.course_id
    WHERE s.partnership_id = $1 AND s.status = 'scheduled' AND s.starts_at > now() + interval '2 days' AND c.visibility = 'public'
    ORDER BY s.starts_at LIMIT 1`, [fen.id]);
  ids.other = foreign.id;
  tokens.foreignProvider = await coordinatorOf(foreign.id);

  for (const tenant of ['own', 'other'] as const) {
    const session = await one(`SELECT s.id, s.course_id, s.capacity FROM training_session s JOIN course c ON c.id = s.course_id
      WHERE c.provider_organisation_id = $1 AND s.status = 'scheduled' AND s.starts_at > now() + interval '2 days' AND c.visibility = 'public'
      ORDER BY s.starts_at LIMIT 1`, [ids[tenant]]);
    ids[`${tenant}.session`] = session.id;
    ids[`${tenant}.course`] = session.course_id;
    ids[`${tenant}.capacity`] = String(session.capacity);
    ids[`${tenant}.title`] = (await one('SELECT title FROM course WHERE id = $1', [session.course_id])).title;
  }
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

const call = (query: string, variables: Record<string, unknown>) =>
  (token: string | undefined) => portal.graphql<Record<string, unknown>>(query, variables, { token });

const inOwnPartnership = (actor: Actor, tenant: Tenant) => (tenant === 'own') === (actor !== 'foreignProvider');
/** The coordinator of the organisation the tenant's objects belong to. */
const providerOf = (actor: Actor, tenant: Tenant) => (tenant === 'own' ? actor === 'provider' : actor === 'foreignProvider');

/** Publishing for the organisation: its coordinators and its partnership's administrators; ids of another partnership are unknown. */
const publishes = (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  if (!['provider', 'otherProvider', 'admin', 'foreignProvider'].includes(actor)) return 'forbidden';
  if (!inOwnPartnership(actor, tenant)) return 'hidden';
  return providerOf(actor, tenant) || actor === 'admin' ? 'allow' : 'forbidden';
};
/** Lists for those who publish at all: what is in them is each one's own. */
const publisherList = (actor: Actor): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  return ['provider', 'otherProvider', 'admin', 'foreignProvider'].includes(actor) ? 'allow' : 'forbidden';
};
/** A public session's management fields: the provider and the partnership's administrators. */
const manages = (actor: Actor, tenant: Tenant): Outcome => {
  if (actor === 'anonymous') return 'unauthenticated';
  return providerOf(actor, tenant) || (actor === 'admin' && tenant === 'own') ? 'allow' : 'forbidden';
};

const soon = (days: number, hour: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + hour * 3_600_000).toISOString();
const COURSE = { method: 'CLASSROOM', durationHours: 2, audience: 'STAFF', visibility: 'PARTNERSHIP', costPerPlace: '0' };

type Operation = AccessOperation<Actor>;

const OPERATIONS: Operation[] = [
  { name: 'createCourse', tenants: ['own', 'other'], pick: (d) => d.createCourse, expected: publishes,
    run: (t, tenant) => call('mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } userErrors { field code } } }',
      { input: { ...COURSE, title: `Access ${randomUUID().slice(0, 8)}`, providerOrganisationId: ids[tenant] } })(t) },
  { name: 'updateCourse (its title as it is)', tenants: ['own', 'other'], pick: (d) => d.updateCourse, expected: publishes,
    run: (t, tenant) => call('mutation($input: UpdateCourseInput!) { updateCourse(input: $input) { course { id } userErrors { field code } } }',
      { input: { courseId: ids[`${tenant}.course`], title: ids[`${tenant}.title`] } })(t) },
  { name: 'createVenue', tenants: ['own', 'other'], pick: (d) => d.createVenue, expected: publishes,
    run: (t, tenant) => call('mutation($input: CreateVenueInput!) { createVenue(input: $input) { venue { id } userErrors { field code } } }',
      { input: { organisationId: ids[tenant], name: 'Access venue', town: 'Peterborough', latitude: 52.57, longitude: -0.24 } })(t) },
  { name: 'scheduleSession', tenants: ['own', 'other'], pick: (d) => d.scheduleSession, expected: publishes,
    run: (t, tenant) => call('mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } userErrors { field code } } }',
      { input: { courseId: ids[`${tenant}.course`], startsAt: soon(90, 9), endsAt: soon(90, 12), deliveryMode: 'ONLINE', capacity: 10 } })(t) },
  { name: 'rescheduleSession (its capacity as it is)', tenants: ['own', 'other'], pick: (d) => d.rescheduleSession, expected: publishes,
    run: (t, tenant) => call('mutation($input: RescheduleSessionInput!) { rescheduleSession(input: $input) { session { id } userErrors { field code } } }',
      { input: { sessionId: ids[`${tenant}.session`], capacity: Number(ids[`${tenant}.capacity`]) } })(t) },
  { name: 'venues', readOnly: true, tenants: ['own'], pick: (d) => d.venues, expected: publisherList, run: (t) => call('{ venues { id } }', {})(t) },
  { name: 'providedCourses', readOnly: true, tenants: ['own'], pick: (d) => d.providedCourses, expected: publisherList, run: (t) => call('{ providedCourses { id } }', {})(t) },
  { name: 'providedCourses (of the organisation)', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.providedCourses,
    expected: (actor, tenant) => (publishes(actor, tenant) === 'hidden' ? 'forbidden' : publishes(actor, tenant)),
    run: (t, tenant) => call('query($o: ID) { providedCourses(organisationId: $o) { id } }', { o: ids[tenant] })(t) },
  { name: 'Session.bookings (a public session)', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.session, expected: manages,
    run: (t, tenant) => call('query($id: ID!) { session(id: $id) { id bookings { status person { name } } } }', { id: ids[`${tenant}.session`] })(t) },
  { name: 'Course.sessions (a public course)', readOnly: true, tenants: ['own', 'other'], pick: (d) => d.course, expected: manages,
    run: (t, tenant) => call('query($id: ID!) { course(id: $id) { id sessions { id } } }', { id: ids[`${tenant}.course`] })(t) },
];

it('lets each caller publish exactly for their own organisation, in their own partnership', async () => {
  const { unexpected, cells, allows } = await runAccessCells(OPERATIONS, ACTORS, tokens, { strictUserErrors: true, concurrency: 4 });
  console.log(`publishing access: ${OPERATIONS.length} operations × ${ACTORS.length} callers × tenants = ${cells} cells, ${allows} allowed`);
  expect(unexpected).toEqual([]);
  expect(allows).toBeGreaterThan(0);
}, 300_000);
