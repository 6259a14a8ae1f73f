import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { type RawCounts, addCounts } from './figures';

/** What counts can be grouped by. */
export type Dimension = 'department' | 'county' | 'township' | 'village' | 'grid' | 'category';

/** Every dimension: the key of a day's summary (stats/summaries.ts). */
export const ALL_DIMENSIONS: readonly Dimension[] = ['department', 'county', 'township', 'village', 'grid', 'category'];

/** Each dimension's column on reports `r`. */
export const REPORT_COLUMN: Record<Dimension, string> = {
  department: 'r.departmentId',
  county: 'r.countyCode',
  township: 'r.townshipCode',
  village: 'r.villageCode',
  grid: 'r.gridCode',
  category: 'r.categoryCode',
};

export type GroupKey = Partial<Record<Dimension, string | null>>;

export interface GroupCounts {
  key: GroupKey;
  counts: RawCounts;
}

export type RawRow = Record<string, string | number | null>;

/** MySQL answers SUM as DECIMAL (a string in mysql2) and SUM over no rows as NULL. */
export const numberOf = (value: string | number | null | undefined) =>
  value === null || value === undefined ? 0 : Number(value);

export const keyAlias = (dimension: Dimension) => `key_${dimension}`;

/** The group key of a raw row; `missing` is how the row writes "none" (NULL, or the summaries' empty string). */
export function keyOf(row: RawRow, groupBy: readonly Dimension[], missing: null | '' = null): GroupKey {
  const key: GroupKey = {};
  for (const dimension of groupBy) {
    const value = row[keyAlias(dimension)];
    key[dimension] = value === null || value === undefined || value === missing ? null : String(value);
  }
  return key;
}

/** One entry per key: the sum of the groups that share it. */
export function mergeGroups(groups: readonly GroupCounts[], groupBy: readonly Dimension[]): GroupCounts[] {
  const merged = new Map<string, GroupCounts>();
  for (const group of groups) {
    const id = JSON.stringify(groupBy.map((dimension) => group.key[dimension] ?? null));
    const known = merged.get(id);
    merged.set(id, known ? { key: known.key, counts: addCounts(known.counts, group.counts) } : group);
  }
  return [...merged.values()];
}

/** Groups a statement over reports `r` by `groupBy`, selecting each key under its alias. */
export function groupByReportColumns<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  groupBy: readonly Dimension[],
): void {
  for (const dimension of groupBy)
    builder.addSelect(REPORT_COLUMN[dimension], keyAlias(dimension)).addGroupBy(REPORT_COLUMN[dimension]);
}
