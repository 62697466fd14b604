import type { Browser, Page } from 'playwright-core';
import { financialYearOf, financialYearStarting } from '@portal/domain';
import { openCheckedPage, startDemoPortalWithBrowser, stopPortalWithBrowser } from '../support/browser';
import type { RunningPortal } from '../support/start-portal';
import { DEMO_NOW, DEMO_PASSWORD } from '../support/test-database';

/**
 * The built client under the portal's Content-Security-Policy in Chromium: Find training (with a
 * search) and the funding page with its charts (the lazily loaded Recharts chunk) must raise no
 * `securitypolicyviolation` event and no console error. Build the client first (npm run build).
 */
jest.setTimeout(120_000);

const SLUG = 'greater-peterborough';
const YEAR = financialYearStarting(financialYearOf(DEMO_NOW).startYear - 1).label;

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await startDemoPortalWithBrowser();
});

afterAll(() => stopPortalWithBrowser(portal, browser));

declare global {
  interface Window { cspViolations: string[] }
}

/** A checked page that also records every CSP violation the document reports. */
async function openPage() {
  const opened = await openCheckedPage(browser, { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  // Run by the browser before the page's own scripts, outside the page's policy.
  await opened.page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return opened;
}

const violations = (page: Page) => page.evaluate(() => window.cspViolations);

it('serves Find training under the policy with no violation', async () => {
  const { context, page, errors } = await openPage();
  try {
    const response = await page.goto(`${portal.url}/p/${SLUG}/find-training`);
    const policy = response!.headers()['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    await page.getByLabel('Search for training').fill('safeguarding');
    await page.getByRole('button', { name: /search/i }).first().click();
    await page.waitForURL((url) => url.searchParams.has('q') || url.search.includes('safeguarding'));
    await page.locator('main').getByRole('heading').first().waitFor();
    await page.waitForLoadState('networkidle');
    // The body classes NHS.UK frontend needs were set without an inline script.
    expect(await page.evaluate(() => document.body.className)).toContain('nhsuk-frontend-supported');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // The listener does see a violation: an inline script the policy must block.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
    });
    await page.waitForFunction(() => window.cspViolations.length > 0);
    expect(await violations(page)).toEqual([expect.stringMatching(/^script-src-elem blocked inline/)]);
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
  } finally {
    await context.close();
  }
});

it('serves the funding page and its charts under the policy with no violation', async () => {
  const { context, page, errors } = await openPage();
  try {
    await page.goto(`${portal.url}/sign-in`);
    await page.getByLabel('Email address').fill('steering@demo.portal');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.goto(`${portal.url}/funding?year=${YEAR.replace('/', '-')}`);
    await page.locator('h1', { hasText: `Funding for learning ${YEAR}` }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=funding-chart] svg.recharts-surface').length >= 5);
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
