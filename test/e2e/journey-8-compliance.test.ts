import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { clickHeaderLink, expectNoAxeViolations, openCheckedPage, signInThroughPage, startDemoPortalWithBrowser, stopPortalWithBrowser, SCREENSHOTS, LAPTOP_AND_PHONE } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';

/**
 * Journey 8 in Chromium on a laptop (1280×800) and a phone (390×844): the council's L&D lead
 * opens the compliance matrix, reads the totals and the statuses one subject and one person at a
 * time, and books the overdue people of a subject onto the next sessions in one step, seeing what
 * happened to each. A line manager reads their team's; the steering group the percentages by
 * organisation and sector, with a chart beside each table. Every state is checked with axe and any
 * console error fails the test. Screenshots go to docs/screenshots/journey-8-*.png. Built client
 * needed (npm run build -w @portal/client).
 */
jest.setTimeout(300_000);

const SCREENS = LAPTOP_AND_PHONE;
const SOON = { timeout: 15_000 };

let portal: RunningPortal;
let browser: Browser;
const ids: Record<string, string> = {};
/** People booked on the laptop: the phone books the subject's other overdue people, unticking these. */
const bookedPeople = new Set<string>();

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
  const [lead] = await portal.dataSource.query(`SELECT id, organisation_id FROM person WHERE email = 'lead@demo.portal'`);
  Object.assign(ids, { lead: lead.id, council: lead.organisation_id });
});

afterAll(() => stopPortalWithBrowser(portal, browser));

/** Subjects the council needs with overdue people and an upcoming session of the subject at that level or higher, open for booking. */
async function bookableSubjects(): Promise<Array<{ code: string; name: string }>> {
  return portal.dataSource.query(
    `SELECT DISTINCT m.code, m.name FROM compliance_requirement q JOIN mandatory_subject m ON m.code = q.subject_code
     WHERE q.organisation_id = $1 AND q.person_kind = 'staff' AND EXISTS (
       SELECT 1 FROM training_session s JOIN course c ON c.id = s.course_id JOIN mandatory_subject x ON x.code = c.mandatory_subject
       WHERE x.subject = m.subject AND coalesce(x.level, 1) >= coalesce(m.level, 1) AND s.status = 'scheduled' AND s.booking_closes_at > now()
         AND c.visibility <> 'organisation' AND c.audience <> 'volunteers' AND cardinality(c.eligible_sectors) = 0)
     ORDER BY m.name`, [ids.council]);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

describe.each(SCREENS)('journey 8 on a %s', (screen, options) => {
  it('the lead opens the matrix, reads the statuses and books the overdue onto the next sessions', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInThroughPage(page, portal.url, 'lead@demo.portal');
      await clickHeaderLink(page, 'Mandatory training');
      await page.getByRole('heading', { level: 1, name: 'Mandatory training' }).waitFor(SOON);
      const totals = page.getByTestId('compliance-totals');
      await totals.waitFor(SOON);
      // Every status shows somewhere in the council's subjects.
      const tagsAcross = new Set<string>();
      const subjects = await bookableSubjects();
      expect(subjects.length).toBeGreaterThan(0);
      await expectNoAxeViolations(page, `the compliance matrix (${screen})`);
      // The CSV is a download of every row, not part of the page's answer.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compliance-csv').click()]);
      expect(download.suggestedFilename()).toMatch(/^mandatory-training-[\w-]+\.csv$/);
      const csv = await fs.readFile((await download.path())!, 'utf8');
      const [{ people }] = await portal.dataSource.query(
        'SELECT count(*)::int AS people FROM person WHERE organisation_id = $1 AND disabled_at IS NULL', [ids.council]);
      expect(csv.trim().split('\n')).toHaveLength(people + 1);
      await page.screenshot({ path: path.join(SCREENSHOTS, `journey-8-matrix-${screen}.png`), fullPage: screen === 'phone' ? false : true });
      if (screen === 'phone') await noSidewaysScroll(page);

      // One subject at a time: the first bookable subject with someone overdue.
      let chosen: { code: string; name: string } | null = null;
      for (const subject of subjects) {
        await page.getByLabel('Show one subject').selectOption({ label: subject.name });
        const view = page.getByTestId('subject-view');
        await view.getByRole('heading', { level: 2, name: subject.name }).waitFor(SOON);
        for (const text of await view.getByTestId('compliance-status').allInnerTexts()) tagsAcross.add(text);
        if (await view.getByTestId('compliance-status').filter({ hasText: 'Overdue' }).count()) {
          chosen = subject;
          break;
        }
      }
      expect(chosen).not.toBeNull();
      const view = page.getByTestId('subject-view');
      // The overdue come ticked. The laptop books two of them; the phone the rest, leaving out those the laptop booked.
      const ticked = view.getByRole('checkbox', { checked: true });
      const names = await ticked.evaluateAll((boxes) => boxes.map((box) => box.id));
      expect(names.length).toBeGreaterThan(screen === 'laptop' ? 2 : 0);
      const keep = names.filter((name) => !bookedPeople.has(name)).slice(0, screen === 'laptop' ? 2 : undefined);
      for (const name of names) if (!keep.includes(name)) await view.locator(`[id="${name}"]`).uncheck();
      keep.forEach((name) => bookedPeople.add(name));
      const overdue = keep.length;
      expect(overdue).toBeGreaterThan(0);
      const button = view.getByRole('button', { name: /onto the next session/ });
      await expect(button.innerText()).resolves.toBe(`Book ${overdue} ${overdue === 1 ? 'person' : 'people'} onto the next session`);
      await expectNoAxeViolations(page, `a subject's people (${screen})`);
      const before = Number((await portal.dataSource.query('SELECT count(*)::int AS n FROM booking WHERE booked_by_person_id = $1', [ids.lead]))[0].n);
      await button.click();
      const results = page.getByTestId('booking-results');
      await results.getByRole('heading', { name: 'What happened' }).waitFor(SOON);
      const outcomes = await results.getByTestId('booking-result').allInnerTexts();
      expect(outcomes).toHaveLength(overdue);
      for (const outcome of outcomes) expect(outcome).toMatch(/Booked|Requested, waiting for approval|On the waiting list|Not booked/);
      const placed = outcomes.filter((o) => !o.includes('Not booked')).length;
      const after = Number((await portal.dataSource.query('SELECT count(*)::int AS n FROM booking WHERE booked_by_person_id = $1', [ids.lead]))[0].n);
      expect(after - before).toBe(placed);
      expect(placed).toBeGreaterThan(0);
      await expectNoAxeViolations(page, `the booking results (${screen})`);
      await results.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, `journey-8-booked-${screen}.png`), fullPage: screen === 'laptop' });

      // One person at a time.
      const firstPerson = await page.getByLabel('Or one person').locator('option').nth(1).innerText();
      await page.getByLabel('Or one person').selectOption({ label: firstPerson });
      const person = page.getByTestId('person-view');
      await person.getByRole('heading', { level: 2, name: firstPerson }).waitFor(SOON);
      expect(await person.getByTestId('compliance-status').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, `a person's subjects (${screen})`);
      if (screen === 'phone') {
        await noSidewaysScroll(page);
        await page.screenshot({ path: path.join(SCREENSHOTS, `journey-8-person-${screen}.png`) });
      }

      // Pages of people by name: the second page holds others than the first.
      await page.getByLabel('Show one subject').selectOption({ label: chosen!.name });
      await page.getByTestId('subject-view').waitFor(SOON);
      const firstPage = await page.getByTestId('subject-row').allInnerTexts();
      const next = page.getByRole('link', { name: /Next/ });
      if (await next.count()) {
        await next.click();
        await page.waitForURL(/after=/);
        await page.getByTestId('compliance-showing').filter({ hasText: /^Showing 51 to/ }).waitFor(SOON);
        const secondPage = await page.getByTestId('subject-row').allInnerTexts();
        expect(secondPage.length).toBeGreaterThan(0);
        expect(secondPage.filter((row) => firstPage.includes(row))).toEqual([]);
      }

      // Filters: only the overdue.
      await page.getByLabel('Status').selectOption({ label: 'Overdue' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/status=OVERDUE/);
      await page.getByTestId('subject-view').waitFor(SOON);
      expect(tagsAcross.size).toBeGreaterThan(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a line manager reads their team\'s, and the steering group the percentages by organisation and sector', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInThroughPage(page, portal.url, 'manager@demo.portal');
      await clickHeaderLink(page, "My team's mandatory training");
      await page.getByRole('heading', { level: 1, name: 'My team’s mandatory training' }).waitFor(SOON);
      await page.getByTestId('subject-view').waitFor(SOON);
      expect(await page.getByRole('button', { name: /onto the next session/ }).count()).toBe(0);
      await expectNoAxeViolations(page, `the team's compliance (${screen})`);
      await context.clearCookies();

      await signInThroughPage(page, portal.url, 'steering@demo.portal');
      await clickHeaderLink(page, 'Compliance');
      await page.getByRole('heading', { level: 1, name: 'Mandatory training compliance' }).waitFor(SOON);
      await page.getByRole('table', { name: 'Compliance by organisation' }).waitFor(SOON);
      expect(await page.getByTestId('compliance-chart').count()).toBe(2);
      await expect(page.getByRole('table', { name: 'Compliance by sector' }).innerText()).resolves.toContain('Independent: care home');
      await expectNoAxeViolations(page, `the steering group's compliance (${screen})`);
      if (screen === 'phone') await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, `journey-8-steering-${screen}.png`), fullPage: screen === 'laptop' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
