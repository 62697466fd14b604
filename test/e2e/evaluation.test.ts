import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { type Browser, type BrowserContextOptions } from 'playwright-core';
import { clickHeaderLink, expectNoAxeViolations, launchChromium, openCheckedPage, prepareBrowserTests, signInThroughPage, SCREENSHOTS } from '../support/browser';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { makeSession } from '../support/catalogue-fixtures';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { scheduleEvaluations } from '../../server/src/modules/evaluation/evaluation-schedule';

/**
 * Evaluation in a real browser, on the demo partnership, on a laptop and on a phone: the learner
 * follows the link of the morning-after email (read from a real SMTP catcher), signs in, first
 * sends the form empty (every error at once), then gives feedback; their line manager records the
 * impact review of a course the learner attended two months ago; the steering group opens the
 * outcome report beside funding. Every state is checked with axe, and any console error fails.
 * Screenshots go to docs/screenshots/evaluation-*.png. Built client needed (npm run build -w @portal/client).
 */
jest.setTimeout(240_000);

const DEFAULTS: BrowserContextOptions = { timezoneId: 'Europe/London', locale: 'en-GB' };
const DEVICES: Record<'laptop' | 'phone', BrowserContextOptions> = {
  laptop: { ...DEFAULTS, viewport: { width: 1280, height: 800 } },
  phone: { ...DEFAULTS, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

let mail: MailCatcher;
let portal: RunningPortal;
let browser: Browser;
const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;

beforeAll(async () => {
  prepareBrowserTests();
  mail = await startMailCatcher();
  [portal, browser] = await Promise.all([
    startPortal({ template: 'demo', config: { smtpUrl: mail.url, publicUrl: 'https://portal.test' } }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await mail?.stop();
});

/** The learner attended a session of a course that ended two days ago; the job emails the request. Returns the email's link, as a path. */
async function emailedFeedbackLink(courseTitleLike: string): Promise<{ path: string; courseTitle: string }> {
  const db = portal.dataSource;
  const [learner] = await db.query(`SELECT id, partnership_id FROM person WHERE email = 'learner@demo.portal'`);
  const [course] = await db.query(`SELECT id, title FROM course WHERE partnership_id = $1 AND title ILIKE $2 ORDER BY title LIMIT 1`,
    [learner.partnership_id, courseTitleLike]);
  const sessionId = await makeSession(db, learner.partnership_id, course.id, { startsInDays: -2, status: 'completed' });
  const [booking] = await db.query(`INSERT INTO booking (partnership_id, session_id, person_id, status) VALUES ($1, $2, $3, 'attended') RETURNING id`,
    [learner.partnership_id, sessionId, learner.id]);
  await scheduleEvaluations(db.manager, [booking.id]);
  await db.query(`SELECT graphile_worker.add_job('evaluation_emails')`);
  await portal.runDueJobs();
  await portal.runDueJobs();
  const email = await mail.waitFor((m) => toOf(m) === 'learner@demo.portal' && m.subject === `How was ${course.title}?`
    && (m.text ?? '').includes(booking.id), 20_000);
  const link = /Give feedback: (\S+)/.exec(email.text ?? '')![1];
  return { path: new URL(link).pathname, courseTitle: course.title };
}

for (const [device, options] of Object.entries(DEVICES) as Array<['laptop' | 'phone', BrowserContextOptions]>) {
  it(`lets the learner follow the emailed link and give feedback (${device})`, async () => {
    const { path: link, courseTitle } = await emailedFeedbackLink(device === 'laptop' ? '%safeguarding%' : '%fire%');
    expect(link).toMatch(/^\/bookings\/[0-9a-f-]{36}\/feedback$/);
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      // Signed out, the link goes by the sign-in page and comes back.
      await page.goto(`${portal.url}${link}`);
      await page.waitForURL((url) => url.pathname === '/sign-in');
      await page.getByLabel('Email address').fill('learner@demo.portal');
      await page.getByLabel('Password', { exact: true }).fill('partnership-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === link);
      await page.getByRole('heading', { level: 1, name: 'Give feedback' }).waitFor();
      await expect(page.getByText(courseTitle, { exact: false }).first().isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page, `the feedback form (${device})`);

      await page.getByRole('button', { name: 'Send feedback' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.waitFor();
      await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
        'Choose how good the course was, from 1 to 5', 'Choose how likely you are to recommend it, from 0 to 10']);
      await expectNoAxeViolations(page, `the feedback form with errors (${device})`);

      await page.getByLabel('4 – Very good').check();
      await page.getByRole('group', { name: /recommend it to a colleague/ }).getByLabel('9', { exact: true }).check();
      await page.getByLabel('What worked well? (optional)').fill('The practical scenarios and time for questions');
      await page.getByLabel('What could be better? (optional)').fill('A bigger room');
      if (device === 'laptop') await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-feedback-laptop.png'), fullPage: true });
      await page.getByRole('button', { name: 'Send feedback' }).click();
      await page.getByTestId('feedback-thanks').waitFor();
      await expectNoAxeViolations(page, `the thanks for feedback (${device})`);
      if (device === 'phone') await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-feedback-phone.png'), fullPage: true });

      const bookingId = link.split('/')[2];
      const [saved] = await portal.dataSource.query('SELECT rating, recommend, what_worked FROM feedback WHERE booking_id = $1', [bookingId]);
      expect(saved).toEqual({ rating: 4, recommend: 9, what_worked: 'The practical scenarios and time for questions' });

      // My bookings no longer offers feedback on it.
      await page.goto(`${portal.url}/bookings`);
      await page.getByRole('heading', { level: 1, name: 'My bookings' }).waitFor();
      await page.locator(`[data-booking-id="${bookingId}"]`).waitFor({ state: 'attached' }).catch(() => undefined);
      await expect(page.locator(`[data-booking-id="${bookingId}"]`).getByRole('link', { name: /Give feedback/ }).count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it(`lets the line manager record the impact review of a course their report attended (${device})`, async () => {
    const db = portal.dataSource;
    const [learner] = await db.query(`SELECT id, partnership_id FROM person WHERE email = 'learner@demo.portal'`);
    const [course] = await db.query(`SELECT id, title FROM course WHERE partnership_id = $1 ORDER BY title OFFSET $2 LIMIT 1`,
      [learner.partnership_id, device === 'laptop' ? 1 : 2]);
    const sessionId = await makeSession(db, learner.partnership_id, course.id, { startsInDays: -50, status: 'completed' });
    const [booking] = await db.query(`INSERT INTO booking (partnership_id, session_id, person_id, status) VALUES ($1, $2, $3, 'attended') RETURNING id`,
      [learner.partnership_id, sessionId, learner.id]);
    await scheduleEvaluations(db.manager, [booking.id]);
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInThroughPage(page, portal.url, 'manager@demo.portal');
      await page.goto(`${portal.url}/impact-reviews`);
      await page.getByRole('heading', { level: 1, name: 'Impact reviews' }).waitFor();
      await expectNoAxeViolations(page, `the impact reviews to record (${device})`);
      await page.getByRole('list', { name: 'Your team' }).getByRole('link', { name: new RegExp(course.title.replace(/[()]/g, '.')) }).first().click();
      await page.waitForURL((url) => url.pathname === `/impact-reviews/${booking.id}`);
      await page.getByRole('button', { name: 'Record review' }).click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await expectNoAxeViolations(page, `the impact review with errors (${device})`);
      await page.getByLabel('Yes').check();
      await page.getByLabel('Give an example').fill('Now leads the safety huddle on Mondays');
      await page.getByRole('button', { name: 'Record review' }).click();
      await page.getByTestId('review-recorded').waitFor();
      await expectNoAxeViolations(page, `the impact review recorded (${device})`);
      if (device === 'phone') await page.screenshot({ path: path.join(SCREENSHOTS, 'evaluation-impact-review-phone.png'), fullPage: true });
      const [row] = await db.query('SELECT manager_applying, manager_example, learner_applying FROM booking_evaluation WHERE booking_id = $1', [booking.id]);
      expect(row).toEqual({ manager_applying: true, manager_example: 'Now leads the safety huddle on Mondays', learner_applying: null });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it(`shows the steering group the outcome report beside funding (${device})`, async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInThroughPage(page, portal.url, 'steering@demo.portal');
      await clickHeaderLink(page, 'Outcomes');
      await page.getByRole('heading', { level: 1, name: 'Outcomes of learning' }).waitFor();
      const headlines = page.getByTestId('outcome-headlines');
      await expect(headlines.textContent()).resolves.toMatch(/Net Promoter Score[+-]?\d+/);
      const byCourse = page.getByTestId('outcomes-courses');
      await byCourse.waitFor();
      expect(await byCourse.locator('tbody tr').count()).toBeGreaterThan(5);
      await expect(byCourse.getByText('Fewer than 5 responses: figures withheld').first().isVisible()).resolves.toBe(true);
      await page.getByTestId('outcome-chart').first().locator('svg').first().waitFor();
      for (const name of ['By course', 'By provider', 'By organisation', 'By sector']) {
        await page.getByRole('heading', { level: 2, name }).waitFor();
      }
      await expectNoAxeViolations(page, `the outcome report (${device})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `evaluation-outcomes-${device}.png`), fullPage: device === 'laptop' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
}
