import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** Per entity: the statement reading one row by its id, and its columns, built once. */
const statements = new WeakMap<EntityMetadata, { sql: string; columns: ColumnMetadata[] }>();

function statementFor(manager: EntityManager, metadata: EntityMetadata) {
  let statement = statements.get(metadata);
  if (!statement) {
    const [primary, ...more] = metadata.primaryColumns;
    if (!primary || more.length > 0 || metadata.relations.length > 0)
      throw new Error(`findRowById: ${metadata.name} needs one primary column and no relations`);
    const { driver } = manager.connection;
    // What findOneBy selects: every selectable column.
    const columns = metadata.columns.filter((column) => column.isSelect && !column.isVirtual);
    statement = {
      columns,
      sql:
        `SELECT ${columns.map((column) => driver.escape(column.databaseName)).join(', ')} ` +
        `FROM ${driver.escape(metadata.tableName)} WHERE ${driver.escape(primary.databaseName)} = ? LIMIT 1`,
    };
    statements.set(metadata, statement);
  }
  return statement;
}

/**
 * The row with this id as the entity findOneBy would return — values converted by the driver's
 * own prepareHydratedValue (dates, booleans, transformers) — or null, without building the query
 * anew per call: on the path of every signed-in request the query builder cost more CPU than the
 * database spent on the row.
 */
export async function findRowById<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
): Promise<T | null> {
  const metadata = manager.connection.getMetadata(entity);
  const { sql, columns } = statementFor(manager, metadata);
  const [raw] = (await manager.query(sql, [id])) as Record<string, unknown>[];
  if (!raw) return null;
  const { driver } = manager.connection;
  const row = metadata.create() as T;
  for (const column of columns)
    column.setEntityValue(row, driver.prepareHydratedValue(raw[column.databaseName], column));
  return row;
}
