import type { ClientBase } from 'pg';

/**
 * Which tables and sequences a backup holds, read from the database's own catalogue so that a
 * table added by a later migration is backed up without anyone remembering to list it.
 *
 * The portal's tables (schema public) and graphile-worker's queue (schema graphile_worker: jobs
 * queued in a booking's transaction must survive a restore like the booking). The two migration
 * ledgers (public.schema_migration, graphile_worker.migrations) are not copied: a restore runs
 * the migrations, which write them, and checks they match the archive's.
 */
export const BACKED_UP_SCHEMAS = ['public', 'graphile_worker'];
const MIGRATION_TABLES = new Set(['public.schema_migration', 'graphile_worker.migrations']);

export interface TableInfo {
  schema: string;
  table: string;
  /** Columns a COPY writes and reads: every column but the generated ones, in column order. */
  columns: string[];
}

export const qualified = (schema: string, name: string): string => `${quote(schema)}.${quote(name)}`;
export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;
export const keyOf = (t: { schema: string; table: string }): string => `${t.schema}.${t.table}`;

/**
 * Every ordinary table of the backed-up schemas, ordered so that a table comes after every table
 * its foreign keys point to (a restore then loads them in this order with every constraint
 * checked). A table referring to itself is fine (COPY checks its keys at the end of the
 * statement); a cycle between tables is not, and is reported.
 */
export async function tablesInRestoreOrder(client: ClientBase): Promise<TableInfo[]> {
  const { rows: columns } = await client.query<{ schema: string; table: string; columns: string[] }>(
    `SELECT n.nspname AS schema, c.relname AS table,
            array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attgenerated = '') AS columns
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1) AND NOT c.relispartition
     GROUP BY n.nspname, c.relname
     ORDER BY n.nspname, c.relname`, [BACKED_UP_SCHEMAS]);
  const { rows: references } = await client.query<{ from_key: string; to_key: string }>(
    `SELECT fn.nspname || '.' || fc.relname AS from_key, tn.nspname || '.' || tc.relname AS to_key
     FROM pg_constraint k
     JOIN pg_class fc ON fc.oid = k.conrelid JOIN pg_namespace fn ON fn.oid = fc.relnamespace
     JOIN pg_class tc ON tc.oid = k.confrelid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
     WHERE k.contype = 'f' AND fn.nspname = ANY($1) AND k.conrelid <> k.confrelid`, [BACKED_UP_SCHEMAS]);

  const tables = columns
    .map((row) => ({ schema: row.schema, table: row.table, columns: row.columns ?? [] }))
    .filter((t) => !MIGRATION_TABLES.has(keyOf(t)));
  const byKey = new Map(tables.map((t) => [keyOf(t), t]));
  const dependsOn = new Map<string, Set<string>>(tables.map((t) => [keyOf(t), new Set()]));
  for (const { from_key: from, to_key: to } of references) {
    if (byKey.has(from) && byKey.has(to)) dependsOn.get(from)!.add(to);
  }

  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (key: string, path: string[]): void => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') throw new Error(`foreign keys form a cycle (${[...path, key].join(' → ')}): these tables cannot be restored one after another`);
    state.set(key, 'visiting');
    for (const target of dependsOn.get(key)!) visit(target, [...path, key]);
    state.set(key, 'done');
    ordered.push(byKey.get(key)!);
  };
  for (const table of tables) visit(keyOf(table), []);
  return ordered;
}

/** Sequences of the backed-up schemas (identity and serial columns' counters). */
export async function sequencesOf(client: ClientBase): Promise<Array<{ schema: string; sequence: string }>> {
  const { rows } = await client.query<{ schema: string; sequence: string }>(
    `SELECT n.nspname AS schema, c.relname AS sequence FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'S' AND n.nspname = ANY($1) ORDER BY 1, 2`, [BACKED_UP_SCHEMAS]);
  return rows;
}

/** The exact row count (count(*)) of each table, keyed `schema.table`. */
export async function rowCounts(client: ClientBase, tables: Array<{ schema: string; table: string }>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const { rows: [{ count }] } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${qualified(t.schema, t.table)}`);
    counts[keyOf(t)] = count;
  }
  return counts;
}
