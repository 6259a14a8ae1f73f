import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { groupWhileBusy } from './groupWhileBusy';

/** Per entity: the statement reading one row by its id, its columns and primary column, built once. */
const statements = new WeakMap<
  EntityMetadata,
  { sql: string; columns: ColumnMetadata[]; select: string; primary: ColumnMetadata }
>();

function statementFor(manager: EntityManager, metadata: EntityMetadata) {
  let statement = statements.get(metadata);
  if (!statement) {
    const [primary, ...more] = metadata.primaryColumns;
    if (!primary || more.length > 0 || metadata.relations.length > 0)
      throw new Error(`findRowById: ${metadata.name} needs one primary column and no relations`);
    const { driver } = manager.connection;
    // What findOneBy selects: every selectable column.
    const columns = metadata.columns.filter((column) => column.isSelect && !column.isVirtual);
    const select =
      `SELECT ${columns.map((column) => driver.escape(column.databaseName)).join(', ')} ` +
      `FROM ${driver.escape(metadata.tableName)} WHERE ${driver.escape(primary.databaseName)}`;
    statement = { columns, select, primary, sql: `${select} = ? LIMIT 1` };
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
  return raw ? hydrate<T>(manager, metadata, columns, raw) : null;
}

function hydrate<T extends ObjectLiteral>(
  manager: EntityManager,
  metadata: EntityMetadata,
  columns: ColumnMetadata[],
  raw: Record<string, unknown>,
): T {
  const { driver } = manager.connection;
  const row = metadata.create() as T;
  for (const column of columns)
    column.setEntityValue(row, driver.prepareHydratedValue(raw[column.databaseName], column));
  return row;
}

/** At most this many ids are read in one statement. */
const GROUP_SIZE = 50;

const readers = new WeakMap<DataSource, Map<EntityMetadata, (id: string) => Promise<unknown>>>();

/**
 * findRowById outside any transaction, for the rows every request reads (the signed-in account):
 * ids asked for while a read of the same entity is under way are read together by the next
 * statement (`WHERE id IN (…)`), one round trip for many requests. The statement starts after
 * each of its ids was asked for, so it sees every commit made before; each caller gets its own object.
 */
export function readRowById<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  id: string,
): Promise<T | null> {
  const metadata = dataSource.getMetadata(entity);
  let byEntity = readers.get(dataSource);
  if (!byEntity) readers.set(dataSource, (byEntity = new Map()));
  let read = byEntity.get(metadata);
  if (!read) {
    const manager = dataSource.manager;
    const { select, columns, primary } = statementFor(manager, metadata);
    read = groupWhileBusy(async (ids: string[]) => {
      const raws = (await manager.query(`${select} IN (${ids.map(() => '?').join(', ')})`, ids)) as Record<
        string,
        unknown
      >[];
      const byId = new Map(raws.map((raw) => [String(raw[primary.databaseName]), raw]));
      return ids.map((one): PromiseFulfilledResult<T | null> => {
        const raw = byId.get(one);
        return { status: 'fulfilled', value: raw ? hydrate<T>(manager, metadata, columns, raw) : null };
      });
    }, GROUP_SIZE);
    byEntity.set(metadata, read);
  }
  return read(id) as Promise<T | null>;
}
