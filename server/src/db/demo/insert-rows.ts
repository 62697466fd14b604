import type { EntityManager } from 'typeorm';

/**
 * Inserts rows in chunks with one statement per chunk: each column travels as one array
 * parameter and unnest() zips them back into rows, so a chunk costs one round trip and the
 * statement text does not grow with the number of rows.
 */
export type SqlType =
  | 'uuid' | 'text' | 'smallint' | 'integer' | 'bigint' | 'boolean' | 'timestamptz' | 'double precision' | 'text[]' | 'jsonb' | 'date';

export type ColumnTypes<Row> = { readonly [K in keyof Row]-?: SqlType };

const CHUNK_ROWS = 1000;

/** A PostgreSQL array literal: unnest() would flatten a two-dimensional array parameter. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function toParameter(value: unknown, type: SqlType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'text[]') return arrayLiteral(value as string[]);
  if (type === 'jsonb') return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

export async function insertRows<Row extends object>(
  manager: EntityManager,
  table: string,
  columns: ColumnTypes<Row>,
  rows: readonly Row[],
): Promise<void> {
  const names = Object.keys(columns) as Array<keyof Row & string>;
  const types = names.map((name) => columns[name]);
  // Array columns travel as text literals and are cast back row by row.
  const arrayParamType = (type: SqlType) => (type === 'text[]' ? 'text' : type);
  const sql =
    `INSERT INTO ${table} (${names.join(', ')}) ` +
    `SELECT ${names.map((n, i) => (types[i] === 'text[]' ? `u.${n}::text[]` : `u.${n}`)).join(', ')} ` +
    `FROM unnest(${types.map((t, i) => `$${i + 1}::${arrayParamType(t)}[]`).join(', ')}) ` +
    `AS u(${names.join(', ')})`;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const parameters = names.map((name, i) => chunk.map((row) => toParameter(row[name], types[i])));
    await manager.query(sql, parameters);
  }
}
