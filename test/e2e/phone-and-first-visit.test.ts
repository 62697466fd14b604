import path from 'node:path';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { clickHeaderLink, expectNoAxeViolations, openCheckedPage, SCREENSHOTS, startDemoPortalWithBrowser, stopPortalWithBrowser } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';
import { DEMO_PASSWORD } from '../support/test-database';

/**
 * The portal on a phone and on a first visit: the header's links fold into the NHS.UK "More"
 * menu, a search on a phone scrolls to its results, the first visit to Find training transfers
 * under 250 kB, a partnership's start page says what the portal is and for whom, each role lands
 * on its work after signing in, and signing out says so. Screenshots of each page are kept in
 * docs/screenshots/ (the README shows them).
 *
 * The server serves the built client (client/dist): build it first (npm run build).
 */

jest.setTimeout(180_000);

const SLUG = 'greater-peterborough';
const FIND_TRAINING = `/p/${SLUG}/find-training`;
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1,
  timezoneId: 'Europe/London', locale: 'en-GB',
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/London', locale: 'en-GB' };
const DEVICES = [{ name: 'phone', options: PHONE }, { name: 'desktop', options: DESKTOP }];

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
});

afterAll(() => stopPortalWithBrowser(portal, browser));

const header = (page: Page) => page.locator('header[role=banner]');

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${portal.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await header(page).getByTestId('signed-in-as').waitFor();
}

async function withPage(options: BrowserContextOptions, run: (page: Page) => Promise<void>): Promise<void> {
  const { context, page, errors } = await openCheckedPage(browser, options);
  try {
    await run(page);
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
}

function screenshot(page: Page, name: string, fullPage = false) {
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

describe('the header on a phone', () => {
  it("folds an L&D lead's links into the NHS.UK \"More\" menu: a quarter of the screen at most, every link one tap away", async () => {
    await withPage(PHONE, async (page) => {
      await signIn(page, 'lead@demo.portal');
      await page.locator('header[data-nhsuk-header-init]').waitFor({ state: 'attached' });
      const box = (await header(page).boundingBox())!;
      expect(box.height).toBeLessThanOrEqual(844 / 4);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
      const more = header(page).getByRole('button', { name: 'Browse More' });
      await expect(more.isVisible()).resolves.toBe(true);
      await screenshot(page, 'header-lead-phone');
      await more.click();
      await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
      const menu = header(page).getByRole('navigation', { name: 'Menu' });
      for (const name of ["My organisation's people", "My organisation's spend", 'Partnership directory']) {
        await expect(menu.getByRole('link', { name }).isVisible()).resolves.toBe(true);
      }
      await expectNoAxeViolations(page, "the lead's open header menu on a phone");
      await screenshot(page, 'header-lead-menu-phone');
      await clickHeaderLink(page, "My organisation's spend");
      await page.waitForURL((url) => url.pathname === '/funding/my-organisation');
    });
  });

  it('keeps the links that fit in one row on a desktop', async () => {
    await withPage(DESKTOP, async (page) => {
      await signIn(page, 'lead@demo.portal');
      await page.locator('header[data-nhsuk-header-init]').waitFor({ state: 'attached' });
      const links = header(page).getByRole('navigation', { name: 'Menu' }).getByRole('link');
      const visible = await Promise.all((await links.all()).map((link) => link.isVisible()));
      expect(visible.filter(Boolean).length).toBeGreaterThanOrEqual(4);
      expect((await header(page).boundingBox())!.height).toBeLessThanOrEqual(200);
      await screenshot(page, 'header-lead-desktop');
    });
  });
});

describe('Find training on a phone', () => {
  it('shows the results after Search, not the form again', async () => {
    await withPage(PHONE, async (page) => {
      await page.goto(`${portal.url}${FIND_TRAINING}`);
      await page.locator('#results-heading', { hasText: /sessions? found/ }).waitFor();
      await page.getByLabel('Search for training').fill('safeguarding');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'safeguarding');
      const heading = page.locator('#results-heading', { hasText: /sessions? found/ });
      await heading.waitFor();
      const box = (await heading.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      await screenshot(page, 'find-training-results-phone');
    });
  });
});

describe('the first visit', () => {
  it('transfers under 250 kB for Find training on a phone with nothing cached', async () => {
    const { context, page } = await openCheckedPage(browser, PHONE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const transferred = new Map<string, number>();
    cdp.on('Network.loadingFinished', (event) => transferred.set(event.requestId, event.encodedDataLength));
    await page.goto(`${portal.url}${FIND_TRAINING}`, { waitUntil: 'networkidle' });
    await page.locator('#results-heading', { hasText: /sessions? found/ }).waitFor();
    const total = [...transferred.values()].reduce((sum, bytes) => sum + bytes, 0);
    console.log(`First visit to Find training: ${transferred.size} responses, ${(total / 1000).toFixed(1)} kB transferred`);
    expect(total).toBeLessThan(250_000);
    await context.close();
  });
});

describe.each(DEVICES)('the start page on a $name', ({ name, options }) => {
  it('says what the portal is and for whom, searches Find training and lists the upcoming joint training', async () => {
    await withPage(options, async (page) => {
      await page.goto(`${portal.url}/`);
      await page.getByRole('link', { name: 'Greater Peterborough' }).click();
      await page.waitForURL((url) => url.pathname === `/p/${SLUG}`);
      await page.locator('h1', { hasText: 'Training for health and social care' }).waitFor();
      await page.getByText('Find and book courses shared by the NHS trusts, the council, voluntary organisations').waitFor();
      await page.getByRole('heading', { name: 'Who it is for' }).waitFor();
      const joint = page.locator('section[aria-labelledby=joint-training-heading] [data-session-id]');
      await joint.first().waitFor();
      expect(await joint.count()).toBeGreaterThan(0);
      expect(await joint.count()).toBeLessThanOrEqual(5);
      await expect(page.title()).resolves.toBe('Greater Peterborough Health and Social Care Partnership – Partnership Portal');
      await expectNoAxeViolations(page, `the start page on a ${name}`);
      await screenshot(page, `start-page-${name}`, true);
      await page.getByLabel('Search for training').fill('first aid');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL((url) => url.pathname === FIND_TRAINING && url.searchParams.get('q') === 'first aid');
      await page.locator('#results-heading', { hasText: /sessions? found/ }).waitFor();
    });
  });
});

describe('after signing in', () => {
  it.each([
    ['steering@demo.portal', '/funding'],
    ['admin@demo.portal', '/admin/organisations'],
    ['lead@demo.portal', '/organisation/bookings'],
    ['manager@demo.portal', '/bookings/requests'],
    ['provider@demo.portal', '/provider/courses'],
    ['volunteer@demo.portal', FIND_TRAINING],
  ])('takes %s to where their work is (%s)', async (email, landing) => {
    await withPage(PHONE, async (page) => {
      await signIn(page, email);
      await page.waitForURL((url) => url.pathname === landing);
    });
  });

  it('still goes back to the page that asked for sign-in', async () => {
    await withPage(PHONE, async (page) => {
      await page.goto(`${portal.url}/sign-in?next=${encodeURIComponent('/bookings')}`);
      await page.getByLabel('Email address').fill('admin@demo.portal');
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/bookings');
    });
  });
});

describe.each(DEVICES)('signing out on a $name', ({ name, options }) => {
  it('says "You have signed out"', async () => {
    await withPage(options, async (page) => {
      await signIn(page, 'learner@demo.portal');
      await header(page).getByRole('button', { name: 'Sign out' }).click();
      await page.locator('h1', { hasText: 'You have signed out' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/p/${SLUG}/signed-out`);
      await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
      await expectNoAxeViolations(page, `the signed-out page on a ${name}`);
      await screenshot(page, `signed-out-${name}`);
    });
  });
});

describe('a public session page', () => {
  it('carries its schema.org Course in the HTML, allowed by a strict script-src', async () => {
    await withPage(PHONE, async (page) => {
      const [session] = await portal.dataSource.query(
        `SELECT s.id FROM training_session s JOIN course c ON c.id = s.course_id JOIN partnership p ON p.id = s.partnership_id
          WHERE p.slug = $1 AND s.status = 'scheduled' AND s.starts_at > now() AND c.visibility = 'public'
          ORDER BY s.starts_at LIMIT 1`, [SLUG]);
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.effectiveDirective} ${event.sample}`);
        });
      });
      // The document as the server sends it, under the strict policy a CSP would set.
      await page.route(`${portal.url}/p/${SLUG}/sessions/*`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'self' 'report-sample'" } });
      });
      await page.goto(`${portal.url}/p/${SLUG}/sessions/${session.id}`);
      const data = await page.evaluate(() => JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null'));
      expect(data).toMatchObject({ '@type': 'Course', hasCourseInstance: [expect.objectContaining({ '@type': 'CourseInstance' })] });
      expect(violations.filter((text) => text.includes('schema.org'))).toEqual([]);
    });
  });
});
