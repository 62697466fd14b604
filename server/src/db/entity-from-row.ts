import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The entity TypeORM would have built from a raw row of `SELECT x.*` (column names, driver
 * values): each column through the driver's hydration and its transformer, as the query builder
 * does. It lets a reporting statement written in SQL (positional parameters, GROUPING SETS) also
 * carry the rows that resolvers need as entities, instead of a second statement to load them.
 */
export function entityFromRow<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!(column.databaseName in row)) throw new Error(`${metadata.tableName}: the row has no column ${column.databaseName}`);
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}
