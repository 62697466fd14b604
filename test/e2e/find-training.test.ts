import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { ARTIFACTS, expectNoAxeViolations, launchChromium, prepareBrowserTests } from '../support/browser';
import { startPortal, type RunningPortal } from '../support/start-portal';

/**
 * Journey 1 in a real browser, on a desktop and on a phone: a volunteer who is not signed in
 * looks for free safeguarding training open to volunteers, online or in Peterborough, pages
 * through results, opens a session and comes back; plus the error summary for dates that do
 * not make sense. Every page it reaches is checked with axe against WCAG 2.2 AA.
 *
 * The server serves the built client (client/dist): build it first (npm run build).
 */

// Browser journeys take longer than jest's default 5 s; the project's testTimeout does not reach here.
jest.setTimeout(120_000);

const SLUG = 'greater-peterborough';
const FIND_TRAINING = `/p/${SLUG}/find-training`;

const DEVICES: Array<{ name: string; options: BrowserContextOptions }> = [
  { name: 'desktop', options: { viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London' } },
  {
    name: 'phone',
    // A device far from London: times must still be shown in UK time.
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
      timezoneId: 'Pacific/Auckland' },
  },
];

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  prepareBrowserTests();
  [portal, browser] = await Promise.all([
    startPortal(),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

interface Card {
  id: string;
  title: string;
  when: string;
  place: string;
  seats: string;
  cost: string;
}

async function resultCards(page: Page): Promise<Card[]> {
  return page.locator('[data-session-id]').evaluateAll((cards) => cards.map((card) => {
    const text = (selector: string) => card.querySelector(selector)?.textContent?.trim() ?? '';
    return {
      id: card.getAttribute('data-session-id') ?? '',
      title: text('h3'),
      when: text('li:first-child'),
      place: text('[data-fact=place]'),
      seats: text('[data-fact=seats]'),
      cost: text('[data-fact=cost]'),
    };
  }));
}

/** Waits until the live region reports a finished search, and returns what it says. */
async function resultsCount(page: Page): Promise<string> {
  const heading = page.locator('#results-heading');
  await heading.filter({ hasText: /sessions? found/ }).waitFor();
  return (await heading.textContent())?.trim() ?? '';
}

/**
 * The cards' ids once they are the expected ones. After back, forward or a paging link the count line
 * of the page being left can still be on screen for a moment, so the cards are read until they settle
 * (ten seconds at most) and then compared, which fails with the difference if they never do.
 */
async function cardIdsSettleOn(page: Page, expected: string[]): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  let ids = (await resultCards(page)).map((card) => card.id);
  while (JSON.stringify(ids) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    ids = (await resultCards(page)).map((card) => card.id);
  }
  return ids;
}

function countIn(text: string): number {
  if (text.startsWith('No sessions')) return 0;
  return Number(text.replace(/,/g, '').match(/^\d+/)?.[0]);
}


/** The London wall-clock date, as the page must show it whatever the device's zone. */
function londonDate(iso: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
  }).formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

const UK_TIME = String.raw`(\d{1,2}(:\d{2})?(am|pm)|midday|midnight)`;
const WHEN_PATTERN = new RegExp(String.raw`^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}, ${UK_TIME} to (.+, )?${UK_TIME}$`);

const SESSIONS_QUERY = `query ($slug: String!, $filter: SessionFilter, $after: String) {
  sessions(partnershipSlug: $slug, filter: $filter, first: 10, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id startsAt course { title } } }
  }
}`;

interface ApiSessions {
  sessions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; startsAt: string; course: { title: string } } }>;
  };
}

describe.each(DEVICES)('find training on a $name', ({ name, options }) => {
  let context: BrowserContext;
  let page: Page;
  let browserErrors: string[];

  beforeEach(async () => {
    context = await browser.newContext({ ...options, locale: 'en-GB' });
    page = await context.newPage();
    browserErrors = [];
    page.on('pageerror', (error) => browserErrors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(`console: ${message.text()}`);
    });
  });

  afterEach(async () => {
    await context.close();
    expect(browserErrors).toEqual([]);
  });

  it('shows the partnership, not NHS branding, and pages through every upcoming session', async () => {
    await page.goto(`${portal.url}${FIND_TRAINING}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Find training');
    await page.locator('.nhsuk-header__service-name', { hasText: 'Greater Peterborough' }).waitFor();
    expect(await page.locator('header svg, .nhsuk-header__logo').count()).toBe(0);
    expect(await page.locator('footer').textContent()).not.toMatch(/NHS England/);

    const total = countIn(await resultsCount(page));
    const api = await portal.graphql<ApiSessions>(SESSIONS_QUERY, { slug: SLUG });
    expect(total).toBe(api.data?.sessions.totalCount);
    expect(total).toBeGreaterThan(10);
    const page1 = await resultCards(page);
    expect(page1.map((card) => card.id)).toEqual(api.data?.sessions.edges.map((edge) => edge.node.id));
    for (const card of page1) expect(card.when).toMatch(WHEN_PATTERN);
    const firstNode = api.data!.sessions.edges[0].node;
    expect(page1[0].when.startsWith(`${londonDate(firstNode.startsAt)}, `)).toBe(true);

    await page.getByRole('link', { name: /Next page/ }).click();
    await page.waitForURL(/[?&]after=/);
    await resultsCount(page);
    // The count line of the first page is already there: wait for the second page's, not just any.
    await page.locator('text=Showing 11 to 20').waitFor();
    await expect(page.locator('text=Showing 11 to 20').count()).resolves.toBe(1);
    const page2 = await resultCards(page);
    expect(page2.length).toBe(10);
    expect(page2.map((card) => card.id)).not.toEqual(expect.arrayContaining([page1[0].id]));

    await page.getByRole('link', { name: /Next page/ }).click();
    await page.waitForURL(/[?&]prev=%2C/);
    await resultsCount(page);
    const page3 = await resultCards(page);

    // The browser's own back button walks back through the pages...
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('prev') === '');
    await resultsCount(page);
    const back = page2.map((card) => card.id);
    expect(await cardIdsSettleOn(page, back)).toEqual(back);
    await page.goForward();
    await resultsCount(page);
    const forward = page3.map((card) => card.id);
    expect(await cardIdsSettleOn(page, forward)).toEqual(forward);

    // ...and so do the "Previous page" links, down to a first page with no paging in the address.
    await page.getByRole('link', { name: /Previous page/ }).click();
    await page.waitForURL((url) => url.searchParams.get('prev') === '');
    await page.getByRole('link', { name: /Previous page/ }).click();
    await page.waitForURL((url) => !url.searchParams.has('after'));
    await resultsCount(page);
    const first = page1.map((card) => card.id);
    expect(await cardIdsSettleOn(page, first)).toEqual(first);
    expect(await page.getByRole('link', { name: /Previous page/ }).count()).toBe(0);
  });

  it('finds free safeguarding sessions open to volunteers, online or in Peterborough, and opens one', async () => {
    await page.goto(`${portal.url}${FIND_TRAINING}`);
    const everything = countIn(await resultsCount(page));

    await page.getByLabel('Search for training').fill('safeguarding');
    await page.getByLabel('Open to volunteers').check();
    await page.getByLabel('Free only').check();
    await page.getByLabel('Town').fill('Peterborough');
    await page.getByLabel('Include online sessions').check();
    await page.getByRole('button', { name: 'Search' }).click();

    await page.waitForURL((url) => url.searchParams.get('q') === 'safeguarding');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'safeguarding', audience: 'volunteers', free: 'yes', town: 'Peterborough', online: 'yes',
    });
    const countText = await resultsCount(page);
    const found = countIn(countText);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(everything);

    const filter = { text: 'safeguarding', audience: 'VOLUNTEERS', freeOnly: true, town: 'Peterborough', includeOnline: true };
    const api = await portal.graphql<ApiSessions>(SESSIONS_QUERY, { slug: SLUG, filter });
    expect(api.data?.sessions.totalCount).toBe(found);

    const cards = await resultCards(page);
    expect(cards.map((card) => card.id)).toEqual(api.data?.sessions.edges.map((edge) => edge.node.id));
    for (const card of cards) {
      expect(card.title).toMatch(/safeguarding/i);
      expect(card.cost).toBe('Free');
      expect(card.place).toMatch(/^Online$|, Peterborough( \(and online\))?$/);
      expect(card.seats).toMatch(/^(\d+ seats? left|Fully booked)$/);
      expect(card.when).toMatch(WHEN_PATTERN);
    }
    // Journey 1 needs both kinds: online, and in Peterborough.
    expect(cards.some((card) => card.place === 'Online')).toBe(true);
    expect(cards.some((card) => card.place.includes('Peterborough'))).toBe(true);
    // The form shows the search it came from.
    expect(await page.getByLabel('Open to volunteers').isChecked()).toBe(true);
    expect(await page.getByLabel('Town').inputValue()).toBe('Peterborough');

    if (api.data?.sessions.pageInfo.hasNextPage) {
      await page.getByRole('link', { name: /Next page/ }).click();
      await page.waitForURL(/[?&]after=/);
      await resultsCount(page);
      for (const card of await resultCards(page)) expect(card.cost).toBe('Free');
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has('after'));
      await resultsCount(page);
      expect((await resultCards(page)).map((card) => card.id)).toEqual(cards.map((card) => card.id));
    }

    await expectNoAxeViolations(page, `the ${name} results page`);
    if (name === 'phone') await page.screenshot({ path: path.join(ARTIFACTS, 'find-training-phone.png'), fullPage: true });
    else await page.screenshot({ path: path.join(ARTIFACTS, 'find-training-desktop.png'), fullPage: true });

    // Open the first session.
    const chosen = cards[0];
    await page.getByRole('link', { name: chosen.title }).first().click();
    await page.waitForURL((u) => u.pathname === `/p/${SLUG}/sessions/${chosen.id}`);
    await page.locator('h1', { hasText: chosen.title }).waitFor();
    const details = await page.locator('main').innerText();
    for (const expected of ['When and where', 'Date and time', chosen.when, 'Seats', chosen.seats, 'Cost', 'Free',
      'Booking closes', 'What you will learn', 'About the course', 'Learning method', '70:20:10 category',
      'Duration', 'Accreditation', 'Who it is for', 'Mandatory training', 'Provider']) {
      expect(details).toContain(expected);
    }
    expect(details).toMatch(chosen.place === 'Online' ? /Where\s+Online/ : /Peterborough\s+[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}/);
    expect(await page.locator('main ul li').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /book/i }).count()).toBe(0);
    await expectNoAxeViolations(page, `the ${name} session page`);
    if (name === 'phone') await page.screenshot({ path: path.join(ARTIFACTS, 'session-phone.png'), fullPage: true });

    // "Back to results" returns to the same search, as the browser's back button would.
    await page.getByRole('link', { name: 'Back to results' }).click();
    await page.waitForURL((u) => u.pathname === FIND_TRAINING && u.searchParams.get('q') === 'safeguarding');
    expect(new URL(page.url()).search).toBe(url.search);
    await expect(resultsCount(page)).resolves.toBe(countText);
    expect((await resultCards(page)).map((card) => card.id)).toEqual(cards.map((card) => card.id));

    // Back from the search itself restores the unfiltered list and an empty form.
    await page.goBack();
    await page.waitForURL((u) => u.pathname === FIND_TRAINING && u.search === '');
    expect(countIn(await resultsCount(page))).toBe(everything);
    expect(await page.getByLabel('Search for training').inputValue()).toBe('');
    expect(await page.getByLabel('Anyone').isChecked()).toBe(true);
  });

  it('links the error summary to the "to" date when it is before the "from" date', async () => {
    await page.goto(`${portal.url}${FIND_TRAINING}`);
    await resultsCount(page);
    const year = String(new Date().getFullYear() + 1);

    await page.getByText('More filters: delivery and dates').click();
    const from = page.getByRole('group', { name: 'From date' });
    const to = page.getByRole('group', { name: 'To date' });
    await from.getByLabel('Day').fill('10');
    await from.getByLabel('Month').fill('12');
    await from.getByLabel('Year').fill(year);
    await to.getByLabel('Day').fill('5');
    await to.getByLabel('Month').fill('12');
    await to.getByLabel('Year').fill(year);
    await page.getByRole('button', { name: 'Search' }).click();

    await page.waitForURL((u) => u.searchParams.get('to') === `${year}-12-05`);
    const summary = page.locator('.nhsuk-error-summary');
    await summary.waitFor();
    await expect(summary.locator('h2').textContent()).resolves.toBe('There is a problem');
    const link = summary.getByRole('link');
    expect(await link.count()).toBe(1);
    await expect(link.getAttribute('href')).resolves.toBe('#to-day');
    const message = (await link.textContent())?.trim() ?? '';
    expect(message).toMatch(/end date must be after the start date/i);
    // The summary takes focus, and the page title says there is an error.
    await expect(page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary'))).resolves.toBe(true);
    await expect(page.title()).resolves.toMatch(/^Error: /);

    // The same message sits on the field, and the link takes you there.
    const toGroup = page.locator('.nhsuk-form-group--error', { has: page.locator('#to-day') });
    await expect(toGroup.locator('.nhsuk-error-message').textContent()).resolves.toContain(message);
    await expect(page.locator('#to-day').getAttribute('class')).resolves.toMatch(/nhsuk-input--error/);
    await link.click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('to-day');
    expect(await page.locator('[data-session-id]').count()).toBe(0);
    await expectNoAxeViolations(page, `the ${name} page with date errors`);

    // A date that does not exist is caught before any search, and the address keeps the last search.
    const before = page.url();
    await from.getByLabel('Day').fill('31');
    await from.getByLabel('Month').fill('2');
    await page.getByRole('button', { name: 'Search' }).click();
    await summary.getByRole('link', { name: 'From date must be a real date, for example 8 12 2026' }).waitFor();
    await expect(summary.getByRole('link').first().getAttribute('href')).resolves.toBe('#from-day');
    expect(page.url()).toBe(before);
  });
});

describe('pages around the search', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context.close();
  });

  it('lists the partnerships on the front page', async () => {
    await page.goto(`${portal.url}/`);
    await page.getByRole('link', { name: /Fenland/ }).waitFor();
    await page.getByRole('link', { name: /Greater Peterborough/ }).click();
    // The partnership's start page, which leads on to Find training.
    await page.waitForURL((u) => u.pathname === `/p/${SLUG}`);
    await page.getByRole('link', { name: 'Browse all training' }).click();
    await page.waitForURL((u) => u.pathname === FIND_TRAINING);
    await expectNoAxeViolations(page, 'the find training page with no filters');
  });

  it('says when a session does not exist', async () => {
    await page.goto(`${portal.url}/p/${SLUG}/sessions/00000000-0000-4000-8000-000000000000`);
    await page.locator('h1', { hasText: 'Session not found' }).waitFor();
    await expect(page.title()).resolves.toMatch(/^Session not found/);
  });

  it('answers an unknown address or partnership with a page not found', async () => {
    const response = await page.goto(`${portal.url}/no-such-page`);
    expect(response!.status()).toBe(404);
    await page.locator('h1', { hasText: 'Page not found' }).waitFor();
    await expectNoAxeViolations(page, 'the page not found');
    await page.goto(`${portal.url}/p/no-such-partnership/find-training`);
    await page.locator('h1', { hasText: 'Page not found' }).waitFor();
  });
});
