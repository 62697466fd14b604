import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expectNoAxeViolations, openCheckedPage, SCREENSHOTS, startDemoPortalWithBrowser, stopPortalWithBrowser } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';
import { DEMO_PASSWORD } from '../support/test-database';

/**
 * A provider publishes, in a real browser on the demo partnership, on a laptop and on a phone:
 * the provider coordinator opens their courses from the header, publishes a course (first with
 * the form empty, to see every problem listed), adds a venue and schedules a session of it there, and, once people have
 * booked, sees who is on it with their statuses (the first half of journey 4), then moves it. Every page state
 * is checked with axe against WCAG 2.2 AA; any console error fails the test. Screenshots of the
 * session's page go to docs/screenshots/.
 *
 * The server serves the built client (client/dist): build it first (npm run build).
 */
jest.setTimeout(240_000);

const DEFAULTS: BrowserContextOptions = { timezoneId: 'Europe/London', locale: 'en-GB' };
const SIZES: Record<'laptop' | 'phone', BrowserContextOptions> = {
  laptop: { ...DEFAULTS, viewport: { width: 1280, height: 800 } },
  phone: { ...DEFAULTS, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
});

afterAll(() => stopPortalWithBrowser(portal, browser));

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${portal.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header[role=banner]').getByTestId('signed-in-as').waitFor();
}

/** A UK date some weeks ahead, as a date input takes it. */
function dateAhead(days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.now() + days * 86_400_000));
  return parts;
}

const BOOK = 'mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { id status } userErrors { code message } } }';

describe.each(Object.entries(SIZES))('a provider on a %s', (size, options) => {
  it('publishes a course, schedules a session and sees who is booked', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      const title = `Moving and Handling Refresher (${size})`;
      await signIn(page, 'provider@demo.portal');
      // A provider coordinator's work is their courses: that is where signing in lands.
      await page.waitForURL((url) => url.pathname === '/provider/courses');
      await page.getByRole('heading', { level: 1, name: 'Your courses and sessions' }).waitFor();
      await expectNoAxeViolations(page, `the provider's courses (${size})`);

      await page.getByRole('link', { name: 'Publish a course' }).click();
      await page.getByRole('heading', { level: 1, name: 'Publish a course' }).waitFor();
      await page.getByRole('button', { name: 'Publish course' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      for (const message of ['Enter the title', 'Choose how the course is delivered', 'Enter the duration in hours', 'Choose who the course is for',
        'Choose who can see the course', 'Enter the cost of a place, or 0 if it is free']) {
        await summary.getByRole('link', { name: message }).waitFor();
      }
      await expectNoAxeViolations(page, `the course form with its errors (${size})`);

      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Summary (optional)').fill('Safer moving and handling of people, with hoists and slide sheets.');
      await page.getByLabel('Method', { exact: true }).selectOption('CLASSROOM');
      await page.getByLabel('Duration').fill('3');
      await page.getByLabel('Staff and volunteers').check();
      await page.getByLabel('Anyone, signed in or not').check();
      await page.getByLabel('Cost of a place').fill('0');
      // The category the method implies is the default, and says which it is.
      await page.getByText('The method’s category: Formal').waitFor();
      await page.getByRole('button', { name: 'Publish course' }).click();
      await page.waitForURL((url) => url.pathname === '/provider/courses');
      await page.getByRole('status').getByText(`Course published: ${title}`).waitFor();

      const card = page.locator('section', { has: page.getByRole('heading', { name: title }) });
      await card.getByRole('link', { name: `Schedule a session of ${title}` }).click();
      await page.getByRole('heading', { level: 1, name: `Schedule a session of ${title}` }).waitFor();
      // A venue that is not in the list yet: added on its own form, which comes back here.
      const venue = `Education Centre (${size})`;
      await page.getByRole('link', { name: 'Add the venue' }).click();
      await page.getByRole('heading', { level: 1, name: 'Add a venue' }).waitFor();
      await page.getByRole('button', { name: 'Add venue' }).click();
      await page.locator('.nhsuk-error-summary').getByRole('link', { name: 'Enter the venue’s name' }).waitFor();
      await expectNoAxeViolations(page, `the venue form with its errors (${size})`);
      await page.getByLabel('Name').fill(venue);
      await page.getByLabel('Town or city').fill('Peterborough');
      await page.getByLabel('Postcode (optional)').fill('PE3 9GZ');
      await page.getByLabel('Latitude').fill('52.5891');
      await page.getByLabel('Longitude').fill('-0.2847');
      await page.getByRole('button', { name: 'Add venue' }).click();
      await page.getByRole('heading', { level: 1, name: `Schedule a session of ${title}` }).waitFor();
      await page.getByLabel('Date', { exact: true }).first().fill(dateAhead(35));
      await page.getByLabel('Start time').fill('09:30');
      await page.getByLabel('End time').fill('12:30');
      await page.getByLabel('In person', { exact: true }).check();
      await page.getByLabel('Venue', { exact: true }).selectOption({ label: `${venue}, Peterborough` });
      await page.getByLabel('Places').fill('12');
      await page.getByLabel('Minimum numbers (optional)').fill('4');
      await expectNoAxeViolations(page, `the schedule form (${size})`);
      await page.getByRole('button', { name: 'Schedule session' }).click();
      await page.waitForURL((url) => /^\/provider\/sessions\/[0-9a-f-]{36}$/.test(url.pathname));
      await page.getByText('Session scheduled. It is in the catalogue now.').waitFor();
      await page.getByText('Nobody has booked yet.').waitFor();
      const sessionId = new URL(page.url()).pathname.split('/').pop()!;

      // Two people book: a learner of the council and a volunteer.
      const booked: Record<string, string> = {};
      for (const email of ['learner@demo.portal', 'volunteer@demo.portal']) {
        const response = await portal.graphql<{ bookSession: { booking: { status: string } | null; userErrors: unknown[] } }>(
          BOOK, { input: { sessionId } }, { token: await portal.signIn(email) });
        if (!response.data?.bookSession.booking) throw new Error(`could not book for ${email}: ${JSON.stringify(response)}`);
        booked[email] = response.data.bookSession.booking.status;
      }
      await page.reload();
      const rows = page.locator('table tbody tr');
      await rows.nth(1).waitFor();
      expect(await rows.count()).toBe(2);
      const people = await page.evaluate(() => [...document.querySelectorAll('table tbody tr')].map((row) => row.textContent ?? ''));
      expect(people.some((text) => text.includes('learner@demo.portal'))).toBe(true);
      expect(people.some((text) => text.includes('volunteer@demo.portal'))).toBe(true);
      const statuses = await page.getByTestId('booking-status').allTextContents();
      expect(statuses.length).toBe(2);
      expect(new Set(Object.values(booked)).size).toBeGreaterThan(0);
      await page.getByText('2 of 12 places taken (needs 4 to run)').waitFor();
      await page.getByText(`${venue}, Peterborough`).waitFor();
      await expectNoAxeViolations(page, `the session with who is booked (${size})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `provider-session-${size}.png`), fullPage: true });

      // Moving it tells the people booked (the API test reads their invites); the page says so and shows the new time.
      await page.getByRole('link', { name: 'Change time, place or numbers' }).click();
      await page.getByRole('heading', { level: 1, name: `Change the session of ${title}` }).waitFor();
      await page.getByLabel('Start time').fill('13:00');
      await page.getByLabel('End time').fill('16:00');
      await page.getByLabel('Places').fill('1');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('.nhsuk-error-summary').getByRole('link', { name: '2 places on this session are taken: the capacity must be at least 2' }).waitFor();
      await expectNoAxeViolations(page, `the change form with its errors (${size})`);
      await page.getByLabel('Places').fill('12');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Session changed. Everyone booked has been told of any new time or place.').waitFor();
      await page.getByText(/, 1pm to 4pm$/).waitFor();

      await page.getByRole('link', { name: 'Your courses and sessions' }).click();
      await card.waitFor();
      await card.screenshot({ path: path.join(SCREENSHOTS, `provider-courses-${size}.png`) });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
