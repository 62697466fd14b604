import { startPortal, type RunningPortal } from '../support/start-portal';

/** The demo's learning records: completions from its attended bookings, informal learning for several people, some confirmed. */
let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal({ template: 'demo' });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

type Record = { learningRecord: { completions: Array<{ bookingId: string }>; informalLearning: Array<{ learnedOn: string; confirmedByName: string | null }>;
  balance: { totalHours: number } } };
const RECORD = `query($personId: ID) { learningRecord(personId: $personId) { completions { bookingId } informalLearning { learnedOn confirmedByName } balance { totalHours } } }`;

it('gives the demo learner completions and informal learning, some confirmed by their manager, none in the future', async () => {
  const token = await portal.signIn('learner@demo.portal');
  await portal.graphql<Record>(RECORD, {}, { token });
  const started = performance.now();
  const answer = await portal.graphql<Record>(RECORD, {}, { token });
  console.log(`learningRecord of the demo learner: ${answer.extensions!.sqlStatements} statements, ${Math.round(performance.now() - started)} ms`);
  expect(answer.extensions!.sqlStatements).toBe(4);
  const record = answer.data!.learningRecord;
  const [{ attended }] = await portal.dataSource.query(`SELECT count(*)::int AS attended FROM booking b JOIN person p ON p.id = b.person_id
    WHERE p.email = 'learner@demo.portal' AND b.status = 'attended'`);
  expect(record.completions).toHaveLength(attended);
  expect(record.informalLearning).toHaveLength(4);
  const [{ name: managerName }] = await portal.dataSource.query(`SELECT name FROM person WHERE email = 'manager@demo.portal'`);
  expect(record.informalLearning.filter((e) => e.confirmedByName === managerName)).toHaveLength(2);
  expect(record.balance.totalHours).toBeGreaterThan(0);
  const [{ future, people, confirmed }] = await portal.dataSource.query(`SELECT count(*) FILTER (WHERE learned_on > current_date)::int AS future,
    count(DISTINCT person_id)::int AS people, count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int AS confirmed FROM informal_learning`);
  expect(future).toBe(0);
  expect(people).toBeGreaterThan(5);
  expect(confirmed).toBeGreaterThan(2);
  const [{ wrongManager }] = await portal.dataSource.query(`SELECT count(*)::int AS "wrongManager" FROM informal_learning i JOIN person p ON p.id = i.person_id
    WHERE i.confirmed_by_person_id IS NOT NULL AND i.confirmed_by_person_id IS DISTINCT FROM p.line_manager_id`);
  expect(wrongManager).toBe(0);
});
