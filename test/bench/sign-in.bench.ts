import { startPortal, type RunningPortal } from '../support/start-portal';
import { measure, writeResults } from './measure';

/**
 * A refused sign-in for a known email (wrong password) against one for an unknown email: both
 * should take the time of one argon2 verification, so the answer's timing says nothing about
 * who has an account. test/api/auth.test.ts proves the work is the same (one verification each,
 * counted); this measures what that work costs here. Attempts are interleaved, so a pause of
 * the machine falls on both.
 */
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { code } } }`;

let portal: RunningPortal;

beforeAll(async () => {
  // Allowances high enough that no attempt here is refused before its password is checked.
  portal = await startPortal({ template: 'demo', config: { signInLimitPerAccount: 10_000, signInLimitPerAddress: 100_000 } });
});

afterAll(async () => {
  await portal?.stop();
});

it('measures refused sign-ins for known and unknown emails', async () => {
  let attempt = 0;
  const refused = (email: string) => async () => {
    attempt += 1;
    const response = await portal.graphql<{ signIn: { userErrors: Array<{ code: string }> } }>(SIGN_IN,
      { input: { email, password: `wrong password ${attempt}` } });
    if (response.data?.signIn.userErrors[0]?.code !== 'INVALID_CREDENTIALS') throw new Error(JSON.stringify(response));
  };
  const known = refused('provider@demo.portal');
  const unknown = refused('nobody-at-all@demo.portal');
  // One figure per case, measured in alternating rounds of 10 so both see the same machine.
  const rounds = 5;
  const times: Record<'known' | 'unknown', Array<{ p50: number; p95: number; max: number }>> = { known: [], unknown: [] };
  for (let round = 0; round < rounds; round += 1) {
    times.known.push(await measure(known, 10, round === 0 ? 3 : 0));
    times.unknown.push(await measure(unknown, 10, round === 0 ? 3 : 0));
  }
  const summary = (figures: Array<{ p50: number; p95: number; max: number }>) => {
    const p50s = figures.map((f) => f.p50).sort((a, b) => a - b);
    return { p50: p50s[Math.floor(p50s.length / 2)], p95: Math.max(...figures.map((f) => f.p95)), max: Math.max(...figures.map((f) => f.max)) };
  };
  const [k, u] = [summary(times.known), summary(times.unknown)];
  writeResults('sign-in', 'Refused sign-ins: known against unknown email', ['email', 'attempts', 'p50 ms', 'worst p95 ms', 'max ms'], [
    ['known (wrong password)', rounds * 10, k.p50, k.p95, k.max],
    ['unknown', rounds * 10, u.p50, u.p95, u.max],
  ], [
    `Ratio of medians (known / unknown): ${(k.p50 / u.p50).toFixed(2)}; near 1 means the answer's timing does not tell whether an account exists.`,
    `${rounds} alternating rounds of 10 sequential attempts each, one client over loopback HTTP; p50 is the median of the rounds' medians.`,
  ]);
});
