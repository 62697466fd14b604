import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { financialYearOf } from '@portal/domain';
import { expectNoAxeViolations, openCheckedPage, SCREENSHOTS, signInThroughPage, startDemoPortalWithBrowser, stopPortalWithBrowser, LAPTOP_AND_PHONE } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';
import { makeProposal, makeSeatPledge } from '../support/commissioning-fixtures';

/**
 * Journey 6's second half on a laptop (1280×800) and a phone (390×844): the council's L&D lead
 * opens a Moving and Handling proposal and sees its progress as bars with the same figures as
 * text; pledges seats and money, hearing first of a blank form in the error summary, choosing the
 * stream from a picker that says what each has left; the administrator then approves it with
 * the sessions' dates, and the sessions are on the proposal and in the catalogue. Axe finds
 * nothing on any of these pages. Each screen has a proposal of its own, made for it.
 * Screenshots go to docs/screenshots/. Built client needed (npm run build -w @portal/client).
 */

jest.setTimeout(240_000);

const SCREENS = LAPTOP_AND_PHONE;
const SOON = { timeout: 10_000 };
const SLUG = 'greater-peterborough';
const DAY = 86_400_000;

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
});

afterAll(() => stopPortalWithBrowser(portal, browser));

const signInAs = (page: Page, email: string) => signInThroughPage(page, portal.url, email);

/** An open proposal of 2 sessions × 10 seats costing £300, with the mental health trust's 4 seats already pledged. */
async function proposalFor(screen: string): Promise<string> {
  const one = async (sql: string, params: unknown[] = []) => (await portal.dataSource.query(sql, params))[0];
  const partnership = await one(`SELECT id FROM partnership WHERE slug = $1`, [SLUG]);
  const lead = await one(`SELECT id, organisation_id FROM person WHERE email = 'lead@demo.portal'`);
  const course = await one(`SELECT id FROM course WHERE partnership_id = $1 AND title = 'Moving and Handling (People)' ORDER BY id LIMIT 1`, [partnership.id]);
  const id = await makeProposal(portal.dataSource, { partnershipId: partnership.id, organisationId: lead.organisation_id, personId: lead.id,
    courseId: course.id, sessionsPlanned: 2, seatsPerSession: 10, estimatedCostPence: 300_00 });
  await portal.dataSource.query(`UPDATE commissioning_proposal SET title = $2 WHERE id = $1`, [id, `Moving and handling for reablement teams (${screen})`]);
  await portal.dataSource.query(`INSERT INTO commissioning_delivery_option (partnership_id, proposal_id, position, kind, provider_name, quoted_cost_pence)
    VALUES ($1, $2, 1, 'external', 'SafeLift Training Ltd', 30000)`, [partnership.id, id]);
  const trust = await one(`SELECT o.id, (SELECT p.id FROM person p WHERE p.organisation_id = o.id ORDER BY p.email LIMIT 1) AS person
    FROM organisation o WHERE o.partnership_id = $1 AND o.short_code = 'CPMHPNHST'`, [partnership.id]);
  await makeSeatPledge(portal.dataSource, { partnershipId: partnership.id, proposalId: id, organisationId: trust.id, personId: trust.person, seats: 4 });
  return id;
}

/** A London calendar date a few days ahead, inside this financial year. */
function sessionDate(daysAhead: number): string {
  const end = financialYearOf(new Date()).end.getTime() - 2 * DAY;
  const day = new Date(Math.min(Date.now() + daysAhead * DAY, end));
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(day);
}

describe.each(SCREENS)('commissioning proposals on a %s', (screen, options) => {
  it('lets a lead pledge from a stream with what it has left, and an administrator approve it into sessions', async () => {
    const id = await proposalFor(screen);
    const lead = await openCheckedPage(browser, options);
    try {
      await signInAs(lead.page, 'lead@demo.portal');
      await lead.page.goto(`${portal.url}/p/${SLUG}/commissioning/proposals`);
      await lead.page.getByRole('heading', { level: 1, name: 'Commissioning proposals' }).waitFor(SOON);
      await expectNoAxeViolations(lead.page, `proposals (${screen})`);
      await lead.page.getByRole('link', { name: `Moving and handling for reablement teams (${screen})` }).click();
      await lead.page.getByTestId('seats-progress-text').getByText('4 of 20 seats pledged (20%)').waitFor(SOON);
      await lead.page.getByTestId('money-progress-text').getByText('£0.00 of £300.00 pledged, £300.00 short (0%)').waitFor(SOON);
      expect(await lead.page.locator('progress').count()).toBe(2);
      await expectNoAxeViolations(lead.page, `a proposal (${screen})`);

      await lead.page.getByRole('link', { name: 'Pledge seats or money' }).click();
      await lead.page.getByRole('heading', { level: 1, name: 'Pledge seats or money' }).waitFor(SOON);
      await lead.page.getByRole('button', { name: 'Pledge' }).click();
      await lead.page.getByRole('alert').getByText('Enter the seats your organisation will fill, the money it gives, or both').waitFor(SOON);
      await expectNoAxeViolations(lead.page, `the pledge form with its errors (${screen})`);
      await lead.page.getByLabel('Seats your organisation will fill (optional)').fill('6');
      const stream = lead.page.getByRole('radio', { name: 'Peterborough City Council Workforce Development Budget' });
      await stream.check();
      // The picker says what the stream has left.
      const hint = await lead.page.locator(`#${await stream.getAttribute('id')}--hint`).textContent();
      expect(hint).toMatch(/^£[\d,]+\.\d{2} left/);
      await lead.page.getByLabel('Amount, in pounds').fill('300.00');
      await lead.page.screenshot({ path: path.join(SCREENSHOTS, `proposal-pledge-${screen}.png`) });
      await lead.page.getByRole('button', { name: 'Pledge' }).click();
      await lead.page.waitForURL(`${portal.url}/p/${SLUG}/commissioning/proposals/${id}`);
      await lead.page.getByTestId('seats-progress-text').getByText('10 of 20 seats pledged (50%)').waitFor(SOON);
      await lead.page.getByTestId('money-progress-text').getByText('£300.00 of £300.00 pledged, the cost is covered (100%)').waitFor(SOON);
      await lead.page.screenshot({ path: path.join(SCREENSHOTS, `proposal-${screen}.png`), fullPage: true });
      expect(lead.errors).toEqual([]);
    } finally {
      await lead.context.close();
    }

    const admin = await openCheckedPage(browser, options);
    try {
      await signInAs(admin.page, 'admin@demo.portal');
      await admin.page.goto(`${portal.url}/p/${SLUG}/commissioning/proposals/${id}`);
      await admin.page.getByRole('link', { name: 'Approve or decline' }).click();
      await admin.page.getByRole('heading', { level: 1, name: 'Approve or decline' }).waitFor(SOON);
      await admin.page.getByRole('button', { name: 'Approve and schedule the sessions' }).click();
      await admin.page.getByRole('alert').getByText('Enter the date and start time of session 1').waitFor(SOON);
      await expectNoAxeViolations(admin.page, `the approval page with its errors (${screen})`);
      await admin.page.locator('#session-0-date').fill(sessionDate(20));
      await admin.page.locator('#session-1-date').fill(sessionDate(27));
      await admin.page.getByRole('button', { name: 'Approve and schedule the sessions' }).click();
      await admin.page.waitForURL(`${portal.url}/p/${SLUG}/commissioning/proposals/${id}`);
      await admin.page.getByTestId('proposal-status').getByText('Approved').waitFor(SOON);
      const sessions = admin.page.getByRole('heading', { name: 'Sessions', exact: true }).locator('xpath=following-sibling::ul[1]').getByRole('link');
      await sessions.first().waitFor(SOON);
      expect(await sessions.count()).toBe(2);
      await expectNoAxeViolations(admin.page, `an approved proposal (${screen})`);
      await sessions.first().click();
      await admin.page.waitForURL(/\/p\/greater-peterborough\/sessions\/[0-9a-f-]{36}$/);
      await admin.page.getByRole('heading', { level: 1 }).getByText('Moving and Handling (People)').waitFor(SOON);
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.context.close();
    }
    // Seats held as pledged: the council 6, the trust 4, over the two sessions.
    const held = await portal.dataSource.query(`SELECT o.short_code, sum(a.seats)::int AS seats FROM seat_allocation a
      JOIN training_session s ON s.id = a.session_id JOIN organisation o ON o.id = a.organisation_id WHERE s.proposal_id = $1
      GROUP BY o.short_code ORDER BY o.short_code`, [id]);
    expect(held).toEqual([{ short_code: 'CPMHPNHST', seats: 4 }, { short_code: 'PCC', seats: 6 }]);
  });
});
