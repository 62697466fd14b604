import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

interface RowShape { metadata: EntityMetadata; columns: Array<{ key: string; column: ColumnMetadata }> }

/**
 * Per data source, entity and column prefix: the entity's metadata and each column's key in the
 * row, worked out once (TypeORM's metadata lookup and a key built per row and column were most of
 * the catalogue page's own time).
 */
const SHAPES = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, Map<string, RowShape>>>();

function shapeOf(dataSource: DataSource, target: EntityTarget<ObjectLiteral>, prefix: string): RowShape {
  let byTarget = SHAPES.get(dataSource);
  if (!byTarget) SHAPES.set(dataSource, byTarget = new Map());
  let byPrefix = byTarget.get(target);
  if (!byPrefix) byTarget.set(target, byPrefix = new Map());
  let shape = byPrefix.get(prefix);
  if (!shape) {
    const metadata = dataSource.getMetadata(target);
    shape = { metadata, columns: metadata.columns.map((column) => ({ key: prefix + column.databaseName, column })) };
    byPrefix.set(prefix, shape);
  }
  return shape;
}

/**
 * The entity TypeORM would have built from a raw row of `SELECT x.*` (column names, driver
 * values): each column through the driver's hydration and its transformer, as the query builder
 * does. It lets a reporting statement written in SQL (positional parameters, GROUPING SETS) also
 * carry the rows that resolvers need as entities, instead of a second statement to load them.
 * With a prefix, the entity's columns are read from `<prefix><column>` (one row carrying several
 * entities, as `SELECT s.id AS s_id, c.id AS c_id …`).
 */
export function entityFromRow<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, row: Record<string, unknown>, prefix = ''): T {
  const { metadata, columns } = shapeOf(dataSource, target as EntityTarget<ObjectLiteral>, prefix);
  const entity = metadata.create() as T;
  const driver = dataSource.driver;
  for (const { key, column } of columns) {
    if (!(key in row)) throw new Error(`${metadata.tableName}: the row has no column ${key}`);
    column.setEntityValue(entity, driver.prepareHydratedValue(row[key], column));
  }
  return entity;
}
