import { randomBytes } from 'node:crypto';
import { startPortal, type RunningPortal } from '../support/start-portal';

/** /metrics: bounded label values whatever callers send, and closed to the public in production. */
const TOKEN = randomBytes(32).toString('hex');

describe('operation labels', () => {
  let portal: RunningPortal;

  beforeAll(async () => {
    portal = await startPortal({ template: 'empty' });
  }, 60_000);

  afterAll(async () => {
    await portal?.stop();
  });

  const metricsText = async () => (await fetch(`${portal.url}/metrics`)).text();
  const randomName = () => `Op${randomBytes(15_000).toString('hex').slice(0, 20_000)}`;
  const send = (name: string) => portal.graphql(`query ${name} { partnerships { id } }`);

  it('does not grow with operation names a caller makes up', async () => {
    // First one unknown name and one scrape, so the series they add are there before counting.
    await send(randomName());
    await metricsText();
    const before = await metricsText();
    const names = Array.from({ length: 5 }, randomName);
    for (const name of names) expect((await send(name)).status).toBe(200);
    const after = await metricsText();
    for (const name of names) expect(after).not.toContain(name.slice(0, 100));
    // Only counts and sums change: no series is added (before the fix, 5 names added 1.27 MB).
    const series = (text: string) => text.split('\n').filter((line) => line && !line.startsWith('#')).length;
    expect(series(after)).toBe(series(before));
    expect(after.length - before.length).toBeLessThan(5_000);
    expect(after).toMatch(/graphql_operations_total\{operation="other",outcome="ok"\} 6/);
  });

  it('keeps the names of the client\'s own operations', async () => {
    await send('Partnerships');
    expect(await metricsText()).toMatch(/graphql_operations_total\{operation="Partnerships",outcome="ok"\} 1/);
  });
});

describe('in production', () => {
  it('serves /metrics only with the METRICS_TOKEN bearer token', async () => {
    const portal = await startPortal({ template: 'empty', config: { production: true, nodeEnv: 'production', metricsToken: TOKEN } });
    try {
      const get = (headers: Record<string, string> = {}) => fetch(`${portal.url}/metrics`, { headers });
      const anonymous = await get();
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await anonymous.text()).not.toContain('http_requests_total');
      expect((await get({ authorization: `Bearer ${TOKEN.slice(0, -1)}x` })).status).toBe(401);
      expect((await get({ authorization: TOKEN })).status).toBe(401);
      const scraped = await get({ authorization: `Bearer ${TOKEN}` });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('http_requests_total');
    } finally {
      await portal.stop();
    }
  });

  it('does not serve /metrics at all without a token', async () => {
    const portal = await startPortal({ template: 'empty', config: { production: true, nodeEnv: 'production', metricsToken: null } });
    try {
      const response = await fetch(`${portal.url}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('http_requests_total');
    } finally {
      await portal.stop();
    }
  });
});
