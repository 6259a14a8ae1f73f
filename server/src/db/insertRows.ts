import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** Per entity and row count: the statement and its columns, built once. */
const statements = new WeakMap<object, Map<number, { sql: string; columns: ColumnMetadata[] }>>();

function statementFor(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rowCount: number) {
  const metadata = manager.connection.getMetadata(entity);
  let byCount = statements.get(metadata);
  if (!byCount) statements.set(metadata, (byCount = new Map()));
  let statement = byCount.get(rowCount);
  if (!statement) {
    const { driver } = manager.connection;
    const columns = metadata.columns.filter((column) => column.isInsert && !column.isVirtual);
    const row = `(${columns.map(() => '?').join(', ')})`;
    statement = {
      columns,
      sql:
        `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((column) => driver.escape(column.databaseName)).join(', ')}) ` +
        `VALUES ${Array.from({ length: rowCount }, () => row).join(', ')}`,
    };
    byCount.set(rowCount, statement);
  }
  return statement;
}

/**
 * Inserts whole rows — every column given — in one statement, with the values converted exactly as
 * the ORM converts them (the driver's own preparePersistentValue: dates, booleans, transformers),
 * but without building the statement anew per request. On the submission path the query builder
 * cost more CPU than the database spent on the rows. A column left undefined is a bug here: it
 * would silently take NULL instead of its default.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const { sql, columns } = statementFor(manager, entity, rows.length);
  const { driver } = manager.connection;
  const parameters: unknown[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const value = column.getEntityValue(row);
      if (value === undefined) throw new Error(`insertRows: ${column.propertyName} is not given`);
      parameters.push(driver.preparePersistentValue(value, column));
    }
  }
  await manager.query(sql, parameters);
}
