import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../server/src/db/data-source';
import { loadDemoData } from '../../server/src/db/demo/load-demo-data';

/**
 * Each test file gets its own database, cloned from a template that is migrated (and, for
 * 'demo', loaded with the demo partnership) once per jest run. Cloning takes a fraction of a
 * second, so files run in parallel without seeing each other's rows.
 */
export type Template = 'empty' | 'demo';

/** The demo is dated relative to this instant in tests, so assertions do not drift with the clock. */
export const DEMO_NOW = new Date(process.env.PORTAL_TEST_NOW ?? Date.now());

/** Password of the …@demo.portal accounts in the demo template. */
export const DEMO_PASSWORD = 'partnership-demo';

const TEMPLATE_LOCK = 727_001;

function adminUrl(): string {
  const url = process.env.PORTAL_TEST_ADMIN_URL;
  if (!url) throw new Error('PORTAL_TEST_ADMIN_URL is not set: run tests through jest (global setup)');
  return url;
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export const dbSettings = { dbPoolSize: 10, dbStatementTimeoutMs: 30000, dbConnectTimeoutMs: 10000 };

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function buildTemplate(client: Client, template: Template, name: string): Promise<void> {
  await client.query(`CREATE DATABASE "${name}"`);
  const dataSource = createDataSource(urlFor(name), dbSettings);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    if (template === 'demo') await loadDemoData(dataSource, { now: DEMO_NOW, scale: 1, demoPassword: DEMO_PASSWORD });
  } finally {
    await dataSource.destroy();
  }
  await client.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true`);
}

/** A fresh database for one test file; the caller destroys the data source when done. */
export async function createTestDatabase(template: Template = 'empty'): Promise<{ url: string; name: string }> {
  // Templates are per jest run (the key is the run's start time), so a stale one is never reused.
  const runKey = (process.env.PORTAL_TEST_RUN_KEY ?? String(process.ppid)).toLowerCase();
  const templateName = `tpl_${template}_${runKey}`;
  const name = `t_${runKey}_${randomBytes(5).toString('hex')}`;
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateName]);
      if (!rowCount) await buildTemplate(client, template, templateName);
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return { url: urlFor(name), name };
}

export async function openTestDataSource(template: Template = 'empty'): Promise<DataSource> {
  const { url } = await createTestDatabase(template);
  const dataSource = createDataSource(url, dbSettings);
  await dataSource.initialize();
  return dataSource;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
