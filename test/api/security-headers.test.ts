import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { prepareBrowserTests } from '../support/browser';
import { startPortal, type RunningPortal } from '../support/start-portal';

/**
 * Browser security headers on the client's pages, its assets and the API's JSON. The server serves
 * the built client, so build it first (npm run build).
 */
const DIST = path.resolve(__dirname, '..', '..', 'client', 'dist');
let portal: RunningPortal;

beforeAll(async () => {
  prepareBrowserTests();
  portal = await startPortal({ template: 'empty', config: { production: true, nodeEnv: 'production' } });
}, 60_000);

afterAll(async () => {
  await portal?.stop();
});

function expectSecurityHeaders(headers: Headers, where: string) {
  const policy = headers.get('content-security-policy') ?? '';
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
  expect([where, directives]).toEqual([where, expect.objectContaining({
    'default-src': "'self'", 'script-src': "'self'", 'script-src-attr': "'none'", 'style-src': "'self'",
    'object-src': "'none'", 'frame-ancestors': "'none'", 'base-uri': "'self'", 'form-action': "'self'",
  })]);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect([where, headers.get('x-content-type-options')]).toEqual([where, 'nosniff']);
  expect([where, headers.get('referrer-policy')]).toEqual([where, 'no-referrer']);
  expect([where, headers.get('x-frame-options')]).toEqual([where, 'DENY']);
  expect([where, headers.get('x-powered-by')]).toEqual([where, null]);
}

it('sends them on the client\'s pages, its assets, the API and the health checks', async () => {
  const asset = readdirSync(path.join(DIST, 'assets')).find((file) => file.endsWith('.js'))!;
  for (const where of ['/', '/p/greater-peterborough/find-training', '/admin/people', `/assets/${asset}`, '/healthz']) {
    const response = await fetch(`${portal.url}${where}`);
    expect([where, response.status]).toEqual([where, 200]);
    expectSecurityHeaders(response.headers, where);
  }
  const graphql = await portal.graphql('{ partnerships { id } }');
  expect(graphql.status).toBe(200);
  expectSecurityHeaders(graphql.headers, 'POST /graphql');
  const refused = await fetch(`${portal.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
  expect(refused.status).toBe(400);
  expectSecurityHeaders(refused.headers, 'bad JSON to /graphql');
});

it('serves a client whose page has no inline script or style for the policy to refuse', () => {
  const index = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  expect(index.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc=/.test(tag))).toBe(true);
  expect(index).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
});

it('leaves only the policy off Apollo\'s landing page outside production (its own inline script), and keeps it on JSON there', async () => {
  const development = await startPortal({ template: 'empty' });
  try {
    const landing = await fetch(`${development.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(landing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(landing.headers.get('content-security-policy')).toBeNull();
    expect(landing.headers.get('x-content-type-options')).toBe('nosniff');
    expect(landing.headers.get('x-frame-options')).toBe('DENY');
    expectSecurityHeaders((await development.graphql('{ partnerships { id } }')).headers, 'POST /graphql outside production');
  } finally {
    await development.stop();
  }
});
