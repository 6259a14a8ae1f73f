import { In } from 'typeorm';
import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Rows per INSERT: far below SQLite's bound-parameter limit and MySQL's packet size. */
const CHUNK_SIZE = 200;

export function chunked<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Inserts the rows whose key is not in the table yet and leaves existing rows alone, so
 * re-seeding never reverts what a sysadmin changed in the admin panel (a renamed
 * department, a category's deadlines). Returns how many rows were inserted.
 */
export async function insertMissing<T extends ObjectLiteral, K extends keyof T & string>(
  manager: EntityManager,
  target: EntityTarget<T>,
  key: K,
  rows: ReadonlyArray<Pick<T, K> & Partial<T>>,
): Promise<number> {
  const repository = manager.getRepository(target);
  const existing = new Set<unknown>();
  for (const keys of chunked(rows.map((row) => row[key]))) {
    const where = { [key]: In(keys) } as FindOptionsWhere<T>;
    const found = await repository.find({ select: [key], where });
    for (const row of found) existing.add(row[key]);
  }
  const missing = rows.filter((row) => !existing.has(row[key]));
  for (const chunk of chunked(missing)) await repository.insert(chunk as QueryDeepPartialEntity<T>[]);
  return missing.length;
}
