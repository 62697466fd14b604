import { startPortal, type RunningPortal } from '../support/start-portal';
import { startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import { ADMIN, signInAs, type UserErrorShape } from '../support/admin-fixtures';

/**
 * People an administrator adds (an organisation's L&D lead, an import's people) have no password:
 * each is emailed, through the outbox, an invitation whose single-use link sets one and signs in.
 */
let portal: RunningPortal;
let mail: MailCatcher;
let admin: string;

beforeAll(async () => {
  mail = await startMailCatcher();
  portal = await startPortal({ template: 'demo', config: { smtpUrl: mail.url, invitationTtlHours: 72 } });
  admin = (await signInAs(portal, [ADMIN]))[ADMIN];
}, 120_000);

afterAll(async () => {
  await portal?.stop();
  await mail?.stop();
});

const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) {
  organisation { id } lead { email } userErrors { field message code } } }`;
const IMPORT = `mutation($input: ImportPeopleInput!) { importPeople(input: $input) {
  import { status importedCount errors { line field message } } userErrors { field message code } } }`;
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { token viewer { email } userErrors { field code message } } }';
type ResetData = { resetPassword: { token: string | null; viewer: { email: string } | null; userErrors: UserErrorShape[] } };
const VIEWER = '{ viewer { email roles { role } } }';

const invitationsTo = (emails: string[]) => portal.dataSource.query(
  `SELECT o.to_address, o.subject, o.text, o.sent_at, p.email AS person_email FROM email_outbox o JOIN person p ON p.id = o.person_id
   WHERE o.kind = 'invitation' AND o.to_address = ANY($1::text[]) ORDER BY o.to_address`, [emails]);

async function linkFor(address: string): Promise<{ token: string; text: string }> {
  const message = await mail.waitFor((m) => (m.to as { text: string }).text === address);
  const token = /\/accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(message.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation link in ${message.text}`);
  return { token, text: message.text ?? '' };
}

describe('invitations', () => {
  let organisationId: string;

  it('invites a new organisation\'s L&D lead; the link sets a password, signs in, and works once', async () => {
    const created = await portal.graphql<{ createOrganisation: { organisation: { id: string } | null; userErrors: UserErrorShape[] } }>(
      CREATE, { input: { name: 'Willow Court Care Home', shortCode: 'WCCH', sector: 'CARE_HOME', role: 'AFFECTED',
        lead: { name: 'Priya Lal', email: 'priya.lal@willow-court.example' } } }, { token: admin });
    expect(created.data!.createOrganisation.userErrors).toEqual([]);
    organisationId = created.data!.createOrganisation.organisation!.id;

    const [queued, ...others] = await invitationsTo(['priya.lal@willow-court.example']);
    expect(others).toEqual([]);
    expect(queued.subject).toBe('You have been added to the Greater Peterborough Health and Social Care Partnership learning portal');
    expect(queued.text).toContain('You have been added to the Greater Peterborough Health and Social Care Partnership learning portal by Martin Crowe');
    // The outbox, which administrators read, never holds a usable link: the delivery job makes it.
    expect(queued.text).not.toMatch(/token=[A-Za-z0-9_-]{43}/);
    expect(queued.sent_at).toBeNull();

    await portal.runDueJobs();
    const { token, text } = await linkFor('priya.lal@willow-court.example');
    expect(text).toContain('for 3 days');
    const [reset] = await portal.dataSource.query(
      `SELECT r.expires_at - r.created_at AS life FROM password_reset r JOIN person p ON p.id = r.person_id WHERE p.email = $1`,
      ['priya.lal@willow-court.example']);
    expect(reset.life).toMatchObject({ days: 3 });

    const accepted = await portal.graphql<ResetData>(RESET, { input: { token, password: 'willow court morning tea' } });
    expect(accepted.data!.resetPassword.userErrors).toEqual([]);
    expect(accepted.data!.resetPassword.viewer).toEqual({ email: 'priya.lal@willow-court.example' });
    const viewer = await portal.graphql<{ viewer: { email: string; roles: Array<{ role: string }> } }>(VIEWER, undefined,
      { token: accepted.data!.resetPassword.token });
    expect(viewer.data!.viewer.roles.map((r) => r.role)).toContain('LD_LEAD');
    expect(await portal.signIn('priya.lal@willow-court.example', 'willow court morning tea')).toBeTruthy();

    const again = await portal.graphql<ResetData>(RESET, { input: { token, password: 'another long passphrase' } });
    expect(again.data!.resetPassword.userErrors[0].code).toBe('INVALID_TOKEN');
  });

  it('invites each imported person once, in one batch, and an expired link sets nothing', async () => {
    const people = ['ana.silva', 'ben.okafor', 'cara.doyle'].map((n) => `${n}@willow-court.example`);
    const csv = ['name,email,kind,job_title,team,line_manager_email',
      `Ana Silva,${people[0]},staff,Carer,Day,`, `Ben Okafor,${people[1]},staff,Carer,Night,`, `Cara Doyle,${people[2]},volunteer,,,`].join('\n');
    const imported = await portal.graphql<{ importPeople: { import: { status: string; importedCount: number } | null; userErrors: UserErrorShape[] } }>(
      IMPORT, { input: { organisationId, csv } }, { token: admin });
    expect(imported.data!.importPeople.import).toMatchObject({ status: 'SUCCEEDED', importedCount: 3 });

    const queued = await invitationsTo(people);
    expect(queued.map((row: { to_address: string; person_email: string }) => [row.to_address, row.person_email]))
      .toEqual(people.map((p) => [p, p]));
    expect(queued[0].text).toMatch(/^Hello Ana Silva,/);
    const jobs = Number((await portal.dataSource.query(
      `SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = 'send_email'`))[0].count);
    expect(jobs).toBeGreaterThanOrEqual(3);

    await portal.runDueJobs();
    const links = await Promise.all(people.map(linkFor));
    expect(new Set(links.map((l) => l.token)).size).toBe(3);

    // Ben's link is past its life: it sets no password.
    await portal.dataSource.query(
      `UPDATE password_reset r SET expires_at = now() - interval '1 minute' FROM person p WHERE p.id = r.person_id AND p.email = $1`, [people[1]]);
    const expired = await portal.graphql<ResetData>(RESET, { input: { token: links[1].token, password: 'night shift passphrase' } });
    expect(expired.data!.resetPassword.userErrors[0].code).toBe('INVALID_TOKEN');
    const [ben] = await portal.dataSource.query('SELECT password_hash FROM person WHERE email = $1', [people[1]]);
    expect(ben.password_hash).toBeNull();

    const ana = await portal.graphql<ResetData>(RESET, { input: { token: links[0].token, password: 'day shift passphrase' } });
    expect(ana.data!.resetPassword.viewer).toEqual({ email: people[0] });
  });

  it('invites nobody when an import fails', async () => {
    const csv = ['name,email,kind,job_title,team,line_manager_email', 'Dee Frost,dee.frost@willow-court.example,staff,,,',
      'Bad Row,not-an-address,staff,,,'].join('\n');
    const imported = await portal.graphql<{ importPeople: { import: { status: string } | null } }>(
      IMPORT, { input: { organisationId, csv } }, { token: admin });
    expect(imported.data!.importPeople.import!.status).toBe('FAILED');
    expect(await invitationsTo(['dee.frost@willow-court.example'])).toEqual([]);
  });
});

describe('with no mail server', () => {
  let dev: RunningPortal;

  beforeAll(async () => {
    dev = await startPortal({ template: 'demo' });
  }, 120_000);

  afterAll(async () => {
    await dev?.stop();
  });

  it('shows the invitation with its working link at /dev/mail, the only place to read it', async () => {
    const token = await dev.signIn(ADMIN);
    const created = await dev.graphql<{ createOrganisation: { userErrors: UserErrorShape[] } }>(CREATE, { input: {
      name: 'Hawthorn Lodge', shortCode: 'HWL', sector: 'CARE_HOME', role: 'AFFECTED',
      lead: { name: 'Omar Reid', email: 'omar.reid@hawthorn.example' } } }, { token });
    expect(created.data!.createOrganisation.userErrors).toEqual([]);
    await dev.runDueJobs();
    const html = await (await fetch(`${dev.url}/dev/mail`)).text();
    expect(html).toContain('To omar.reid@hawthorn.example · invitation');
    const invitation = /\/accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(html);
    expect(invitation).not.toBeNull();
    const accepted = await dev.graphql<ResetData>(RESET, { input: { token: invitation![1], password: 'hawthorn lodge evening walk' } });
    expect(accepted.data!.resetPassword.viewer).toEqual({ email: 'omar.reid@hawthorn.example' });
  });
});
