import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Download, type Page } from 'playwright-core';
import { financialYearOf, financialYearStarting } from '@portal/domain';
import { ARTIFACTS, clickHeaderLink, expectNoAxeViolations, openCheckedPage, startDemoPortalWithBrowser, stopPortalWithBrowser, pageGraphql } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';
import { DEMO_NOW, DEMO_PASSWORD } from '../support/test-database';

/**
 * Journey 5 in a real browser, on the demo partnership: a steering group member opens the
 * funding view for the previous financial year (relative to the demo's now), reads the totals
 * and every breakdown, checks them against the API, drills into a stream down to its courses,
 * downloads CSV (the figures must be the page's), and looks at the charts on a laptop and on a
 * phone. A volunteer browsing the catalogue on a phone never fetches the chart library. An
 * administrator adds a stream through the form, first with mistakes. Every page state is
 * checked with axe against WCAG 2.2 AA, and any console error fails the test.
 *
 * The server serves the built client (client/dist): build it first (npm run build).
 */

jest.setTimeout(240_000);

const SLUG = 'greater-peterborough';
const CURRENT = financialYearOf(DEMO_NOW);
const YEAR = financialYearStarting(CURRENT.startYear - 1).label;
const YEAR_PARAM = YEAR.replace('/', '-');

const BROWSER_DEFAULTS: BrowserContextOptions = { timezoneId: 'Europe/London', locale: 'en-GB', acceptDownloads: true };
const LAPTOP: BrowserContextOptions = { ...BROWSER_DEFAULTS, viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = {
  ...BROWSER_DEFAULTS, viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
};

/** The chart library's chunk in the built client: the one file that holds Recharts. */
const ASSETS = path.resolve(__dirname, '..', '..', 'client', 'dist', 'assets');
const chartChunk = () => readdirSync(ASSETS).find((file) => /^funding-charts-.*\.js$/.test(file));
const isChartChunk = (url: string) => /\/assets\/funding-charts-[^/]*\.js$/.test(url);

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
});

afterAll(() => stopPortalWithBrowser(portal, browser));

interface Money { pence: number; formatted: string }
interface Sums { budget: Money; committed: Money; spent: Money; remaining: Money }
interface Row { key: string; label: string; summary: Sums }
interface Overview {
  financialYear: string;
  totals: Sums;
  byStream: Array<{ stream: { id: string; name: string }; summary: Sums }>;
  byFunder: Row[];
  byOrganisation: Row[];
  bySector: Row[];
  byQuarter: Row[];
  costPerLearner: Money | null;
  costPerLearningHour: Money | null;
  seatUtilisation: number;
  noShowCost: Money;
  learners: number;
  seatsOffered: number;
  seatsUsed: number;
}

const SUMS = 'budget { pence formatted } committed { pence formatted } spent { pence formatted } remaining { pence formatted }';
const ROW = `key label summary { ${SUMS} }`;
const OVERVIEW = `query ($slug: String!, $year: String!) {
  fundingOverview(partnershipSlug: $slug, financialYear: $year) {
    financialYear totals { ${SUMS} } byStream { stream { id name } summary { ${SUMS} } }
    byFunder { ${ROW} } byOrganisation { ${ROW} } bySector { ${ROW} } byQuarter { ${ROW} }
    costPerLearner { pence formatted } costPerLearningHour { pence formatted } seatUtilisation noShowCost { pence formatted }
    learners seatsOffered seatsUsed
  }
}`;

/** A GraphQL request from the page, with its session cookie: what the signed-in person may see. */
const api = pageGraphql;

const header = (page: Page) => page.locator('header[role=banner]');

async function signInAs(page: Page, email: string): Promise<void> {
  // From Find training, as the journey starts there (signing in alone would land on the funding page).
  await page.goto(`${portal.url}/sign-in?next=${encodeURIComponent(`/p/${SLUG}/find-training`)}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === `/p/${SLUG}/find-training`);
  await header(page).getByTestId('signed-in-as').waitFor();
}

/** Integer pence as the exports write them: "1234.56". */
function pounds(pence: number): string {
  const abs = Math.abs(pence);
  return `${pence < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1234.56" back to pence, by integer arithmetic. */
function penceOf(text: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`not pounds: ${text}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

/** The downloaded file's bytes: it must start with a UTF-8 byte order mark (for Excel). */
async function downloadedCsv(download: Download): Promise<Array<Record<string, string>>> {
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
}

/** Each row of a figures table on the page: its key and its four figures as shown. */
async function tableFigures(page: Page, testId: string): Promise<Array<{ key: string; label: string; figures: Record<string, string> }>> {
  return page.getByTestId(testId).locator('tbody tr[data-row-key]').evaluateAll((rows) => rows.map((row) => ({
    key: row.getAttribute('data-row-key') ?? '',
    label: row.querySelector('th a, th')?.childNodes[0]?.textContent?.trim() ?? '',
    figures: Object.fromEntries([...row.querySelectorAll('td[data-figure]')].map((cell) => [cell.getAttribute('data-figure'), cell.textContent?.trim() ?? ''])),
  })));
}

const ALL_FIGURES = ['budget', 'committed', 'spent', 'remaining'] as const;

function expectRowsMatch(shown: Awaited<ReturnType<typeof tableFigures>>, rows: Row[], total: Sums,
  figures: ReadonlyArray<keyof Sums> = ALL_FIGURES): void {
  expect(shown.map((r) => r.key)).toEqual([...rows.map((r) => r.key), 'total']);
  for (const [index, row] of rows.entries()) {
    expect(shown[index].figures).toEqual(Object.fromEntries(figures.map((key) => [key, row.summary[key].formatted])));
  }
  expect(shown.at(-1)!.figures.spent).toBe(total.spent.formatted);
}

/** No part of the page is wider than the screen: wide tables scroll inside their own region. */
async function expectNoPageOverflow(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

async function waitForCharts(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=funding-chart] svg.recharts-surface').length >= n, count);
}

async function openFundingPage(page: Page): Promise<void> {
  await clickHeaderLink(page, 'Funding');
  await page.waitForURL((url) => url.pathname === '/funding');
  await page.locator('h1', { hasText: `Funding for learning ${CURRENT.label}` }).waitFor();
  // Back to the year the journey is about, through the year switcher.
  await page.getByLabel('Financial year', { exact: true }).selectOption(YEAR);
  await page.getByRole('button', { name: 'Show year' }).click();
  await page.waitForURL((url) => url.searchParams.get('year') === YEAR_PARAM);
  await page.locator('h1', { hasText: `Funding for learning ${YEAR}` }).waitFor();
  await page.getByTestId('section-headline').waitFor();
}

describe('journey 5: the steering group sees where the money comes from and goes', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let overview: Overview;
  const requests: string[] = [];

  beforeAll(async () => {
    ({ context, page, errors } = await openCheckedPage(browser, LAPTOP));
    page.on('request', (request) => requests.push(request.url()));
    await signInAs(page, 'steering@demo.portal');
    overview = (await api<{ fundingOverview: Overview }>(page, OVERVIEW, { slug: SLUG, year: YEAR })).fundingOverview;
  });
  afterAll(async () => {
    await context?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('has funding in the demo for the year', () => {
    expect(overview.financialYear).toBe(YEAR);
    expect(overview.byStream.length).toBeGreaterThan(0);
    expect(overview.totals.budget.pence).toBeGreaterThan(0);
    expect(overview.totals.spent.pence).toBeGreaterThan(0);
    expect(overview.byQuarter).toHaveLength(4);
  });

  it('shows the headline figures, every breakdown and its chart on a laptop', async () => {
    expect(requests.some(isChartChunk)).toBe(false);
    await openFundingPage(page);
    const figure = (key: string) => page.getByTestId(`figure-${key}-value`).textContent();
    expect(await figure('budget')).toBe(overview.totals.budget.formatted);
    expect(await figure('committed')).toBe(overview.totals.committed.formatted);
    expect(await figure('spent')).toBe(overview.totals.spent.formatted);
    expect(await figure('remaining')).toBe(overview.totals.remaining.formatted);
    expect(await figure('cost-per-learner')).toBe(overview.costPerLearner?.formatted ?? 'No learners yet');
    expect(await figure('cost-per-hour')).toBe(overview.costPerLearningHour?.formatted ?? 'No hours yet');
    expect(await figure('utilisation')).toBe(`${Math.round(overview.seatUtilisation * 100)}%`);
    expect(await figure('no-show-cost')).toBe(overview.noShowCost.formatted);
    await page.getByTestId('figure-utilisation').filter({ hasText: `${overview.seatsUsed.toLocaleString('en-GB')} of ` }).waitFor();

    // Breakdowns are largest first (committed and spent), not in the API's order.
    const bySize = (rows: Row[]) => [...rows].sort((a, b) => (b.summary.committed.pence + b.summary.spent.pence)
      - (a.summary.committed.pence + a.summary.spent.pence) || b.summary.budget.pence - a.summary.budget.pence || a.label.localeCompare(b.label, 'en-GB'));
    expectRowsMatch(await tableFigures(page, 'table-funders'), bySize(overview.byFunder), overview.totals);
    // An organisation or a sector has no "remaining" of its own: those tables leave it out.
    const spending = ['budget', 'committed', 'spent'] as const;
    expectRowsMatch(await tableFigures(page, 'table-organisations'), bySize(overview.byOrganisation), overview.totals, spending);
    expectRowsMatch(await tableFigures(page, 'table-sectors'), bySize(overview.bySector), overview.totals, spending);
    // Quarters: each its own committed and spent, against the year's budget (funding-figures.test.ts reads the rest).
    const quarters = (await tableFigures(page, 'table-quarters'))
      .map((row) => ({ ...row, figures: { committed: row.figures.committed, spent: row.figures.spent } }));
    expectRowsMatch(quarters, overview.byQuarter, overview.totals, ['committed', 'spent']);
    const position = await tableFigures(page, 'table-position');
    expect(position[0].figures).toEqual({ budget: overview.totals.budget.formatted, committed: overview.totals.committed.formatted,
      spent: overview.totals.spent.formatted, remaining: overview.totals.remaining.formatted });
    const streams = await tableFigures(page, 'table-streams');
    expect(streams.map((r) => r.key)).toEqual([...overview.byStream.map((s) => s.stream.id), 'total']);

    // Five charts (position, funder, organisation, sector, quarter), each a labelled image beside its table.
    await waitForCharts(page, 5);
    expect(requests.filter(isChartChunk)).toHaveLength(1);
    const labels = await page.getByTestId('funding-chart').evaluateAll((charts) => charts.map((c) => [c.getAttribute('role'), c.getAttribute('aria-label')]));
    expect(labels).toHaveLength(5);
    for (const [role, label] of labels) {
      expect(role).toBe('img');
      expect(label).toMatch(/The table below gives the same figures\.$/);
    }
    await expectNoPageOverflow(page);
    await expectNoAxeViolations(page, 'the funding page on a laptop');
    await page.screenshot({ path: path.join(ARTIFACTS, 'funding-laptop.png'), fullPage: true });
    for (const section of ['headline', 'funders', 'quarters']) {
      await page.getByTestId(`section-${section}`).screenshot({ path: path.join(ARTIFACTS, `funding-laptop-${section}.png`) });
    }
  });

  it('exports the tables as CSV with the figures the page shows', async () => {
    const [funders] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('link', { name: `Download CSV of funding by funder for ${YEAR}` }).click()]);
    expect(funders.suggestedFilename()).toBe(`funding-${YEAR_PARAM}-funders.csv`);
    const shownFunders = await tableFigures(page, 'table-funders');
    const funderRows = await downloadedCsv(funders);
    // The file keeps the API's order (by name); the page shows them largest first.
    expect(funderRows.map((r) => r.Funder).sort()).toEqual(shownFunders.slice(0, -1).map((r) => r.label).sort());
    for (const [index, row] of overview.byFunder.entries()) {
      expect(funderRows[index]['Budget (£)']).toBe(pounds(row.summary.budget.pence));
      expect(funderRows[index]['Committed (£)']).toBe(pounds(row.summary.committed.pence));
      expect(funderRows[index]['Spent (£)']).toBe(pounds(row.summary.spent.pence));
      expect(funderRows[index]['Remaining (£)']).toBe(pounds(row.summary.remaining.pence));
      // …and the page shows the same amounts, formatted.
      expect(shownFunders.find((r) => r.key === row.key)!.figures.spent.replace(/[£,]/g, '')).toBe(funderRows[index]['Spent (£)']);
    }

    const [totals] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('link', { name: `Download CSV of the headline figures for ${YEAR}` }).click()]);
    const [total] = await downloadedCsv(totals);
    expect(total['Financial year']).toBe(YEAR);
    for (const [column, key] of [['Budget (£)', 'budget'], ['Committed (£)', 'committed'], ['Spent (£)', 'spent'], ['Remaining (£)', 'remaining']] as const) {
      const shown = (await page.getByTestId(`figure-${key}-value`).textContent())!.replace(/[£,]/g, '');
      expect(total[column]).toBe(shown);
    }
    expect(total['No-show cost (£)']).toBe((await page.getByTestId('figure-no-show-cost-value').textContent())!.replace(/[£,]/g, ''));

    const [quarters] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('link', { name: `Download CSV of funding by quarter for ${YEAR}` }).click()]);
    const quarterRows = await downloadedCsv(quarters);
    expect(quarterRows.map((r) => r.Quarter)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(quarterRows.reduce((sum, r) => sum + penceOf(r['Spent (£)']), 0)).toBe(overview.totals.spent.pence);

    // Every entry: fetched with its progress shown, then saved; its effects add up to the totals.
    const [entries] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: `Download CSV of every ledger entry for ${YEAR}` }).click()]);
    expect(entries.suggestedFilename()).toBe(`funding-${YEAR_PARAM}-entries.csv`);
    const entryRows = await downloadedCsv(entries);
    await page.getByTestId('download-done').filter({ hasText: `Downloaded ${entryRows.length.toLocaleString('en-GB')} rows` }).waitFor();
    const sum = (column: string) => entryRows.reduce((total, r) => total + penceOf(r[column]), 0);
    expect(sum('Budget effect (£)')).toBe(overview.totals.budget.pence);
    expect(sum('Committed effect (£)')).toBe(overview.totals.committed.pence);
    expect(sum('Spent effect (£)')).toBe(overview.totals.spent.pence);
    await expectNoAxeViolations(page, 'the funding page after the downloads');
  });

  it('shows a download’s progress against the rows the server promised', async () => {
    // Slow the entries export down so the progress bar can be seen part way.
    await page.route(`**/exports/funding/${SLUG}/${YEAR_PARAM}/entries.csv`, async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({ response });
    });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Download CSV of every ledger entry for ${YEAR}` }).click();
    const progress = page.getByTestId('download-progress');
    await progress.waitFor();
    expect(await progress.locator('progress').count()).toBe(1);
    await expectNoAxeViolations(page, 'the funding page while an export downloads');
    await download;
    await progress.waitFor({ state: 'detached' });
    await page.unroute(`**/exports/funding/${SLUG}/${YEAR_PARAM}/entries.csv`);
  });

  it('drills into one stream down to its courses and the entries behind them', async () => {
    const withCourses = await Promise.all(overview.byStream.map(async ({ stream }) => (await api<{
      fundingStream: { id: string; name: string; summary: Sums; courses: Array<{ courseId: string; title: string; summary: Sums; sessions: Array<{ sessionId: string }> }> };
    }>(page, `query ($id: ID!) { fundingStream(id: $id) { id name summary { ${SUMS} }
      courses { courseId title summary { ${SUMS} } sessions { sessionId } } } }`, { id: stream.id })).fundingStream));
    const sessionsOf = (s: (typeof withCourses)[number]) => s.courses.reduce((n, c) => n + c.sessions.length, 0);
    const stream = withCourses.filter((s) => sessionsOf(s) > 0).sort((a, b) => sessionsOf(b) - sessionsOf(a))[0];
    expect(stream).toBeDefined();

    await page.getByTestId('table-streams').getByRole('link', { name: stream.name, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/funding/streams/${stream.id}`);
    await page.locator('h1', { hasText: stream.name }).waitFor();
    expect(await page.getByTestId('figure-spent-value').textContent()).toBe(stream.summary.spent.formatted);
    const courses = await tableFigures(page, 'table-courses');
    expect(courses.map((c) => c.key)).toEqual(stream.courses.map((c) => c.courseId));
    for (const [index, course] of stream.courses.entries()) {
      expect(courses[index].figures).toEqual({ committed: course.summary.committed.formatted, spent: course.summary.spent.formatted });
    }
    await waitForCharts(page, 1);
    const first = stream.courses.find((c) => c.sessions.length)!;
    await page.getByText(`Sessions of ${first.title} (${first.sessions.length})`).click();
    await page.locator(`[data-course-id="${first.courseId}"] tbody tr`).first().waitFor();
    await expectNoAxeViolations(page, 'a funding stream with its courses');
    await page.screenshot({ path: path.join(ARTIFACTS, 'funding-stream-laptop.png'), fullPage: true });
    await page.getByTestId('section-courses').screenshot({ path: path.join(ARTIFACTS, 'funding-stream-courses-laptop.png') });

    await page.getByTestId('table-courses').getByRole('link', { name: first.title, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/funding/entries' && url.searchParams.get('course') === first.courseId);
    // The entries page loads lazily: wait for it, not for the stream page's own entries.
    await page.locator('h1', { hasText: 'Ledger entries' }).waitFor();
    await page.getByTestId('entries-table').waitFor();
    expect(await page.getByTestId('figure-entries-spent-value').textContent()).toBe(first.summary.spent.formatted);
    expect(await page.getByTestId('figure-entries-committed-value').textContent()).toBe(first.summary.committed.formatted);
    await expectNoAxeViolations(page, 'the entries behind a course');
  });

  it('drills into an organisation from its row', async () => {
    await page.goto(`${portal.url}/funding?year=${YEAR_PARAM}`);
    const organisation = overview.byOrganisation.find((o) => o.key !== 'none' && o.summary.spent.pence > 0) ?? overview.byOrganisation[0];
    await page.getByTestId('table-organisations').getByRole('link', { name: organisation.label, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/funding/organisations/${organisation.key}` && url.searchParams.get('year') === YEAR_PARAM);
    await page.getByTestId('entries-table').waitFor();
    expect(await page.getByTestId('figure-entries-spent-value').textContent()).toBe(organisation.summary.spent.formatted);
    expect(await page.getByTestId('figure-entries-committed-value').textContent()).toBe(organisation.summary.committed.formatted);
    await expectNoAxeViolations(page, 'an organisation’s funding');
  });
});

describe('journey 5 on a phone', () => {
  it('reads the funding page and its charts on a 375-pixel screen', async () => {
    const { context, page, errors } = await openCheckedPage(browser, PHONE);
    try {
      await signInAs(page, 'steering@demo.portal');
      await page.goto(`${portal.url}/funding?year=${YEAR_PARAM}`);
      await page.locator('h1', { hasText: `Funding for learning ${YEAR}` }).waitFor();
      await waitForCharts(page, 5);
      await expectNoPageOverflow(page);
      // Every figure fits the screen; every wide table scrolls inside a named region the keyboard reaches.
      const figures = await page.locator('.funding-figure__value').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().right));
      expect(figures.length).toBeGreaterThanOrEqual(8);
      for (const right of figures) expect(right).toBeLessThanOrEqual(375);
      const regions = await page.locator('.funding-table-scroll').evaluateAll((all) => all.map((r) => ({
        role: r.getAttribute('role'), tabIndex: (r as HTMLElement).tabIndex, named: !!document.getElementById(r.getAttribute('aria-labelledby') ?? '')?.textContent,
        right: r.getBoundingClientRect().right,
      })));
      expect(regions.length).toBeGreaterThanOrEqual(6);
      for (const region of regions) expect(region).toEqual({ role: 'region', tabIndex: 0, named: true, right: expect.any(Number) });
      for (const region of regions) expect(region.right).toBeLessThanOrEqual(375);
      const charts = await page.locator('[data-testid=funding-chart] svg.recharts-surface').evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().right));
      for (const right of charts) expect(right).toBeLessThanOrEqual(375);
      await expectNoAxeViolations(page, 'the funding page on a phone');
      await page.screenshot({ path: path.join(ARTIFACTS, 'funding-phone.png'), fullPage: true });
      for (const section of ['headline', 'funders', 'quarters']) {
        await page.getByTestId(`section-${section}`).screenshot({ path: path.join(ARTIFACTS, `funding-phone-${section}.png`) });
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('never fetches the chart library while a volunteer browses the catalogue on a phone', async () => {
    expect(chartChunk()).toBeDefined();
    const { context, page, errors } = await openCheckedPage(browser, PHONE);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    try {
      await page.goto(`${portal.url}/p/${SLUG}/find-training`);
      await page.getByLabel('Search for training').fill('safeguarding');
      await page.getByLabel('Open to volunteers').check();
      await page.getByRole('button', { name: 'Search' }).click();
      await page.locator('#results-heading').filter({ hasText: /sessions? found/ }).waitFor();
      await page.locator('[data-session-id] a').first().click();
      await page.waitForURL((url) => url.pathname.startsWith(`/p/${SLUG}/sessions/`));
      await page.locator('h1').waitFor();
      await signInAs(page, 'volunteer@demo.portal');
      await clickHeaderLink(page, 'My bookings');
      await page.locator('h1', { hasText: 'My bookings' }).waitFor();
      expect(await header(page).getByRole('link', { name: 'Funding', exact: true }).count()).toBe(0);
      await page.waitForLoadState('networkidle');
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter(isChartChunk)).toEqual([]);
      expect(scripts.filter((url) => /\/assets\/(funding|breakdown-section|figures-table)-/.test(url))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("journey 5: an L&D lead sees their own organisation's spend", () => {
  it("shows the lead's slice of the year and its entries, and not the partnership's page", async () => {
    const { context, page, errors } = await openCheckedPage(browser, LAPTOP);
    try {
      await signInAs(page, 'lead@demo.portal');
      const mine = (await api<{ fundingOverview: Overview }>(page, OVERVIEW, { slug: SLUG, year: YEAR })).fundingOverview;
      expect(await header(page).getByRole('link', { name: 'Funding', exact: true }).count()).toBe(0);
      await clickHeaderLink(page, "My organisation's spend");
      await page.waitForURL((url) => url.pathname === '/funding/my-organisation');
      await page.getByLabel('Financial year', { exact: true }).selectOption(YEAR);
      await page.getByRole('button', { name: 'Show year' }).click();
      await page.waitForURL((url) => url.searchParams.get('year') === YEAR_PARAM);
      await page.locator('h1', { hasText: `My organisation’s spend ${YEAR}` }).waitFor();
      if (mine.byStream.length) {
        expect(await page.getByTestId('figure-spent-value').textContent()).toBe(mine.totals.spent.formatted);
        expect(await page.getByTestId('figure-committed-value').textContent()).toBe(mine.totals.committed.formatted);
      } else {
        await page.getByTestId('no-funding').waitFor();
      }
      await page.getByTestId('ledger-entries').locator('h2', { hasText: 'Entries for Peterborough City Council' }).waitFor();
      await page.getByTestId('ledger-entries').getByRole('status').filter({ hasText: /\d+ entr(y|ies)/ }).waitFor();
      await expectNoAxeViolations(page, "a lead's own organisation's spend");

      await page.goto(`${portal.url}/funding?year=${YEAR_PARAM}`);
      await page.locator('h1', { hasText: 'You need to be a steering group member or an administrator' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('journey 5: an administrator adds a funding stream', () => {
  it('shows field-level errors for the mistakes, then adds the stream', async () => {
    const { context, page, errors } = await openCheckedPage(browser, LAPTOP);
    try {
      await signInAs(page, 'admin@demo.portal');
      await clickHeaderLink(page, 'Funding streams');
      await page.waitForURL((url) => url.pathname === '/admin/funding');
      await page.getByRole('button', { name: 'Add a funding stream' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/funding/streams/new');
      await page.locator('h1', { hasText: 'Add a funding stream' }).waitFor();
      await expectNoAxeViolations(page, 'the add a funding stream form');

      const name = `Digital skills pilot ${Date.now()}`;
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Who funds it').selectOption('CHARITY_GRANT');
      await page.getByLabel('The funder’s name').fill('The Health Foundation');
      await page.getByLabel('Financial year').fill('2025/27');
      await page.getByLabel('Amount', { exact: true }).fill('-500');
      await page.getByLabel('Managed by').selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Add funding stream' }).click();

      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      await expect(page.title()).resolves.toMatch(/^Error: /);
      const links = await summary.locator('a').evaluateAll((all) => all.map((a) => [a.getAttribute('href'), a.textContent?.trim()]));
      expect(links.map(([href]) => href).sort()).toEqual(['#financial-year-input', '#stream-amount']);
      await page.locator('#financial-year-input--error-message, [id="financial-year-input--error-message"]').waitFor();
      expect(await page.locator('#financial-year-input').getAttribute('aria-describedby')).toContain('financial-year-input--error-message');
      expect(await page.locator('#stream-amount').getAttribute('aria-describedby')).toContain('stream-amount--error-message');
      await expectNoAxeViolations(page, 'the add a funding stream form with errors');
      await page.screenshot({ path: path.join(ARTIFACTS, 'funding-stream-errors.png'), fullPage: true });
      await summary.locator('a[href="#stream-amount"]').click();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('stream-amount');

      await page.getByLabel('Financial year').fill(YEAR);
      await page.getByLabel('Amount', { exact: true }).fill('12,500.00');
      await page.getByRole('button', { name: 'Add funding stream' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/funding' && url.searchParams.get('year') === YEAR_PARAM);
      await page.getByTestId('funding-admin-outcome').filter({ hasText: `${name} added` }).waitFor();
      const row = page.getByTestId('admin-streams').locator('tbody tr', { hasText: name });
      await row.locator('td[data-figure=budget]', { hasText: '£12,500.00' }).waitFor();
      await expectNoAxeViolations(page, 'the funding streams after adding one');

      // An invoice against it: a date outside the stream's year is refused on the date field.
      await page.getByRole('button', { name: 'Record an entry' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/funding/entries/new');
      // The form's page loads lazily: until it shows, the list's "Funding streams" region would match the label too.
      await page.locator('h1', { hasText: 'Record a ledger entry' }).waitFor();
      await page.getByRole('combobox', { name: 'Funding stream' }).selectOption({ label: `${YEAR}: ${name}` });
      await page.getByLabel('Spend', { exact: true }).check();
      await page.getByLabel('Amount', { exact: true }).fill('480.00');
      await page.getByLabel('Reason').fill('Invoice 2231: trainer fee');
      await page.getByLabel('Day', { exact: true }).fill('14');
      await page.getByLabel('Month', { exact: true }).fill('7');
      await page.getByLabel('Year', { exact: true }).fill(String(CURRENT.startYear + 1));
      await page.getByRole('button', { name: 'Record entry' }).click();
      await summary.locator('a[href="#occurred-at-day"]').waitFor();
      await expectNoAxeViolations(page, 'the record an entry form with an error');
      await page.getByLabel('Year', { exact: true }).fill(YEAR.slice(0, 4));
      await page.getByRole('button', { name: 'Record entry' }).click();
      await page.getByTestId('funding-admin-outcome').filter({ hasText: `recorded on ${name}` }).waitFor();
      await row.locator('td[data-figure=spent]', { hasText: '£480.00' }).waitFor();
      await row.locator('td[data-figure=remaining]', { hasText: '£12,020.00' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
