import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { clickHeaderLink, expectNoAxeViolations, openCheckedPage, signInThroughPage, startDemoPortalWithBrowser, stopPortalWithBrowser, SCREENSHOTS, LAPTOP_AND_PHONE } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';

/**
 * Journey 4 end to end, on a laptop (1280×800) and a phone (390×844): the acute trust's provider
 * coordinator opens a session that has started from its page and takes the register of its 20
 * booked people (hearing first that nobody is marked), 17 attended, 2 no-shows and 1 late
 * cancellation, and corrects a no-show who came after all (asked first for the reason); then the demo learner, one of those who came, finds the completion on My learning
 * record with the 70:20:10 balance and downloads its certificate; logs informal learning with a
 * file as evidence (hearing first of every blank field at once); and their line manager confirms
 * it from their team. Axe finds nothing on any page. Screenshots go to docs/screenshots/journey-4-*.png.
 * Built client needed (npm run build -w @portal/client).
 */

jest.setTimeout(300_000);

const SCREENS = LAPTOP_AND_PHONE;
const SOON = { timeout: 10_000 };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

let portal: RunningPortal;
let browser: Browser;
const ids: Record<string, string> = {};
const one = async (sql: string, params: unknown[] = []) => (await portal.dataSource.query(sql, params))[0];

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
  const provider = await one(`SELECT g.organisation_id FROM role_grant g JOIN person p ON p.id = g.person_id
    WHERE p.email = 'provider@demo.portal' AND g.role = 'provider_coordinator' LIMIT 1`);
  const course = await one(`SELECT id, title FROM course WHERE provider_organisation_id = $1 AND audience IN ('staff', 'both') ORDER BY title LIMIT 1`,
    [provider.organisation_id]);
  const learner = await one(`SELECT id, partnership_id FROM person WHERE email = 'learner@demo.portal'`);
  Object.assign(ids, { course: course.id, courseTitle: course.title, learner: learner.id, partnership: learner.partnership_id });
});

afterAll(() => stopPortalWithBrowser(portal, browser));

/**
 * A session of the provider's course that started two hours ago, with the demo learner and 19 other
 * staff holding confirmed places (made in the database: the journey starts at the register).
 */
async function startedSessionOfTwenty(screen: string): Promise<{ sessionId: string; absent: string[]; late: string }> {
  const db = portal.dataSource;
  const session = await one(`INSERT INTO training_session (partnership_id, course_id, starts_at, ends_at, delivery_mode, capacity,
      allocated_seats, seats_taken, pool_seats_taken, booking_closes_at, release_at, status)
    VALUES ($1, $2, now() - interval '2 hours', now() - interval '30 minutes', 'online', 24, 0, 20, 20, now() - interval '1 day',
      now() - interval '3 days', 'scheduled') RETURNING id`, [ids.partnership, ids.course]);
  const others: Array<{ id: string; name: string }> = await db.query(`SELECT id, name FROM person WHERE partnership_id = $1 AND kind = 'staff'
      AND email NOT LIKE '%@demo.portal' AND disabled_at IS NULL ORDER BY email OFFSET $2 LIMIT 19`, [ids.partnership, screen === 'laptop' ? 0 : 40]);
  await db.query(`INSERT INTO booking (partnership_id, session_id, person_id, organisation_id, status, cost_pence, approvals)
    SELECT partnership_id, $2, id, organisation_id, 'confirmed', 0, '{}' FROM person WHERE id = ANY($1::uuid[])`,
  [[ids.learner, ...others.map((o) => o.id)], session.id]);
  return { sessionId: session.id, absent: [others[3].name, others[7].name], late: others[11].name };
}

async function marks(sessionId: string): Promise<{ attended: number; no_shows: number; late: number }> {
  return one(`SELECT count(*) FILTER (WHERE status = 'attended')::int AS attended, count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
    count(*) FILTER (WHERE status = 'cancelled' AND cancelled_late)::int AS late FROM booking WHERE session_id = $1`, [sessionId]);
}

async function shoot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true });
}

describe.each(SCREENS)('journey 4 on a %s', (screen, options) => {
  it('takes the register of 20 (17 attended, 2 no-shows, 1 late cancellation) and the learner finds the completion on their record', async () => {
    const { sessionId, absent, late } = await startedSessionOfTwenty(screen);
    const provider = await openCheckedPage(browser, options);
    try {
      const { page } = provider;
      await signInThroughPage(page, portal.url, 'provider@demo.portal');
      await page.goto(`${portal.url}/provider/sessions/${sessionId}`);
      await page.getByRole('link', { name: 'Take the register' }).click();
      await page.getByRole('heading', { level: 1, name: `${ids.courseTitle}: register` }).waitFor(SOON);
      await page.getByText('20 people are still to be marked.').waitFor(SOON);
      await expectNoAxeViolations(page, `the register (${screen})`);

      // Nobody marked: every person is named in the error summary.
      await page.getByRole('button', { name: 'Save the register' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.waitFor(SOON);
      expect(await summary.getByRole('link').count()).toBe(20);
      await expectNoAxeViolations(page, `the register with its errors (${screen})`);

      for (const name of absent) await page.getByRole('group', { name }).getByLabel('Did not attend').check();
      await page.getByRole('group', { name: late }).getByLabel('Cancelled late').check();
      await page.getByRole('button', { name: 'Mark everyone else as attended' }).click();
      expect(await page.getByLabel('Attended', { exact: true }).and(page.locator(':checked')).count()).toBe(17);
      await page.getByRole('button', { name: 'Save the register' }).click();
      await page.getByRole('status').filter({ hasText: 'Register saved: 17 attended, 2 did not attend, 1 cancelled late' }).waitFor(SOON);
      await page.getByRole('heading', { level: 2, name: 'Marked' }).waitFor(SOON);
      await expectNoAxeViolations(page, `the register taken (${screen})`);
      await shoot(page, `journey-4-register-${screen}.png`);
      expect(await marks(sessionId)).toEqual({ attended: 17, no_shows: 2, late: 1 });
      expect((await one('SELECT status FROM training_session WHERE id = $1', [sessionId])).status).toBe('completed');

      // One of the no-shows came after all: corrected, with the reason asked for first.
      await page.getByRole('button', { name: `Correct the mark for ${absent[0]}` }).click();
      await page.getByRole('group', { name: 'What happened?' }).getByLabel('Attended').check();
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: 'Enter the reason for the correction' }).waitFor(SOON);
      await expectNoAxeViolations(page, `a correction with its error (${screen})`);
      await page.getByLabel('Reason for the correction').fill('Signed in at the desk after the start');
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await page.getByRole('status').filter({ hasText: `${absent[0]} is now marked attended` }).waitFor(SOON);
      expect(await marks(sessionId)).toEqual({ attended: 18, no_shows: 1, late: 1 });
      const [audit] = await portal.dataSource.query(`SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'sessions.register_corrected'
        AND details->>'sessionId' = $1`, [sessionId]);
      expect(audit.reason).toBe('Signed in at the desk after the start');
      expect(provider.errors).toEqual([]);
    } finally {
      await provider.context.close();
    }

    const learner = await openCheckedPage(browser, options);
    try {
      const { page } = learner;
      await signInThroughPage(page, portal.url, 'learner@demo.portal');
      await clickHeaderLink(page, 'My learning record');
      await page.getByRole('heading', { level: 1, name: 'My learning record' }).waitFor(SOON);
      const [booking] = await portal.dataSource.query('SELECT id FROM booking WHERE session_id = $1 AND person_id = $2', [sessionId, ids.learner]);
      const row = page.locator(`[data-booking-id="${booking.id}"]`);
      await row.getByText(ids.courseTitle).first().waitFor(SOON);
      await page.getByRole('img', { name: /Share of learning hours by 70:20:10 category/ }).waitFor(SOON);
      await page.getByRole('table', { name: 'Learning hours by 70:20:10 category' }).waitFor(SOON);
      await expectNoAxeViolations(page, `My learning record (${screen})`);
      await shoot(page, `journey-4-learning-record-${screen}.png`);
      const href = await row.getByRole('link', { name: /Download certificate/ }).getAttribute('href');
      const certificate = await page.request.get(`${portal.url}${href}`);
      expect(certificate.status()).toBe(200);
      expect(certificate.headers()['content-type']).toBe('application/pdf');
      expect((await certificate.body()).subarray(0, 5).toString()).toBe('%PDF-');

      // Log informal learning: every blank field at once, then an entry with a file.
      await page.getByRole('link', { name: 'Log informal learning' }).click();
      await page.getByRole('heading', { level: 1, name: 'Log informal learning' }).waitFor(SOON);
      await page.getByRole('button', { name: 'Add to my record' }).click();
      const errors = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      for (const message of ['Select the kind of learning', 'Enter the date you did the learning', 'Enter the number of hours', 'Enter what you learned']) {
        await errors.getByRole('link', { name: message }).waitFor(SOON);
      }
      await expectNoAxeViolations(page, `the informal learning form with its errors (${screen})`);
      await shoot(page, `journey-4-log-learning-errors-${screen}.png`);
      await page.getByLabel('Work shadowing').check();
      const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
        .formatToParts(new Date());
      const part = (type: string) => today.find((p) => p.type === type)!.value;
      await page.getByLabel('Day').fill(part('day'));
      await page.getByLabel('Month').fill(part('month'));
      await page.getByLabel('Year').fill(part('year'));
      await page.getByLabel('How many hours did it take?').fill('3.5');
      await page.getByLabel('What did you learn?').fill(`Shadowed the discharge coordinator on the ward (${screen})`);
      await page.getByLabel('Upload evidence (optional)').setInputFiles({ name: 'ward-notes.png', mimeType: 'image/png', buffer: PNG });
      await page.getByRole('button', { name: 'Add to my record' }).click();
      await page.getByRole('status').filter({ hasText: 'Your informal learning has been added to your record' }).waitFor(SOON);
      await page.getByText(`Shadowed the discharge coordinator on the ward (${screen})`).waitFor(SOON);
      await page.locator('tr').filter({ hasText: `Shadowed the discharge coordinator on the ward (${screen})` })
        .getByRole('link', { name: 'ward-notes.png' }).waitFor(SOON);
      expect(learner.errors).toEqual([]);
    } finally {
      await learner.context.close();
    }

    const manager = await openCheckedPage(browser, options);
    try {
      const { page } = manager;
      await signInThroughPage(page, portal.url, 'manager@demo.portal');
      await page.goto(`${portal.url}/team`);
      const learnerName = (await one('SELECT name FROM person WHERE id = $1', [ids.learner])).name;
      await page.getByLabel('Name or email address').fill('learner@demo.portal');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: new RegExp(`^${learnerName}\\s*: learning record$`) }).click();
      await page.getByRole('heading', { level: 1, name: `${learnerName}: learning record` }).waitFor(SOON);
      const entry = page.locator('tr').filter({ hasText: `Shadowed the discharge coordinator on the ward (${screen})` });
      await entry.getByRole('button', { name: /^Confirm/ }).click();
      await entry.getByText('Confirmed').waitFor(SOON);
      await expectNoAxeViolations(page, `a report's learning record (${screen})`);
      await shoot(page, `journey-4-manager-record-${screen}.png`);
      expect(manager.errors).toEqual([]);
    } finally {
      await manager.context.close();
    }
  });
});
