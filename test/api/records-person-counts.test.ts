import type { RunningPortal } from '../support/start-portal';
import { ACCESS_ACTORS, startAccessPortal, type AccessActor } from '../support/access-actors';

/**
 * Person.learningRecordCounts: what a person's learning record holds, beside them in a people list.
 * It follows learningRecord's rule (the person, their line manager, their organisation's L&D lead)
 * for every row, whoever may list the people: an administrator lists everyone and sees no one's
 * counts. The figures are the database's, and a page costs the same statements whatever its size.
 */
let portal: RunningPortal;
const tokens: Partial<Record<AccessActor, string>> = {};

beforeAll(async () => {
  const setup = await startAccessPortal();
  portal = setup.portal;
  Object.assign(tokens, setup.tokens);
}, 180_000);

afterAll(async () => {
  await portal?.stop();
});

interface Row { id: string; name: string; learningRecordCounts: { completions: number; informalEntries: number; totalHours: number; lastLearnedOn: string | null } | null }
const PEOPLE = `query($first: Int!, $direct: Boolean) { people(first: $first, directReportsOnly: $direct) { totalCount edges { node { id name
  learningRecordCounts { completions informalEntries totalHours lastLearnedOn } } } } }`;

async function listed(actor: AccessActor, first = 100, direct: boolean | null = null) {
  const answer = await portal.graphql<{ people: { totalCount: number; edges: Array<{ node: Row }> } }>(PEOPLE, { first, direct }, { token: tokens[actor] });
  return answer;
}

/** The database's own figures for these people, as learningRecord would add them. */
async function expectedCounts(ids: string[]): Promise<Map<string, Row['learningRecordCounts']>> {
  const rows: Array<{ id: string; completions: number; informal: number; hours: string; last_on: string | null }> = await portal.dataSource.query(
    `SELECT p.id,
       (SELECT count(*) FROM booking b WHERE b.person_id = p.id AND b.status = 'attended')::int AS completions,
       (SELECT count(*) FROM informal_learning i WHERE i.person_id = p.id)::int AS informal,
       (coalesce((SELECT sum(round(c.duration_minutes / 60.0, 2)) FROM booking b JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
          WHERE b.person_id = p.id AND b.status = 'attended'), 0)
        + coalesce((SELECT sum(i.hours) FROM informal_learning i WHERE i.person_id = p.id), 0))::text AS hours,
       greatest((SELECT max((s.ends_at AT TIME ZONE 'Europe/London')::date) FROM booking b JOIN training_session s ON s.id = b.session_id
          WHERE b.person_id = p.id AND b.status = 'attended'), (SELECT max(i.learned_on) FROM informal_learning i WHERE i.person_id = p.id))::text AS last_on
     FROM person p WHERE p.id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, { completions: r.completions, informalEntries: r.informal, totalHours: Number(r.hours), lastLearnedOn: r.last_on }]));
}

it('gives the lead every person of their organisation with their record\'s counts, as the database holds them', async () => {
  const answer = await listed('lead');
  expect(answer.errors).toBeUndefined();
  const people = answer.data!.people.edges.map((e) => e.node);
  expect(people.length).toBeGreaterThan(5);
  const expected = await expectedCounts(people.map((p) => p.id));
  for (const person of people) expect([person.name, person.learningRecordCounts]).toEqual([person.name, expected.get(person.id)]);
  expect(people.some((p) => (p.learningRecordCounts?.completions ?? 0) > 0)).toBe(true);
  const [lead] = await portal.dataSource.query(`SELECT organisation_id FROM person WHERE email = 'lead@demo.portal'`);
  const [{ n }] = await portal.dataSource.query(`SELECT count(*)::int AS n FROM person WHERE organisation_id = $1`, [lead.organisation_id]);
  expect(answer.data!.people.totalCount).toBe(n);
});

it('gives a line manager their reports\' counts, and administrators the list with no one\'s counts', async () => {
  const team = (await listed('manager', 100, true)).data!.people.edges.map((e) => e.node);
  expect(team.length).toBeGreaterThan(0);
  const expected = await expectedCounts(team.map((p) => p.id));
  for (const person of team) expect(person.learningRecordCounts).toEqual(expected.get(person.id));

  const everyone = (await listed('admin')).data!.people.edges.map((e) => e.node);
  expect(everyone.length).toBeGreaterThan(team.length);
  const [admin] = await portal.dataSource.query(`SELECT id FROM person WHERE email = 'admin@demo.portal'`);
  // An administrator runs the partnership, not people's development: only their own record's counts, if they are listed.
  expect(everyone.filter((p) => p.learningRecordCounts !== null).map((p) => p.id)).toEqual(everyone.some((p) => p.id === admin.id) ? [admin.id] : []);
});

it('refuses the list to those who may not list people, so no counts leak', async () => {
  for (const actor of ACCESS_ACTORS.filter((a) => ['anonymous', 'volunteer', 'learner', 'steering'].includes(a))) {
    const answer = await listed(actor);
    const counts = (answer.data?.people?.edges ?? []).filter((e) => e.node.learningRecordCounts !== null && e.node.id);
    // Whatever the list holds for them, no row but their own carries counts.
    const [self] = actor === 'anonymous' ? [null] : await portal.dataSource.query(`SELECT id FROM person WHERE email = $1`, [`${actor}@demo.portal`]);
    expect([actor, counts.map((e) => e.node.id).filter((id) => id !== self?.id)]).toEqual([actor, []]);
  }
});

it('costs the same statements for a page of 3 as for a page of 60', async () => {
  const small = await listed('lead', 3);
  const large = await listed('lead', 60);
  expect(large.data!.people.edges.length).toBeGreaterThan(10);
  console.log(`people with learningRecordCounts: ${small.extensions!.sqlStatements} statements for 3, ${large.extensions!.sqlStatements} for ${large.data!.people.edges.length}`);
  expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
  // The people page's own (viewer, count, page) and one for every row's counts together.
  expect(large.extensions!.sqlStatements).toBeLessThanOrEqual(4);
});
