import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { clickHeaderLink, expectNoAxeViolations, openCheckedPage, SCREENSHOTS, signInThroughPage, startDemoPortalWithBrowser, stopPortalWithBrowser, LAPTOP_AND_PHONE } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';

/**
 * Journey 6's first steps on a laptop (1280×800) and a phone (390×844): the council's L&D lead
 * opens Commissioning from the header and sees shared demand (Moving and Handling across four
 * organisations, with the sessions already on offer, each linked to its page); raises a need,
 * hearing first of every blank field in the error summary and beside each field; finds it in
 * their organisation's needs with its status tag, and in the Moving and Handling group, whose
 * people have grown by its number; then withdraws it with a reason, and the group is as it was. Axe
 * finds nothing on any of these pages. Screenshots go to
 * docs/screenshots/. Built client needed (npm run build -w @portal/client).
 */

jest.setTimeout(240_000);

const SCREENS = LAPTOP_AND_PHONE;
const SOON = { timeout: 10_000 };
const MOVING = 'mandatory_subject:moving-and-handling';

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
});

afterAll(() => stopPortalWithBrowser(portal, browser));

const signInAs = (page: Page, email: string) => signInThroughPage(page, portal.url, email);

/** The people of the live Moving and Handling needs, as the database holds them. */
async function movingPeople(): Promise<number> {
  const [{ people }] = await portal.dataSource.query(`SELECT coalesce(sum(people_count), 0)::int AS people FROM training_need n
    JOIN partnership p ON p.id = n.partnership_id WHERE p.slug = 'greater-peterborough'
    AND n.mandatory_subject = 'moving-and-handling' AND n.status IN ('open', 'grouped')`);
  return people;
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each(SCREENS)('training needs on a %s', (screen, options) => {
  it('shows a lead shared demand, lets them raise a need, and shows it in their list and in its group', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInAs(page, 'lead@demo.portal');
      await clickHeaderLink(page, 'Commissioning');
      await page.waitForURL(`${portal.url}/p/greater-peterborough/commissioning`);
      await page.getByRole('heading', { level: 1, name: 'Shared demand' }).waitFor(SOON);
      const before = await movingPeople();
      const moving = page.locator(`section[data-group-key="${MOVING}"]`);
      await moving.getByRole('heading', { name: 'Moving and handling' }).waitFor(SOON);
      await moving.getByText(`${before.toLocaleString('en-GB')} people`, { exact: true }).waitFor(SOON);
      expect(await moving.getByRole('row').count()).toBe(1 + 4);
      const sessionLinks = moving.getByRole('list').last().getByRole('link');
      expect(await sessionLinks.count()).toBeGreaterThan(0);
      expect(await sessionLinks.first().getAttribute('href')).toMatch(/^\/p\/greater-peterborough\/sessions\/[0-9a-f-]{36}$/);
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `shared demand (${screen})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `shared-demand-${screen}.png`) });

      // A session that could meet it opens on its page.
      const title = (await sessionLinks.first().innerText()).trim();
      await sessionLinks.first().click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor(SOON);
      await page.goBack();

      await page.getByRole('link', { name: 'Raise a training need' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Raise a training need' }).waitFor(SOON);
      await page.getByRole('button', { name: 'Raise the need' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor(SOON);
      for (const message of ['Select who the training is for', 'Enter the topic', 'Enter the number of people',
        'Select whether it is for staff, volunteers or both', 'Select the priority', 'Enter the date the training is wanted by']) {
        await summary.getByRole('link', { name: message }).waitFor(SOON);
      }
      await page.locator('#topic--error-message').getByText('Enter the topic').waitFor(SOON);
      await expectNoAxeViolations(page, `the need form with errors (${screen})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `raise-need-errors-${screen}.png`), fullPage: screen === 'phone' });

      const topic = `Moving and handling for the hospital discharge team (${screen})`;
      const nextYear = new Date().getFullYear() + 1;
      await page.getByLabel('My organisation, Peterborough City Council').check();
      await page.getByLabel('Topic').fill(topic);
      await page.getByLabel('Mandatory subject (optional)').selectOption({ label: 'Moving and handling' });
      await page.getByLabel('Number of people').fill('2.5');
      await page.getByLabel('Staff', { exact: true }).check();
      await page.getByLabel('High').check();
      await page.getByLabel('Day').fill('31');
      await page.getByLabel('Month').fill('3');
      await page.getByLabel('Year').fill(String(nextYear));
      await page.getByRole('button', { name: 'Raise the need' }).click();
      await summary.getByRole('link', { name: 'The number of people must be a whole number, like 12' }).waitFor(SOON);
      await page.getByLabel('Number of people').fill('15');
      await page.getByRole('button', { name: 'Raise the need' }).click();

      await page.waitForURL(`${portal.url}/p/greater-peterborough/commissioning/needs`);
      await page.getByText(`The training need “${topic}” has been raised`).waitFor(SOON);
      await page.getByRole('heading', { level: 1, name: "My organisation's needs" }).waitFor(SOON);
      const row = page.getByRole('row').filter({ hasText: topic });
      await row.getByTestId('need-status').getByText('Grouped').waitFor(SOON);
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `the organisation's needs (${screen})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `organisation-needs-${screen}.png`) });

      await clickHeaderLink(page, 'Commissioning');
      await page.getByRole('heading', { level: 1, name: 'Shared demand' }).waitFor(SOON);
      expect(await movingPeople()).toBe(before + 15);
      await moving.getByText(`${(before + 15).toLocaleString('en-GB')} people`, { exact: true }).waitFor(SOON);
      await moving.getByText(/Your organisation's needs/).click();
      await moving.getByText(topic).waitFor(SOON);

      // Withdrawn again, with its reason: it leaves the group.
      await page.getByRole('link', { name: "My organisation's needs" }).click();
      const raisedRow = page.getByRole('row').filter({ hasText: topic });
      await raisedRow.getByRole('button', { name: `Withdraw the need “${topic}”` }).click();
      await raisedRow.getByRole('button', { name: 'Withdraw the need' }).click();
      await raisedRow.locator('.nhsuk-error-summary').getByRole('link', { name: 'Enter why the need is withdrawn' }).waitFor(SOON);
      await expectNoAxeViolations(page, `withdrawing a need (${screen})`);
      await raisedRow.getByLabel('Why is it withdrawn?').fill('Booked onto the trust\'s own sessions instead');
      await raisedRow.getByRole('button', { name: 'Withdraw the need' }).click();
      await raisedRow.getByTestId('need-status').getByText('Withdrawn').waitFor(SOON);
      await raisedRow.getByText('Withdrawn: Booked onto the trust\'s own sessions instead').waitFor(SOON);
      expect(await movingPeople()).toBe(before);
      await clickHeaderLink(page, 'Commissioning');
      await moving.getByText(`${before.toLocaleString('en-GB')} people`, { exact: true }).waitFor(SOON);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

it('keeps shared demand from those it is not for, and a person\'s own need goes to their lead', async () => {
  const { context, page, errors } = await openCheckedPage(browser, SCREENS[0][1]);
  try {
    await signInAs(page, 'learner@demo.portal');
    await page.goto(`${portal.url}/p/greater-peterborough/commissioning`);
    await page.getByRole('heading', { level: 1, name: /You need to be/ }).waitFor(SOON);
    // From their bookings, where the portal points them to it.
    await page.goto(`${portal.url}/bookings`);
    await page.getByRole('link', { name: 'Raise a training need' }).click();
    // A learner raises a need for themselves only: the one choice is already made and no number is asked.
    await page.getByRole('heading', { level: 1, name: 'Raise a training need' }).waitFor(SOON);
    expect(await page.getByLabel('Me, from my 1:1 or appraisal').isChecked()).toBe(true);
    expect(await page.getByLabel('Number of people').count()).toBe(0);
    await page.getByLabel('Topic').fill('Makaton for beginners');
    await page.getByLabel('Staff', { exact: true }).check();
    await page.getByLabel('Medium').check();
    await page.getByLabel('Day').fill('30');
    await page.getByLabel('Month').fill('6');
    await page.getByLabel('Year').fill(String(new Date().getFullYear() + 1));
    await page.getByRole('button', { name: 'Raise the need' }).click();
    await page.getByRole('heading', { level: 1, name: 'My training needs' }).waitFor(SOON);
    await page.getByRole('row').filter({ hasText: 'Makaton for beginners' }).getByTestId('need-status').getByText('Open').waitFor(SOON);
    await expectNoAxeViolations(page, 'a learner\'s own needs');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
