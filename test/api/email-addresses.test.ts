import type { ParsedMail } from 'mailparser';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { ADMIN, organisationId, writableRowCounts, type UserErrorShape } from '../support/admin-fixtures';
import { makeCourse, makeOrganisation, makeSession } from '../support/catalogue-fixtures';
import { makeSignedInPeople } from '../support/people-fixtures';
import { peopleWithAddressProblems } from '../../server/src/modules/people/email-address-report';

/**
 * Issue 10: one rule for an email address, applied by every way a person is created, and a
 * booking notice that can never fail the booking: its calendar invite is built when the email
 * is delivered, and an address that cannot take one (stored before the rule) fails that email only.
 */
let mail: MailCatcher;
let portal: RunningPortal;
let admin: string;
let partnershipId: string;
let courseId: string;

/** Addresses that the old validators let in and that no invite or mail header can carry. */
const BAD_ADDRESSES = ['"quoted"@example.org', '"a\r\nBcc: all@example.org"@example.org', 'josé@example.org', 'jo\nbloggs@example.org'];

beforeAll(async () => {
  mail = await startMailCatcher();
  portal = await startPortal({ template: 'demo', config: { smtpUrl: mail.url, publicUrl: 'https://portal.test' } });
  admin = await portal.signIn(ADMIN);
  [{ id: partnershipId }] = await portal.dataSource.query(`SELECT id FROM partnership WHERE slug = 'greater-peterborough'`);
  const provider = await makeOrganisation(portal.dataSource, partnershipId, { shortCode: 'ADDR' });
  courseId = await makeCourse(portal.dataSource, partnershipId, provider, { title: 'Moving and Handling', audience: 'both' });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
  await mail?.stop();
});

const people = async () => Number((await portal.dataSource.query('SELECT count(*) FROM person'))[0].count);

describe('the one rule for an email address', () => {
  const REGISTER = `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) {
    token viewer { email } userErrors { field message code } } }`;
  type RegisterData = { registerVolunteer: { token: string | null; viewer: unknown; userErrors: UserErrorShape[] } };

  it.each(BAD_ADDRESSES)('refuses %j at registration, on the email field, and writes nothing', async (email) => {
    const before = await people();
    const response = await portal.graphql<RegisterData>(REGISTER, { input: {
      partnershipSlug: 'greater-peterborough', name: 'Sam Example', email, password: 'violet kettle harbour' } });
    expect(response.status).toBe(200);
    expect(response.data!.registerVolunteer.token).toBeNull();
    expect(response.data!.registerVolunteer.userErrors).toEqual([expect.objectContaining({ field: ['input', 'email'] })]);
    expect(response.data!.registerVolunteer.userErrors[0].message).toMatch(/email address|before the @/);
    expect(await people()).toBe(before);
  });

  it.each(BAD_ADDRESSES)('refuses %j as a new organisation\'s lead, on the lead\'s email field, and writes nothing', async (email) => {
    const before = await writableRowCounts(portal);
    const response = await portal.graphql<{ createOrganisation: { organisation: unknown; userErrors: UserErrorShape[] } }>(
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } userErrors { field message code } } }`,
      { input: { name: 'Riverside Care', shortCode: 'RIVC', sector: 'CARE_HOME', role: 'AFFECTED', lead: { name: 'Lee Lead', email } } },
      { token: admin });
    expect(response.data!.createOrganisation.organisation).toBeNull();
    expect(response.data!.createOrganisation.userErrors).toEqual([expect.objectContaining({ field: ['input', 'lead', 'email'] })]);
    expect(await writableRowCounts(portal)).toEqual(before);
  });

  it('refuses every such address in an import, on its line and column, and imports nothing', async () => {
    const before = await writableRowCounts(portal);
    const lines = ['name,email,line_manager_email', 'Good Person,good.person@orchard.example,'];
    for (const [index, email] of BAD_ADDRESSES.entries()) {
      lines.push(`Person ${index},"${email.replace(/"/g, '""')}",`);
    }
    lines.push('Managed Person,managed.person@orchard.example,"""boss""@example.org"');
    const response = await portal.graphql<{ importPeople: { import: { status: string; errors: Array<{ line: number; field: string; message: string }> } } }>(
      `mutation($input: ImportPeopleInput!) { importPeople(input: $input) { import { status errors { line field message } } userErrors { field } } }`,
      { input: { organisationId: await organisationId(portal, 'PCC'), csv: lines.join('\n') } }, { token: admin });
    const result = response.data!.importPeople.import;
    expect(result.status).toBe('FAILED');
    const emailErrors = result.errors.filter((e) => e.field === 'email').map((e) => e.line);
    // Line 1 is the header, line 2 the good person; a quoted value with a line break spans two lines.
    expect(emailErrors).toHaveLength(BAD_ADDRESSES.length);
    expect(result.errors.filter((e) => e.field === 'line_manager_email')).toHaveLength(1);
    expect(await writableRowCounts(portal)).toEqual(before);
  });

  it('stores an internationalised domain in the ASCII form that mail servers and calendars read', async () => {
    const response = await portal.graphql<RegisterData>(REGISTER, { input: {
      partnershipSlug: 'greater-peterborough', name: 'Ute Example', email: 'Ute@Bücher.example', password: 'violet kettle harbour' } });
    expect(response.data!.registerVolunteer.userErrors).toEqual([]);
    const [row] = await portal.dataSource.query(`SELECT email FROM volunteer_registration WHERE name = 'Ute Example'`);
    expect(row.email).toBe('ute@xn--bcher-kva.example');
  });
});

describe('a person whose stored address cannot take an invite (legacy data)', () => {
  const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code } } }`;
  const CANCEL = `mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id status } userErrors { code } } }`;
  const SET = `mutation($input: SetSeatAllocationsInput!) { setSeatAllocations(input: $input) {
    session { id capacity } userErrors { field message code } } }`;
  type BookData = { bookSession: { booking: { id: string; status: string } | null; userErrors: Array<{ code: string }> } };
  const book = (token: string, sessionId: string) => portal.graphql<BookData>(BOOK, { input: { sessionId } }, { token });
  const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;

  /** A volunteer written straight to the database with an address the rule refuses, as older rows may have. */
  async function legacyPerson(address: string): Promise<{ personId: string; token: string }> {
    const [person] = await makeSignedInPeople(portal.dataSource, partnershipId, 1);
    await portal.dataSource.query('UPDATE person SET email = $2 WHERE id = $1', [person.personId, address]);
    return person;
  }
  const session = (capacity: number) => makeSession(portal.dataSource, partnershipId, courseId, { startsInDays: 30, capacity });
  const statusOf = async (bookingId: string) => (await portal.dataSource.query('SELECT status FROM booking WHERE id = $1', [bookingId]))[0].status;

  it('books them, and records that their email could not be delivered instead of retrying it', async () => {
    const legacy = await legacyPerson('"legacy\r\nbcc: everyone@example.org"@example.org');
    const sessionId = await session(5);
    const response = await book(legacy.token, sessionId);
    expect(response.errors).toBeUndefined();
    expect(response.data!.bookSession.booking!.status).toBe('CONFIRMED');

    await portal.runDueJobs();
    const [email] = await portal.dataSource.query(
      `SELECT sent_at, failed_at, last_error, next_attempt_at, attempts FROM email_outbox WHERE person_id = $1`, [legacy.personId]);
    expect(email).toMatchObject({ sent_at: null, next_attempt_at: null, attempts: 1 });
    expect(email.failed_at).not.toBeNull();
    expect(email.last_error).toMatch(/address/);
    // Given up for good: no job is left to retry it.
    const [{ count }] = await portal.dataSource.query(`SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE task_identifier = 'send_email'`);
    expect(count).toBe(0);
    expect(mail.messages.some((m) => /legacy/.test(toOf(m) ?? ''))).toBe(false);
    // Administrators see it given up, and why.
    const outbox = await portal.graphql<{ outbox: { edges: Array<{ node: { to: string; failedAt: string | null; lastError: string | null } }> } }>(
      '{ outbox(first: 50) { edges { node { to failedAt lastError } } } }', undefined, { token: admin });
    const given = outbox.data!.outbox.edges.map((e) => e.node).find((n) => n.to.startsWith('"legacy'));
    expect(given?.failedAt).toBeTruthy();
    expect(given?.lastError).toMatch(/rule for email addresses/);
  });

  it('lets everyone else cancel while they wait, promoting them, and the others\' emails still go', async () => {
    const legacy = await legacyPerson('josé.legacy@example.org');
    const [other] = await makeSignedInPeople(portal.dataSource, partnershipId, 1);
    const sessionId = await session(1);
    const first = (await book(other.token, sessionId)).data!.bookSession.booking!;
    const waiting = (await book(legacy.token, sessionId)).data!.bookSession.booking!;
    expect([first.status, waiting.status]).toEqual(['CONFIRMED', 'WAITLISTED']);

    const cancelled = await portal.graphql<{ cancelBooking: { booking: { status: string } | null } }>(CANCEL,
      { input: { bookingId: first.id } }, { token: other.token });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelBooking.booking!.status).toBe('CANCELLED');
    expect(await statusOf(waiting.id)).toBe('confirmed');

    await portal.runDueJobs();
    const otherAddress = `person.${other.personId}@people.example`;
    expect(mail.messages.filter((m) => toOf(m) === otherAddress).map((m) => m.subject)).toHaveLength(2);
  });

  it('lets the provider change the session\'s seats while they wait, promoting them', async () => {
    const legacy = await legacyPerson('"old style"@example.org');
    const [other] = await makeSignedInPeople(portal.dataSource, partnershipId, 1);
    const sessionId = await session(1);
    expect((await book(other.token, sessionId)).data!.bookSession.booking!.status).toBe('CONFIRMED');
    const waiting = (await book(legacy.token, sessionId)).data!.bookSession.booking!;
    expect(waiting.status).toBe('WAITLISTED');

    const changed = await portal.graphql<{ setSeatAllocations: { session: { capacity: number } | null; userErrors: UserErrorShape[] } }>(SET,
      { input: { sessionId, capacity: 2, allocations: [] } }, { token: admin });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.setSeatAllocations).toEqual({ session: { id: sessionId, capacity: 2 }, userErrors: [] });
    expect(await statusOf(waiting.id)).toBe('confirmed');
  });
});

describe('registration limits', () => {
  it('refuses registrations from one client address past its allowance, before hashing or writing anything', async () => {
    const limited = await startPortal({ template: 'demo', config: { registrationLimitPerAddress: 3 } });
    try {
      const register = (n: number) => limited.graphql<{ registerVolunteer: { token: string | null; userErrors: UserErrorShape[] } }>(
        `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { token userErrors { field message code } } }`,
        { input: { partnershipSlug: 'greater-peterborough', name: `Rush ${n}`, email: `rush.${n}@volunteers.example`, password: 'violet kettle harbour' } });
      const answers = [];
      for (let n = 1; n <= 5; n += 1) answers.push((await register(n)).data!.registerVolunteer);
      expect(answers.slice(0, 3).every((a) => a.userErrors.length === 0)).toBe(true);
      for (const refused of answers.slice(3)) {
        expect(refused.token).toBeNull();
        expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'RATE_LIMITED', field: ['input', 'email'] })]);
        expect(refused.userErrors[0].message).toMatch(/Wait \d+ minutes/);
      }
      const [{ count }] = await limited.dataSource.query(`SELECT count(*)::int AS count FROM volunteer_registration WHERE name LIKE 'Rush %'`);
      expect(count).toBe(3);
    } finally {
      await limited.stop();
    }
  });
});

describe('finding stored addresses that break the rule', () => {
  it('lists each person whose stored address breaks it, with why, and no one else', async () => {
    const [bad, good] = await makeSignedInPeople(portal.dataSource, partnershipId, 2);
    await portal.dataSource.query('UPDATE person SET email = $2 WHERE id = $1', [bad.personId, '"report me"@example.org']);
    const problems = await peopleWithAddressProblems(portal.dataSource);
    expect(problems).toContainEqual({ personId: bad.personId, partnershipId, email: '"report me"@example.org',
      problem: expect.stringMatching(/correct format/) });
    expect(problems.map((p) => p.personId)).not.toContain(good.personId);
    // The demo's own people all follow the rule.
    const [{ count }] = await portal.dataSource.query(`SELECT count(*)::int AS count FROM person WHERE email LIKE '%@demo.portal'`);
    expect(count).toBeGreaterThan(0);
    expect(problems.filter((p) => p.email.endsWith('@demo.portal'))).toEqual([]);
  });
});
