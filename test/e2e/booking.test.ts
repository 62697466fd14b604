import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { ARTIFACTS, clickHeaderLink, expectNoAxeViolations, launchChromium, pageGraphql, prepareBrowserTests, SCREENSHOTS } from '../support/browser';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { financialYearOf } from '@portal/domain';
import { DEMO_PASSWORD } from '../support/test-database';

/**
 * Booking in a real browser, on the demo partnership: journey 1 (a volunteer on a phone finds
 * a session, registers from it, books, adds it to a calendar and cancels), journey 3 (a
 * learner requests a place and their line manager approves it) and journey 2 (the council's
 * L&D lead books named staff into the council's allocation). Every new page state is checked
 * with axe against WCAG 2.2 AA, and any console error fails the test.
 *
 * The server serves the built client (client/dist): build it first (npm run build).
 */

jest.setTimeout(180_000);

const SLUG = 'greater-peterborough';
const FIND_TRAINING = `/p/${SLUG}/find-training`;

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
  timezoneId: 'Europe/London', locale: 'en-GB', acceptDownloads: true,
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London', locale: 'en-GB' };

let portal: RunningPortal;
let browser: Browser;
let mail: MailCatcher;

beforeAll(async () => {
  prepareBrowserTests();
  mail = await startMailCatcher();
  [portal, browser] = await Promise.all([
    startPortal({ template: 'demo', config: { smtpUrl: mail.url } }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await mail?.stop();
});


async function openPage(options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, errors };
}

const header = (page: Page) => page.locator('header[role=banner]');
const signedInAs = (page: Page) => header(page).getByTestId('signed-in-as');

async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto(`${portal.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Each role lands where its work is; the header says who is signed in on every page.
  await signedInAs(page).waitFor();
}

const api = pageGraphql;

interface ApiSession { id: string; seatsLeft: number; bookingClosesAt: string; status: string; course: { title: string; audience: string } }
const SESSIONS = `query ($slug: String!, $filter: SessionFilter) {
  sessions(partnershipSlug: $slug, filter: $filter, first: 50) {
    edges { node { id seatsLeft bookingClosesAt status course { title audience } } }
  }
}`;

const openToBook = (s: ApiSession) => s.seatsLeft > 0 && s.status === 'SCHEDULED' && Date.parse(s.bookingClosesAt) > Date.now() + 60_000;

describe('journey 1: a volunteer on a phone books and cancels', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ context, page, errors } = await openPage(PHONE));
  });
  afterAll(async () => {
    await context.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('searches, registers from the session, books, downloads the invite, and cancels', async () => {
    await page.goto(`${portal.url}${FIND_TRAINING}`);
    await page.getByLabel('Search for training').fill('safeguarding');
    await page.getByLabel('Open to volunteers').check();
    await page.getByLabel('Free only').check();
    await page.getByLabel('Town').fill('Peterborough');
    await page.getByLabel('Include online sessions').check();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'safeguarding');
    await page.locator('#results-heading').filter({ hasText: /sessions? found/ }).waitFor();

    const shown = await page.locator('[data-session-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-session-id')));
    const found = await portal.graphql<{ sessions: { edges: Array<{ node: ApiSession }> } }>(SESSIONS, {
      slug: SLUG, filter: { text: 'safeguarding', audience: 'VOLUNTEERS', freeOnly: true, town: 'Peterborough', includeOnline: true },
    });
    const chosen = found.data!.sessions.edges.map((e) => e.node).find((s) => shown.includes(s.id) && openToBook(s));
    expect(chosen).toBeDefined();
    await page.locator(`[data-session-id="${chosen!.id}"] a`).first().click();
    const sessionPath = `/p/${SLUG}/sessions/${chosen!.id}`;
    await page.waitForURL((url) => url.pathname === sessionPath);
    await page.locator('h1', { hasText: chosen!.course.title }).waitFor();

    // Signed out: links to sign in or register, no button.
    await page.getByRole('link', { name: 'Register as a volunteer' }).waitFor();
    expect(await page.getByRole('button', { name: /book/i }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the session page, signed out');

    await page.getByRole('link', { name: 'Sign in to book' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(sessionPath);
    await page.getByRole('link', { name: 'Register as a volunteer' }).click();
    await page.waitForURL((url) => url.pathname === `/p/${SLUG}/register`);
    expect(new URL(page.url()).searchParams.get('next')).toBe(sessionPath);
    const address = `ada.booker.${Date.now()}@example.org`;
    await page.getByLabel('Full name').fill('Ada Booker');
    await page.getByLabel('Email address').fill(address);
    await page.getByLabel('Create a password').fill('lantern meadow violin orchard');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.locator('h1', { hasText: 'Check your email' }).waitFor();

    // The emailed link confirms the address.
    await portal.runDueJobs();
    const message = await mail.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '') === address);
    const link = new URL(/https?:\/\/\S+\/confirm-registration\?token=[\w-]+/.exec(message.text ?? '')![0]);
    await page.goto(`${portal.url}${link.pathname}${link.search}`);
    await page.getByRole('button', { name: 'Finish registering and sign in' }).click();

    // Back on the session, signed in.
    await page.waitForURL((url) => url.pathname === sessionPath);
    await signedInAs(page).filter({ hasText: 'Ada Booker' }).waitFor();
    await page.getByRole('button', { name: 'Book a place' }).click();
    const outcome = page.getByTestId('booking-outcome');
    await outcome.filter({ hasText: 'Booking confirmed' }).waitFor();
    await page.getByRole('button', { name: 'Cancel this booking' }).waitFor();
    await expectNoAxeViolations(page, 'the session page, booked');
    await page.screenshot({ path: path.join(ARTIFACTS, 'booking-confirmed-phone.png'), fullPage: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'journey-1-booked-phone.png') });

    // The calendar invite.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('add-to-calendar').click()]);
    const file = await download.path();
    const ics = readFileSync(file, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`UID:session-${chosen!.id}@partnership-portal`);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);

    // My bookings lists it; cancel it there.
    await clickHeaderLink(page, 'My bookings');
    await page.waitForURL((url) => url.pathname === '/bookings');
    const item = page.locator(`[data-booking-id]`, { hasText: chosen!.course.title });
    await page.locator('h1', { hasText: 'My bookings' }).waitFor();
    await item.getByTestId('booking-status').filter({ hasText: 'Confirmed' }).waitFor();
    await expectNoAxeViolations(page, 'my bookings');
    await page.screenshot({ path: path.join(ARTIFACTS, 'my-bookings-phone.png'), fullPage: true });
    await item.getByRole('button', { name: /^Cancel/ }).click();
    await item.getByText(/Are you sure you want to cancel/).waitFor();
    await expectNoAxeViolations(page, 'my bookings, confirming a cancellation');
    await item.getByRole('button', { name: 'Yes, cancel it' }).click();
    await item.getByTestId('booking-status').filter({ hasText: 'Cancelled' }).waitFor();
    expect(await item.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);

    // The session page offers the place again.
    await page.goto(`${portal.url}${sessionPath}`);
    await page.getByRole('button', { name: 'Book a place' }).waitFor();

    // A staff-only course says so instead of offering a button that would be refused; no calendar link without a place.
    const staffOnly = await portal.graphql<{ sessions: { edges: Array<{ node: ApiSession }> } }>(SESSIONS, {
      slug: SLUG, filter: { audience: 'STAFF' } });
    // (The filter keeps what staff may attend, courses for both included: pick one for staff alone.)
    const forStaff = staffOnly.data!.sessions.edges.map((e) => e.node).find((s) => s.course.audience === 'STAFF' && openToBook(s));
    await page.goto(`${portal.url}/p/${SLUG}/sessions/${forStaff!.id}`);
    await page.getByTestId('booking-option').filter({ hasText: 'Staff only' }).waitFor();
    expect(await page.getByRole('button', { name: /book|request|waiting list/i }).count()).toBe(0);
    expect(await page.getByTestId('add-to-calendar').count()).toBe(0);
    await expectNoAxeViolations(page, 'a staff-only session, as a volunteer');
    await page.goto(`${portal.url}${sessionPath}`);
    await page.getByRole('button', { name: 'Book a place' }).waitFor();
  });

  it('cancels from the session page with a confirm step', async () => {
    const sessionPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Book a place' }).click();
    await page.getByTestId('booking-outcome').filter({ hasText: 'Booking confirmed' }).waitFor();
    await page.getByRole('button', { name: 'Cancel this booking' }).click();
    await page.getByRole('button', { name: 'No, keep it' }).click();
    await page.getByRole('button', { name: 'Cancel this booking' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByTestId('booking-outcome').filter({ hasText: 'Cancelled' }).waitFor();
    await expectNoAxeViolations(page, 'the session page, cancelled');
    expect(new URL(page.url()).pathname).toBe(sessionPath);
  });
});

describe('journey 3: a care-home worker requests a place and their line manager approves it', () => {
  it('goes from waiting for approval to confirmed', async () => {
    const learner = await openPage(DESKTOP);
    const manager = await openPage(DESKTOP);
    try {
      await signInAs(learner.page, 'careworker@demo.portal');
      // The server says, per session, what booking would do for this person: a request to their manager.
      const staff = await api<{ sessions: { edges: Array<{ node: ApiSession & { bookingOption: { action: string; label: string } } }> } }>(learner.page,
        `query ($slug: String!, $filter: SessionFilter) { sessions(partnershipSlug: $slug, filter: $filter, first: 50) {
          edges { node { id seatsLeft bookingClosesAt status course { title } bookingOption { action label } } } } }`,
        { slug: SLUG, filter: { audience: 'STAFF', withSeatsOnly: true } });
      const chosen = staff.sessions.edges.map((e) => e.node)
        .find((s) => openToBook(s) && s.bookingOption.action === 'REQUEST' && !/Safeguarding Adults Level 2/.test(s.course.title));
      expect(chosen).toBeDefined();

      await learner.page.goto(`${portal.url}/p/${SLUG}/sessions/${chosen!.id}`);
      await learner.page.getByText('A seat is held for you while the request waits.').waitFor();
      await learner.page.getByRole('button', { name: 'Request a place: your line manager approves' }).click();
      await learner.page.getByTestId('booking-outcome').filter({ hasText: 'waiting for approval' }).waitFor();
      await expectNoAxeViolations(learner.page, 'the session page, requested');
      await learner.page.screenshot({ path: path.join(ARTIFACTS, 'booking-requested.png'), fullPage: true });

      await signInAs(manager.page, 'carehome-manager@demo.portal');
      await header(manager.page).getByRole('link', { name: 'Requests to decide' }).click();
      await manager.page.waitForURL((url) => url.pathname === '/bookings/requests');
      const request = manager.page.locator('[data-request-id]', { hasText: 'Grace Adeyemi' }).filter({ hasText: chosen!.course.title });
      await request.first().waitFor();
      await expectNoAxeViolations(manager.page, 'requests to decide');
      await manager.page.screenshot({ path: path.join(ARTIFACTS, 'requests-to-decide.png'), fullPage: true });
      await request.first().scrollIntoViewIfNeeded();
      await manager.page.screenshot({ path: path.join(SCREENSHOTS, 'journey-3-request-laptop.png') });
      await request.first().getByLabel(/Note to Grace Adeyemi/).fill('Enjoy the course');
      await request.first().getByRole('button', { name: 'Approve Grace Adeyemi' }).click();
      await manager.page.getByTestId('decided').filter({ hasText: "You approved Grace Adeyemi's place" }).waitFor();
      await expectNoAxeViolations(manager.page, 'requests to decide, after approving');

      await learner.page.goto(`${portal.url}/bookings`);
      await learner.page.locator('[data-booking-id]', { hasText: chosen!.course.title })
        .getByTestId('booking-status').filter({ hasText: 'Confirmed' }).waitFor();

      expect(learner.errors).toEqual([]);
      expect(manager.errors).toEqual([]);
    } finally {
      await learner.context.close();
      await manager.context.close();
    }
  });
});

describe("journey 2: the council's L&D lead books named staff into its allocation", () => {
  it('books three staff, sees the allocation used and the commitment against the council\'s funding stream', async () => {
    const lead = await openPage(DESKTOP);
    try {
      await signInAs(lead.page, 'lead@demo.portal');
      const found = await api<{ sessions: { edges: Array<{ node: ApiSession & { startsAt: string; isFree: boolean; myOrganisationAllocation: { seats: number } | null } }> } }>(
        lead.page, `query ($slug: String!) { sessions(partnershipSlug: $slug, filter: { text: "Safeguarding Adults Level 2" }, first: 50) {
          edges { node { id startsAt isFree seatsLeft bookingClosesAt status course { title } myOrganisationAllocation { seats } } } } }`, { slug: SLUG });
      // The priced joint session, not one a proposal commissioned (the pledges pay for those places, so booking commits nothing).
      const joint = found.sessions.edges.map((e) => e.node).find((s) => s.myOrganisationAllocation?.seats === 5 && !s.isFree);
      expect(joint).toBeDefined();
      const viewer = await api<{ viewer: { organisation: { id: string } } }>(lead.page, '{ viewer { organisation { id } } }');
      const people = await api<{ people: { edges: Array<{ node: { id: string; name: string; email: string; kind: string } }> } }>(
        lead.page, 'query ($o: ID) { people(organisationId: $o, first: 50) { edges { node { id name email kind } } } }',
        { o: viewer.viewer.organisation.id });
      const staff = people.people.edges.map((e) => e.node)
        .filter((p) => p.kind === 'STAFF' && !p.email.endsWith('@demo.portal')).slice(0, 3);
      expect(staff).toHaveLength(3);

      await lead.page.goto(`${portal.url}/p/${SLUG}/sessions/${joint!.id}`);
      const allocation = lead.page.getByTestId('organisation-allocation');
      await allocation.filter({ hasText: /Your organisation holds 5 seats: 0 used, 5 left\. 5 unused seats return to the pool on \d{1,2} [A-Z][a-z]{2,3}\./ }).waitFor();
      await expectNoAxeViolations(lead.page, 'the session page for a lead');

      for (const person of staff) {
        await lead.page.getByLabel('Name or email address').fill(person.email);
        await lead.page.getByRole('button', { name: 'Find people' }).click();
        await lead.page.getByRole('button', { name: `Book ${person.name}` }).click();
        await lead.page.getByRole('button', { name: `Confirm booking for ${person.name}` }).click();
        await lead.page.getByTestId('lead-booked').filter({ hasText: `${person.name}: Confirmed` }).waitFor();
      }
      await allocation.filter({ hasText: '5 seats: 3 used, 2 left. 2 unused seats return to the pool on' }).waitFor();
      await expectNoAxeViolations(lead.page, 'the session page after the lead booked staff');
      await lead.page.screenshot({ path: path.join(ARTIFACTS, 'lead-allocation.png'), fullPage: true });
      await allocation.first().scrollIntoViewIfNeeded();
      await lead.page.screenshot({ path: path.join(SCREENSHOTS, 'journey-2-allocation-laptop.png') });

      await lead.page.getByRole('link', { name: "Your organisation's bookings on this session" }).click();
      await lead.page.waitForURL((url) => url.pathname === '/organisation/bookings' && url.searchParams.get('session') === joint!.id);
      await lead.page.locator('h1', { hasText: "My organisation's bookings" }).waitFor();
      await lead.page.getByRole('status').filter({ hasText: /\d+ bookings?/ }).waitFor();
      await lead.page.screenshot({ path: path.join(ARTIFACTS, 'organisation-bookings.png'), fullPage: true });
      for (const person of staff) await lead.page.locator('[data-booking-id]', { hasText: person.name }).first().waitFor();
      await expectNoAxeViolations(lead.page, "my organisation's bookings");
      await lead.page.screenshot({ path: path.join(ARTIFACTS, 'organisation-bookings.png'), fullPage: true });

      // The money: each confirmed place committed its cost to a stream the council manages, in the session's financial year.
      const year = financialYearOf(new Date(joint!.startsAt)).label;
      const ledger = await api<{ ledgerEntries: { totalCount: number; summary: { committed: { pence: number } };
        edges: Array<{ node: { kind: string; amount: { pence: number }; organisation: { id: string }; stream: { name: string; managingOrganisation: { id: string } } } }> } }>(
        lead.page, `query ($f: LedgerEntryFilter!) { ledgerEntries(filter: $f, first: 50) { totalCount summary { committed { pence } }
          edges { node { kind amount { pence } organisation { id } stream { name managingOrganisation { id } } } } } }`,
        { f: { partnershipSlug: SLUG, financialYear: year, sessionId: joint!.id, kind: 'COMMITMENT' } });
      const mine = ledger.ledgerEntries.edges.map((e) => e.node).filter((n) => n.organisation.id === viewer.viewer.organisation.id);
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(new Set(mine.map((n) => n.stream.managingOrganisation.id))).toEqual(new Set([viewer.viewer.organisation.id]));
      await lead.page.goto(`${portal.url}/funding/entries?year=${year.replace('/', '-')}&session=${joint!.id}&kind=commitment`);
      const table = lead.page.getByTestId('entries-table');
      for (const name of new Set(mine.map((n) => n.stream.name))) await table.getByRole('link', { name }).first().waitFor();
      expect(await table.locator('tbody tr').count()).toBe(ledger.ledgerEntries.totalCount);
      await expectNoAxeViolations(lead.page, "the commitments on the council's stream");
      await lead.page.screenshot({ path: path.join(ARTIFACTS, 'lead-commitments.png'), fullPage: true });
      expect(lead.errors).toEqual([]);
    } finally {
      await lead.context.close();
    }
  });
});

describe('a second place on a course, decided with everything in view', () => {
  const used: string[] = [];
  const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/London', locale: 'en-GB' };

  /** Two open staff sessions of one paid course with pool seats, where the learner holds no place yet. */
  async function twoDatesOfOneCourse(): Promise<{ a: string; b: string; title: string; cost: string }> {
    const [row] = await portal.dataSource.query(
      `SELECT c.id, c.title, c.cost_per_place_pence, (array_agg(s.id ORDER BY s.starts_at))[1:2] AS ids
       FROM training_session s JOIN course c ON c.id = s.course_id JOIN partnership p ON p.id = s.partnership_id
       WHERE p.slug = $1 AND s.status = 'scheduled' AND s.booking_closes_at > now() + interval '1 hour' AND c.visibility = 'public'
         AND c.audience IN ('staff', 'both') AND c.eligible_sectors = '{}' AND s.allocated_seats = 0 AND s.capacity - s.pool_seats_taken >= 3
         AND c.cost_per_place_pence > 0 AND NOT (c.id = ANY($2::uuid[]))
         AND NOT EXISTS (SELECT 1 FROM booking b JOIN training_session o ON o.id = b.session_id JOIN person pe ON pe.id = b.person_id
           WHERE o.course_id = c.id AND pe.email = 'learner@demo.portal' AND b.status IN ('requested', 'confirmed', 'waitlisted'))
       GROUP BY c.id HAVING count(*) >= 2 ORDER BY c.title LIMIT 1`, [SLUG, used]);
    used.push(row.id);
    return { a: row.ids[0], b: row.ids[1], title: row.title, cost: `£${(Number(row.cost_per_place_pence) / 100).toFixed(2)}` };
  }

  it.each([['laptop', LAPTOP], ['phone', PHONE]] as const)(
    'on a %s: the lead confirms with the cost, gives a reason for a second date, and the manager sees the clash',
    async (size, viewport) => {
      const course = await twoDatesOfOneCourse();
      const [learner] = await portal.dataSource.query(`SELECT name, email FROM person WHERE email = 'learner@demo.portal'`);
      const [manager] = await portal.dataSource.query(`SELECT name FROM person WHERE email = 'manager@demo.portal'`);
      const learnerToken = await portal.signIn('learner@demo.portal');
      const requested = await portal.graphql<{ bookSession: { booking: { status: string } | null } }>(
        'mutation ($input: BookSessionInput!) { bookSession(input: $input) { booking { status } } }',
        { input: { sessionId: course.a } }, { token: learnerToken });
      expect(requested.data!.bookSession.booking!.status).toBe('REQUESTED');

      const lead = await openPage(viewport);
      const approver = await openPage(viewport);
      try {
        await signInAs(lead.page, 'lead@demo.portal');
        await lead.page.goto(`${portal.url}/p/${SLUG}/sessions/${course.b}`);
        const findPerson = async () => {
          await lead.page.getByLabel('Name or email address').fill(learner.email);
          await lead.page.getByRole('button', { name: 'Find people' }).click();
          await lead.page.getByRole('button', { name: `Book ${learner.name}` }).click();
        };
        await findPerson();
        // Asked once, with the cost.
        const confirm = lead.page.getByTestId('lead-confirm');
        await confirm.filter({ hasText: `Book ${learner.name}?` }).filter({ hasText: `A place costs ${course.cost}` }).waitFor();
        await expectNoAxeViolations(lead.page, `the lead's confirmation (${size})`);
        await lead.page.getByRole('button', { name: `Confirm booking for ${learner.name}` }).click();
        // Refused by default: a place on the other date is live.
        const reason = lead.page.getByLabel(`Reason for a second place for ${learner.name}`);
        await reason.waitFor();
        await lead.page.getByText(`${learner.name} already holds a place on this course on`).first().waitFor();
        await expectNoAxeViolations(lead.page, `the lead asked for a reason (${size})`);
        await lead.page.getByRole('button', { name: `Book a second place for ${learner.name}` }).click();
        await lead.page.getByRole('link', { name: `Give a reason to book ${learner.name} a second place` }).waitFor();
        await reason.fill('Needs it before the inspection on the first date');
        await lead.page.locator('section[aria-labelledby=lead-booking-heading]')
          .screenshot({ path: path.join(ARTIFACTS, `booking-lead-second-place-${size}.png`) });
        await lead.page.getByRole('button', { name: `Book a second place for ${learner.name}` }).click();
        await lead.page.getByTestId('lead-booked').filter({ hasText: `${learner.name}: Confirmed` }).waitFor();
        // Booking them again says who is booked.
        await findPerson();
        await lead.page.getByRole('button', { name: `Confirm booking for ${learner.name}` }).click();
        await lead.page.getByText(`Already booked: ${learner.name} already has a place on this session.`).first().waitFor();
        await expectNoAxeViolations(lead.page, `the lead told who is already booked (${size})`);

        await signInAs(approver.page, 'manager@demo.portal');
        await approver.page.goto(`${portal.url}/bookings/requests`);
        const request = approver.page.locator('[data-request-id]', { hasText: learner.name }).filter({ hasText: course.title });
        await request.getByTestId('request-cost').filter({ hasText: course.cost }).waitFor();
        await request.getByTestId('request-approvers').filter({ hasText: `Line manager (${manager.name}): you, now` }).waitFor();
        await request.getByTestId('request-lapses').filter({ hasText: /at .*then the request lapses/ }).waitFor();
        await request.getByTestId('request-clash').filter({ hasText: `${learner.name} also holds a place on` }).filter({ hasText: '(confirmed)' }).waitFor();
        await expectNoAxeViolations(approver.page, `requests to decide with a clash (${size})`);
        await request.screenshot({ path: path.join(ARTIFACTS, `booking-request-clash-${size}.png`) });
        expect(lead.errors).toEqual([]);
        expect(approver.errors).toEqual([]);
      } finally {
        await lead.context.close();
        await approver.context.close();
      }
    });
});

describe("a session page's other dates", () => {
  const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/London', locale: 'en-GB' };

  it.each([['laptop', LAPTOP], ['phone', PHONE]] as const)('on a %s: a full session lists the other dates and offers the next with seats', async (size, viewport) => {
    // A full public session whose course has a later date with pool seats (what a signed-out visitor can have).
    const [row] = await portal.dataSource.query(
      `SELECT s.id, c.title, (SELECT n.id FROM training_session n WHERE n.course_id = c.id AND n.status = 'scheduled' AND n.starts_at > s.starts_at
           AND n.capacity - n.allocated_seats - n.pool_seats_taken > 0 ORDER BY n.starts_at LIMIT 1) AS next_id
       FROM training_session s JOIN course c ON c.id = s.course_id JOIN partnership p ON p.id = s.partnership_id
       WHERE p.slug = $1 AND c.visibility = 'public' AND s.status = 'scheduled' AND s.starts_at > now() AND s.seats_taken = s.capacity
       ORDER BY s.starts_at`, [SLUG]);
    expect(row?.next_id).toBeTruthy();
    const visitor = await openPage(viewport);
    try {
      await visitor.page.goto(`${portal.url}/p/${SLUG}/sessions/${row.id}`);
      await visitor.page.locator('h1', { hasText: row.title }).waitFor();
      const next = visitor.page.getByTestId('next-date');
      await next.filter({ hasText: 'This session is fully booked. The next date with seats is' }).waitFor();
      const list = visitor.page.getByTestId('other-dates');
      await list.getByRole('heading', { name: 'Other dates for this course' }).waitFor();
      expect(await list.locator('li').count()).toBeGreaterThanOrEqual(1);
      await expectNoAxeViolations(visitor.page, `a full session with its other dates (${size})`);
      await next.scrollIntoViewIfNeeded();
      await visitor.page.screenshot({ path: path.join(ARTIFACTS, `booking-other-dates-${size}.png`), fullPage: size === 'laptop' });
      await next.getByRole('link').click();
      await visitor.page.waitForURL((url) => url.pathname.startsWith(`/p/${SLUG}/sessions/`) && !url.pathname.endsWith(row.id));
      await visitor.page.locator('h1', { hasText: row.title }).waitFor();
      await visitor.page.getByTestId('other-dates').getByRole('link').first().waitFor();
      expect(visitor.errors).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  });
});
