import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { clickHeaderLink, expectNoAxeViolations, openCheckedPage, SCREENSHOTS, signInThroughPage, startDemoPortalWithBrowser, stopPortalWithBrowser, LAPTOP_AND_PHONE } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';
import { DEMO_PASSWORD } from '../support/test-database';

/**
 * The partnership directory on a laptop (1280×800) and a phone (390×844): a learner finds it in
 * the header (behind "More" on the phone) and reads every organisation with its L&D leads; the
 * council's L&D lead changes their organisation's entry, hears of a bad field beside it and in the
 * error summary, and sees the change in the directory; axe finds nothing on either page.
 * Screenshots (the directory's top, the council's entry as changed, the form with an error) go to docs/screenshots/. Built client needed (npx turbo run build).
 */

jest.setTimeout(240_000);

const SCREENS = LAPTOP_AND_PHONE;
const SOON = { timeout: 10_000 };

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
});

afterAll(() => stopPortalWithBrowser(portal, browser));

const signInAs = (page: Page, email: string) => signInThroughPage(page, portal.url, email);

const entryOf = (page: Page, name: string) => page.locator('section.portal-directory-entry', { has: page.getByRole('heading', { name, exact: true }) });

describe.each(SCREENS)('the partnership directory on a %s', (screen, options) => {
  it('shows a learner every organisation with its sector, role, training and L&D leads', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInAs(page, 'learner@demo.portal');
      await clickHeaderLink(page, 'Partnership directory');
      await page.waitForURL(`${portal.url}/directory`);
      await page.getByRole('heading', { level: 1, name: 'Partnership directory' }).waitFor(SOON);
      const [{ count }] = await portal.dataSource.query(`SELECT count(*)::int AS count FROM organisation o JOIN partnership p
        ON p.id = o.partnership_id WHERE p.slug = 'greater-peterborough'`);
      await page.getByText(`${count} organisations, by name.`).waitFor(SOON);
      expect(await page.locator('section.portal-directory-entry').count()).toBe(count);

      const trust = entryOf(page, 'Peterborough and Stamford Hospitals NHS Foundation Trust');
      expect(await trust.innerText()).toMatch(/Sector\s+Acute trust/);
      expect(await trust.innerText()).toMatch(/Provides training\s+Yes/);
      expect(await trust.innerText()).toContain('GB-NHS-RGN');
      expect(await trust.innerText()).toContain('Assistant Director – Learning and Development');

      const careHome = entryOf(page, 'Nene Valley Care Home');
      expect(await careHome.innerText()).toMatch(/Represented by\s+Care Sector Strategy Group/);
      expect(await careHome.innerText()).toMatch(/Provides training\s+No/);
      const council = entryOf(page, 'Peterborough City Council');
      await council.getByRole('link', { name: 'lead@demo.portal' }).waitFor(SOON);
      expect(await council.getByRole('link', { name: 'lead@demo.portal' }).getAttribute('href')).toBe('mailto:lead@demo.portal');
      // A learner changes nothing here.
      expect(await page.getByRole('link', { name: /Change this entry/ }).count()).toBe(0);

      // Nothing wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `the directory (${screen})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `directory-${screen}.png`) });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets the council\'s L&D lead change its entry, with field-level errors first', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInAs(page, 'lead@demo.portal');
      await page.goto(`${portal.url}/directory`);
      const council = entryOf(page, 'Peterborough City Council');
      await council.getByRole('link', { name: 'Change this entry for Peterborough City Council' }).click();
      await page.getByRole('heading', { level: 1, name: 'Change the directory entry' }).waitFor(SOON);
      // No identifier field for a lead: administrators set it.
      expect(await page.getByLabel('Registered identifier').count()).toBe(0);

      const description = 'Safeguarding, mental capacity and reablement courses for partners, at the Town Hall Training Suite.';
      const stored = () => portal.dataSource.query(`SELECT description, website, contact_phone, delivers_training FROM organisation
        WHERE short_code = 'PCC'`);
      await portal.dataSource.query(`UPDATE organisation SET description = NULL WHERE short_code = 'PCC'`);
      const before = await stored();
      await page.getByLabel('What the organisation does (optional)').fill(description);
      await page.getByLabel('Website (optional)').fill('peterborough.gov.uk');
      await page.getByLabel('Telephone number for learning enquiries (optional)').fill('01632 960 123');
      await page.getByRole('button', { name: 'Save entry' }).click();

      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor(SOON);
      const message = 'Enter a website address in the correct format, like https://www.example.org.uk';
      await summary.getByRole('link', { name: message }).waitFor(SOON);
      await page.locator('#website--error-message').getByText(message).waitFor(SOON);
      await expectNoAxeViolations(page, `the entry form with an error (${screen})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `directory-edit-error-${screen}.png`), fullPage: screen === 'phone' });
      // The refused change wrote nothing.
      expect(await stored()).toEqual(before);

      await page.getByLabel('Website (optional)').fill('https://www.peterborough.gov.uk/learning');
      await page.getByLabel('No', { exact: true }).check();
      await page.getByRole('button', { name: 'Save entry' }).click();
      await page.waitForURL(`${portal.url}/directory`);
      await page.getByText('The directory entry of Peterborough City Council has been updated').waitFor(SOON);
      const updated = entryOf(page, 'Peterborough City Council');
      await updated.getByText(description).waitFor(SOON);
      expect(await updated.innerText()).toMatch(/Provides training\s+No/);
      expect(await updated.getByRole('link', { name: 'www.peterborough.gov.uk/learning' }).getAttribute('href'))
        .toBe('https://www.peterborough.gov.uk/learning');
      await expectNoAxeViolations(page, `the directory after a change (${screen})`);
      await updated.screenshot({ path: path.join(SCREENSHOTS, `directory-entry-${screen}.png`) });

      const [saved] = await stored();
      expect(saved).toEqual({ description, website: 'https://www.peterborough.gov.uk/learning', contact_phone: '01632 960 123',
        delivers_training: false });
      await portal.dataSource.query(`UPDATE organisation SET delivers_training = true WHERE short_code = 'PCC'`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

it('sends a signed-out visitor to sign in, and back to the directory', async () => {
  const { context, page, errors } = await openCheckedPage(browser, SCREENS[0][1]);
  try {
    await page.goto(`${portal.url}/directory`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByLabel('Email address').fill('volunteer@demo.portal');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.url}/directory`);
    await page.getByRole('heading', { level: 1, name: 'Partnership directory' }).waitFor(SOON);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
