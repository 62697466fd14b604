import path from 'node:path';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { financialYearOf, financialYearStarting } from '@portal/domain';
import { expectNoAxeViolations, openCheckedPage, SCREENSHOTS, startDemoPortalWithBrowser, stopPortalWithBrowser } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';
import { DEMO_NOW, DEMO_PASSWORD } from '../support/test-database';

/**
 * The funding pages on a phone (390×844) and a laptop (1280×800), on the demo data: every label a
 * chart draws lies inside its chart and the screen, a name too long for its place is shortened with
 * the whole name kept (the label's title, and the table), and the figures tables are stacked rows
 * on a phone, each figure beside its column's name, nothing wider than the screen. Screenshots of
 * both pages go to docs/screenshots/. Built client needed (npx turbo run build).
 */

jest.setTimeout(240_000);

const YEAR_PARAM = financialYearStarting(financialYearOf(DEMO_NOW).startYear - 1).label.replace('/', '-');
const DEFAULTS: BrowserContextOptions = { timezoneId: 'Europe/London', locale: 'en-GB' };
const PHONE: BrowserContextOptions = { ...DEFAULTS, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const LAPTOP: BrowserContextOptions = { ...DEFAULTS, viewport: { width: 1280, height: 800 } };
const PAGES = [
  { who: 'steering', email: 'steering@demo.portal', path: `/funding?year=${YEAR_PARAM}`, sections: ['organisations', 'quarters'] },
  { who: 'lead', email: 'lead@demo.portal', path: `/funding/my-organisation?year=${YEAR_PARAM}`, sections: ['spent-streams', 'held'] },
];
const SOON = { timeout: 15_000 };

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
});

afterAll(() => stopPortalWithBrowser(portal, browser));

async function openFunding(options: BrowserContextOptions, email: string, address: string, run: (page: Page) => Promise<void>): Promise<void> {
  const { context, page, errors } = await openCheckedPage(browser, options);
  try {
    await page.goto(`${portal.url}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.goto(`${portal.url}${address}`);
    await page.getByTestId('funding-chart').first().locator('svg.recharts-surface').first().waitFor(SOON);
    // Every chart on the page drawn, not only the first.
    const charts = await page.getByTestId('funding-chart').count();
    for (let i = 0; i < charts; i++) await page.getByTestId('funding-chart').nth(i).locator('svg.recharts-surface').first().waitFor(SOON);
    await run(page);
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
}

interface LabelBox { text: string; title: string | null; left: number; right: number; top: number; bottom: number }
interface ChartBoxes { chart: { left: number; right: number; top: number; bottom: number }; labels: LabelBox[] }

/** Each chart's box and the box of every text it draws (axis ticks, category names, legend). */
function chartLabelBoxes(page: Page): Promise<ChartBoxes[]> {
  return page.getByTestId('funding-chart').evaluateAll((charts) => charts.map((chart) => {
    const box = chart.getBoundingClientRect();
    const texts = [...chart.querySelectorAll('svg text, .recharts-legend-item-text')];
    return {
      chart: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
      labels: texts.map((text) => {
        const r = text.getBoundingClientRect();
        // What is drawn: the text's lines (tspans) when it has them, never its title.
        const lines = [...text.querySelectorAll('tspan')].map((line) => line.textContent ?? '');
        const shown = lines.length ? lines.join(' ') : (text.textContent ?? '');
        const title = text.querySelector(':scope > title')?.textContent ?? null;
        return { text: shown, title, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }).filter((label) => label.text.trim() && label.right > label.left),
    };
  }));
}

describe('funding charts and tables on a phone', () => {
  for (const { who, email, path: address } of PAGES) {
    it(`${who}: every chart label lies inside its chart and the 390 px screen, shortened names keep the whole name`, async () => {
      await openFunding(PHONE, email, address, async (page) => {
        const charts = await chartLabelBoxes(page);
        expect(charts.length).toBeGreaterThan(0);
        for (const { chart, labels } of charts) {
          expect(labels.length).toBeGreaterThan(0);
          const outside = labels.filter((label) => label.left < Math.max(chart.left, 0) - 0.5
            || label.right > Math.min(chart.right, 390) + 0.5 || label.top < chart.top - 0.5 || label.bottom > chart.bottom + 0.5);
          expect(outside).toEqual([]);
        }
        // A shortened category name ("Peterborough and Stamford…") carries the whole name as its title.
        const shortened = charts.flatMap((c) => c.labels).filter((label) => label.text.includes('…'));
        if (who === 'steering') expect(shortened.length).toBeGreaterThan(0);
        for (const label of shortened) {
          expect(label.title).toBeTruthy();
          expect(label.title!.length).toBeGreaterThan(label.text.length - 1);
        }
        await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
      });
    });

    it(`${who}: the figures tables are stacked rows on a phone, each figure named by its column, inside the screen`, async () => {
      await openFunding(PHONE, email, address, async (page) => {
        const tables = page.locator('table.funding-table--stacked');
        expect(await tables.count()).toBeGreaterThan(0);
        const cells = await tables.evaluateAll((all) => all.flatMap((table) => [...table.querySelectorAll('tbody td[data-figure]')].map((cell) => {
          const box = cell.getBoundingClientRect();
          return { label: getComputedStyle(cell, '::before').content, left: box.left, right: box.right, width: box.width };
        })));
        expect(cells.length).toBeGreaterThan(0);
        for (const cell of cells) {
          expect(cell.label).toMatch(/Budget|Committed|Spent|Remaining|Contribution|Year’s budget/);
          expect(cell.left).toBeGreaterThanOrEqual(0);
          expect(cell.right).toBeLessThanOrEqual(390);
        }
        // No stacked table scrolls sideways: its scroll region is no wider than it shows.
        const overflowing = await page.locator('.funding-table-scroll:has(table.funding-table--stacked)')
          .evaluateAll((regions) => regions.filter((region) => region.scrollWidth > region.clientWidth + 1).length);
        expect(overflowing).toBe(0);
        await expectNoAxeViolations(page, `the ${who}'s funding page on a phone`);
      });
    });
  }

  it('keeps screenshots of both funding pages on a phone and a laptop', async () => {
    for (const [screen, options] of [['phone', PHONE], ['laptop', LAPTOP]] as const) {
      for (const { who, email, path: address, sections } of PAGES) {
        await openFunding(options, email, address, async (page) => {
          // On a laptop the tables are tables again: the column headers show and no figure is stacked.
          if (screen === 'laptop') {
            const head = page.locator('table.funding-table--stacked thead').first();
            await expect(head.evaluate((element) => element.getBoundingClientRect().height)).resolves.toBeGreaterThan(1);
          }
          for (const section of sections) {
            await page.getByTestId(`section-${section}`).screenshot({ path: path.join(SCREENSHOTS, `funding-charts-${screen}-${who}-${section}.png`) });
          }
        });
      }
    }
  });
});
