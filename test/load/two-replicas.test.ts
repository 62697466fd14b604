import type { AddressObject } from 'mailparser';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { makeCourse, makeOrganisation, makePartnership, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { hashPasswordOnce } from '../../server/src/modules/auth/password-hasher';

/**
 * The scale-out promise of docs/architecture.md: two portal replicas over one PostgreSQL, each
 * running the job worker. A 200-person rush split across both books the 20 seats once; a session
 * made on one is known on the other (and ended there); every email job is delivered once, and
 * the seat-release schedule is queued once a minute, not once per replica.
 */
const PEOPLE = 200;
const SEATS = 20;
const PASSWORD = 'two replicas, one database';

let mail: MailCatcher;
let a: RunningPortal;
let b: RunningPortal;
let partnershipId: string;
let courseId: string;
let people: Array<{ personId: string; token: string }>;

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code message } } }`;
type BookData = { bookSession: { booking: { id: string; status: string } | null; userErrors: Array<{ code: string }> } };
const VIEWER = '{ viewer { email } }';

beforeAll(async () => {
  mail = await startMailCatcher();
  const config = { dbPoolSize: 20, smtpUrl: mail.url };
  a = await startPortal({ template: 'empty', config, jobs: 'run' });
  b = await startPortal({ replicaOf: a, config, jobs: 'run' });
  // Every job queued (by either replica or by SQL) and every job finished, with the worker that held it.
  await a.dataSource.query(`
    CREATE TABLE test_job_event (event text, job_id bigint, task text, cron_ts text, worker text, at timestamptz DEFAULT clock_timestamp());
    CREATE FUNCTION test_log_job() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE j graphile_worker._private_jobs := CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END;
    BEGIN
      INSERT INTO test_job_event (event, job_id, task, cron_ts, worker)
      SELECT lower(TG_OP), j.id, t.identifier, j.payload->'_cron'->>'ts', j.locked_by
      FROM graphile_worker._private_tasks t WHERE t.id = j.task_id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER test_log_job AFTER INSERT OR DELETE ON graphile_worker._private_jobs FOR EACH ROW EXECUTE FUNCTION test_log_job();`);
  const p = await makePartnership(a.dataSource, 'replicas');
  partnershipId = p.id;
  const provider = await makeOrganisation(a.dataSource, p.id, { shortCode: 'REPL' });
  courseId = await makeCourse(a.dataSource, p.id, provider, { title: 'Moving and Handling', audience: 'both' });
  people = await makeSignedInPeople(a.dataSource, p.id, PEOPLE);
}, 120_000);

afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await mail?.stop();
});

describe('two replicas over one database', () => {
  it('split a 200-person rush for 20 seats: 20 confirmed, 180 waiting, none overbooked', async () => {
    const sessionId = await makeSession(a.dataSource, partnershipId, courseId, { startsInDays: 30, capacity: SEATS });
    const started = performance.now();
    const responses = await Promise.all(people.map((person, i) =>
      (i % 2 ? b : a).graphql<BookData>(BOOK, { input: { sessionId } }, { token: person.token })));
    const ms = Math.round(performance.now() - started);
    expect(responses.filter((r) => r.status !== 200 || r.errors)).toEqual([]);
    const statuses = responses.map((r) => r.data!.bookSession.booking?.status);
    const [counts] = await a.dataSource.query(
      `SELECT s.seats_taken,
         (SELECT count(*) FROM booking x WHERE x.session_id = s.id AND x.status = 'confirmed')::int AS confirmed,
         (SELECT count(*) FROM booking x WHERE x.session_id = s.id AND x.status = 'waitlisted')::int AS waiting
       FROM training_session s WHERE s.id = $1`, [sessionId]);
    const byReplica = (replica: number) => statuses.filter((s, i) => i % 2 === replica && s === 'CONFIRMED').length;
    console.log(`two replicas, ${PEOPLE} people, ${SEATS} seats: ${counts.confirmed} confirmed (${byReplica(0)} through A, `
      + `${byReplica(1)} through B), ${counts.waiting} waiting, ${Math.max(0, counts.confirmed - SEATS)} overbooked, ${ms} ms`);
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(SEATS);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(PEOPLE - SEATS);
    expect(counts).toEqual({ seats_taken: SEATS, confirmed: SEATS, waiting: PEOPLE - SEATS });
  }, 120_000);

  it('delivers each booking email once across both workers', async () => {
    const outbox: Array<{ to_address: string; subject: string }> = await a.dataSource.query(
      `SELECT to_address, subject FROM email_outbox ORDER BY to_address, subject`);
    expect(outbox).toHaveLength(PEOPLE);
    const deadline = Date.now() + 90_000;
    while (mail.messages.length < outbox.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    // Long enough for a second delivery of any of them to arrive too.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const delivered = mail.messages.map((m) => ({ to_address: (m.to as AddressObject).value[0].address, subject: m.subject ?? '' }))
      .sort((x, y) => `${x.to_address}${x.subject}`.localeCompare(`${y.to_address}${y.subject}`));
    expect(delivered).toEqual(outbox.map((row) => ({ to_address: row.to_address, subject: row.subject })));
    const [{ unsent }] = await a.dataSource.query(`SELECT count(*)::int AS unsent FROM email_outbox WHERE sent_at IS NULL`);
    expect(unsent).toBe(0);
    const ran: Array<{ worker: string; jobs: number }> = await a.dataSource.query(
      `SELECT worker, count(*)::int AS jobs FROM test_job_event WHERE event = 'delete' AND task = 'send_email' GROUP BY worker`);
    console.log(`send_email jobs per worker (two per replica): ${ran.map((r) => r.jobs).join(' + ')}`);
    expect(ran.reduce((sum, r) => sum + r.jobs, 0)).toBe(PEOPLE);
  }, 120_000);

  it('knows on B a session signed in on A, and signing out on B ends it on A', async () => {
    const [person] = people;
    const email = `person.${person.personId}@people.example`;
    await a.dataSource.query('UPDATE person SET password_hash = $2 WHERE id = $1', [person.personId, await hashPasswordOnce(PASSWORD)]);
    const token = await a.signIn(email, PASSWORD);
    expect((await b.graphql<{ viewer: { email: string } | null }>(VIEWER, undefined, { token })).data!.viewer).toEqual({ email });
    expect((await b.graphql<{ signOut: boolean }>('mutation { signOut }', undefined, { token })).data!.signOut).toBe(true);
    expect((await a.graphql<{ viewer: unknown }>(VIEWER, undefined, { token })).data!.viewer).toBeNull();
  });

  it('queues the every-minute seat release once per minute, not once per replica, and runs each once', async () => {
    // Both workers' schedulers see the same minutes; wait until at least one has passed with both running.
    const deadline = Date.now() + 75_000;
    let ticks: Array<{ cron_ts: string; queued: number; ran: number }> = [];
    while (Date.now() < deadline) {
      ticks = await a.dataSource.query(
        `SELECT cron_ts, count(*) FILTER (WHERE event = 'insert')::int AS queued, count(*) FILTER (WHERE event = 'delete')::int AS ran
         FROM test_job_event WHERE task = 'release_due_sessions' GROUP BY cron_ts ORDER BY cron_ts`);
      if (ticks.some((tick) => tick.ran > 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    console.log(`release_due_sessions: ${JSON.stringify(ticks)}`);
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.filter((tick) => tick.ran > 0).every((tick) => tick.queued === 1 && tick.ran === 1)).toBe(true);
    expect(ticks.every((tick) => tick.queued === 1)).toBe(true);
  }, 90_000);
});
