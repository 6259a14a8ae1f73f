import type { EntityManager } from 'typeorm';
import { Report, ReportEvent } from '../db/entities';
import type { Period } from './calendar';
import {
  type CohortCount,
  IN_COHORT,
  IS_RETURN_IN_PERIOD,
  type OverdueRule,
  type RawCounts,
  ZERO_COUNTS,
  addCounts,
  cohortSelections,
} from './figures';
import {
  type Dimension,
  type GroupCounts,
  type GroupKey,
  REPORT_COLUMN,
  type RawRow,
  groupByReportColumns,
  keyAlias,
  keyOf,
  mergeGroups,
  numberOf,
} from './groups';
import { summarySources } from './monthSummaries';
import { openOverdueRows } from './openDeadlines';
import { summaryRows } from './summaryReads';
import { summaryPlan } from './summaryPlan';
import { type StatsScope, whereReportRegion, whereReportScope } from './scope';
import { statsDialect } from './sqlDialect';

/** A return belongs to the department that made it; its place and category are the report's. */
const RETURN_COLUMN: Record<Dimension, string> = { ...REPORT_COLUMN, department: 'e.departmentId' };

export interface CountsQuery {
  period: Period;
  /** When "open past the deadline" is judged. */
  now: Date;
  scope: StatsScope;
  groupBy: readonly Dimension[];
}

export { type Dimension, type GroupCounts, type GroupKey, type RawRow, numberOf } from './groups';

async function cohortRows(manager: EntityManager, query: CountsQuery, overdue: OverdueRule): Promise<GroupCounts[]> {
  const selections = cohortSelections(statsDialect(manager), overdue);
  const builder = manager.createQueryBuilder(Report, 'r').select('COUNT(*)', 'received');
  for (const [name, expression] of Object.entries(selections))
    if (name !== 'received') builder.addSelect(expression, name);
  builder
    .where(IN_COHORT, { periodStart: query.period.start, periodEnd: query.period.end })
    .setParameter('now', query.now);
  whereReportScope(builder, query.scope);
  groupByReportColumns(builder, query.groupBy);
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
 * The additive counts of a period read from the reports and return events themselves: two
 * statements, the reports of the cohort and the return events of the period. `overdue` says
 * what 超期 counts: as of `now`, or only the reports resolved late (a day's summary).
 */
export async function liveCounts(
  manager: EntityManager,
  query: CountsQuery,
  overdue: OverdueRule = 'asOfNow',
): Promise<GroupCounts[]> {
  const [cohort, returns] = await Promise.all([cohortRows(manager, query, overdue), returnRows(manager, query)]);
  return [...cohort, ...returns];
}

/**
 * The additive counts of a period, one entry per combination of `groupBy` values present
 * (no grouping: one entry, possibly all zeros). Days the scheduler has summarised and whose
 * reports have not changed since come from the summaries — whole months from the month summaries,
 * the other days from the day summaries — plus their reports open past the deadline now; the rest — today, changed days, a period not made of whole days — from the
 * reports (stats/summaryPlan.ts).
 */
export async function collectCounts(manager: EntityManager, query: CountsQuery): Promise<GroupCounts[]> {
  const plan = await summaryPlan(manager, query.period);
  const summarised = async () => {
    if (plan.summarised.length === 0) return [];
    const parts = await Promise.all([
      summarySources(manager, plan.summarised).then((sources) => summaryRows(manager, sources, query)),
      openOverdueRows(manager, plan.summarised, query),
    ]);
    return parts.flat();
  };
  const parts = await Promise.all([
    ...plan.live.map((period) => liveCounts(manager, { ...query, period })),
    summarised(),
  ]);
  const groups = mergeGroups(parts.flat(), query.groupBy);
  // A key only the days taken off a month's sum had comes to nothing: as the reports, name no such group.
  return query.groupBy.length === 0 ? groups : groups.filter((group) => !isZero(group.counts));
}

const isZero = (counts: RawCounts) => Object.values(counts).every((count) => count === 0);

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
