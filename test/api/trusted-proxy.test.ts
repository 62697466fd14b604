import { startPortal, type RunningPortal } from '../support/start-portal';

/**
 * Behind one proxy (TRUST_PROXY=1), the client's address is the one the proxy appends to
 * X-Forwarded-For, whatever the client wrote before it. Here the test plays the proxy: each request
 * carries a forged address of the client's choosing, then the client's real address.
 */
let portal: RunningPortal;
const REAL_ADDRESS = '198.51.100.23';
const PER_ADDRESS = 5;

beforeAll(async () => {
  const saved = process.env.TRUST_PROXY;
  process.env.TRUST_PROXY = '1';
  try {
    portal = await startPortal({ template: 'demo', config: { signInLimitPerAddress: PER_ADDRESS, signInLimitPerAccount: 1000 } });
  } finally {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
  }
}, 60_000);

afterAll(async () => {
  await portal?.stop();
});

const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { code } } }';

it('limits sign-in by the real address however the client sprays X-Forwarded-For, and audits that address', async () => {
  const codes: string[] = [];
  for (let i = 0; i < PER_ADDRESS + 3; i += 1) {
    const forged = `203.0.113.${i + 1}`;
    const response = await portal.graphql<{ signIn: { userErrors: Array<{ code: string }> } }>(SIGN_IN,
      { input: { email: `nobody-${i}@spray.example`, password: `guess ${i}` } },
      { headers: { 'x-forwarded-for': `${forged}, ${REAL_ADDRESS}` } });
    codes.push(response.data!.signIn.userErrors[0].code);
  }
  expect(codes.slice(0, PER_ADDRESS).every((code) => code === 'INVALID_CREDENTIALS')).toBe(true);
  expect(codes.slice(PER_ADDRESS)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);

  const rows: Array<{ ip_address: string }> = await portal.dataSource.query(
    `SELECT ip_address FROM audit_log WHERE action IN ('auth.sign_in_failed', 'auth.sign_in_limited')`);
  expect(rows.length).toBe(PER_ADDRESS + 3);
  expect(new Set(rows.map((row) => row.ip_address))).toEqual(new Set([REAL_ADDRESS]));
});
