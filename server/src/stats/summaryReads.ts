import { Brackets, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { StatsDaySummary } from '../db/entities';
import { levelOfCode } from '../policies/scope';
import type { CountsQuery } from './aggregate';
import { type Period, shanghaiDate } from './calendar';
import { type RawCounts, ZERO_COUNTS } from './figures';
import { type Dimension, type GroupCounts, type RawRow, keyAlias, keyOf, numberOf } from './groups';
import type { StatsScope } from './scope';

export const SUMMARY_COLUMN: Record<Dimension, string> = {
  department: 's.departmentId',
  county: 's.countyCode',
  township: 's.townshipCode',
  village: 's.villageCode',
  grid: 's.gridCode',
  category: 's.categoryCode',
};

/** The summed columns, and the count each gives: 超期 takes the late resolutions here, the open reports live. */
const SUMMED: Record<keyof RawCounts, string> = {
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
};

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

export async function summaryRows(
  manager: EntityManager,
  periods: readonly Period[],
  query: CountsQuery,
): Promise<GroupCounts[]> {
  const builder = manager.createQueryBuilder(StatsDaySummary, 's').select([]);
  for (const [name, column] of Object.entries(SUMMED)) builder.addSelect(`SUM(s.${column})`, name);
  whereSummaryDays(builder, periods);
  whereSummaryScope(builder, query.scope);
  for (const dimension of query.groupBy)
    builder.addSelect(SUMMARY_COLUMN[dimension], keyAlias(dimension)).addGroupBy(SUMMARY_COLUMN[dimension]);
  const rows: RawRow[] = await builder.getRawMany();
  return rows.map((row) => {
    const counts = { ...ZERO_COUNTS };
    for (const name of Object.keys(SUMMED) as (keyof RawCounts)[]) counts[name] = numberOf(row[name]);
    return { key: keyOf(row, query.groupBy, ''), counts };
  });
}

/**
 * 受理件数 alone from the day summaries of `periods`, per day and/or dimensions (热点研判, the
 * daily trend): rows with `n` and each key under its alias (the day as `day`), "none" as ''.
 */
export async function receivedFromSummaries(
  manager: EntityManager,
  periods: readonly Period[],
  scope: StatsScope,
  groupBy: readonly (Dimension | 'day')[],
  categorised = false,
): Promise<RawRow[]> {
  const builder = manager.createQueryBuilder(StatsDaySummary, 's').select('SUM(s.received)', 'n');
  whereSummaryDays(builder, periods);
  whereSummaryScope(builder, scope);
  if (categorised) builder.andWhere("s.categoryCode <> ''");
  for (const dimension of groupBy) {
    const column = dimension === 'day' ? 's.day' : SUMMARY_COLUMN[dimension];
    builder.addSelect(column, dimension === 'day' ? 'day' : keyAlias(dimension)).addGroupBy(column);
  }
  return builder.getRawMany();
}
