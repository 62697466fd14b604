import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { ARTIFACTS, clickHeaderLink, expectNoAxeViolations, launchChromium, openCheckedPage, prepareBrowserTests, SCREENSHOTS } from '../support/browser';
import { startPortal, type RunningPortal } from '../support/start-portal';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { DEMO_PASSWORD } from '../support/test-database';

/**
 * Accounts in a real browser. On a phone: a volunteer registers (in well under a minute), sees
 * their name in the header, signs out, signs in again, resets a forgotten password, and sees
 * only what a volunteer may. On a desktop: the administrator's navigation and admin pages,
 * importing people from a CSV file (bad rows first) and giving a role. Every page it reaches
 * is checked with axe against WCAG 2.2 AA.
 *
 * The server serves the built client (client/dist): build it first (npm run build).
 */

jest.setTimeout(180_000);

const SLUG = 'greater-peterborough';
const FIND_TRAINING = `/p/${SLUG}/find-training`;
/** Long, unrelated words: what the password hint asks for, and what the policy accepts. */
const VOLUNTEER_PASSWORD = 'copper kettle harbour sunrise';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
  timezoneId: 'Europe/London', locale: 'en-GB',
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London', locale: 'en-GB' };

let portal: RunningPortal;
let mail: MailCatcher;
let browser: Browser;

beforeAll(async () => {
  prepareBrowserTests();
  mail = await startMailCatcher();
  [portal, browser] = await Promise.all([
    startPortal({ template: 'demo', config: { smtpUrl: mail.url } }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await mail?.stop();
});


/** A new browser context whose page fails the test on any uncaught error or console error. */
const openPage = (options: BrowserContextOptions) => openCheckedPage(browser, options);

const header = (page: Page) => page.locator('header[role=banner]');
const signedInAs = (page: Page) => header(page).getByTestId('signed-in-as');

async function navigationTexts(page: Page): Promise<string[]> {
  // The links that do not fit are behind the header's "More" button, hidden until it is opened.
  await page.locator('header[data-nhsuk-header-init]').waitFor({ state: 'attached' });
  const links = header(page).getByRole('navigation', { name: 'Menu' }).getByRole('link', { includeHidden: true });
  return (await links.allTextContents()).map((text) => text.trim());
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A failed import's summary: at the top, focused, each problem a link to its row in the table. */
async function expectImportSummaryLink(page: Page, href: string, message: RegExp): Promise<void> {
  const summary = page.locator('.nhsuk-error-summary');
  await summary.waitFor();
  await expect(summary.locator('h2').textContent()).resolves.toBe('There is a problem');
  await expect(page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary'))).resolves.toBe(true);
  await expect(page.title()).resolves.toMatch(/^Error: /);
  const link = summary.locator(`a[href="${href}"]`);
  await expect(link.textContent()).resolves.toMatch(message);
  await link.click();
  await expect(page.evaluate(() => `#${document.activeElement?.id}`)).resolves.toBe(href);
  // The row's line cell (its "Line" label is there for narrow screens).
  await expect(page.locator(href).textContent()).resolves.toMatch(new RegExp(`^(Line\\s*)?${message.source.match(/Line (\d+)/)![1]}$`));
}

async function expectErrorSummaryLink(page: Page, href: string, message: RegExp): Promise<void> {
  const summary = page.locator('.nhsuk-error-summary');
  await summary.waitFor();
  await expect(summary.locator('h2').textContent()).resolves.toBe('There is a problem');
  const link = summary.locator(`a[href="${href}"]`);
  await expect(link.textContent()).resolves.toMatch(message);
  await expect(page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary'))).resolves.toBe(true);
  await expect(page.title()).resolves.toMatch(/^Error: /);
  // The same message sits on the field, and the link takes you to it.
  const group = page.locator('.nhsuk-form-group--error', { has: page.locator(href) });
  await expect(group.locator('.nhsuk-error-message').textContent()).resolves.toMatch(message);
  await link.click();
  await expect(page.evaluate(() => `#${document.activeElement?.id}`)).resolves.toBe(href);
}

describe('a volunteer on a phone', () => {
  const email = `sam.okafor.${Date.now()}@example.org`;
  const name = 'Sam Okafor';
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ context, page, errors } = await openPage(PHONE));
  });

  afterAll(async () => {
    await context.close();
  });

  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('offers sign-in and Find training to a visitor, and explains a weak password', async () => {
    await page.goto(`${portal.url}/p/${SLUG}/register`);
    await page.locator('h1', { hasText: 'Register as a volunteer' }).waitFor();
    await page.waitForFunction(() => document.title.includes('Greater Peterborough'));
    await expect(page.title()).resolves.toMatch(/^Register as a volunteer – Greater Peterborough.* – Partnership Portal$/);
    await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await navigationTexts(page)).toEqual(['Find training']);
    // Only voluntary organisations are offered, after "none".
    const organisation = page.getByLabel('Which organisation do you volunteer with? (optional)');
    await organisation.locator('option', { hasText: 'Peterborough CVS' }).waitFor({ state: 'attached' });
    const options = await organisation.locator('option').allTextContents();
    expect(options[0]).toBe('None / independent volunteer');
    expect(options).not.toContain('Peterborough City Council');
    for (const attribute of [['Full name', 'name'], ['Email address', 'email'], ['Create a password', 'new-password']]) {
      await expect(page.getByLabel(attribute[0], { exact: true }).getAttribute('autocomplete')).resolves.toBe(attribute[1]);
    }
    await expectNoAxeViolations(page, 'the register page');
    await page.screenshot({ path: path.join(ARTIFACTS, 'register-phone.png'), fullPage: true });

    // Every problem at once: the page's own (a blank name) and the server's (the address, the password).
    await page.getByLabel('Email address').fill('sam(at)example.org');
    await page.getByLabel('Create a password').fill('password12');
    await page.getByRole('button', { name: 'Register' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.locator('a[href="#password"]').waitFor();
    await expect(summary.locator('li').allTextContents()).resolves.toEqual(['Enter your full name',
      'Enter an email address in the correct format, like name@example.com', expect.stringMatching(/too common|easy to guess/)]);
    await expect(summary.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).resolves
      .toEqual(['#name', '#email', '#password']);
    await expect(page.locator('.nhsuk-error-message').count()).resolves.toBe(3);

    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Create a password').fill('password12');
    await page.getByRole('button', { name: 'Register' }).click();
    await expectErrorSummaryLink(page, '#password', /too common|easy to guess/);
    await expectNoAxeViolations(page, 'the register page with errors');
    await page.screenshot({ path: path.join(ARTIFACTS, 'register-errors-phone.png'), fullPage: true });
  });

  it('registers in under a minute, confirms the address from the emailed link and lands on Find training, signed in', async () => {
    const started = Date.now();
    await page.goto(`${portal.url}/p/${SLUG}/register`);
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Create a password').fill(VOLUNTEER_PASSWORD);
    await page.getByLabel('Which organisation do you volunteer with? (optional)')
      .selectOption({ label: 'Peterborough CVS' });
    await page.getByRole('button', { name: 'Register' }).click();
    await page.locator('h1', { hasText: 'Check your email' }).waitFor();
    await expectNoAxeViolations(page, 'the register page, email sent');

    // The confirmation goes through the outbox: its send_email job delivers it and makes the link.
    await portal.runDueJobs();
    const message = await mail.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '') === email && /confirm/i.test(m.subject ?? ''));
    const link = /https?:\/\/\S+\/confirm-registration\?token=[\w-]+/.exec(message.text ?? '')?.[0];
    expect(link).toBeDefined();
    await page.goto(`${portal.url}${new URL(link!).pathname}${new URL(link!).search}`);
    await page.locator('h1', { hasText: 'Finish registering' }).waitFor();
    await expectNoAxeViolations(page, 'the finish registering page');
    await page.getByRole('button', { name: 'Finish registering and sign in' }).click();
    await page.waitForURL((url) => url.pathname === FIND_TRAINING);
    await signedInAs(page).filter({ hasText: name }).waitFor();
    const seconds = (Date.now() - started) / 1000;
    console.log(`registering a volunteer on a phone took ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(60);
    expect(await navigationTexts(page)).toEqual(['Find training', 'My bookings', 'My learning record', 'Impact reviews', 'Partnership directory']);

    // The link works once: followed again, the page says why it cannot finish, in the server's words, and offers no button.
    await page.goto(`${portal.url}${new URL(link!).pathname}${new URL(link!).search}`);
    await page.getByRole('button', { name: 'Finish registering and sign in' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).not.toMatch(/problem with the service/);
    expect(await page.getByRole('button', { name: 'Finish registering and sign in' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the finish registering page with a used link');
  });

  it('signs out, and signs in again from the header, coming back to the same page', async () => {
    await page.goto(`${portal.url}${FIND_TRAINING}?q=safeguarding`);
    await signedInAs(page).waitFor();
    await header(page).getByRole('button', { name: 'Sign out' }).click();
    await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await signedInAs(page).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(`/p/${SLUG}/signed-out`);
    const viewer = await page.evaluate(async () => (await fetch('/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { id } }' }),
    })).json());
    expect(viewer.data).toEqual({ viewer: null });

    await page.goto(`${portal.url}${FIND_TRAINING}?q=first+aid`);
    await header(page).getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`${FIND_TRAINING}?q=first+aid`);
    await expectNoAxeViolations(page, 'the sign-in page');
    await page.screenshot({ path: path.join(ARTIFACTS, 'sign-in-phone.png'), fullPage: true });

    await signIn(page, email, 'not the password at all');
    await expectErrorSummaryLink(page, '#password', /email address or password is not right/);
    await expectNoAxeViolations(page, 'the sign-in page with errors');

    await signIn(page, email, VOLUNTEER_PASSWORD);
    await page.waitForURL((url) => url.pathname === FIND_TRAINING && url.searchParams.get('q') === 'first aid');
    await signedInAs(page).filter({ hasText: name }).waitFor();
    expect(await navigationTexts(page)).toEqual(['Find training', 'My bookings', 'My learning record', 'Impact reviews', 'Partnership directory']);
  });

  it('resets a forgotten password from the emailed link', async () => {
    await header(page).getByRole('button', { name: 'Sign out' }).click();
    await header(page).getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.locator('h1', { hasText: 'Reset your password' }).waitFor();
    await expectNoAxeViolations(page, 'the forgotten password page');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('If an account exists for that email, we have sent a link').waitFor();
    await expectNoAxeViolations(page, 'the check your email page');

    // An address with no account gets the same answer.
    await page.getByRole('link', { name: 'ask for another link' }).click();
    await page.getByLabel('Email address').fill('nobody.here@example.org');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('If an account exists for that email, we have sent a link').waitFor();

    // The email goes through the outbox: its send_email job delivers it and makes the link.
    await portal.runDueJobs();
    const message = await mail.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '').includes(email) && /reset/i.test(m.subject ?? ''));
    const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(message.text ?? '')?.[0];
    expect(link).toBeDefined();
    const resetPath = new URL(link!).pathname + new URL(link!).search;

    await page.goto(`${portal.url}${resetPath}`);
    await page.locator('h1', { hasText: 'Choose a new password' }).waitFor();
    await expectNoAxeViolations(page, 'the choose a new password page');
    await page.getByLabel('New password').fill(`${VOLUNTEER_PASSWORD} again`);
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await page.waitForURL((url) => url.pathname === FIND_TRAINING);
    await signedInAs(page).filter({ hasText: name }).waitFor();

    // The link works once.
    await page.goto(`${portal.url}${resetPath}`);
    await page.getByLabel('New password').fill('another long passphrase entirely');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await page.locator('h1', { hasText: 'This reset link cannot be used' }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new reset link' }).waitFor();
    await expectNoAxeViolations(page, 'the expired reset link page');
  });
});

/** Whether the server has the admin API yet (it was written alongside this client). */
async function adminApiExists(): Promise<boolean> {
  const response = await portal.graphql<{ __type: { fields: Array<{ name: string }> } | null }>(
    '{ __type(name: "Mutation") { fields { name } } }');
  return !!response.data?.__type?.fields.some((field) => field.name === 'importPeople');
}

const peopleOf = async (organisation: string) => Number((await portal.dataSource.query(
  'SELECT count(*) FROM person p JOIN organisation o ON o.id = p.organisation_id WHERE o.short_code = $1', [organisation]))[0].count);

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8') };
}

describe('the administrator on a desktop', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let hasAdminApi = false;

  beforeAll(async () => {
    ({ context, page, errors } = await openPage(DESKTOP));
    hasAdminApi = await adminApiExists();
  });

  afterAll(async () => {
    await context.close();
  });

  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('is sent to sign in from an admin page, and comes back to it', async () => {
    await page.goto(`${portal.url}/admin/people?q=holloway`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/people?q=holloway');
    await signIn(page, 'admin@demo.portal', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/admin/people');
    await signedInAs(page).filter({ hasText: 'Martin Crowe' }).waitFor();
    expect(await navigationTexts(page)).toEqual(['Find training', 'My bookings', 'My learning record', 'Courses', 'Funding', 'Outcomes', 'Learning activity', 'Commissioning', 'Organisations', 'People and roles', 'Import people', 'Audit log', 'Funding streams', 'Compliance', 'Partnership directory']);
    await expect(header(page).locator('[aria-current]').textContent()).resolves.toBe('People and roles');
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-header-desktop.png') });
  });

  it('adds an organisation with its L&D lead', async () => {
    if (!hasAdminApi) return;
    await clickHeaderLink(page, 'Organisations');
    await page.locator('h1', { hasText: 'Organisations' }).waitFor();
    await page.getByRole('cell', { name: 'Peterborough City Council' }).waitFor();
    await expectNoAxeViolations(page, 'the organisations page');

    await page.getByRole('link', { name: 'Add an organisation' }).click();
    await page.locator('h1', { hasText: 'Add an organisation' }).waitFor();
    await expectNoAxeViolations(page, 'the add an organisation page');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await expectErrorSummaryLink(page, '#name', /Enter the organisation's name/);

    await page.getByLabel('Name', { exact: true }).fill('Riverside Care Home');
    await page.getByLabel('Short code').fill('PCC');
    await page.getByLabel('Sector', { exact: true }).selectOption({ label: 'Independent: care home' });
    await page.getByLabel('Affected organisation').check();
    await page.getByLabel('Number of staff (optional)').fill('45');
    await page.getByLabel('Full name').fill('Amira Hassan');
    await page.getByLabel('Work email address').fill('amira.hassan@riverside.example');
    await page.getByLabel('Job title (optional)').fill('Registered Manager');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    // The server's own check: the short code is taken.
    await expectErrorSummaryLink(page, '#shortCode', /short code PCC/);
    await expectNoAxeViolations(page, 'the add an organisation page with errors');
    await page.screenshot({ path: path.join(ARTIFACTS, 'add-organisation-errors-desktop.png'), fullPage: true });

    await page.getByLabel('Short code').fill('RCH');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/organisations');
    await page.getByText('Riverside Care Home has been added').waitFor();
    await page.getByRole('cell', { name: 'RCH', exact: true }).waitFor();
    expect(await peopleOf('RCH')).toBe(1);

    // The lead is emailed an invitation whose link sets her password and signs her in (in her own browser).
    await portal.runDueJobs();
    const message = await mail.waitFor((m) => (m.to && 'text' in m.to ? m.to.text : '') === 'amira.hassan@riverside.example');
    expect(message.subject).toBe('You have been added to the Greater Peterborough Health and Social Care Partnership learning portal');
    expect(message.text).toContain('learning portal by Martin Crowe');
    const link = /https?:\/\/\S+\/accept-invitation\?token=[\w-]+/.exec(message.text ?? '')?.[0];
    expect(link).toBeDefined();
    const invitationPath = new URL(link!).pathname + new URL(link!).search;
    const lead = await openPage(DESKTOP);
    try {
      await lead.page.goto(`${portal.url}${invitationPath}`);
      await lead.page.locator('h1', { hasText: 'Choose your password' }).waitFor();
      await expectNoAxeViolations(lead.page, 'the accept invitation page');
      await lead.page.getByLabel('Password', { exact: true }).fill('riverside garden lantern');
      await lead.page.getByRole('button', { name: 'Save password and sign in' }).click();
      await lead.page.waitForURL((url) => url.pathname === FIND_TRAINING);
      await signedInAs(lead.page).filter({ hasText: 'Amira Hassan' }).waitFor();

      // The link works once.
      await lead.page.goto(`${portal.url}${invitationPath}`);
      await lead.page.getByLabel('Password', { exact: true }).fill('another long passphrase entirely');
      await lead.page.getByRole('button', { name: 'Save password and sign in' }).click();
      await lead.page.locator('h1', { hasText: 'This invitation link cannot be used' }).waitFor();
      await lead.page.getByRole('link', { name: 'Ask for a link to set your password' }).waitFor();
      expect(lead.errors).toEqual([]);
    } finally {
      await lead.context.close();
    }
  });

  it('imports people from a CSV file: nothing while a row is wrong, then all of them', async () => {
    if (!hasAdminApi) return;
    await clickHeaderLink(page, 'Import people');
    await page.locator('h1', { hasText: 'Import people' }).waitFor();
    await expect(page.locator('pre').textContent()).resolves.toBe('name,email,kind,job_title,team,line_manager_email');
    const example = page.getByRole('link', { name: /Download an example file/ });
    await expect(example.getAttribute('download')).resolves.toBe('people-example.csv');
    await expectNoAxeViolations(page, 'the import people page');

    const good = [
      'name,email,kind,job_title,team,line_manager_email',
      'Tom Briggs,tom.briggs@riverside.example,staff,Senior Carer,Day team,amira.hassan@riverside.example',
      '"O\'Neill, Grace",grace.oneill@riverside.example,staff,Care Assistant,Day team,tom.briggs@riverside.example',
      'Dev Patel,dev.patel@riverside.example,volunteer,Activities volunteer,,',
    ];
    const bad = [...good];
    bad[2] = '"O\'Neill, Grace",grace.oneill(at)riverside.example,staff,Care Assistant,Day team,tom.briggs@riverside.example';

    await page.getByLabel('Organisation the people join').selectOption({ label: 'Riverside Care Home' });
    await page.setInputFiles('#csv-file', csvFile('riverside.csv', bad));
    await page.getByText('riverside.csv: 3 people').waitFor();
    await page.getByRole('button', { name: 'Import people' }).click();
    await page.locator('h2', { hasText: 'Nothing was imported. Fix these rows and try again.' }).waitFor();
    const rows = await page.locator('.portal-import-errors tbody tr').evaluateAll((trs) => trs.map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/^(Line|Column|Problem)\s*/, '').trim())));
    expect(rows).toEqual([['3', 'email', expect.stringMatching(/not an email address/)]]);
    // The error summary pattern: at the top, focused, linking to the row in the table.
    await expectImportSummaryLink(page, '#import-problem-1', /^Line 3, email: .*not an email address/);
    expect(await peopleOf('RCH')).toBe(1);
    await expectNoAxeViolations(page, 'the import page with row errors');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-errors-desktop.png'), fullPage: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'journey-7-import-errors-laptop.png') });

    await page.setInputFiles('#csv-file', csvFile('riverside-fixed.csv', good));
    await page.getByText('riverside-fixed.csv: 3 people').waitFor();
    await page.getByRole('button', { name: 'Import people' }).click();
    await page.getByRole('heading', { name: 'Imported 3 people' }).waitFor();
    expect(await peopleOf('RCH')).toBe(4);
    await expectNoAxeViolations(page, 'the import page after an import');
  });

  it('shows the progress of a large import', async () => {
    if (!hasAdminApi) return;
    const total = 3000;
    const lines = ['name,email,kind,job_title,team,line_manager_email'];
    for (let i = 1; i <= total; i += 1) lines.push(`Bulk Person ${i},bulk.${i}@hfdc.example,staff,Carer,Team ${i % 7},`);
    await page.goto(`${portal.url}/admin/import-people`);
    await page.getByLabel('Organisation the people join').selectOption({ label: 'HomeFirst Domiciliary Care' });
    await page.setInputFiles('#csv-file', csvFile('homefirst.csv', lines));
    await page.getByText('homefirst.csv: 3,000 people').waitFor();
    const before = await peopleOf('HFDC');
    // Everything the live region says, as it says it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid=import-progress-text]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Import people' }).click();
    await page.getByRole('heading', { name: 'Imported 3,000 people' }).waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    console.log(`the progress region said: ${seen.join(' | ')}`);
    expect(seen[0]).toBe('0 of 3,000 rows');
    for (const text of seen) expect(text).toMatch(/^[\d,]+ of 3,000 rows$/);
    expect(await peopleOf('HFDC')).toBe(before + total);
  });

  it('gives and removes a role, and disables and enables an account', async () => {
    if (!hasAdminApi) return;
    await clickHeaderLink(page, 'People and roles');
    await page.locator('h1', { hasText: 'People and roles' }).waitFor();
    await page.locator('#people-count', { hasText: /people/ }).waitFor();
    await expectNoAxeViolations(page, 'the people and roles page');
    await page.screenshot({ path: path.join(ARTIFACTS, 'people-and-roles-desktop.png') });

    await page.getByLabel('Name or email address').fill('tom.briggs@riverside');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'tom.briggs@riverside');
    await page.locator('#people-count', { hasText: '1 person' }).waitFor();
    const card = page.locator('[data-person-email="tom.briggs@riverside.example"]');
    await card.getByText('Learner, Riverside Care Home', { exact: true }).waitFor();
    // The import made him a line manager: he manages someone in the file.
    await card.getByText('Line manager, Riverside Care Home', { exact: true }).waitFor();

    // A role held for an organisation needs one.
    await card.getByText('Give a role').click();
    await card.getByLabel('Role').selectOption({ label: 'L&D lead' });
    await card.getByLabel('For the organisation').selectOption({ label: 'Choose an organisation' });
    await card.getByRole('button', { name: /Give role/ }).click();
    const personId = await card.getByLabel('Role').getAttribute('id');
    await expectErrorSummaryLink(page, `#${personId!.replace(/^role-/, 'organisation-')}`, /.+/);
    await expectNoAxeViolations(page, 'the people and roles page with errors');

    await card.getByLabel('For the organisation').selectOption({ label: 'Riverside Care Home' });
    await card.getByRole('button', { name: /Give role/ }).click();
    await page.getByRole('status').filter({ hasText: 'Tom Briggs is now L&D lead, Riverside Care Home.' }).waitFor();
    await card.getByText('L&D lead, Riverside Care Home', { exact: true }).waitFor();
    expect(await page.locator('.nhsuk-error-summary').count()).toBe(0);
    const grants = await portal.dataSource.query(
      `SELECT g.role FROM role_grant g JOIN person p ON p.id = g.person_id WHERE p.email = 'tom.briggs@riverside.example' ORDER BY g.role`);
    expect(grants.map((g: { role: string }) => g.role)).toEqual(['ld_lead', 'learner', 'line_manager']);

    await card.getByRole('button', { name: 'Remove L&D lead, Riverside Care Home from Tom Briggs' }).click();
    await page.getByRole('status').filter({ hasText: 'Tom Briggs is no longer L&D lead, Riverside Care Home.' }).waitFor();
    expect(await card.getByText('L&D lead, Riverside Care Home', { exact: true }).count()).toBe(0);

    await card.getByRole('button', { name: 'Disable Tom Briggs' }).click();
    await card.getByText('Disabled', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Enable Tom Briggs' }).click();
    await card.getByRole('button', { name: 'Disable Tom Briggs' }).waitFor();
    expect(await card.getByText('Disabled', { exact: true }).count()).toBe(0);
  });

  it('shows the audit log, newest first', async () => {
    if (!hasAdminApi) return;
    await clickHeaderLink(page, 'Audit log');
    await page.locator('h1', { hasText: 'Audit log' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await expect(page.locator('tbody tr').first().textContent()).resolves.toMatch(/Martin Crowe/);
    // Sentences with names: what an administrator reads, not action codes, ids or pence.
    for (const sentence of [/^Martin Crowe made .+ of .+\.$/, /^Martin Crowe removed .+ as .+\.$/, /^Martin Crowe imported \d+ (person|people) into .+\)\.$/,
      /^Martin Crowe added the organisation .+\.$/]) {
      await page.locator('tbody td').getByText(sentence).first().waitFor();
    }
    const table = await page.locator('tbody').textContent();
    expect(table).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|pence|organisation id/i);
    await expectNoAxeViolations(page, 'the audit log page');
    await page.screenshot({ path: path.join(ARTIFACTS, 'audit-log-desktop.png'), fullPage: true });
  });

  it('is sent to sign in when the session has ended meanwhile, and the header follows', async () => {
    await clickHeaderLink(page, 'Organisations');
    await page.locator('h1', { hasText: 'Organisations' }).waitFor();
    await signedInAs(page).waitFor();
    // The session ends on the server (expired, or revoked by a password reset elsewhere).
    await portal.dataSource.query(
      `UPDATE auth_session SET revoked_at = now() WHERE person_id = (SELECT id FROM person WHERE email = 'admin@demo.portal')`);
    await clickHeaderLink(page, 'Audit log');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/admin/audit-log');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await signedInAs(page).count()).toBe(0);
    expect(await navigationTexts(page)).toEqual(['Find training']);

    await signIn(page, 'admin@demo.portal', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/admin/audit-log');
    await page.locator('h1', { hasText: 'Audit log' }).waitFor();
  });

  it('signs out from an admin page, and Find training is then asked for signed out', async () => {
    await clickHeaderLink(page, 'People and roles');
    await page.locator('#people-count', { hasText: /people/ }).waitFor();
    await header(page).getByRole('button', { name: 'Sign out' }).click();
    await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
    await page.locator('h1', { hasText: 'You have signed out' }).waitFor();
    await page.locator('main').getByRole('link', { name: 'Find training' }).click();
    await page.locator('#results-heading', { hasText: /sessions? found/ }).waitFor();
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe(FIND_TRAINING);
    expect(await navigationTexts(page)).toEqual(['Find training']);
    // What the page shows was asked for again, signed out.
    const shown = Number((await page.locator('#results-heading').textContent())?.replace(/,/g, '').match(/^\d+/)?.[0]);
    const api = await portal.graphql<{ sessions: { totalCount: number } }>(
      'query ($slug: String!) { sessions(partnershipSlug: $slug) { totalCount } }', { slug: SLUG });
    expect(shown).toBe(api.data!.sessions.totalCount);
    await page.goBack();
    await page.locator('h1', { hasText: 'You have signed out' }).waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/admin/people');
  });
});

describe('leads, managers and volunteers', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeEach(async () => {
    ({ context, page, errors } = await openPage(PHONE));
  });

  afterEach(async () => {
    await context.close();
    expect(errors).toEqual([]);
  });

  async function signInAs(email: string): Promise<void> {
    await page.goto(`${portal.url}/sign-in`);
    await signIn(page, email, DEMO_PASSWORD);
    await signedInAs(page).waitFor();
  }

  it("shows an L&D lead their organisation's people", async () => {
    await signInAs('lead@demo.portal');
    expect(await navigationTexts(page)).toEqual(['Find training', 'My bookings', 'My learning record', 'Requests to decide', "My organisation's bookings", 'Commissioning', "My organisation's people", "My organisation's spend", 'Learning records', 'Mandatory training', 'Partnership directory']);
    if (!await adminApiExists()) return;
    await clickHeaderLink(page, "My organisation's people");
    await page.locator('h1', { hasText: "My organisation's people" }).waitFor();
    await page.getByText('The staff and volunteers of Peterborough City Council.').waitFor();
    await page.locator('#people-count', { hasText: /\d+ people/ }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(20);
    await expectNoAxeViolations(page, "the lead's people page");
    await page.screenshot({ path: path.join(ARTIFACTS, 'organisation-people-phone.png') });
  });

  it('shows a line manager their team', async () => {
    await signInAs('manager@demo.portal');
    expect(await navigationTexts(page)).toEqual(['Find training', 'My bookings', 'My learning record', 'Impact reviews', 'Requests to decide', 'My team', "My team's mandatory training", 'Partnership directory']);
    if (!await adminApiExists()) return;
    await clickHeaderLink(page, 'My team');
    await page.locator('h1', { hasText: 'My team' }).waitFor();
    await page.getByRole('cell', { name: 'Jess Holloway' }).waitFor();
    await expectNoAxeViolations(page, "the manager's team page");
  });

  it("folds the administrator's navigation into the header's \"More\" menu on a phone rather than scrolling sideways", async () => {
    await signInAs('admin@demo.portal');
    expect(await navigationTexts(page)).toEqual(['Find training', 'My bookings', 'My learning record', 'Courses', 'Funding', 'Outcomes', 'Learning activity', 'Commissioning', 'Organisations', 'People and roles', 'Import people', 'Audit log', 'Funding streams', 'Compliance', 'Partnership directory']);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.locator('header[data-nhsuk-header-init]').waitFor({ state: 'attached' });
    await header(page).getByRole('button', { name: 'Browse More' }).click();
    for (const link of await header(page).getByRole('navigation', { name: 'Menu' }).getByRole('link').all()) {
      const box = await link.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-header-phone.png') });
  });

  it('tells a volunteer the admin pages are for administrators', async () => {
    await signInAs('volunteer@demo.portal');
    expect(await navigationTexts(page)).toEqual(['Find training', 'My bookings', 'My learning record', 'Impact reviews', 'Partnership directory']);
    await page.goto(`${portal.url}/admin/import-people`);
    await page.locator('h1', { hasText: 'You need to be an administrator' }).waitFor();
    await expectNoAxeViolations(page, 'the you need to be an administrator page');
  });
});
