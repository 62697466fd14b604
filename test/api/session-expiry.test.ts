import { startPortal, type RunningPortal } from '../support/start-portal';
import { DEMO_PASSWORD } from '../support/test-database';
import { tokenHash } from '../../server/src/modules/auth/session-token';

/**
 * Sessions end after a time idle and after an absolute lifetime, both by role, with a clock the
 * test moves: the privileged roles (administrators, steering group, L&D leads, provider
 * coordinators) 30 minutes idle and 12 hours in all; everyone else 2 hours idle and 14 days.
 * The cookie and the bearer token are the same session and follow the same rules.
 */
let portal: RunningPortal;
const start = new Date();
let clock = start;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const at = (ms: number) => { clock = new Date(start.getTime() + ms); };
const viewerEmail = async (auth: { token?: string; headers?: Record<string, string> }) => {
  const response = await portal.graphql<{ viewer: { email: string } | null }>('{ viewer { email } }', undefined, auth);
  expect(response.errors).toBeUndefined();
  return response.data!.viewer?.email ?? null;
};
const lastSeen = async (token: string) => (await portal.dataSource.query(
  'SELECT last_seen_at FROM auth_session WHERE token_hash = $1', [tokenHash(token)]))[0].last_seen_at as Date;

beforeAll(async () => {
  portal = await startPortal({ template: 'demo', clock: () => clock, config: { signInLimitPerAccount: 100 } });
}, 120_000);

afterAll(async () => {
  await portal?.stop();
});

beforeEach(() => at(0));

describe('privileged roles', () => {
  it('sign an administrator out after 31 minutes idle, by bearer token and by cookie alike', async () => {
    const token = await portal.signIn('admin@demo.portal');
    const cookie = { headers: { cookie: `portal_session=${token}` } };
    at(29 * MINUTE);
    expect(await viewerEmail({ token })).toBe('admin@demo.portal');
    at(29 * MINUTE + 31 * MINUTE);
    expect(await viewerEmail({ token })).toBeNull();
    expect(await viewerEmail(cookie)).toBeNull();
    // Coming back does not revive it.
    at(29 * MINUTE + 32 * MINUTE);
    expect(await viewerEmail({ token })).toBeNull();
  });

  it('keep a session used every 20 minutes, until 12 hours after signing in', async () => {
    const token = await portal.signIn('steering@demo.portal');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      at(minutes * MINUTE);
      expect([minutes, await viewerEmail({ token })]).toEqual([minutes, 'steering@demo.portal']);
    }
    at(12 * HOUR);
    expect(await viewerEmail({ token })).toBeNull();
  });

  it('are every privileged role, and a role granted during a session tightens it on the next request', async () => {
    for (const email of ['lead@demo.portal', 'provider@demo.portal']) {
      at(0);
      const token = await portal.signIn(email);
      at(31 * MINUTE);
      expect([email, await viewerEmail({ token })]).toEqual([email, null]);
    }
    at(0);
    const token = await portal.signIn('volunteer@demo.portal');
    await portal.dataSource.query(`INSERT INTO role_grant (partnership_id, person_id, role)
      SELECT partnership_id, id, 'partnership_admin' FROM person WHERE email = 'volunteer@demo.portal'`);
    try {
      at(31 * MINUTE);
      expect(await viewerEmail({ token })).toBeNull();
    } finally {
      await portal.dataSource.query(`DELETE FROM role_grant WHERE role = 'partnership_admin'
        AND person_id = (SELECT id FROM person WHERE email = 'volunteer@demo.portal')`);
    }
  });
});

describe('everyone else', () => {
  it('keeps a learner signed in for 2 hours idle, and no longer', async () => {
    const token = await portal.signIn('learner@demo.portal');
    at(119 * MINUTE);
    expect(await viewerEmail({ token })).toBe('learner@demo.portal');
    at(119 * MINUTE + 119 * MINUTE);
    expect(await viewerEmail({ token })).toBe('learner@demo.portal');
    at(119 * MINUTE + 119 * MINUTE + 121 * MINUTE);
    expect(await viewerEmail({ token })).toBeNull();
  });

  it('keeps a busy manager\'s session past 12 hours, until 14 days after signing in', async () => {
    const token = await portal.signIn('manager@demo.portal');
    for (let hours = 1.5; hours < 14 * 24; hours += 1.5) {
      at(hours * HOUR);
      if (hours === 13.5 || hours > 14 * 24 - 2) expect([hours, await viewerEmail({ token })]).toEqual([hours, 'manager@demo.portal']);
      else await viewerEmail({ token });
    }
    at(14 * 24 * HOUR);
    expect(await viewerEmail({ token })).toBeNull();
  });

  it('tells the browser when the cookie ends: 12 hours for the privileged, 14 days for the rest', async () => {
    const cookieExpiry = async (email: string) => {
      const response = await portal.graphql<{ signIn: { token: string } }>(
        'mutation($input: SignInInput!) { signIn(input: $input) { token } }', { input: { email, password: DEMO_PASSWORD } });
      return new Date(/Expires=([^;]+)/.exec(response.headers.get('set-cookie')!)![1]).getTime();
    };
    expect(await cookieExpiry('admin@demo.portal')).toBe(Math.floor((start.getTime() + 12 * HOUR) / 1000) * 1000);
    expect(await cookieExpiry('volunteer@demo.portal')).toBe(Math.floor((start.getTime() + 14 * 24 * HOUR) / 1000) * 1000);
  });
});

describe('last seen', () => {
  it('is written at most once a minute, within the one statement that reads the viewer', async () => {
    const token = await portal.signIn('learner@demo.portal');
    const signedInAt = await lastSeen(token);
    expect(signedInAt.getTime()).toBe(start.getTime());
    const statements = async () => (await portal.graphql('{ __typename }', undefined, { token })).extensions!.sqlStatements;
    at(30_000);
    expect(await statements()).toBe(1);
    expect((await lastSeen(token)).getTime()).toBe(start.getTime());
    at(61_000);
    expect(await statements()).toBe(1);
    expect((await lastSeen(token)).getTime()).toBe(start.getTime() + 61_000);
  });
});
