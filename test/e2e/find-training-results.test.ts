import path from 'node:path';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expectNoAxeViolations, openCheckedPage, SCREENSHOTS, startDemoPortalWithBrowser, stopPortalWithBrowser } from '../support/browser';
import { makeCourse, makeSession, makeVenue } from '../support/catalogue-fixtures';
import type { RunningPortal } from '../support/start-portal';

/**
 * Find training's results on a laptop (1280×800) and a phone (390×844): compact cards (at least
 * four in a laptop's first screen), "Fully booked" and "Few seats left" tags, each card's length
 * and format, and "Sort by" distance from the town searched for, which lasts through a reload.
 * The rows are this file's own, in a town the demo data does not have. Screenshots go to
 * docs/screenshots/find-training-cards-{laptop,phone}.png.
 *
 * The server serves the built client (client/dist): build it first (npm run build).
 */

jest.setTimeout(180_000);

const SLUG = 'greater-peterborough';
const DEVICES: Array<{ name: 'laptop' | 'phone'; options: BrowserContextOptions }> = [
  { name: 'laptop', options: { viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/London', locale: 'en-GB' } },
  { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1,
    timezoneId: 'Europe/London', locale: 'en-GB' } },
];

let portal: RunningPortal;
let browser: Browser;
const ids: Record<string, string> = {};
const SEARCH = `/p/${SLUG}/find-training?q=Hoist+Handling&town=Testham&online=yes`;

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
  const db = portal.dataSource;
  const [{ id: partnershipId }] = await db.query('SELECT id FROM partnership WHERE slug = $1', [SLUG]);
  const [{ id: provider }] = await db.query('SELECT id FROM organisation WHERE partnership_id = $1 ORDER BY short_code LIMIT 1', [partnershipId]);
  // Three venues of one town, due north of one another: its centre (the mean) is 0.4 km from B, 4.8 from A, 5.2 from C.
  const [a, b, c] = await Promise.all([
    makeVenue(db, partnershipId, { name: 'Alder Hall', town: 'Testham', latitude: 52.01, longitude: 0 }),
    makeVenue(db, partnershipId, { name: 'Beech Centre', town: 'Testham', latitude: 52.05, longitude: 0 }),
    makeVenue(db, partnershipId, { name: 'Cedar Barn', town: 'Testham', latitude: 52.1, longitude: 0 }),
  ]);
  const course = await makeCourse(db, partnershipId, provider, { title: 'Hoist Handling Refresher', audience: 'both' });
  ids.fullAlder = await makeSession(db, partnershipId, course, { startsInDays: 1, venueId: a, capacity: 10, seatsTaken: 10 });
  ids.twoDaysCedar = await makeSession(db, partnershipId, course, { startsInDays: 2, venueId: c });
  ids.fewBeech = await makeSession(db, partnershipId, course, { startsInDays: 3, venueId: b, capacity: 12, seatsTaken: 10 });
  ids.online = await makeSession(db, partnershipId, course, { startsInDays: 4 });
  ids.alder = await makeSession(db, partnershipId, course, { startsInDays: 5, venueId: a });
  ids.beech = await makeSession(db, partnershipId, course, { startsInDays: 6, venueId: b });
  // From 09:00 on its UK calendar day to 17:00 the next, whatever the time of day the test runs (two
  // days, 32 hours), and still between the sessions a day before and a day after it.
  await db.query(`UPDATE training_session SET
      starts_at = (date_trunc('day', starts_at AT TIME ZONE 'Europe/London') + interval '9 hours') AT TIME ZONE 'Europe/London',
      ends_at = (date_trunc('day', starts_at AT TIME ZONE 'Europe/London') + interval '1 day 17 hours') AT TIME ZONE 'Europe/London'
    WHERE id = $1`, [ids.twoDaysCedar]);
});

afterAll(() => stopPortalWithBrowser(portal, browser));

const BY_DATE = () => [ids.fullAlder, ids.twoDaysCedar, ids.fewBeech, ids.online, ids.alder, ids.beech];
const BY_DISTANCE = () => [ids.fewBeech, ids.beech, ids.fullAlder, ids.alder, ids.twoDaysCedar, ids.online];

async function waitForResults(page: Page, count: number) {
  await page.locator('#results-heading', { hasText: `${count} sessions found` }).waitFor();
  await page.locator('[data-session-id]').nth(count - 1).waitFor();
}

const cardIds = (page: Page) => page.locator('[data-session-id]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-session-id')));

function card(page: Page, id: string) {
  const element = page.locator(`[data-session-id="${id}"]`);
  const text = async (selector: string) => (await element.locator(selector).first().textContent())?.trim() ?? null;
  return {
    element,
    tag: async () => ((await element.locator('[data-tag=seats]').count()) ? text('[data-tag=seats]') : null),
    seats: () => text('[data-fact=seats]'),
    length: () => text('[data-fact=length]'),
    format: () => text('[data-fact=format]'),
    place: () => text('[data-fact=place]'),
    distance: () => text('[data-fact=distance]'),
  };
}

describe.each(DEVICES)('Find training results on a $name', ({ name, options }) => {
  it('are compact cards with tags, length and format, sorted by date or by distance from the town', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      await page.goto(`${portal.url}${SEARCH}`);
      await waitForResults(page, 6);
      expect(await cardIds(page)).toEqual(BY_DATE());

      // Scrolled to the results (as a search on a phone does by itself): the cards below the heading.
      await page.locator('#results-heading').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      if (name === 'laptop') {
        // Below the results heading and "Sort by", a laptop's screen holds at least four whole cards.
        // (Polled: on a loaded machine the scroll and the last cards' layout can land a frame apart.)
        const fullyInView = () => [...document.querySelectorAll('[data-session-id]')]
          .filter((c) => { const r = c.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }).length;
        const inView = await page.waitForFunction((count) => {
          document.querySelector('#results-heading')?.scrollIntoView({ block: 'start' });
          const seen = [...document.querySelectorAll('[data-session-id]')]
            .filter((c) => { const r = c.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }).length;
          return seen >= count ? seen : false;
        }, 4, { timeout: 5_000 }).then((handle) => handle.jsonValue()).catch(() => page.evaluate(fullyInView));
        expect(inView).toBeGreaterThanOrEqual(4);
      } else {
        // Nothing wider than the screen, and a card no taller than a quarter of it.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        const tallest = await page.locator('[data-session-id]').evaluateAll((cards) => Math.max(...cards.map((c) => c.getBoundingClientRect().height)));
        expect(tallest).toBeLessThanOrEqual(844 / 4);
      }

      const full = card(page, ids.fullAlder);
      expect(await full.tag()).toBe('Fully booked');
      expect(await full.seats()).toBe('Fully booked');
      const few = card(page, ids.fewBeech);
      expect(await few.tag()).toBe('Few seats left');
      expect(await few.seats()).toBe('2 seats left');
      expect(await card(page, ids.beech).tag()).toBeNull();
      expect(await card(page, ids.beech).seats()).toBe('20 seats left');

      expect(await full.length()).toBe('3 hours');
      expect(await card(page, ids.twoDaysCedar).length()).toBe('2 days');
      expect(await full.format()).toBe('In person');
      expect(await full.place()).toBe('Alder Hall, Testham');
      // How far from the centre of Testham's venues (latitude 52.0533): Alder Hall 4.8 km, Beech Centre 0.4 km; online, no distance.
      expect(await full.distance()).toBe('4.8 km away');
      expect(await card(page, ids.fewBeech).distance()).toBe('0.4 km away');
      expect(await card(page, ids.online).element.locator('[data-fact=distance]').count()).toBe(0);
      expect(await card(page, ids.online).format()).toBe('Online');
      await expectNoAxeViolations(page, `Find training results on a ${name}`);

      // Nearest first, from the town's centre; the order is in the address, so it outlives a reload.
      const sort = page.getByLabel('Sort by');
      await sort.selectOption('DISTANCE');
      await page.waitForURL((url) => url.searchParams.get('sort') === 'distance');
      await waitForResults(page, 6);
      await page.waitForFunction((first) => document.querySelector('[data-session-id]')?.getAttribute('data-session-id') === first, BY_DISTANCE()[0]);
      expect(await cardIds(page)).toEqual(BY_DISTANCE());
      await page.locator('[data-session-id]').first().scrollIntoViewIfNeeded();
      await page.locator('#results-heading').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(SCREENSHOTS, `find-training-cards-${name}.png`) });

      await page.reload();
      await waitForResults(page, 6);
      expect(await cardIds(page)).toEqual(BY_DISTANCE());
      await expect(page.getByLabel('Sort by').inputValue()).resolves.toBe('DISTANCE');
      await expectNoAxeViolations(page, `Find training results sorted by distance on a ${name}`);

      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('sort'));
      await waitForResults(page, 6);
      await page.waitForFunction((first) => document.querySelector('[data-session-id]')?.getAttribute('data-session-id') === first, BY_DATE()[0]);
      expect(await cardIds(page)).toEqual(BY_DATE());
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
  });

  it('offers distance only with a town', async () => {
    const { context, page, errors } = await openCheckedPage(browser, options);
    try {
      // An address asking for distance with no town shows soonest first, with distance not offered.
      await page.goto(`${portal.url}/p/${SLUG}/find-training?q=Hoist+Handling&sort=distance`);
      await waitForResults(page, 6);
      expect(await cardIds(page)).toEqual(BY_DATE());
      await expect(page.getByLabel('Sort by').inputValue()).resolves.toBe('DATE');
      await expect(page.locator('#sort option[value=DISTANCE]').isDisabled()).resolves.toBe(true);
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
  });
});
