import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Browser, type Page } from 'playwright-core';
import { financialYearOf, financialYearStarting } from '@portal/domain';
import { ARTIFACTS, expectNoAxeViolations, openCheckedPage, pageGraphql, signInThroughPage, startDemoPortalWithBrowser, stopPortalWithBrowser, LAPTOP_AND_PHONE } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';
import { DEMO_NOW } from '../support/test-database';

/**
 * The funding figures a steering group member and an L&D lead read, on a laptop (1280×800) and a
 * phone (390×844), on the demo data: each page states its one scope, seat use never passes what
 * was offered, a lead's page is their organisation's money and the streams it holds (no £0
 * budgets, no negative remaining, every total adding up with its table), unit costs show their
 * formula, quarters are read against the year's budget, breakdowns are largest first with the
 * organisation chart fitting the screen, the ledger is newest first, and the CSVs read as words,
 * percentages and UK times. Built client needed (npx turbo run build).
 */

jest.setTimeout(240_000);

const SLUG = 'greater-peterborough';
const YEAR = financialYearStarting(financialYearOf(DEMO_NOW).startYear - 1).label;
const YEAR_PARAM = YEAR.replace('/', '-');
const SCREENS = LAPTOP_AND_PHONE;

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
});

afterAll(() => stopPortalWithBrowser(portal, browser));

interface Money { pence: number; formatted: string }
interface Sums { budget: Money; committed: Money; spent: Money; remaining: Money }
interface Overview {
  totals: Sums; learners: number; seatsOffered: number; seatsUsed: number; seatUtilisation: number;
  costPerLearner: Money | null; learningHours: number; byStream: Array<{ stream: { id: string } }>;
}
interface Held { deliveredLearningSpend: Money; streamsHeld: Array<{ stream: { id: string }; summary: Sums }>; streamsHeldTotals: Sums }
const SUMS = 'budget { pence formatted } committed { pence formatted } spent { pence formatted } remaining { pence formatted }';
const OVERVIEW = `query ($slug: String!, $year: String!) { fundingOverview(partnershipSlug: $slug, financialYear: $year) {
  totals { ${SUMS} } learners learningHours seatsOffered seatsUsed seatUtilisation costPerLearner { pence formatted } byStream { stream { id } } } }`;
const HELD = `query ($slug: String!, $year: String!) { fundingOverview(partnershipSlug: $slug, financialYear: $year) {
  deliveredLearningSpend { pence formatted } streamsHeld { stream { id } summary { ${SUMS} } } streamsHeldTotals { ${SUMS} } } }`;
/** Waiting for what the page should show, not for ever: a missing element fails the test in seconds. */
const SOON = { timeout: 10_000 };

const api = pageGraphql;

const signInAs = (page: Page, email: string) => signInThroughPage(page, portal.url, email);

/** "£1,234.56" or "-£5.00" as shown, to pence. */
function penceOf(text: string): number {
  const match = /^(-?)£([\d,]+)\.(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`not money: ${text}`);
  return (match[1] ? -1 : 1) * (Number(match[2].replace(/,/g, '')) * 100 + Number(match[3]));
}

/** A figures table's rows as shown: key, and each figure column's text. */
async function tableFigures(page: Page, testId: string): Promise<Array<{ key: string; figures: Record<string, string> }>> {
  return page.getByTestId(testId).locator('tbody tr[data-row-key]').evaluateAll((rows) => rows.map((row) => ({
    key: row.getAttribute('data-row-key') ?? '',
    figures: Object.fromEntries([...row.querySelectorAll('td[data-figure]')].map((cell) => [cell.getAttribute('data-figure'), cell.textContent?.trim() ?? ''])),
  })));
}

/** Each figure column of the rows adds up to the table's total row. */
function expectAddsUp(rows: Array<{ key: string; figures: Record<string, string> }>): void {
  const total = rows.find((r) => r.key === 'total')!;
  for (const figure of Object.keys(total.figures)) {
    const sum = rows.filter((r) => r.key !== 'total').reduce((acc, r) => acc + penceOf(r.figures[figure]), 0);
    expect([figure, sum]).toEqual([figure, penceOf(total.figures[figure])]);
  }
}

/** "202 of 42 seats offered were used" on the page, as numbers. */
async function seatsShown(page: Page): Promise<{ used: number; offered: number; percent: number }> {
  const note = (await page.getByTestId('figure-utilisation').textContent())!;
  const [, used, offered] = /([\d,]+) of ([\d,]+) seats? offered/.exec(note)!;
  const percent = Number(/(\d+)%/.exec((await page.getByTestId('figure-utilisation-value').textContent())!)![1]);
  return { used: Number(used.replace(/,/g, '')), offered: Number(offered.replace(/,/g, '')), percent };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false, scale: 'css' });
}

describe.each(SCREENS)('funding figures on a %s', (screen, options) => {
  it('shows the steering group the partnership\'s figures: one scope, seats within what was offered, formulas, quarters against the year, largest first', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInAs(page, 'steering@demo.portal');
      const o = (await api<{ fundingOverview: Overview }>(page, OVERVIEW, { slug: SLUG, year: YEAR })).fundingOverview;
      await page.goto(`${portal.url}/funding?year=${YEAR_PARAM}`);
      await page.getByTestId('section-headline').waitFor();

      // 1: used never passes offered.
      const seats = await seatsShown(page);
      expect(seats.used).toBeLessThanOrEqual(seats.offered);
      expect(seats.percent).toBeLessThanOrEqual(100);
      // 2: the page says whose figures they are.
      expect(await page.getByTestId('funding-scope').textContent(SOON)).toContain('Figures for the whole partnership');
      await page.getByTestId('section-headline').screenshot({ path: path.join(ARTIFACTS, `funding-figures-${screen}-partnership-headline.png`), scale: 'css' });
      // 3: the formula beside the figure, and the figure is that formula.
      const formula = (await page.getByTestId('formula-cost-per-learner').textContent(SOON))!.replace(/\s+/g, ' ');
      const held = (await api<{ fundingOverview: Held }>(page, HELD, { slug: SLUG, year: YEAR })).fundingOverview;
      expect(formula).toContain(`Spend on delivered learning (${held.deliveredLearningSpend.formatted}) ÷ distinct learners who attended (${o.learners.toLocaleString('en-GB')})`);
      expect(o.costPerLearner!.pence).toBe(Math.round(held.deliveredLearningSpend.pence / o.learners));
      expect(await page.getByTestId('formula-cost-per-hour').textContent(SOON)).toMatch(/÷ learning hours attended/);

      // 4: every quarter against the year's budget, with what was left at its end; the last is the year's remaining.
      await page.getByTestId('quarters-note').waitFor(SOON);
      const quarters = await tableFigures(page, 'table-quarters');
      expect(quarters.map((q) => q.key)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'total']);
      for (const q of quarters) expect(q.figures.budget).toBe(o.totals.budget.formatted);
      expect(quarters[3].figures.remaining).toBe(o.totals.remaining.formatted);
      expect(quarters.at(-1)!.figures.remaining).toBe(o.totals.remaining.formatted);
      await page.getByTestId('section-quarters').screenshot({ path: path.join(ARTIFACTS, `funding-figures-${screen}-quarters.png`), scale: 'css' });
      // 4: largest first, not alphabetical.
      for (const id of ['table-organisations', 'table-funders', 'table-sectors']) {
        const rows = (await tableFigures(page, id)).filter((r) => r.key !== 'total');
        const sizes = rows.map((r) => penceOf(r.figures.committed) + penceOf(r.figures.spent));
        expect([id, sizes]).toEqual([id, [...sizes].sort((a, b) => b - a)]);
      }
      // 4: the organisation chart is the ten largest and the others, and fits a laptop's screen; the table has them all.
      const organisations = page.getByTestId('section-organisations');
      const chart = organisations.getByTestId('funding-chart');
      await chart.locator('.recharts-yAxis').waitFor();
      const bars = await chart.locator('.recharts-yAxis .recharts-cartesian-axis-tick').count();
      const tableRows = (await tableFigures(page, 'table-organisations')).length - 1;
      expect(bars).toBe(Math.min(tableRows, tableRows > 11 ? 11 : tableRows));
      const box = (await chart.boundingBox())!;
      expect(box.height).toBeLessThanOrEqual(screen === 'laptop' ? 700 : 844);
      await organisations.screenshot({ path: path.join(ARTIFACTS, `funding-figures-${screen}-organisations.png`), scale: 'css' });
      await expectNoAxeViolations(page, `the steering group's funding page on a ${screen}`);

      // 5: the ledger, newest first.
      await page.goto(`${portal.url}/funding/entries?year=${YEAR_PARAM}`);
      await page.getByTestId('entries-table').waitFor();
      const ids = await page.getByTestId('entries-table').locator('tbody tr[data-entry-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry-id')));
      const dated: Array<{ id: string; occurred_at: Date }> = await portal.dataSource.query(
        'SELECT id, occurred_at FROM ledger_entry WHERE id = ANY($1)', [ids]);
      const times = ids.map((id) => dated.find((d) => d.id === id)!.occurred_at.getTime());
      expect(times.length).toBeGreaterThan(1);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      await expectNoAxeViolations(page, `the ledger entries on a ${screen}`);

      // 5: the CSVs as a person reads them.
      const csv = (file: string) => page.evaluate(async (url) => (await fetch(url)).text(), `/exports/funding/${SLUG}/${YEAR_PARAM}/${file}`);
      const [totals] = parse(await csv('totals.csv'), { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(totals['Seat utilisation (%)']).toBe((Math.round(o.seatUtilisation * 1000) / 10).toFixed(1));
      const streamsCsv = parse(await csv('streams.csv'), { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(Object.keys(streamsCsv[0])[0]).toBe('Stream');
      expect(Object.keys(streamsCsv[0]).at(-1)).toBe('Stream ID');
      expect(streamsCsv.every((r) => !/^[A-Z_]+$/.test(r['Funder kind']))).toBe(true);
      const entries = parse(await csv('entries.csv'), { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(entries.every((r) => /^[A-Z][a-z]+$/.test(r.Kind))).toBe(true);
      expect(entries.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r['Occurred at (UK time)']))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a lead their organisation\'s spending and, apart, the streams it holds, every total adding up', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await signInAs(page, 'lead@demo.portal');
      const o = (await api<{ fundingOverview: Overview }>(page, OVERVIEW, { slug: SLUG, year: YEAR })).fundingOverview;
      await page.goto(`${portal.url}/funding/my-organisation?year=${YEAR_PARAM}`);
      await page.getByTestId('figure-utilisation').waitFor();

      // 1: used never passes offered, utilisation never passes 100 %.
      const seats = await seatsShown(page);
      expect(seats.used).toBeLessThanOrEqual(seats.offered);
      expect(seats.percent).toBeLessThanOrEqual(100);
      expect([seats.used, seats.offered]).toEqual([o.seatsUsed, o.seatsOffered]);
      // 2: one scope, stated.
      expect(await page.getByTestId('funding-scope').textContent(SOON)).toContain('Figures for Peterborough City Council');
      await page.getByTestId('section-spent').waitFor(SOON);
      // 3: the formula beside the figure.
      expect(await page.getByTestId('formula-cost-per-learner').textContent(SOON)).toMatch(/Spend on delivered learning \(£[\d,.]+\) ÷ distinct learners who attended/);

      // 2: its spending by stream: committed and spent only (a budget is a stream's), adding up to the total.
      const spending = await tableFigures(page, 'table-spent-streams');
      expect(spending.length).toBeGreaterThan(1);
      for (const row of spending) expect(Object.keys(row.figures)).toEqual(['committed', 'spent']);
      expectAddsUp(spending);
      expect(spending.at(-1)!.figures.spent).toBe(o.totals.spent.formatted);
      expectAddsUp(await tableFigures(page, 'table-spent-quarters'));
      // No other organisation's spending on the page.
      expect(await page.getByTestId('section-organisations').count()).toBe(0);

      // 2: the streams it holds, each whole: a real budget, never a negative remaining, adding up.
      const mine = (await api<{ fundingOverview: Held }>(page, HELD, { slug: SLUG, year: YEAR })).fundingOverview;
      const held = await tableFigures(page, 'table-held');
      expect(held.map((r) => r.key)).toEqual([...mine.streamsHeld.map((s) => s.stream.id), 'total']);
      for (const row of held) {
        expect(penceOf(row.figures.budget)).toBeGreaterThan(0);
        expect(penceOf(row.figures.remaining)).toBeGreaterThanOrEqual(0);
      }
      expectAddsUp(held);
      expect(await page.getByTestId('figure-held-budget-value').textContent()).toBe(mine.streamsHeldTotals.budget.formatted);

      // 2: the entries below are the spending section's: the same committed and spent.
      const entries = page.getByTestId('ledger-entries');
      await entries.getByRole('status').filter({ hasText: /\d+ entr(y|ies)/ }).waitFor();
      expect(await entries.getByTestId('figure-entries-spent-value').textContent()).toBe(o.totals.spent.formatted);
      expect(await entries.getByTestId('figure-entries-committed-value').textContent()).toBe(o.totals.committed.formatted);
      expect(await entries.getByTestId('figure-entries-budget').count()).toBe(0);
      await page.getByTestId('section-held').screenshot({ path: path.join(ARTIFACTS, `funding-figures-${screen}-lead-held.png`), scale: 'css' });
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `funding-figures-${screen}-lead-top`);
      await expectNoAxeViolations(page, `a lead's funding page on a ${screen}`);

      // 1: a stream's sessions: the council's seats used are never more than it was offered.
      // 2: a stream it does not hold shows the council's places on it, with no budget and no negative remaining.
      let checked = 0;
      const heldIds = new Set(mine.streamsHeld.map((h) => h.stream.id));
      // The demo's council spends from streams it holds and from others'.
      expect(o.byStream.some((s) => heldIds.has(s.stream.id)) && o.byStream.some((s) => !heldIds.has(s.stream.id))).toBe(true);
      for (const { stream } of o.byStream) {
        await page.goto(`${portal.url}/funding/streams/${stream.id}`);
        await page.getByTestId('section-courses').waitFor();
        const figures = page.getByTestId('section-stream-figures');
        if (heldIds.has(stream.id)) {
          expect(await page.getByTestId('stream-scope').textContent()).toContain('Figures for the whole stream');
          expect(penceOf((await figures.getByTestId('figure-remaining-value').textContent())!)).toBeGreaterThanOrEqual(0);
        } else {
          expect(await page.getByTestId('stream-scope').textContent()).toContain('Figures for Peterborough City Council');
          expect(await figures.getByTestId('figure-budget').count()).toBe(0);
          expect(await figures.getByTestId('figure-remaining').count()).toBe(0);
        }
        const cells = await page.getByTestId('section-courses').locator('td').evaluateAll((tds) => tds.map((td) => td.textContent?.trim() ?? ''));
        for (const cell of cells) {
          const match = /^(\d+) of (\d+)$/.exec(cell);
          if (!match) continue;
          expect(Number(match[1])).toBeLessThanOrEqual(Number(match[2]));
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
