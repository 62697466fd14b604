import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { clickHeaderLink, expectNoAxeViolations, openCheckedPage, signInThroughPage, startDemoPortalWithBrowser, stopPortalWithBrowser, SCREENSHOTS, LAPTOP_AND_PHONE } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';

/**
 * The pages over APIs that had none, each used as its user against the demo data, on a laptop
 * (1280×800) and a phone (390×844): the council's L&D lead changes its compliance settings (a
 * renewal period, refused first at 0 months on its field; a staff group's subject, added and
 * removed; another partner's completions refused with a reason, then accepted again) and an
 * administrator chooses an organisation's; the lead reads their organisation's learning records
 * and opens one; the steering group reads the partnership's learning activity (counts, a chart
 * and a table) and the outcomes' counts with thousands separators; a learner finds their impact
 * reviews in the header. Every figure shown is checked against the database, every page with axe,
 * and any console error fails. Screenshots: docs/screenshots/outcomes-settings-*.png. Built client needed.
 */
jest.setTimeout(300_000);

const SCREENS = LAPTOP_AND_PHONE;
const SOON = { timeout: 15_000 };

let portal: RunningPortal;
let browser: Browser;
const ids: Record<string, string> = {};
const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => portal.dataSource.query(sql, params);
const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T | undefined> => (await query<T>(sql, params))[0];
const count = (n: number) => n.toLocaleString('en-GB');

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
  const lead = await one<{ organisation_id: string; partnership_id: string }>(`SELECT organisation_id, partnership_id FROM person WHERE email = 'lead@demo.portal'`);
  Object.assign(ids, { council: lead!.organisation_id, partnership: lead!.partnership_id });
});

afterAll(() => stopPortalWithBrowser(portal, browser));

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

async function shoot(page: Page, name: string, screen: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `outcomes-settings-${name}-${screen}.png`), fullPage: true });
}

/** The field's own error and the summary's link to it, both with the message. */
async function expectFieldError(page: Page, inputId: string, message: string | RegExp): Promise<void> {
  const summary = page.locator('.nhsuk-error-summary');
  await summary.getByRole('link', { name: message }).first().waitFor(SOON);
  expect(await summary.getByRole('link', { name: message }).first().getAttribute('href')).toBe(`#${inputId}`);
  await page.locator('.nhsuk-form-group--error', { has: page.locator(`#${inputId}`) }).locator('.nhsuk-error-message').filter({ hasText: message }).waitFor(SOON);
}

describe.each(SCREENS)('outcomes and settings on a %s', (screen, options) => {
  it('the lead changes the compliance settings, each mistake on its field, each change in the database', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      const subjects = await query<{ code: string; name: string }>('SELECT code, name FROM mandatory_subject ORDER BY name');
      const subject = subjects[screen === 'laptop' ? 0 : 1];
      const months = screen === 'laptop' ? 24 : 36;
      await signInThroughPage(page, portal.url, 'lead@demo.portal');
      await clickHeaderLink(page, 'Mandatory training');
      await page.getByRole('link', { name: 'Change the compliance settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Compliance settings' }).waitFor(SOON);
      // Every subject's period as the database makes it: the council's own, else the framework's.
      const periods = await query<{ code: string; months: number; own: boolean }>(
        `SELECT m.code, coalesce(r.renewal_months, m.renewal_months) AS months, r.renewal_months IS NOT NULL AS own
         FROM mandatory_subject m LEFT JOIN compliance_renewal_period r ON r.subject_code = m.code AND r.organisation_id = $1`, [ids.council]);
      const table = page.getByTestId('renewal-periods');
      for (const period of periods) {
        await expect(table.locator(`[data-subject="${period.code}"]`).innerText()).resolves.toContain(
          `${period.months} months ${period.own ? '(your organisation\'s)' : '(the framework\'s)'}`);
      }
      await expectNoAxeViolations(page, `the compliance settings (${screen})`);
      await shoot(page, 'compliance', screen);
      if (screen === 'phone') await noSidewaysScroll(page);

      // 0 months: refused on its field, nothing written.
      const periodOf = () => one('SELECT renewal_months FROM compliance_renewal_period WHERE organisation_id = $1 AND subject_code = $2', [ids.council, subject.code]);
      const before = await periodOf();
      await page.locator('#renewal-subject').selectOption({ label: subject.name });
      await page.locator('#renewal-months').fill('0');
      await page.getByRole('button', { name: 'Save renewal period' }).click();
      await expectFieldError(page, 'renewal-months', 'Renewal period must be between 1 and 120 months');
      await expectNoAxeViolations(page, `a renewal period of 0 months (${screen})`);
      await shoot(page, 'renewal-error', screen);
      expect(await periodOf()).toEqual(before);

      await page.locator('#renewal-months').fill(String(months));
      await page.getByRole('button', { name: 'Save renewal period' }).click();
      await page.getByTestId('settings-saved').filter({ hasText: `${subject.name} now renews every ${months} months` }).waitFor(SOON);
      await expect(table.locator(`[data-subject="${subject.code}"]`).innerText()).resolves.toContain(`${months} months (your organisation's)`);
      expect(await periodOf()).toEqual({ renewal_months: months });

      // A staff group's subject: the subject left unchosen first, then added, then removed.
      const team = `Outreach ${screen}`;
      await page.locator('#requirement-team').fill(team);
      await page.getByLabel('Staff only').check();
      await page.getByRole('button', { name: 'Add the requirement' }).click();
      await expectFieldError(page, 'requirement-subject', 'Choose a mandatory subject from the list');
      await page.locator('#requirement-subject').selectOption({ label: subject.name });
      await page.getByRole('button', { name: 'Add the requirement' }).click();
      await page.getByTestId('settings-saved').filter({ hasText: `Added: ${subject.name} for staff, team ${team}` }).waitFor(SOON);
      const added = await query<{ id: string; person_kind: string }>(
        'SELECT id, person_kind FROM compliance_requirement WHERE organisation_id = $1 AND subject_code = $2 AND team = $3', [ids.council, subject.code, team]);
      expect(added).toEqual([{ id: expect.any(String), person_kind: 'staff' }]);
      const requirements = page.getByTestId('requirements');
      const [{ n: requirementCount }] = await query<{ n: number }>('SELECT count(*)::int AS n FROM compliance_requirement WHERE organisation_id = $1', [ids.council]);
      await expect(requirements.locator('tbody tr').count()).resolves.toBe(requirementCount);
      await expectNoAxeViolations(page, `a requirement added (${screen})`);
      await requirements.locator(`[data-requirement="${added[0].id}"]`).getByRole('button', { name: /Remove/ }).click();
      await page.getByTestId('settings-saved').filter({ hasText: `Removed: ${subject.name}` }).waitFor(SOON);
      expect(await query('SELECT id FROM compliance_requirement WHERE id = $1', [added[0].id])).toEqual([]);

      // Another partner's completions: no reason first, then refused with one, then accepted again.
      const other = await one<{ id: string; name: string }>(`SELECT id, name FROM organisation WHERE partnership_id = $1 AND id <> $2 ORDER BY name OFFSET $3 LIMIT 1`,
        [ids.partnership, ids.council, screen === 'laptop' ? 0 : 1]);
      await page.locator('#refusal-organisation').selectOption({ label: other!.name });
      await page.locator('#refusal-subject').selectOption({ label: subject.name });
      await page.getByRole('button', { name: 'Stop accepting' }).click();
      await expectFieldError(page, 'refusal-reason', 'Enter the reason (up to 500 characters)');
      const reason = `Their course does not cover our lone-working policy (${screen})`;
      await page.locator('#refusal-reason').fill(reason);
      await page.getByRole('button', { name: 'Stop accepting' }).click();
      await page.getByTestId('settings-saved').filter({ hasText: `${other!.name.endsWith('s') ? `${other!.name}'` : `${other!.name}'s`} completions of ${subject.name} no longer count` }).waitFor(SOON);
      expect(await query('SELECT reason FROM compliance_refusal WHERE organisation_id = $1 AND from_organisation_id = $2 AND subject_code = $3',
        [ids.council, other!.id, subject.code])).toEqual([{ reason }]);
      const refusals = page.getByTestId('refusals');
      await refusals.getByRole('row').filter({ hasText: reason }).waitFor(SOON);
      await expectNoAxeViolations(page, `completions refused (${screen})`);
      await shoot(page, 'compliance-changed', screen);
      if (screen === 'phone') await noSidewaysScroll(page);
      await refusals.getByRole('row').filter({ hasText: reason }).getByRole('button', { name: /Accept again/ }).click();
      await page.getByTestId('settings-saved').filter({ hasText: 'count again' }).waitFor(SOON);
      expect(await query('SELECT reason FROM compliance_refusal WHERE organisation_id = $1 AND from_organisation_id = $2 AND subject_code = $3',
        [ids.council, other!.id, subject.code])).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an administrator chooses the organisation whose settings to see', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInThroughPage(page, portal.url, 'admin@demo.portal');
      await page.goto(`${portal.url}/organisation/compliance/settings`);
      await page.getByRole('heading', { level: 1, name: 'Compliance settings' }).waitFor(SOON);
      const council = await one<{ name: string }>('SELECT name FROM organisation WHERE id = $1', [ids.council]);
      await page.getByLabel('Organisation', { exact: true }).selectOption({ label: council!.name });
      await page.getByRole('button', { name: 'Show its settings' }).click();
      await page.getByTestId('renewal-periods').waitFor(SOON);
      expect(new URL(page.url()).searchParams.get('organisation')).toBe(ids.council);
      const [{ n }] = await query<{ n: number }>('SELECT count(*)::int AS n FROM compliance_requirement WHERE organisation_id = $1', [ids.council]);
      await expect(page.getByTestId('requirements').locator('tbody tr').count()).resolves.toBe(n);
      await expectNoAxeViolations(page, `the settings an administrator chose (${screen})`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the lead reads their organisation\'s learning records, each as the database holds it, and opens one', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInThroughPage(page, portal.url, 'lead@demo.portal');
      await clickHeaderLink(page, 'Learning records');
      await page.getByRole('heading', { level: 1, name: 'Learning records' }).waitFor(SOON);
      const table = page.getByTestId('learning-records');
      await table.waitFor(SOON);
      const [{ n }] = await query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE organisation_id = $1', [ids.council]);
      await page.locator('#people-count').filter({ hasText: `${count(n)} people` }).waitFor(SOON);
      const shownIds = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-person')!));
      expect(shownIds.length).toBe(Math.min(20, n));
      const figures = await query<{ id: string; completions: number; informal: number; hours: string }>(
        `SELECT p.id,
           (SELECT count(*) FROM booking b WHERE b.person_id = p.id AND b.status = 'attended')::int AS completions,
           (SELECT count(*) FROM informal_learning i WHERE i.person_id = p.id)::int AS informal,
           (coalesce((SELECT sum(round(c.duration_minutes / 60.0, 2)) FROM booking b JOIN training_session s ON s.id = b.session_id
              JOIN course c ON c.id = s.course_id WHERE b.person_id = p.id AND b.status = 'attended'), 0)
            + coalesce((SELECT sum(i.hours) FROM informal_learning i WHERE i.person_id = p.id), 0))::text AS hours
         FROM person p WHERE p.id = ANY($1::uuid[])`, [shownIds]);
      for (const f of figures) {
        const row = table.locator(`[data-person="${f.id}"]`);
        expect([f.id, await row.locator('[data-figure="completions"]').innerText(), await row.locator('[data-figure="informal"]').innerText(),
          await row.locator('[data-figure="hours"]').innerText()].map((t) => t.replace(/^.*\n/, '').trim()))
          .toEqual([f.id, count(f.completions), count(f.informal), Number(f.hours).toLocaleString('en-GB', { maximumFractionDigits: 2 })]);
      }
      expect(figures.some((f) => f.completions > 0)).toBe(true);
      await expectNoAxeViolations(page, `the organisation's learning records (${screen})`);
      await shoot(page, 'learning-records', screen);
      if (screen === 'phone') await noSidewaysScroll(page);

      const busiest = [...figures].sort((a, b) => b.completions - a.completions)[0];
      const person = await one<{ name: string }>('SELECT name FROM person WHERE id = $1', [busiest.id]);
      await table.locator(`[data-person="${busiest.id}"]`).getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: `${person!.name}: learning record` }).waitFor(SOON);
      await page.getByRole('link', { name: 'Learning records' }).first().waitFor(SOON);
      await expectNoAxeViolations(page, `a person's record from the list (${screen})`);
      await page.locator('.nhsuk-back-link a, a.nhsuk-back-link').first().click();
      await page.getByRole('heading', { level: 1, name: 'Learning records' }).waitFor(SOON);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the steering group reads the learning activity, counts only, as the database adds them up', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInThroughPage(page, portal.url, 'steering@demo.portal');
      await clickHeaderLink(page, 'Learning activity');
      await page.getByRole('heading', { level: 1, name: 'Learning activity' }).waitFor(SOON);
      const items = `WITH items AS (
          SELECT b.person_id, p.organisation_id, 1 AS completion, 0 AS informal, round(c.duration_minutes / 60.0, 2) AS hours
          FROM booking b JOIN person p ON p.id = b.person_id JOIN training_session s ON s.id = b.session_id JOIN course c ON c.id = s.course_id
          WHERE b.partnership_id = $1 AND b.status = 'attended'
          UNION ALL
          SELECT i.person_id, p.organisation_id, 0, 1, i.hours FROM informal_learning i JOIN person p ON p.id = i.person_id WHERE i.partnership_id = $1)`;
      const total = await one<{ learners: number; completions: number; informal: number; hours: string }>(`${items}
        SELECT count(DISTINCT person_id)::int AS learners, sum(completion)::int AS completions, sum(informal)::int AS informal, sum(hours)::text AS hours FROM items`,
      [ids.partnership]);
      const headlines = page.getByTestId('activity-headlines');
      await expect(headlines.locator('[data-headline="People with learning on their record"]').innerText()).resolves.toBe(count(total!.learners));
      await expect(headlines.locator('[data-headline="Courses completed"]').innerText()).resolves.toBe(count(total!.completions));
      await expect(headlines.locator('[data-headline="Informal learning logged"]').innerText()).resolves.toBe(count(total!.informal));
      await expect(headlines.locator('[data-headline="Hours of learning"]').innerText()).resolves
        .toBe(Number(total!.hours).toLocaleString('en-GB', { maximumFractionDigits: 1 }));
      expect(total!.completions).toBeGreaterThan(0);

      const byOrganisation = await query<{ id: string | null; learners: number; completions: number; informal: number }>(`${items}
        SELECT organisation_id AS id, count(DISTINCT person_id)::int AS learners, sum(completion)::int AS completions, sum(informal)::int AS informal
        FROM items GROUP BY organisation_id`, [ids.partnership]);
      const table = page.getByTestId('activity-organisations');
      await expect(table.locator('tbody tr').count()).resolves.toBe(byOrganisation.length);
      for (const org of byOrganisation) {
        const cells = await table.locator(`[data-row-key="${org.id ?? 'none'}"] td`).allInnerTexts();
        expect(cells.slice(0, 3).map((t) => t.replace(/^.*\n/, '').trim())).toEqual([count(org.learners), count(org.completions), count(org.informal)]);
      }
      // Counts only: no one's name anywhere on the page.
      const names = await query<{ name: string }>(`SELECT DISTINCT p.name FROM booking b JOIN person p ON p.id = b.person_id
        WHERE b.partnership_id = $1 AND b.status = 'attended' LIMIT 20`, [ids.partnership]);
      const text = await page.locator('main').innerText();
      for (const { name } of names) expect(text).not.toContain(name);
      await page.getByTestId('activity-chart').locator('svg.recharts-surface').first().waitFor(SOON);
      await expectNoAxeViolations(page, `the learning activity (${screen})`);
      await shoot(page, 'learning-activity', screen);
      if (screen === 'phone') await noSidewaysScroll(page);

      // The outcomes beside it: counts written with thousands separators.
      await page.getByRole('link', { name: 'the outcomes of learning' }).click();
      await page.getByRole('heading', { level: 1, name: 'Outcomes of learning' }).waitFor(SOON);
      const responses = await page.getByTestId('outcome-headlines').locator('li').first().locator('.nhsuk-heading-l').innerText();
      expect(responses).toMatch(/^\d{1,3}(,\d{3})* of \d{1,3}(,\d{3})*$/);
      const cells = await page.getByTestId('outcomes-courses').locator('td[data-label="Responses"]').allInnerTexts();
      for (const cell of cells) expect(cell.replace(/^Responses\s*/, '').trim()).toMatch(/^\d{1,3}(,\d{3})* of \d{1,3}(,\d{3})*$/);
      await expectNoAxeViolations(page, `the outcomes (${screen})`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a learner finds their impact reviews in the header', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInThroughPage(page, portal.url, 'learner@demo.portal');
      await clickHeaderLink(page, 'Impact reviews');
      await page.getByRole('heading', { level: 1, name: 'Impact reviews' }).waitFor(SOON);
      await expectNoAxeViolations(page, `impact reviews from the header (${screen})`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
