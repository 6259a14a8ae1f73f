import type { EntityManager } from 'typeorm';
import { Report, ReportEvent } from '../db/entities';
import type { Period } from './calendar';
import {
  type CohortCount,
  IN_COHORT,
  IS_RETURN_IN_PERIOD,
  type RawCounts,
  ZERO_COUNTS,
  addCounts,
  cohortSelections,
} from './figures';
import { type StatsScope, whereReportRegion, whereReportScope } from './scope';
import { statsDialect } from './sqlDialect';

/** What counts can be grouped by. */
export type Dimension = 'department' | 'township' | 'village' | 'category';

const REPORT_COLUMN: Record<Dimension, string> = {
  department: 'r.departmentId',
  township: 'r.townshipCode',
  village: 'r.villageCode',
  category: 'r.categoryCode',
};
/** A return belongs to the department that made it; its place and category are the report's. */
const RETURN_COLUMN: Record<Dimension, string> = { ...REPORT_COLUMN, department: 'e.departmentId' };

export interface CountsQuery {
  period: Period;
  /** When "open past the deadline" is judged. */
  now: Date;
  scope: StatsScope;
  groupBy: readonly Dimension[];
}

export type GroupKey = Partial<Record<Dimension, string | null>>;

export interface GroupCounts {
  key: GroupKey;
  counts: RawCounts;
}

export type RawRow = Record<string, string | number | null>;

/** MySQL answers SUM as DECIMAL (a string in mysql2) and SUM over no rows as NULL. */
export const numberOf = (value: string | number | null | undefined) =>
  value === null || value === undefined ? 0 : Number(value);
const keyAlias = (dimension: Dimension) => `key_${dimension}`;

function keyOf(row: RawRow, groupBy: readonly Dimension[]): GroupKey {
  const key: GroupKey = {};
  for (const dimension of groupBy) {
    const value = row[keyAlias(dimension)];
    key[dimension] = value === null || value === undefined ? null : String(value);
  }
  return key;
}

async function cohortRows(manager: EntityManager, query: CountsQuery): Promise<GroupCounts[]> {
  const selections = cohortSelections(statsDialect(manager));
  const builder = manager.createQueryBuilder(Report, 'r').select('COUNT(*)', 'received');
  for (const [name, expression] of Object.entries(selections))
    if (name !== 'received') builder.addSelect(expression, name);
  builder
    .where(IN_COHORT, { periodStart: query.period.start, periodEnd: query.period.end })
    .setParameter('now', query.now);
  whereReportScope(builder, query.scope);
  for (const dimension of query.groupBy)
    builder.addSelect(REPORT_COLUMN[dimension], keyAlias(dimension)).addGroupBy(REPORT_COLUMN[dimension]);
  const rows: RawRow[] = await builder.getRawMany();
  return rows.map((row) => {
    const counts = { ...ZERO_COUNTS };
    for (const name of Object.keys(selections) as CohortCount[]) counts[name] = numberOf(row[name]);
    return { key: keyOf(row, query.groupBy), counts };
  });
}

async function returnRows(manager: EntityManager, query: CountsQuery): Promise<GroupCounts[]> {
  const builder = manager
    .createQueryBuilder(ReportEvent, 'e')
    .select('COUNT(*)', 'returns')
    .where(IS_RETURN_IN_PERIOD, { periodStart: query.period.start, periodEnd: query.period.end });
  const needsReport = query.scope.regionCode !== null || query.groupBy.some((dimension) => dimension !== 'department');
  if (needsReport) builder.innerJoin(Report, 'r', 'r.id = e.reportId');
  if (query.scope.regionCode) whereReportRegion(builder, query.scope.regionCode);
  if (query.scope.departmentId)
    builder.andWhere('e.departmentId = :scopeDepartment', { scopeDepartment: query.scope.departmentId });
  for (const dimension of query.groupBy)
    builder.addSelect(RETURN_COLUMN[dimension], keyAlias(dimension)).addGroupBy(RETURN_COLUMN[dimension]);
  const rows: RawRow[] = await builder.getRawMany();
  return rows
    .map((row) => ({ key: keyOf(row, query.groupBy), counts: { ...ZERO_COUNTS, returns: numberOf(row.returns) } }))
    .filter((group) => group.counts.returns > 0);
}

/**
 * The additive counts of a period, one entry per combination of `groupBy` values present
 * (no grouping: one entry, possibly all zeros). Two statements: the reports of the cohort,
 * and the return events of the period.
 */
export async function collectCounts(manager: EntityManager, query: CountsQuery): Promise<GroupCounts[]> {
  const [cohort, returns] = await Promise.all([cohortRows(manager, query), returnRows(manager, query)]);
  const merged = new Map<string, GroupCounts>();
  for (const group of [...cohort, ...returns]) {
    const id = JSON.stringify(query.groupBy.map((dimension) => group.key[dimension] ?? null));
    const known = merged.get(id);
    merged.set(id, known ? { key: known.key, counts: addCounts(known.counts, group.counts) } : group);
  }
  return [...merged.values()];
}

/** Sums groups by a key derived from each group's key: e.g. (department, township) rows into counties. */
export function rollUpBy(
  groups: readonly GroupCounts[],
  keyOf: (key: GroupKey) => string | null,
): Map<string | null, RawCounts> {
  const totals = new Map<string | null, RawCounts>();
  for (const group of groups) {
    const key = keyOf(group.key);
    totals.set(key, addCounts(totals.get(key) ?? ZERO_COUNTS, group.counts));
  }
  return totals;
}

/** Sums groups into one of their dimensions: e.g. (department, township) rows into townships. */
export function rollUp(groups: readonly GroupCounts[], dimension: Dimension): Map<string | null, RawCounts> {
  return rollUpBy(groups, (key) => key[dimension] ?? null);
}

export function totalOf(groups: readonly GroupCounts[]): RawCounts {
  return groups.reduce((sum, group) => addCounts(sum, group.counts), ZERO_COUNTS);
}
