import { createServer, type AddressInfo } from 'node:net';
import { makeWorkerUtils } from 'graphile-worker';
import type { ParsedMail } from 'mailparser';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { makeCourse, makeOrganisation, makePartnership, makeSession, makeVenue } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { connectionStringOf, createJobRunner, type JobRunner } from '../../server/src/jobs/job-runner';
import { createMailer, type Mailer } from '../../server/src/modules/notifications/mailer';
import { sendEmailTask } from '../../server/src/modules/notifications/send-email.task';
import { createLogger } from '../../server/src/observability/logger';

/**
 * Booking emails end to end: the outbox row is written in the booking's transaction, a
 * graphile-worker job delivers it over real SMTP (a catcher in this process), and the invite
 * is one calendar event per booking that later emails update or cancel.
 */
let mail: MailCatcher;
let portal: RunningPortal;
let partnershipId: string;
let courseId: string;
let venueId: string;
const silent = createLogger('silent');

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status waitlistPosition } userErrors { code } } }`;
const CANCEL = `mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id status } userErrors { code } } }`;
type BookData = { bookSession: { booking: { id: string; status: string; waitlistPosition: number | null } | null; userErrors: Array<{ code: string }> } };

beforeAll(async () => {
  mail = await startMailCatcher();
  portal = await startPortal({ template: 'empty', config: { smtpUrl: mail.url, publicUrl: 'https://portal.test' }, jobs: 'off' });
  const p = await makePartnership(portal.dataSource, 'mail');
  partnershipId = p.id;
  const provider = await makeOrganisation(portal.dataSource, p.id, { shortCode: 'MAIL' });
  venueId = await makeVenue(portal.dataSource, p.id, { name: 'Town Hall', town: 'Peterborough', latitude: 52.57, longitude: -0.24 });
  courseId = await makeCourse(portal.dataSource, p.id, provider, { title: 'Safeguarding Adults Level 2', audience: 'both' });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
  await mail?.stop();
});

const person = async () => (await makeSignedInPeople(portal.dataSource, partnershipId, 1))[0];
const addressOf = (personId: string) => `person.${personId}@people.example`;
const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;
const mailTo = (personId: string) => mail.messages.filter((m) => toOf(m) === addressOf(personId));
const book = (token: string, sessionId: string, extra: Record<string, unknown> = {}) =>
  portal.graphql<BookData>(BOOK, { input: { sessionId, ...extra } }, { token });
const session = (capacity = 20, startsInDays = 30) => makeSession(portal.dataSource, partnershipId, courseId, { startsInDays, capacity, venueId });
const count = async (sql: string, params: unknown[] = []) => Number((await portal.dataSource.query(sql, params))[0].count);

/** The invite's content lines (unfolded), from the invite.ics attachment. */
function invite(m: ParsedMail): { contentType: string; lines: string[] } | null {
  const part = m.attachments.find((a) => a.filename === 'invite.ics');
  if (!part) return null;
  return { contentType: part.contentType, lines: part.content.toString('utf8').replace(/\r\n[ \t]/g, '').split('\r\n') };
}
const field = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);

async function waitForMail(personId: string, subject: RegExp): Promise<ParsedMail> {
  return mail.waitFor((m) => toOf(m) === addressOf(personId) && subject.test(m.subject ?? ''), 10_000);
}

describe('a booking and its cancellation', () => {
  it('sends a confirmation with a REQUEST invite, then a CANCEL of the same event with a higher SEQUENCE', async () => {
    const learner = await person();
    const sessionId = await session();
    const booked = await book(learner.token, sessionId);
    const bookingId = booked.data!.bookSession.booking!.id;
    expect(await count('SELECT count(*) FROM email_outbox WHERE booking_id = $1 AND sent_at IS NULL', [bookingId])).toBe(1);

    await portal.runDueJobs();
    const confirmed = await waitForMail(learner.personId, /^Booking confirmed: Safeguarding Adults Level 2/);
    expect(confirmed.text).toContain('Your place: confirmed');
    expect(confirmed.text).toContain(`https://portal.test/p/mail/sessions/${sessionId}`);
    expect(confirmed.text).toContain('Where:      Town Hall, Peterborough');
    const request = invite(confirmed)!;
    expect(request.contentType).toBe('text/calendar');
    expect(field(request.lines, 'METHOD')).toBe('REQUEST');
    expect(field(request.lines, 'UID')).toBe(`booking-${bookingId}@partnership-portal`);
    expect(field(request.lines, 'SEQUENCE')).toBe('0');
    expect(field(request.lines, 'STATUS')).toBe('CONFIRMED');
    expect(field(request.lines, 'DTSTART')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(await count('SELECT count(*) FROM email_outbox WHERE booking_id = $1 AND sent_at IS NOT NULL AND attempts = 1', [bookingId])).toBe(1);

    await portal.graphql(CANCEL, { input: { bookingId } }, { token: learner.token });
    await portal.runDueJobs();
    const cancelled = await waitForMail(learner.personId, /^Booking cancelled: /);
    const cancel = invite(cancelled)!;
    expect(field(cancel.lines, 'METHOD')).toBe('CANCEL');
    expect(field(cancel.lines, 'UID')).toBe(field(request.lines, 'UID'));
    expect(Number(field(cancel.lines, 'SEQUENCE'))).toBeGreaterThan(Number(field(request.lines, 'SEQUENCE')));
    expect(field(cancel.lines, 'STATUS')).toBe('CANCELLED');
    expect(mailTo(learner.personId)).toHaveLength(2);
  });

  it('puts the invite in the message twice: as a text/calendar alternative with its method and as invite.ics', async () => {
    const learner = await person();
    await book(learner.token, await session());
    await portal.runDueJobs();
    const confirmed = await waitForMail(learner.personId, /^Booking confirmed/);
    // mailparser lists the calendar alternative among the attachments too (it is not text or HTML).
    const calendarParts = confirmed.attachments.filter((a) => a.contentType === 'text/calendar');
    const described = calendarParts.map((part) => ({
      filename: part.filename ?? null, disposition: part.contentDisposition ?? null,
      method: (part.headers.get('content-type') as { params: Record<string, string> }).params.method,
    }));
    expect(described).toEqual([
      { filename: null, disposition: null, method: 'REQUEST' },
      { filename: 'invite.ics', disposition: 'attachment', method: 'REQUEST' },
    ]);
    expect(calendarParts[0].content.equals(calendarParts[1].content)).toBe(true);
  });
});

describe('the waiting list', () => {
  it('tells a waiting person their place without an invite, and sends a REQUEST when they are promoted', async () => {
    const [first, second] = await makeSignedInPeople(portal.dataSource, partnershipId, 2);
    const sessionId = await session(1, 40);
    const confirmed = await book(first.token, sessionId);
    const waiting = await book(second.token, sessionId);
    expect(waiting.data!.bookSession.booking).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    await portal.runDueJobs();
    const waitlisted = await waitForMail(second.personId, /^On the waiting list: /);
    expect(waitlisted.text).toContain('Your place: number 1 on the waiting list');
    expect(invite(waitlisted)).toBeNull();
    expect(waitlisted.attachments).toHaveLength(0);

    await portal.graphql(CANCEL, { input: { bookingId: confirmed.data!.bookSession.booking!.id } }, { token: first.token });
    await portal.runDueJobs();
    const promoted = await waitForMail(second.personId, /^A place has come up: /);
    const request = invite(promoted)!;
    expect(field(request.lines, 'METHOD')).toBe('REQUEST');
    expect(field(request.lines, 'UID')).toBe(`booking-${waiting.data!.bookSession.booking!.id}@partnership-portal`);
    // The waiting-list notice raised the sequence too: every change does.
    expect(field(request.lines, 'SEQUENCE')).toBe('1');
    expect(promoted.text).toContain('Your place: confirmed');
    const cancelled = await waitForMail(first.personId, /^Booking cancelled: /);
    expect(field(invite(cancelled)!.lines, 'METHOD')).toBe('CANCEL');
  });

  it('cancels a waiting booking without an invite: there is no event in any calendar to remove', async () => {
    const [first, second] = await makeSignedInPeople(portal.dataSource, partnershipId, 2);
    const sessionId = await session(1, 41);
    await book(first.token, sessionId);
    const waiting = await book(second.token, sessionId);
    await portal.graphql(CANCEL, { input: { bookingId: waiting.data!.bookSession.booking!.id } }, { token: second.token });
    await portal.runDueJobs();
    const cancelled = await waitForMail(second.personId, /^Booking cancelled: /);
    expect(invite(cancelled)).toBeNull();
  });
});

describe('only what commits is sent', () => {
  it('writes no outbox row and queues no job for a refused (rolled-back) booking', async () => {
    const learner = await person();
    const sessionId = await session();
    await book(learner.token, sessionId);
    const before = {
      outbox: await count('SELECT count(*) FROM email_outbox WHERE person_id = $1', [learner.personId]),
      jobs: await count(`SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'send_email'`),
      sequence: await count('SELECT ics_sequence AS count FROM booking WHERE person_id = $1', [learner.personId]),
    };
    const again = await book(learner.token, sessionId);
    expect(again.data!.bookSession.userErrors[0].code).toBe('ALREADY_BOOKED');
    expect({
      outbox: await count('SELECT count(*) FROM email_outbox WHERE person_id = $1', [learner.personId]),
      jobs: await count(`SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'send_email'`),
      sequence: await count('SELECT ics_sequence AS count FROM booking WHERE person_id = $1', [learner.personId]),
    }).toEqual(before);
    await portal.runDueJobs();
    await waitForMail(learner.personId, /^Booking confirmed/);
    expect(mailTo(learner.personId)).toHaveLength(1);
  });
});

/** A port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function runnerWith(mailer: Mailer, concurrency = 1): JobRunner {
  return createJobRunner({
    connectionString: connectionStringOf(portal.dataSource.options), taskList: { send_email: sendEmailTask({ mailer, log: silent }) },
    concurrency, log: silent, pollIntervalMs: 200,
  });
}

describe('delivery', () => {
  it('records a failed attempt, retries with backoff, and sends once the mail server answers', async () => {
    await portal.runDueJobs();
    const learner = await person();
    const booked = await book(learner.token, await session());
    const bookingId = booked.data!.bookSession.booking!.id;

    const broken = runnerWith(createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, mailFrom: 'Portal <no-reply@portal.test>', production: false }, silent));
    try {
      await broken.runDueJobs();
    } finally {
      await broken.stop();
    }
    const [failed] = await portal.dataSource.query(
      'SELECT attempts, last_error, sent_at, next_attempt_at > now() AS later FROM email_outbox WHERE booking_id = $1', [bookingId]);
    expect(failed).toMatchObject({ attempts: 1, sent_at: null, later: true });
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
    // The queue was empty before this booking: its email's job is the only one.
    const jobs = await portal.dataSource.query(
      `SELECT id, attempts, max_attempts, run_at > now() AS later, last_error FROM graphile_worker.jobs WHERE task_identifier = 'send_email'`);
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    expect(job).toMatchObject({ attempts: 1, max_attempts: 10, later: true });
    expect(job.last_error).toMatch(/ECONNREFUSED|connect/i);

    // Not due yet (graphile-worker waits e^1 ≈ 2.7 s): a run now leaves it alone.
    await portal.runDueJobs();
    expect(mailTo(learner.personId)).toHaveLength(0);

    // Time passes: bring the retry forward rather than wait for it.
    const utils = await makeWorkerUtils({ connectionString: connectionStringOf(portal.dataSource.options) });
    try {
      await utils.rescheduleJobs([job.id], { runAt: new Date() });
    } finally {
      await utils.release();
    }
    await portal.runDueJobs();
    await waitForMail(learner.personId, /^Booking confirmed/);
    const [sent] = await portal.dataSource.query('SELECT attempts, sent_at, last_error FROM email_outbox WHERE booking_id = $1', [bookingId]);
    expect(sent.attempts).toBe(2);
    expect(sent.sent_at).toBeInstanceOf(Date);
    expect(sent.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(await count(`SELECT count(*) FROM graphile_worker.jobs WHERE id = $1`, [job.id])).toBe(0);
    expect(mailTo(learner.personId)).toHaveLength(1);
  });

  it('sends each email exactly once with two workers on the same queue', async () => {
    await portal.runDueJobs();
    const N = 30;
    const people = await makeSignedInPeople(portal.dataSource, partnershipId, N);
    const sessionId = await session(N, 50);
    for (const p of people) await book(p.token, sessionId);
    const ids: string[] = (await portal.dataSource.query('SELECT id FROM email_outbox WHERE person_id = ANY($1::uuid[]) AND sent_at IS NULL',
      [people.map((p) => p.personId)])).map((r: { id: string }) => r.id);
    expect(ids).toHaveLength(N);

    const real = createMailer({ smtpUrl: mail.url, mailFrom: 'Portal <no-reply@portal.test>', production: false }, silent);
    const sentBy = [0, 0];
    const counting = (i: number): Mailer => ({ send: async (email) => { sentBy[i] += 1; await real.send(email); } });
    const runners = [runnerWith(counting(0), 3), runnerWith(counting(1), 3)];
    const started = performance.now();
    try {
      await Promise.all(runners.map((r) => r.start()));
      for (const p of people) await waitForMail(p.personId, /^Booking confirmed/);
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
    const ms = performance.now() - started;
    console.log(`two workers: ${N} emails in ${Math.round(ms)} ms, ${sentBy[0]} + ${sentBy[1]} sent`);
    expect(sentBy[0] + sentBy[1]).toBe(N);
    for (const p of people) expect(mailTo(p.personId)).toHaveLength(1);
    expect(await count('SELECT count(*) FROM email_outbox WHERE id = ANY($1::uuid[]) AND sent_at IS NOT NULL AND attempts = 1', [ids])).toBe(N);
  });

  it('delivers on its own within a moment of the booking when the portal runs its worker', async () => {
    const running = await startPortal({ template: 'empty', config: { smtpUrl: mail.url }, jobs: 'run' });
    try {
      const p = await makePartnership(running.dataSource, 'mail-run');
      const provider = await makeOrganisation(running.dataSource, p.id, { shortCode: 'RUN' });
      const course = await makeCourse(running.dataSource, p.id, provider, { title: 'Basic Life Support' });
      const sessionId = await makeSession(running.dataSource, p.id, course, { startsInDays: 20 });
      const [learner] = await makeSignedInPeople(running.dataSource, p.id, 1);
      const started = performance.now();
      await running.graphql<BookData>(BOOK, { input: { sessionId } }, { token: learner.token });
      const committed = performance.now();
      const message = await mail.waitFor((m) => toOf(m) === addressOf(learner.personId), 10_000);
      const arrived = performance.now();
      console.log(`delivery latency: booking answered in ${Math.round(committed - started)} ms, email received ${Math.round(arrived - committed)} ms later`);
      expect(field(invite(message)!.lines, 'LOCATION')).toBe('Online');
      expect(arrived - committed).toBeLessThan(5_000);
    } finally {
      await running.stop();
    }
  });
});

describe('reading the outbox', () => {
  const OUTBOX = `query($first: Int, $after: String) { outbox(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id kind to subject inviteMethod sentAt attempts lastError } } } }`;
  type OutboxData = { outbox: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; kind: string; to: string; subject: string; inviteMethod: string | null; sentAt: string | null; attempts: number; lastError: string | null } }> } };

  it('shows administrators their partnership\'s emails, page by page, and no one else\'s', async () => {
    const admin = await person();
    await portal.dataSource.query(`INSERT INTO role_grant (partnership_id, person_id, role) VALUES ($1, $2, 'partnership_admin')`, [partnershipId, admin.personId]);
    const total = await count('SELECT count(*) FROM email_outbox WHERE partnership_id = $1', [partnershipId]);
    const first = await portal.graphql<OutboxData>(OUTBOX, { first: 5 }, { token: admin.token });
    expect(first.errors).toBeUndefined();
    expect(first.data!.outbox.totalCount).toBe(total);
    expect(first.data!.outbox.edges).toHaveLength(5);
    const next = await portal.graphql<OutboxData>(OUTBOX, { first: 5, after: first.data!.outbox.pageInfo.endCursor }, { token: admin.token });
    const seen = new Set([...first.data!.outbox.edges, ...next.data!.outbox.edges].map((e) => e.node.id));
    expect(seen.size).toBe(10);
    expect(first.data!.outbox.edges.some((e) => e.node.inviteMethod === 'REQUEST')).toBe(true);

    // With a mail server configured, a learner has their inbox: the outbox is not theirs to read.
    const learner = await person();
    const refused = await portal.graphql<OutboxData>(OUTBOX, {}, { token: learner.token });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await portal.graphql<OutboxData>(OUTBOX, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // Nor is there a development inbox.
    expect(await (await fetch(`${portal.url}/dev/mail`)).text()).not.toContain('<h1>Outbox</h1>');
  });
});

describe('with no mail server (development)', () => {
  let dev: RunningPortal;
  let devPartnership: string;
  let devCourse: string;

  beforeAll(async () => {
    dev = await startPortal({ template: 'empty', config: { smtpUrl: null, production: false }, jobs: 'off' });
    const p = await makePartnership(dev.dataSource, 'dev-mail');
    devPartnership = p.id;
    const provider = await makeOrganisation(dev.dataSource, p.id, { shortCode: 'DEV' });
    devCourse = await makeCourse(dev.dataSource, p.id, provider, { title: 'Fire <b>Safety</b> & "Awareness"' });
  }, 60_000);

  afterAll(async () => {
    await dev?.stop();
  });

  it('shows the working link of a registration\'s email in /dev/mail, where it is the only place to read it', async () => {
    const registered = await dev.graphql<{ registerVolunteer: { userErrors: unknown[] } }>(
      `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { userErrors { code } } }`,
      { input: { partnershipSlug: 'dev-mail', name: 'Dev Volunteer', email: 'dev.volunteer@example.org', password: 'violet kettle harbour' } });
    expect(registered.data!.registerVolunteer.userErrors).toEqual([]);
    await dev.runDueJobs();
    const html = await (await fetch(`${dev.url}/dev/mail`)).text();
    const token = /confirm-registration\?token=([A-Za-z0-9_-]{43})/.exec(html)?.[1];
    expect(token).toBeDefined();
    const confirmed = await dev.graphql<{ confirmRegistration: { viewer: { email: string } | null } }>(
      `mutation($input: ConfirmRegistrationInput!) { confirmRegistration(input: $input) { viewer { email } } }`, { input: { token } });
    expect(confirmed.data!.confirmRegistration.viewer).toEqual({ email: 'dev.volunteer@example.org' });
  });

  it('marks the email sent, lets each person read their own, and serves an escaped inbox at /dev/mail', async () => {
    const [learner, other] = await makeSignedInPeople(dev.dataSource, devPartnership, 2);
    const sessionId = await makeSession(dev.dataSource, devPartnership, devCourse, { startsInDays: 10 });
    await dev.graphql<BookData>(BOOK, { input: { sessionId } }, { token: learner.token });
    await dev.graphql<BookData>(BOOK, { input: { sessionId } }, { token: other.token });
    await dev.runDueJobs();
    const [{ unsent }] = await dev.dataSource.query('SELECT count(*)::int AS unsent FROM email_outbox WHERE sent_at IS NULL');
    expect(unsent).toBe(0);

    const own = await dev.graphql<{ outbox: { totalCount: number; edges: Array<{ node: { to: string; subject: string; inviteMethod: string } }> } }>(
      '{ outbox { totalCount edges { node { to subject inviteMethod } } } }', undefined, { token: learner.token });
    expect(own.data!.outbox.totalCount).toBe(1);
    expect(own.data!.outbox.edges[0].node).toEqual({ to: addressOf(learner.personId), subject: expect.stringMatching(/^Booking confirmed: Fire <b>Safety<\/b>/),
      inviteMethod: 'REQUEST' });

    const page = await fetch(`${dev.url}/dev/mail`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('Fire &lt;b&gt;Safety&lt;/b&gt; &amp; &quot;Awareness&quot;');
    expect(html).not.toContain('<b>Safety</b>');
    expect(html).toContain(addressOf(other.personId));
    const link = /href="(\/dev\/mail\/[0-9a-f-]{36}\/invite\.ics)"/.exec(html)![1];
    const ics = await fetch(`${dev.url}${link}`);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*METHOD:REQUEST\r\n/);
    expect((await fetch(`${dev.url}/dev/mail/not-an-id/invite.ics`)).status).toBe(404);
  });
});
