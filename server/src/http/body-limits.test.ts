import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Logger } from '../observability/logger';
import { graphqlBodyParser, jsonErrorHandler } from './body-limits';

/** The error handler answers JSON: body-parser's 4xx as they are, anything else as a masked 500. */
let server: Server;
let url: string;
const logged: unknown[] = [];

beforeAll(async () => {
  const log = { error: (fields: unknown) => logged.push(fields) } as unknown as Logger;
  const app = express();
  app.post('/echo', graphqlBodyParser(), (req, res) => {
    res.json({ length: JSON.stringify(req.body).length });
  });
  app.get('/boom', () => {
    throw new Error('relation "secret_table" does not exist');
  });
  app.use(jsonErrorHandler(log));
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

it('masks an unexpected error as a 500 JSON body with a reference and no stack', async () => {
  const response = await fetch(`${url}/boom`);
  expect(response.status).toBe(500);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(/secret_table|\.ts:\d+|\bat /);
  const body = JSON.parse(text);
  expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
  expect(body.errors[0].message).toContain(body.errors[0].extensions.reference);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ reference: body.errors[0].extensions.reference });
});

it('accepts a body of 4 MB and refuses one byte more with 413 PAYLOAD_TOO_LARGE', async () => {
  const bodyOf = (bytes: number) => `{"text":"${'x'.repeat(bytes - 11)}"}`;
  const post = (body: string) => fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(bodyOf(4 * 1024 * 1024)).toHaveLength(4 * 1024 * 1024);
  expect((await post(bodyOf(4 * 1024 * 1024))).status).toBe(200);
  const refused = await post(bodyOf(4 * 1024 * 1024 + 1));
  expect(refused.status).toBe(413);
  expect(await refused.json()).toEqual({
    errors: [{ message: 'The request body is larger than the limit of 4 MB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
  });
});
