import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expectNoAxeViolations, openCheckedPage, startDemoPortalWithBrowser, stopPortalWithBrowser } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';
import { DEMO_PASSWORD } from '../support/test-database';

/**
 * A form tells every problem in one pass, on a laptop and a phone: several bad fields sent at once
 * (blanks, a name too long, a short code or an amount of the wrong form, an address without an @)
 * and every message is in the GOV.UK error summary, each linking to its field, and the same message
 * is on the field itself. Nothing is made. Built client needed (npx turbo run build).
 */

jest.setTimeout(240_000);

const SLUG = 'greater-peterborough';
const DEFAULTS: BrowserContextOptions = { timezoneId: 'Europe/London', locale: 'en-GB' };
const SCREENS: Array<[string, BrowserContextOptions]> = [
  ['laptop', { ...DEFAULTS, viewport: { width: 1280, height: 800 } }],
  ['phone', { ...DEFAULTS, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
];
const SOON = { timeout: 15_000 };
const LONG_NAME = 'A'.repeat(201);

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
});

afterAll(() => stopPortalWithBrowser(portal, browser));

async function withPage(options: BrowserContextOptions, run: (page: Page) => Promise<void>): Promise<void> {
  const { context, page, errors } = await openCheckedPage(browser, options);
  try {
    await run(page);
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${portal.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/**
 * The summary lists exactly these messages, in order; each links to an input on the page, whose
 * form group shows the same message; the summary has focus and the title says there is an error.
 */
async function expectEveryError(page: Page, expected: Array<string | RegExp>): Promise<void> {
  const summary = page.locator('.nhsuk-error-summary');
  await summary.waitFor(SOON);
  await expect(summary.locator('h2').textContent()).resolves.toBe('There is a problem');
  await expect(page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary'))).resolves.toBe(true);
  await expect(page.title()).resolves.toMatch(/^Error: /);
  const links = await summary.locator('.nhsuk-error-summary__list a').evaluateAll((anchors) =>
    anchors.map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })));
  expect(links).toHaveLength(expected.length);
  links.forEach((link, index) => expect(link.text).toMatch(expected[index]));
  for (const link of links) {
    expect(link.href).toMatch(/^#.+/);
    const inline = await page.evaluate((id) => {
      const input = document.getElementById(id);
      const group = input?.closest('.nhsuk-form-group');
      return { found: !!input, messages: [...(group?.querySelectorAll('.nhsuk-error-message') ?? [])].map((m) => m.textContent ?? '') };
    }, link.href.slice(1));
    expect(inline.found).toBe(true);
    expect(inline.messages.some((message) => message.includes(link.text))).toBe(true);
  }
  // The last link takes you to its field.
  const last = links[links.length - 1];
  await summary.locator(`a[href="${last.href}"]`).click();
  await expect(page.evaluate(() => `#${document.activeElement?.id}`)).resolves.toBe(last.href);
}

describe('every error in one pass', () => {
  for (const [screen, options] of SCREENS) {
    it(`${screen}: adding an organisation with seven problems lists all seven, each at its field`, async () => {
      await withPage(options, async (page) => {
        await signIn(page, 'admin@demo.portal');
        await page.goto(`${portal.url}/admin/organisations/new`);
        await page.getByRole('heading', { name: 'Add an organisation' }).waitFor(SOON);
        await page.getByLabel('Short code').fill('p c c');
        await page.getByLabel('Number of staff (optional)').fill('lots');
        const lead = page.getByRole('group', { name: 'Its L&D lead' });
        await lead.getByLabel('Full name').fill(LONG_NAME);
        await lead.getByLabel('Work email address').fill('amira at riverside');
        await page.getByRole('button', { name: 'Add organisation' }).click();
        await expectEveryError(page, [
          "Enter the organisation's name",
          'Short code must be 2 to 20 capital letters, digits or hyphens, like PCC or NWAFT-2',
          'Select the sector',
          "Select the organisation's role in the partnership",
          'Number of staff must be a whole number, like 250',
          'Full name must be 200 characters or fewer',
          'Enter an email address in the correct format, like name@example.com',
        ]);
        await expectNoAxeViolations(page, `the organisation form's errors on a ${screen}`);
        expect(page.url()).toMatch(/\/admin\/organisations\/new$/);
      });
    });

    it(`${screen}: adding a funding stream with five problems lists all five, each at its field`, async () => {
      await withPage(options, async (page) => {
        await signIn(page, 'admin@demo.portal');
        await page.goto(`${portal.url}/admin/funding/streams/new`);
        await page.getByRole('heading', { name: 'Add a funding stream' }).waitFor(SOON);
        await page.getByLabel('Financial year').fill('2026');
        await page.getByLabel('Amount').fill('twelve thousand');
        await page.getByRole('button', { name: /Add (the )?(funding )?stream/ }).click();
        await expectEveryError(page, [
          'Enter the stream’s name',
          'Select who funds the stream',
          'Financial year must be written like 2026/27: the year it starts and the next',
          'Amount must be a number, like 12500.00',
          'Select the organisation that manages the stream',
        ]);
        expect(page.url()).toMatch(/\/admin\/funding\/streams\/new$/);
      });
    });

    it(`${screen}: registering with a blank password, a name too long and an address without an @ lists all three`, async () => {
      await withPage(options, async (page) => {
        await page.goto(`${portal.url}/p/${SLUG}/register`);
        await page.getByRole('heading', { name: 'Register as a volunteer' }).waitFor(SOON);
        await page.getByLabel('Full name').fill(LONG_NAME);
        await page.getByLabel('Email address').fill('amira at riverside');
        await page.getByRole('button', { name: 'Register' }).click();
        await expectEveryError(page, [
          'Full name must be 200 characters or fewer',
          'Enter an email address in the correct format, like name@example.com',
          'Enter a password',
        ]);
        await expect(page.getByRole('heading', { name: 'Check your email' }).count()).resolves.toBe(0);
      });
    });
  }
});
