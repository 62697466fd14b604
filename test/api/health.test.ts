import { startPortal, type RunningPortal } from '../support/start-portal';

let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal({ template: 'empty' });
}, 60_000);

afterAll(async () => {
  await portal?.stop();
});

describe('health, readiness and metrics', () => {
  it('is healthy and ready when migrated', async () => {
    expect((await fetch(`${portal.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${portal.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while a migration is missing', async () => {
    const [last] = await portal.dataSource.query('SELECT id, name, timestamp FROM schema_migration ORDER BY id DESC LIMIT 1');
    await portal.dataSource.query('DELETE FROM schema_migration WHERE id = $1', [last.id]);
    try {
      const ready = await fetch(`${portal.url}/readyz`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).pending).toEqual([last.name]);
    } finally {
      await portal.dataSource.query('INSERT INTO schema_migration (id, timestamp, name) VALUES ($1, $2, $3)',
        [last.id, last.timestamp, last.name]);
    }
  });

  it('exposes Prometheus metrics with request counts, latencies and SQL statements', async () => {
    await portal.graphql('query Partnerships { partnerships { id } }');
    const text = await (await fetch(`${portal.url}/metrics`)).text();
    expect(text).toMatch(/http_requests_total\{method="POST",route="graphql",status="200"\} \d+/);
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toMatch(/graphql_sql_statements_count\{operation="Partnerships"\} 1/);
  });

  it('masks unexpected errors and gives a reference', async () => {
    await portal.dataSource.query('ALTER TABLE partnership RENAME TO partnership_gone');
    try {
      const response = await portal.graphql('{ partnerships { id } }');
      expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(response.errors?.[0].message).not.toMatch(/relation|partnership_gone|SELECT/i);
      expect(response.errors?.[0].extensions?.reference).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await portal.dataSource.query('ALTER TABLE partnership_gone RENAME TO partnership');
    }
  });
});
