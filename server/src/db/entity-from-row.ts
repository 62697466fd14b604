import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/**
 * A column as read from a row: its key in the row, the property it fills, whether its value goes
 * through the driver's hydration, and whether it is set as a property of its own (worked out once;
 * asking TypeORM per row and column was half of building the catalogue page's entities).
 */
interface RowColumn { key: string; property: string; column: ColumnMetadata; hydrate: boolean; direct: boolean }
interface RowShape { metadata: EntityMetadata; columns: RowColumn[] }

/**
 * Column types whose value from pg is already what the entity holds: the driver's hydration
 * passes them through (it converts dates, times, enums, hstore and the like), so it is only called
 * for a column of another type or with a transformer.
 */
const AS_PG_GIVES = new Set(['uuid', 'text', 'varchar', 'character varying', 'integer', 'int', 'smallint', 'double precision', 'real', 'boolean']);

function rowColumn(column: ColumnMetadata, prefix: string): RowColumn {
  const typed = typeof column.type === 'string' && AS_PG_GIVES.has(column.type);
  return {
    key: prefix + column.databaseName, property: column.propertyName, column,
    hydrate: !typed || column.transformer !== undefined,
    // An embedded or relation-id column nests its value; every other column is a property of its own.
    direct: !column.embeddedMetadata && !(column.isVirtual && column.referencedColumn),
  };
}

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
    shape = { metadata, columns: metadata.columns.map((column) => rowColumn(column, prefix)) };
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
  const entity = metadata.create() as Record<string, unknown>;
  const driver = dataSource.driver;
  for (const { key, property, column, hydrate, direct } of columns) {
    const raw = row[key];
    if (raw === undefined && !(key in row)) throw new Error(`${metadata.tableName}: the row has no column ${key}`);
    const value = hydrate ? driver.prepareHydratedValue(raw, column) : raw;
    if (direct) entity[property] = value;
    else column.setEntityValue(entity, value);
  }
  return entity as T;
}
