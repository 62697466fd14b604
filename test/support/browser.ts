import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startPortal, type RunningPortal } from './start-portal';
import { DEMO_PASSWORD } from './test-database';

/**
 * What every browser journey shares: Debian's Chromium with the flags this closed network needs,
 * axe against WCAG 2.2 AA with a readable report, and pages that fail a test on any uncaught
 * error or console error. The server serves the built client, so it must be built first.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '..', 'e2e', 'artifacts');
/** The screenshots the README shows (committed), as the browser tests take them. */
/** The two screens the journeys are used on: a laptop and a phone, in UK time and language, downloads accepted. */
export const LAPTOP_AND_PHONE: ReadonlyArray<[string, BrowserContextOptions]> = [
  ['laptop', { timezoneId: 'Europe/London', locale: 'en-GB', acceptDownloads: true, viewport: { width: 1280, height: 800 } }],
  ['phone', { timezoneId: 'Europe/London', locale: 'en-GB', acceptDownloads: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
];
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');
const CLIENT_INDEX = path.resolve(__dirname, '..', '..', 'client', 'dist', 'index.html');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * axe-core as @axe-core/playwright would inject it (its own copy), but evaluated only when the
 * page has none yet: a check after another on the same page reuses the axe already there, instead
 * of compiling its half a megabyte again, twice per check. A new page or a navigation gets a fresh one.
 */
const AXE_ONCE = (() => {
  const source = readFileSync(require.resolve('axe-core/axe.min.js', { paths: [path.dirname(require.resolve('@axe-core/playwright'))] }), 'utf8');
  // A block, not eval: nothing here asks the page's Content-Security-Policy for 'unsafe-eval'.
  return `if (!window.axe) {\n${source}\n}`;
})();

/** Checks the client is built and makes the screenshot folder. */
export function prepareBrowserTests(): void {
  if (!existsSync(CLIENT_INDEX)) {
    throw new Error(`The client is not built (${CLIENT_INDEX} is missing): run npm run build -w @portal/client first.`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** A portal on the demo data and a browser, started side by side, for a file of browser journeys. */
export async function startDemoPortalWithBrowser(): Promise<[RunningPortal, Browser]> {
  prepareBrowserTests();
  return Promise.all([startPortal({ template: 'demo' }), launchChromium()]);
}

export async function stopPortalWithBrowser(portal: RunningPortal | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await portal?.stop();
}

/** A GraphQL request from the page, with its session cookie, as the client sends one; throws on errors. */
export async function pageGraphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await page.evaluate(async ({ q, v }) => (await fetch('/graphql', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, variables: v }),
  })).json(), { q: query, v: variables });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // The portal's pages have no frames (its policy allows none): axe.run in the page itself checks
  // what the frame-by-frame mode does, without that mode's extra blank page per check. A page with
  // a frame is checked frame by frame as before. Only violations are asserted, so only they are
  // collected in full (axe's resultTypes): the passes' thousands of nodes are neither gathered nor
  // sent back. Together these took a check from about 2.3 s to 0.6 s on a loaded machine.
  // test/e2e/axe-check.test.ts proves this finds what the default run finds.
  const builder = new AxeBuilder({ page, axeSource: AXE_ONCE }).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS)
    .setLegacyMode(page.frames().length === 1);
  const { violations } = await builder.analyze();
  const report = violations.map((violation) => [
    `- ${violation.id} (${violation.impact}): ${violation.help}`,
    ...violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`),
  ].join('\n')).join('\n');
  if (violations.length) throw new Error(`axe found ${violations.length} violation(s) on ${where}:\n${report}`);
}

/** A new browser context whose page collects every uncaught error and console error. */
export async function openCheckedPage(browser: Browser, options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, errors };
}

/**
 * Follows a link of the header's navigation: on a narrow screen the links that do not fit are
 * behind the NHS.UK header's "More" button, which is opened first.
 */
export async function clickHeaderLink(page: Page, name: string): Promise<void> {
  const header = page.locator('header[role=banner]');
  const link = header.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true });
  // nhsuk-frontend's header script marks the header once it has sorted the links into the menu.
  await page.locator('header[data-nhsuk-header-init]').waitFor({ state: 'attached' });
  // The script may still be moving links into the menu on a loaded machine, and it closes the menu
  // whenever the header's width changes (a scroll bar appearing, the viewer's links arriving): until
  // the link takes a click, open "More" whenever it is shown closed.
  const more = header.getByRole('button', { name: /More/ });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (await link.isVisible()) {
      try {
        await link.click({ timeout: 2_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    } else if (Date.now() > deadline) {
      throw new Error(`the header link "${name}" never showed, even with "More" opened`);
    } else if (await more.isVisible() && await more.getAttribute('aria-expanded') !== 'true') {
      await more.click({ timeout: 2_000 }).catch(() => undefined);
    } else {
      await page.waitForTimeout(100);
    }
  }
}

/** Signs in through the sign-in page, as a person would, and waits to leave it (for wherever the role lands). */
export async function signInThroughPage(page: Page, portalUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${portalUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}
