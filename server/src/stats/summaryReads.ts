import { Brackets, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { StatsDaySummary, StatsMonthSummary } from '../db/entities';
import { levelOfCode } from '../policies/scope';
import type { CountsQuery } from './aggregate';
import { type Period, shanghaiDate } from './calendar';
import type { SummarySources } from './monthSummaries';
import { type RawCounts, ZERO_COUNTS } from './figures';
import { type Dimension, type GroupCounts, type RawRow, keyAlias, keyOf, numberOf } from './groups';
import type { StatsScope } from './scope';

/** Each dimension's key column in the summary tables. */
export const SUMMARY_KEY = {
  department: 'departmentId',
  county: 'countyCode',
  township: 'townshipCode',
  village: 'villageCode',
  grid: 'gridCode',
  category: 'categoryCode',
} as const satisfies Record<Dimension, keyof StatsDaySummary>;

/** The same columns on the summaries `s`. */
export const SUMMARY_COLUMN = Object.fromEntries(
  Object.entries(SUMMARY_KEY).map(([dimension, column]) => [dimension, `s.${column}`]),
) as Record<Dimension, string>;

/** The summed columns, and the count each gives: 超期 takes the late resolutions here, the open reports live. */
export const SUMMED = {
  received: 'received',
  responded: 'responded',
  resolved: 'resolved',
  resolvedOnTime: 'resolvedOnTime',
  rated: 'rated',
  satisfied: 'satisfied',
  visitRated: 'visitRated',
  visitSatisfied: 'visitSatisfied',
  resolveMsTotal: 'resolveMsTotal',
  overdue: 'resolvedLate',
  repeatComplaints: 'repeatComplaints',
  returns: 'returns',
} as const satisfies Record<keyof RawCounts, keyof StatsDaySummary>;

/** The last day of a period of whole days. */
const lastDayOf = (period: Period) => shanghaiDate(new Date(period.end.getTime() - 1));

/** `periods` as conditions on a column, OR-ed: `within(index)` writes one. */
export function whereAnyOf<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  periods: readonly Period[],
  within: (index: number) => [string, Record<string, unknown>],
): void {
  builder.andWhere(
    new Brackets((any) => {
      periods.forEach((_, index) => {
        const [condition, parameters] = within(index);
        any.orWhere(condition, parameters);
      });
    }),
  );
}

/** The statistics scope on summaries `s`, as whereReportRegion words it on reports (a grid: its own and the village's grid-less). */
export function whereSummaryScope<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, scope: StatsScope): void {
  const { regionCode, departmentId } = scope;
  if (regionCode) {
    const level = levelOfCode(regionCode);
    if (level === 'grid')
      builder.andWhere("s.villageCode = :scopeVillage AND (s.gridCode = '' OR s.gridCode = :scopeGrid)", {
        scopeVillage: regionCode.slice(0, 12),
        scopeGrid: regionCode,
      });
    else builder.andWhere(`${SUMMARY_COLUMN[level]} = :scopeRegion`, { scopeRegion: regionCode });
  }
  if (departmentId) builder.andWhere('s.departmentId = :scopeDepartment', { scopeDepartment: departmentId });
}

/** The day summaries of `periods` (whole days), grouped as asked; 超期 here is the late resolutions only. */
export function whereSummaryDays<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  periods: readonly Period[],
): void {
  whereAnyOf(builder, periods, (index) => [
    `s.day >= :from${index} AND s.day <= :to${index}`,
    { [`from${index}`]: shanghaiDate(periods[index].start), [`to${index}`]: lastDayOf(periods[index]) },
  ]);
}

/**
 * One statement per source of the summarised part, each with the sign its rows count with: the day
 * summaries of its days, the month summaries of its months, and the day summaries of the days
 * those months hold beyond it, taken off.
 */
function summaryQueries(
  manager: EntityManager,
  sources: SummarySources,
): [SelectQueryBuilder<ObjectLiteral>, 1 | -1][] {
  const queries: [SelectQueryBuilder<ObjectLiteral>, 1 | -1][] = [];
  for (const [periods, sign] of [
    [sources.days, 1],
    [sources.minus, -1],
  ] as const)
    if (periods.length > 0) {
      const days = manager.createQueryBuilder(StatsDaySummary, 's').select([]);
      whereSummaryDays(days, periods);
      queries.push([days, sign]);
    }
  if (sources.months.length > 0)
    queries.push([
      manager
        .createQueryBuilder(StatsMonthSummary, 's')
        .select([])
        .where('s.month IN (:...months)', { months: sources.months }),
      1,
    ]);
  return queries;
}

/** The summed counts of the summarised part of a period, grouped as asked (a key may come once per source, with negative counts from the days taken off). */
export async function summaryRows(
  manager: EntityManager,
  sources: SummarySources,
  query: CountsQuery,
): Promise<GroupCounts[]> {
  const reads = summaryQueries(manager, sources).map(async ([builder, sign]) => {
    for (const [name, column] of Object.entries(SUMMED)) builder.addSelect(`SUM(s.${column})`, name);
    whereSummaryScope(builder, query.scope);
    for (const dimension of query.groupBy)
      builder.addSelect(SUMMARY_COLUMN[dimension], keyAlias(dimension)).addGroupBy(SUMMARY_COLUMN[dimension]);
    const rows = await builder.getRawMany<RawRow>();
    return rows.map((row) => {
      const counts = { ...ZERO_COUNTS };
      for (const name of Object.keys(SUMMED) as (keyof RawCounts)[]) counts[name] = sign * numberOf(row[name]);
      return { key: keyOf(row, query.groupBy, ''), counts };
    });
  });
  return (await Promise.all(reads)).flat();
}

/**
 * 受理件数 alone from the summaries, per day (the day summaries only) and/or dimensions (热点研判,
 * the daily trend): rows with `n` (a number, negative for days taken off a month's sum) and each key
 * under its alias (the day as `day`), "none" as ''; a key may come once per source.
 */
export async function receivedFromSummaries(
  manager: EntityManager,
  sources: SummarySources,
  scope: StatsScope,
  groupBy: readonly (Dimension | 'day')[],
  categorised = false,
): Promise<RawRow[]> {
  const reads = summaryQueries(manager, sources).map(async ([builder, sign]) => {
    builder.addSelect('SUM(s.received)', 'n');
    whereSummaryScope(builder, scope);
    if (categorised) builder.andWhere("s.categoryCode <> ''");
    for (const dimension of groupBy) {
      const column = dimension === 'day' ? 's.day' : SUMMARY_COLUMN[dimension];
      builder.addSelect(column, dimension === 'day' ? 'day' : keyAlias(dimension)).addGroupBy(column);
    }
    const rows = await builder.getRawMany<RawRow>();
    return rows.map((row) => ({ ...row, n: sign * numberOf(row.n) }));
  });
  return (await Promise.all(reads)).flat();
}
