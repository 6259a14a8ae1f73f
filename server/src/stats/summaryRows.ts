import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { insertRows } from '../db/insertRows';
import type { GroupKey } from './groups';

/** Rows per INSERT when a summary day is written: well under every driver's parameter limit. */
const ROWS_PER_INSERT = 500;

/** The key columns every summary table shares; a dimension the group has no value for is ''. */
export function summaryKeyColumns(key: GroupKey) {
  return {
    departmentId: key.department ?? '',
    countyCode: key.county ?? '',
    townshipCode: key.township ?? '',
    villageCode: key.village ?? '',
    gridCode: key.grid ?? '',
    categoryCode: key.category ?? '',
  };
}

/** Replaces the rows of one day (or month) of a summary table, inside the caller's transaction. */
export async function replaceRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  which: FindOptionsWhere<T>,
  rows: readonly T[],
): Promise<void> {
  await manager.delete(entity, which);
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
    await insertRows(manager, entity, rows.slice(start, start + ROWS_PER_INSERT));
}
