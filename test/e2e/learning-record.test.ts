import { type Browser } from 'playwright-core';
import { expectNoAxeViolations, openCheckedPage, signInThroughPage, startDemoPortalWithBrowser, stopPortalWithBrowser, LAPTOP_AND_PHONE } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';

/**
 * The learning record's pages beyond journey 4, on a laptop and a phone: a file that is not a PDF,
 * PNG or JPEG by its content (whatever its name) is refused on the form's file field with nothing
 * added; a volunteer with no learning yet reads the empty record; an L&D lead opens a person of
 * their organisation from its people list and reads their record, with no button to confirm.
 * Axe finds nothing on any page. Built client needed (npm run build -w @portal/client).
 */

jest.setTimeout(300_000);

const SCREENS = LAPTOP_AND_PHONE;
const SOON = { timeout: 10_000 };

let portal: RunningPortal;
let browser: Browser;
const one = async (sql: string, params: unknown[] = []) => (await portal.dataSource.query(sql, params))[0];

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
});

afterAll(() => stopPortalWithBrowser(portal, browser));

describe.each(SCREENS)('learning records on a %s', (screen, options) => {
  it('refuses evidence that is not a PDF, PNG or JPEG by its content, adding nothing', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInThroughPage(page, portal.url, 'learner@demo.portal');
      const before = await one(`SELECT (SELECT count(*) FROM informal_learning)::int AS entries, (SELECT count(*) FROM evidence_file)::int AS files`);
      await page.goto(`${portal.url}/learning-record/log`);
      await page.getByRole('heading', { level: 1, name: 'Log informal learning' }).waitFor(SOON);
      await page.getByLabel('Reading').check();
      await page.getByLabel('Day').fill('2');
      await page.getByLabel('Month').fill('1');
      await page.getByLabel('Year').fill('2026');
      await page.getByLabel('How many hours did it take?').fill('1');
      await page.getByLabel('What did you learn?').fill(`Read the falls prevention guidance (${screen})`);
      await page.getByLabel('Upload evidence (optional)').setInputFiles({ name: 'certificate.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a not a png') });
      await page.getByRole('button', { name: 'Add to my record' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.getByRole('link', { name: 'The selected file must be a PDF, PNG or JPEG' }).waitFor(SOON);
      await page.locator('#evidenceFile-error').getByText('The selected file must be a PDF, PNG or JPEG').waitFor(SOON);
      await expectNoAxeViolations(page, `the informal learning form with a wrong file (${screen})`);
      expect(await one(`SELECT (SELECT count(*) FROM informal_learning)::int AS entries, (SELECT count(*) FROM evidence_file)::int AS files`)).toEqual(before);
      expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a volunteer their empty record, and a lead a person of their organisation without a confirm button', async () => {
    const volunteer = await openCheckedPage(browser, options);
    try {
      await signInThroughPage(volunteer.page, portal.url, 'volunteer@demo.portal');
      await volunteer.page.goto(`${portal.url}/learning-record`);
      await volunteer.page.getByRole('heading', { level: 1, name: 'My learning record' }).waitFor(SOON);
      await volunteer.page.getByText(/No courses completed yet|Courses completed/).first().waitFor(SOON);
      await expectNoAxeViolations(volunteer.page, `a volunteer's record (${screen})`);
      expect(volunteer.errors).toEqual([]);
    } finally {
      await volunteer.context.close();
    }
    const lead = await openCheckedPage(browser, options);
    try {
      const { page } = lead;
      await signInThroughPage(page, portal.url, 'lead@demo.portal');
      const learner = await one(`SELECT name FROM person WHERE email = 'learner@demo.portal'`);
      await page.goto(`${portal.url}/organisation/people`);
      await page.getByLabel('Name or email address').fill('learner@demo.portal');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: new RegExp(`^${learner.name}\\s*: learning record$`) }).click();
      await page.getByRole('heading', { level: 1, name: `${learner.name}: learning record` }).waitFor(SOON);
      await page.getByRole('heading', { level: 2, name: '70:20:10 balance' }).waitFor(SOON);
      await page.getByRole('heading', { level: 2, name: 'Informal learning' }).waitFor(SOON);
      expect(await page.getByRole('button', { name: /^Confirm/ }).count()).toBe(0);
      await expectNoAxeViolations(page, `a lead reading a person's record (${screen})`);
      expect(lead.errors).toEqual([]);
    } finally {
      await lead.context.close();
    }
  });
});
