import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchChromium } from '../support/browser';

/**
 * The browser tests' accessibility check (expectNoAxeViolations) runs axe in the page itself, once
 * per page, reporting violations only: it must find exactly what @axe-core/playwright's default
 * run finds, rule by rule and element by element, and fail on each of them.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const WITH_PROBLEMS = `<!doctype html><html lang="en"><head><title>Problems</title></head><body><main>
  <h1>A page with problems</h1>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p style="color:#bbb;background:#fff">Pale grey on white</p>
  <button></button>
  <label>Unlabelled<input type="checkbox" id="twice"></label><input id="twice" aria-label="Twice">
  <a href="#">   </a>
</main></body></html>`;

const CLEAN = `<!doctype html><html lang="en"><head><title>Clean</title></head><body><main><h1>Fine</h1><p>Black on white.</p></main></body></html>`;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function fullRun(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id} ${node.target.join(' ')}`)).sort();
}

function reported(error: unknown): string[] {
  const lines = String((error as Error).message).split('\n');
  const found: string[] = [];
  let rule = '';
  for (const line of lines) {
    const head = /^- (\S+) \(/.exec(line);
    if (head) rule = head[1];
    const node = /^ {4}(.+?): /.exec(line);
    if (node && rule) found.push(`${rule} ${node[1]}`);
  }
  return found.sort();
}

it('reports every violation the default axe run finds, on each element, also on a second check of the same page', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent(WITH_PROBLEMS);
    const expected = await fullRun(page);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    for (let check = 0; check < 2; check += 1) {
      const error = await expectNoAxeViolations(page, 'the page with problems').then(() => null, (e: unknown) => e);
      expect(error).not.toBeNull();
      expect(reported(error)).toEqual(expected);
    }
    // Fixed in place (the axe already in the page is reused), then passing.
    await page.setContent(CLEAN);
    await expectNoAxeViolations(page, 'the clean page');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'));
    const after = await expectNoAxeViolations(page, 'the clean page with an image').then(() => null, (e: unknown) => e);
    expect(reported(after)).toEqual(await fullRun(page));
    expect(reported(after)).toEqual([expect.stringMatching(/^image-alt /)]);
  } finally {
    await context.close();
  }
});
