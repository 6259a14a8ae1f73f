import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A page of a list as every list query states it (shared PageQuerySchema): `page` counts from 1. */
export interface Paging {
  page: number;
  pageSize: number;
}

/** The rows a page covers, as TypeORM's find options name them. */
export function pageWindow({ page, pageSize }: Paging): { skip: number; take: number } {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

/** A query builder limited to one page. */
export function paged<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, paging: Paging): SelectQueryBuilder<T> {
  const { skip, take } = pageWindow(paging);
  return query.skip(skip).take(take);
}

/** One page of rows already in memory. */
export function pageSlice<T>(rows: readonly T[], paging: Paging): T[] {
  const { skip, take } = pageWindow(paging);
  return rows.slice(skip, skip + take);
}
