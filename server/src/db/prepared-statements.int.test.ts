import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { StatementNames } from './prepared-statements';
import { createTestDatabase, dbSettings } from '../../../test/support/test-database';

/**
 * Parameterised statements are prepared once per connection (db/prepared-statements.ts): checked
 * on a real PostgreSQL through the portal's own data source, by what the server says it holds
 * (pg_prepared_statements is per connection, so each check runs on one query runner).
 */
describe('prepared statements', () => {
  let url: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ url } = await createTestDatabase());
    dataSource = createDataSource(url, { ...dbSettings, dbPoolSize: 1 });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE prepared_probe (id int PRIMARY KEY, label text)');
    await dataSource.query(`INSERT INTO prepared_probe VALUES (1, 'one'), (2, 'two')`);
  });
  afterAll(() => dataSource?.destroy());

  const preparedTexts = async (): Promise<string[]> =>
    (await dataSource.query('SELECT statement FROM pg_prepared_statements WHERE NOT from_sql') as Array<{ statement: string }>)
      .map((row) => row.statement);

  it('prepares a statement with parameters, once, and answers from it', async () => {
    const text = 'SELECT label FROM prepared_probe WHERE id = $1';
    expect(await dataSource.query(text, [1])).toEqual([{ label: 'one' }]);
    expect(await dataSource.query(text, [2])).toEqual([{ label: 'two' }]);
    expect((await preparedTexts()).filter((statement) => statement === text)).toHaveLength(1);
  });

  it('sends statements without parameters as they are (a script of several statements still runs)', async () => {
    await dataSource.query(`UPDATE prepared_probe SET label = 'uno' WHERE id = 1; UPDATE prepared_probe SET label = 'one' WHERE id = 1`);
    const [{ label }] = await dataSource.query('SELECT label FROM prepared_probe WHERE id = 1');
    expect(label).toBe('one');
    expect(await preparedTexts()).not.toContain('SELECT label FROM prepared_probe WHERE id = 1');
  });

  it('answers a prepared statement whose table changed shape by sending it again unnamed', async () => {
    const text = 'SELECT * FROM prepared_probe WHERE id = $1';
    expect(await dataSource.query(text, [1])).toEqual([{ id: 1, label: 'one' }]);
    // Another process's migration: the prepared plan's result type no longer holds.
    await dataSource.query(`ALTER TABLE prepared_probe ADD COLUMN added text DEFAULT 'x'`);
    expect(await dataSource.query(text, [1])).toEqual([{ id: 1, label: 'one', added: 'x' }]);
    expect(await dataSource.query(text, [2])).toEqual([{ id: 2, label: 'two', added: 'x' }]);
  });

  it('fails a transaction whose prepared statement changed shape with that error, not the aborted retry\'s', async () => {
    const text = 'SELECT * FROM prepared_probe WHERE id = $1 AND true';
    await dataSource.query(text, [1]);
    await dataSource.query('ALTER TABLE prepared_probe ADD COLUMN later text');
    await expect(dataSource.transaction((manager) => manager.query(text, [1])))
      .rejects.toMatchObject({ driverError: { code: '0A000' } });
    // Outside a transaction it is then sent unnamed, and answers.
    expect(await dataSource.query(text, [2])).toEqual([{ id: 2, label: 'two', added: 'x', later: null }]);
  });

  it('reports a failing statement as before (a constraint violation keeps its code)', async () => {
    await expect(dataSource.query('INSERT INTO prepared_probe (id, label) VALUES ($1, $2)', [1, 'again']))
      .rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(await dataSource.query('SELECT count(*)::int AS n FROM prepared_probe WHERE id = $1', [1])).toEqual([{ n: 1 }]);
  });

  it('can be turned off (DB_PREPARED_STATEMENTS=false, for a pooler in transaction mode)', async () => {
    const plain = createDataSource(url, { ...dbSettings, dbPoolSize: 1, dbPreparedStatements: false });
    await plain.initialize();
    try {
      expect(await plain.query('SELECT label FROM prepared_probe WHERE id = $1', [2])).toEqual([{ label: 'two' }]);
      expect(await plain.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).toEqual([{ n: 0 }]);
    } finally {
      await plain.destroy();
    }
  });
});

describe('StatementNames', () => {
  it('gives one text one name, different texts different names, and stops naming at its limit', () => {
    const names = new StatementNames(2);
    const a = names.nameFor('SELECT $1');
    expect(a).toMatch(/^p_[\w-]+$/);
    expect(names.nameFor('SELECT $1')).toBe(a);
    const b = names.nameFor('SELECT $1, $2');
    expect(b).not.toBe(a);
    expect(names.nameFor('SELECT $1, $2, $3')).toBeNull();
    expect(names.nameFor('SELECT $1')).toBe(a);
    expect(names.size).toBe(2);
  });

  it('never names a text again once forgotten', () => {
    const names = new StatementNames(5);
    names.nameFor('SELECT $1');
    names.forget('SELECT $1');
    expect(names.nameFor('SELECT $1')).toBeNull();
  });
});
