import { Writable } from 'node:stream';
import pino from 'pino';
import { startPortal, type RunningPortal } from '../support/start-portal';

/**
 * A person's mistake is answered, not logged as a fault: a duplicate booking reaches the database
 * as a unique violation, which the service turns into ALREADY_BOOKED. Operators reading ERROR lines
 * must see only real faults.
 */
let portal: RunningPortal;
const lines: Array<{ level: number; msg: string; code?: string }> = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  portal = await startPortal({ template: 'demo', log: pino({ level: 'debug' }, sink) });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id } userErrors { field code } } }`;

it('logs a duplicate booking below ERROR and still logs a real query fault as one', async () => {
  const [session] = await portal.dataSource.query(
    `SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id JOIN partnership p ON p.id = s.partnership_id
     WHERE p.slug = 'greater-peterborough' AND s.status = 'scheduled' AND s.booking_closes_at > now() AND c.visibility = 'public'
       AND c.audience IN ('volunteers', 'both') AND c.cost_per_place_pence = 0 AND c.eligible_sectors = '{}'
       AND s.capacity - s.seats_taken > 2
     ORDER BY s.starts_at LIMIT 1`);
  const token = await portal.signIn('volunteer@demo.portal');
  const first = await portal.graphql<{ bookSession: { userErrors: unknown[] } }>(BOOK, { input: { sessionId: session.id } }, { token });
  expect(first.data!.bookSession.userErrors).toEqual([]);
  const again = await portal.graphql<{ bookSession: { userErrors: Array<{ code: string }> } }>(BOOK, { input: { sessionId: session.id } }, { token });
  expect(again.data!.bookSession.userErrors[0].code).toBe('ALREADY_BOOKED');

  expect(lines.filter((line) => line.level >= 50)).toEqual([]);

  // However the service finds the duplicate (a check first, or the database's unique index), a
  // constraint violation is logged at debug: here the unique index, as a racing repeat meets it.
  await expect(portal.dataSource.query(`INSERT INTO partnership (slug, name) VALUES ('greater-peterborough', 'Again')`)).rejects.toThrow();
  const failed = lines.filter((line) => line.msg === 'query failed');
  expect(failed.some((line) => line.code === '23505' && line.level === 20)).toBe(true);
  expect(lines.filter((line) => line.level >= 50)).toEqual([]);

  // A statement that fails for a reason that is no person's mistake is still an error.
  await expect(portal.dataSource.query('SELECT no_such_column FROM partnership')).rejects.toThrow();
  expect(lines.some((line) => line.msg === 'query failed' && line.code === '42703' && line.level === 50)).toBe(true);
});
