import { existsSync } from 'node:fs';
import path from 'node:path';
import { startPortal, type RunningPortal } from '../support/start-portal';

/** The server knows the client's addresses: a known one answers 200, any other 404, both with the client's page. */
let portal: RunningPortal;
const clientDist = path.resolve(__dirname, '..', '..', 'client', 'dist');

beforeAll(async () => {
  if (!existsSync(path.join(clientDist, 'routes.json'))) throw new Error('build the client first (npm run build)');
  portal = await startPortal({ template: 'empty', config: { clientDist } });
}, 60_000);

afterAll(async () => {
  await portal?.stop();
});

async function get(address: string) {
  const response = await fetch(`${portal.url}${address}`);
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
}

it.each([
  '/', '/p/greater-peterborough/find-training', '/p/greater-peterborough/sessions/5f1e9c1a-0000-4000-8000-000000000000',
  '/p/greater-peterborough', '/sign-in', '/accept-invitation', '/funding', '/funding/streams/abc', '/admin/organisations', '/bookings/requests',
  '/p/greater-peterborough/find-training/', '/organisation/compliance/settings', '/organisation/learning-records', '/learning-activity',
])('serves the client with 200 at %s', async (address) => {
  const response = await get(address);
  expect(response.status).toBe(200);
  expect(response.type).toMatch(/^text\/html/);
  expect(response.body).toContain('<div id="root">');
});

it.each([
  '/no-such-page', '/p/greater-peterborough/no-such-page', '/p/greater-peterborough/sessions/1/more', '/funding/streams',
  '/admin/organisations/new/extra', '/robots', '/%E2%9C%93', '/organisation/compliance/settings/extra', '/learning-activity/2025',
])('answers 404 with the client (its page-not-found) at %s', async (address) => {
  const response = await get(address);
  expect(response.status).toBe(404);
  expect(response.type).toMatch(/^text\/html/);
  expect(response.body).toContain('<div id="root">');
});

it('leaves the API routes alone', async () => {
  expect((await get('/healthz')).status).toBe(200);
  expect((await get('/graphql/nothing')).status).not.toBe(200);
});
