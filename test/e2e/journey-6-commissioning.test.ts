import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { financialYearOf } from '@portal/domain';
import { clickHeaderLink, expectNoAxeViolations, openCheckedPage, SCREENSHOTS, signInThroughPage, startDemoPortalWithBrowser, stopPortalWithBrowser, LAPTOP_AND_PHONE } from '../support/browser';
import { makeStream } from '../support/funding-fixtures';
import type { RunningPortal } from '../support/start-portal';

/**
 * Journey 6 end to end, on a laptop (1280×800) and a phone (390×844): the council's L&D lead raises
 * a Moving and Handling need and a care home's lead raises a matching one; shared demand shows the
 * group with the sessions already on offer; the council's lead proposes a new joint course from
 * the group (its needs ticked), hearing first of every blank field at once; both leads pledge
 * seats and money from a picker that says what each stream has left (the care home's lead first
 * withdraws a mistaken pledge, answering "Are you sure"); the administrator approves it with its
 * dates; its sessions are in Find training, free to book, holding for each organisation exactly
 * the seats it pledged; and the needs read "In commissioning". Axe finds nothing on any page.
 * Screenshots go to docs/screenshots/journey-6-*.png. Built client needed (npm run build -w @portal/client).
 */

jest.setTimeout(300_000);

const SCREENS = LAPTOP_AND_PHONE;
const SOON = { timeout: 10_000 };
const SLUG = 'greater-peterborough';
const MOVING = 'mandatory_subject:moving-and-handling';
const CARE_HOME_LEAD = 'carehome-lead@demo.portal';
const DAY = 86_400_000;
const PROPOSAL_URL = new RegExp(`/p/${SLUG}/commissioning/proposals/[0-9a-f-]{36}$`);

let portal: RunningPortal;
let browser: Browser;
const ids: Record<string, string> = {};
const one = async (sql: string, params: unknown[] = []) => (await portal.dataSource.query(sql, params))[0];

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
  ids.partnership = (await one('SELECT id FROM partnership WHERE slug = $1', [SLUG])).id;
  ids.council = (await one(`SELECT organisation_id FROM person WHERE email = 'lead@demo.portal'`)).organisation_id;
  // The care home's L&D lead signs in as the documented accounts do.
  const careHome = await one(`SELECT o.id, o.name, p.id AS lead FROM organisation o JOIN role_grant g ON g.organisation_id = o.id AND g.role = 'ld_lead'
    JOIN person p ON p.id = g.person_id WHERE o.partnership_id = $1 AND o.short_code = 'NVCH' ORDER BY p.id LIMIT 1`, [ids.partnership]);
  Object.assign(ids, { careHome: careHome.id, careHomeName: careHome.name });
  await portal.dataSource.query(`UPDATE person SET email = $2, password_hash = (SELECT password_hash FROM person WHERE email = 'lead@demo.portal')
    WHERE id = $1`, [careHome.lead, CARE_HOME_LEAD]);
});

afterAll(() => stopPortalWithBrowser(portal, browser));

const signInAs = (page: Page, email: string) => signInThroughPage(page, portal.url, email);

/** A London calendar date some days ahead, inside this financial year. */
function londonDate(daysAhead: number): string {
  const end = financialYearOf(new Date()).end.getTime() - 2 * DAY;
  const day = new Date(Math.min(Date.now() + daysAhead * DAY, end));
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(day);
}

async function raiseNeed(page: Page, topic: string, people: number, screen: string): Promise<void> {
  await page.goto(`${portal.url}/p/${SLUG}/commissioning/needs/new`);
  await page.getByRole('heading', { level: 1, name: 'Raise a training need' }).waitFor(SOON);
  await page.getByLabel(/^My organisation, /).check();
  await page.getByLabel('Topic').fill(topic);
  await page.getByLabel('Mandatory subject (optional)').selectOption({ label: 'Moving and handling' });
  await page.getByLabel('Number of people').fill(String(people));
  await page.getByLabel('Staff', { exact: true }).check();
  await page.getByLabel('High').check();
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill(String(new Date().getFullYear() + 1));
  await expectNoAxeViolations(page, `raising a need (${screen})`);
  await page.getByRole('button', { name: 'Raise the need' }).click();
  await page.waitForURL(`${portal.url}/p/${SLUG}/commissioning/needs`);
  // Grouped once another organisation has a live need of the subject; the first of a new group is open until then.
  await page.getByRole('row').filter({ hasText: topic }).getByTestId('need-status').getByText(/^(Open|Grouped)$/).waitFor(SOON);
}

async function pledge(page: Page, seats: number, stream: string | null, amount: string | null, screen: string, shot?: string): Promise<void> {
  await page.getByRole('link', { name: 'Pledge seats or money' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pledge seats or money' }).waitFor(SOON);
  await page.getByLabel('Seats your organisation will fill (optional)').fill(String(seats));
  if (stream && amount) {
    const radio = page.getByRole('radio', { name: stream });
    await radio.check();
    const hint = await page.locator(`#${await radio.getAttribute('id')}--hint`).textContent();
    expect(hint).toMatch(/^£[\d,]+\.\d{2} left/);
    expect(hint).not.toMatch(/^-|£-/);
    await page.getByLabel('Amount, in pounds').fill(amount);
  }
  await expectNoAxeViolations(page, `the pledge form (${screen})`);
  if (shot) await page.screenshot({ path: path.join(SCREENSHOTS, shot), fullPage: true });
  await page.getByRole('button', { name: 'Pledge' }).click();
  await page.waitForURL(PROPOSAL_URL);
}

/** Seats each session holds for the viewer's organisation, read from the session's page. */
async function heldOnSessionPage(page: Page): Promise<number> {
  const text = (await page.getByTestId('organisation-allocation').innerText()).trim();
  const match = /Your organisation holds (\d+) seats?: (\d+) used, (\d+) left/.exec(text);
  expect(match).not.toBeNull();
  const [held, used, left] = match!.slice(1).map(Number);
  expect(used).toBeGreaterThanOrEqual(0);
  expect(left).toBeGreaterThanOrEqual(0);
  expect(used + left).toBe(held);
  return held;
}

describe.each(SCREENS)('journey 6 on a %s', (screen, options) => {
  it('takes shared needs to a proposal, pledges and approval, into sessions holding the pledged seats', async () => {
    const needA = `Moving and handling for the hospital discharge team (${screen})`;
    const needB = `Moving and handling with hoists for night staff (${screen})`;
    const courseTitle = `Safer hoisting and repositioning (${screen})`;
    const councilStream = `Council commissioning pot (${screen})`;
    const careHomeStream = `Care home training fund (${screen})`;
    await makeStream(portal.dataSource, { partnershipId: ids.partnership, managingOrganisationId: ids.council, budgetPence: 5_000_00, name: councilStream });
    await makeStream(portal.dataSource, { partnershipId: ids.partnership, managingOrganisationId: ids.careHome, budgetPence: 3_000_00, name: careHomeStream });
    let proposalUrl = '';

    // Lead A raises a need; lead B a matching one.
    const leadA = await openCheckedPage(browser, options);
    const leadB = await openCheckedPage(browser, options);
    try {
      await signInAs(leadA.page, 'lead@demo.portal');
      await raiseNeed(leadA.page, needA, 14, screen);
      await signInAs(leadB.page, CARE_HOME_LEAD);
      await raiseNeed(leadB.page, needB, 10, screen);

      // Shared demand: the group, with the sessions already on offer.
      const a = leadA.page;
      await clickHeaderLink(a, 'Commissioning');
      await a.getByRole('heading', { level: 1, name: 'Shared demand' }).waitFor(SOON);
      const group = a.locator(`section[data-group-key="${MOVING}"]`);
      await group.getByRole('row').filter({ hasText: ids.careHomeName }).waitFor(SOON);
      expect(await group.getByRole('list').last().getByRole('link').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(a, `shared demand (${screen})`);
      await group.screenshot({ path: path.join(SCREENSHOTS, `journey-6-shared-demand-${screen}.png`) });

      // Lead A proposes a course from the group: its needs are ticked, and every blank field is told at once.
      await group.getByRole('link', { name: /^Propose a course for this need/ }).click();
      await a.getByRole('heading', { level: 1, name: 'Propose a joint course' }).waitFor(SOON);
      expect(await a.getByRole('checkbox', { name: needA }).isChecked()).toBe(true);
      expect(await a.getByRole('checkbox', { name: new RegExp(`^${ids.careHomeName}: `) }).isChecked()).toBe(true);
      await a.getByLabel('Title of the proposal').fill('');
      await a.getByRole('button', { name: 'Propose the course' }).click();
      const summary = a.locator('.nhsuk-error-summary');
      await summary.waitFor(SOON);
      for (const message of ['Enter the title of the proposal', 'Choose an existing course or describe a new one', 'Choose who would deliver option 1',
        'Enter the quote for option 1, or 0 if it costs nothing', 'Enter the number of sessions', 'Enter the seats in each session',
        'Enter the estimated cost of the whole programme', 'Enter the date pledges close']) {
        await summary.getByRole('link', { name: message }).waitFor(SOON);
      }
      await a.locator('#sessionsPlanned--error-message').getByText('Enter the number of sessions').waitFor(SOON);
      await expectNoAxeViolations(a, `the proposal form with its errors (${screen})`);
      await a.screenshot({ path: path.join(SCREENSHOTS, `journey-6-propose-errors-${screen}.png`), fullPage: true });

      await a.getByLabel('Title of the proposal').fill(`Moving and handling for home care teams (${screen})`);
      await a.getByLabel('A new course').check();
      await a.getByLabel('Course title').fill(courseTitle);
      await a.getByLabel('Provided by').selectOption({ index: 1 });
      await a.getByLabel('How it is delivered').selectOption('CLASSROOM');
      await a.getByLabel('Duration, in hours').fill('3.5');
      await a.locator('#newCourse-audience-STAFF').check();
      await a.getByLabel('Mandatory subject it satisfies (optional)').selectOption('moving-and-handling');
      await a.locator('#option-0-provider').selectOption({ index: 1 });
      await a.locator('#option-0-quote').fill('950');
      await a.getByRole('button', { name: 'Add another delivery option' }).click();
      await a.locator('#option-1-provider').selectOption('external');
      await a.locator('#option-1-name').fill('SafeLift Training Ltd');
      await a.locator('#option-1-quote').fill('1,100.00');
      await a.getByRole('button', { name: 'Add another delivery option' }).click();
      await a.getByRole('button', { name: 'Remove option 3' }).click();
      expect(await a.locator('[data-delivery-option]').count()).toBe(2);
      await a.getByLabel('Sessions planned').fill('2');
      await a.getByLabel('Seats in each session').fill('10');
      await a.getByLabel('Estimated cost of the whole programme, in pounds').fill('1,000.00');
      await a.getByLabel('Pledges close on').fill(londonDate(10));
      await expectNoAxeViolations(a, `the proposal form filled in (${screen})`);
      await a.screenshot({ path: path.join(SCREENSHOTS, `journey-6-propose-${screen}.png`), fullPage: true });
      await a.getByRole('button', { name: 'Propose the course' }).click();
      await a.waitForURL(PROPOSAL_URL);
      proposalUrl = a.url();
      await a.getByTestId('seats-progress-text').getByText('0 of 20 seats pledged (0%)').waitFor(SOON);
      await a.getByText(`${courseTitle} (a new course`).waitFor(SOON);
      await expectNoAxeViolations(a, `the new proposal (${screen})`);

      // Lead A pledges 8 seats and £600; lead B 6 seats and £400, after withdrawing a mistaken pledge.
      await pledge(a, 8, councilStream, '600.00', screen, `journey-6-pledge-${screen}.png`);
      await a.getByTestId('seats-progress-text').getByText('8 of 20 seats pledged (40%)').waitFor(SOON);
      const b = leadB.page;
      await b.goto(proposalUrl);
      await b.getByRole('heading', { level: 1, name: `Moving and handling for home care teams (${screen})` }).waitFor(SOON);
      await pledge(b, 2, null, null, screen);
      await b.getByTestId('seats-progress-text').getByText('10 of 20 seats pledged (50%)').waitFor(SOON);
      const withdrawable = b.getByRole('row').filter({ hasText: ids.careHomeName }).filter({ has: b.getByRole('button', { name: /^Withdraw/ }) });
      const mistaken = b.locator(`[data-pledge-id="${await withdrawable.getAttribute('data-pledge-id')}"]`);
      await mistaken.getByRole('button', { name: /^Withdraw/ }).click();
      await mistaken.getByText(`Are you sure you want to withdraw the pledge of ${ids.careHomeName}: 2 seats?`).waitFor(SOON);
      await expectNoAxeViolations(b, `withdrawing a pledge (${screen})`);
      await mistaken.getByRole('button', { name: 'Yes, withdraw it' }).click();
      await b.getByTestId('seats-progress-text').getByText('8 of 20 seats pledged (40%)').waitFor(SOON);
      await pledge(b, 6, careHomeStream, '400.00', screen);
      await b.getByTestId('seats-progress-text').getByText('14 of 20 seats pledged (70%)').waitFor(SOON);
      await b.getByTestId('money-progress-text').getByText('£1,000.00 of £1,000.00 pledged, the cost is covered (100%)').waitFor(SOON);
      await expectNoAxeViolations(b, `a covered proposal (${screen})`);
      await b.screenshot({ path: path.join(SCREENSHOTS, `journey-6-proposal-${screen}.png`), fullPage: true });
      expect(leadA.errors).toEqual([]);
      expect(leadB.errors).toEqual([]);
    } finally {
      await leadA.context.close();
      await leadB.context.close();
    }

    // The administrator approves it with the sessions' dates.
    const admin = await openCheckedPage(browser, options);
    try {
      await signInAs(admin.page, 'admin@demo.portal');
      await admin.page.goto(proposalUrl);
      await admin.page.getByRole('link', { name: 'Approve or decline' }).click();
      await admin.page.getByRole('heading', { level: 1, name: 'Approve or decline' }).waitFor(SOON);
      await admin.page.locator('#session-0-date').fill(londonDate(20));
      await admin.page.locator('#session-1-date').fill(londonDate(27));
      await expectNoAxeViolations(admin.page, `the approval page (${screen})`);
      await admin.page.getByRole('button', { name: 'Approve and schedule the sessions' }).click();
      await admin.page.waitForURL(proposalUrl);
      await admin.page.getByTestId('proposal-status').getByText('Approved').waitFor(SOON);
      await expectNoAxeViolations(admin.page, `an approved proposal (${screen})`);
      await admin.page.screenshot({ path: path.join(SCREENSHOTS, `journey-6-approved-${screen}.png`), fullPage: true });
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.context.close();
    }

    // The sessions are in Find training, free, each holding the organisation's pledged seats; the needs are in commissioning.
    for (const [email, pledged, need] of [['lead@demo.portal', 8, needA], [CARE_HOME_LEAD, 6, needB]] as const) {
      const lead = await openCheckedPage(browser, options);
      try {
        const page = lead.page;
        await signInAs(page, email);
        await page.goto(`${portal.url}/p/${SLUG}/find-training?q=${encodeURIComponent('Safer hoisting and repositioning')}`);
        const results = page.getByRole('link', { name: courseTitle });
        await results.first().waitFor(SOON);
        expect(await results.count()).toBe(2);
        await expectNoAxeViolations(page, `Find training with the new sessions (${screen})`);
        if (email === CARE_HOME_LEAD) {
          // The results, not the search form above them.
          await results.first().scrollIntoViewIfNeeded();
          await page.screenshot({ path: path.join(SCREENSHOTS, `journey-6-find-training-${screen}.png`) });
        }
        const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
        let held = 0;
        for (const [index, href] of hrefs.entries()) {
          await page.goto(`${portal.url}${href}`);
          await page.getByRole('heading', { level: 1 }).getByText(courseTitle).waitFor(SOON);
          held += await heldOnSessionPage(page);
          // Free to book: the pledges pay for the places.
          await page.locator('.nhsuk-summary-list__row').filter({ hasText: 'Cost' }).locator('.nhsuk-summary-list__value').getByText('Free', { exact: true }).waitFor(SOON);
          if (index === 0) {
            await expectNoAxeViolations(page, `a commissioned session (${screen})`);
            await page.screenshot({ path: path.join(SCREENSHOTS, `journey-6-session-${email === CARE_HOME_LEAD ? 'care-home' : 'council'}-${screen}.png`), fullPage: true });
          }
        }
        expect(held).toBe(pledged);

        await page.goto(`${portal.url}/p/${SLUG}/commissioning/needs`);
        const row = page.getByRole('row').filter({ hasText: need });
        await row.getByTestId('need-status').getByText('In commissioning').waitFor(SOON);
        await expectNoAxeViolations(page, `the organisation's needs in commissioning (${screen})`);
        if (email === 'lead@demo.portal') await page.screenshot({ path: path.join(SCREENSHOTS, `journey-6-needs-${screen}.png`) });
        expect(lead.errors).toEqual([]);
      } finally {
        await lead.context.close();
      }
    }

    // The same figures in the database: allocations equal to the pledged seats, the rest in the pool, no booking charged.
    const proposalId = proposalUrl.split('/').pop();
    const held = await portal.dataSource.query(`SELECT a.organisation_id, sum(a.seats)::int AS seats FROM seat_allocation a
      JOIN training_session s ON s.id = a.session_id WHERE s.proposal_id = $1 GROUP BY a.organisation_id`, [proposalId]);
    expect(Object.fromEntries(held.map((r: { organisation_id: string; seats: number }) => [r.organisation_id, r.seats])))
      .toEqual({ [ids.council]: 8, [ids.careHome]: 6 });
    const course = await one(`SELECT c.cost_per_place_pence::int AS cost FROM course c JOIN commissioning_proposal p ON p.course_id = c.id WHERE p.id = $1`, [proposalId]);
    expect(course.cost).toBe(0);
  });
});
