import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';

/**
 * One query for every id asked for in the same tick, answered in key order (null for a
 * missing id). Built per request: the cache must not outlive the request or cross viewers.
 */
export function byIdLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  key: keyof T & string = 'id',
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ [key]: In([...ids]) } as never);
    const byKey = new Map(rows.map((row) => [row[key] as string, row]));
    return ids.map((id) => byKey.get(id) ?? null);
  });
}

/** All rows whose foreign key is in the batch, grouped by that key (an empty list when none). */
export function groupedLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  key: keyof T & string,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ [key]: In([...ids]) } as never);
    const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const row of rows) groups.get(row[key] as string)?.push(row);
    return ids.map((id) => groups.get(id) ?? []);
  });
}
