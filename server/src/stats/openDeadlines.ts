import type { EntityManager } from 'typeorm';
import { Report, StatsOpenDeadline } from '../db/entities';
import { type Period, daysPeriod, shanghaiDate, startOfDay } from './calendar';
import type { CountsQuery } from './aggregate';
import { IN_COHORT, IS_OPEN, ZERO_COUNTS } from './figures';
import {
  ALL_DIMENSIONS,
  type GroupCounts,
  type RawRow,
  groupByReportColumns,
  keyOf,
  keyAlias,
  numberOf,
} from './groups';
import { SUMMARY_COLUMN, whereAnyOf, whereSummaryDays, whereSummaryScope } from './summaryReads';
import { whereReportScope } from './scope';
import { statsDialect } from './sqlDialect';
import { replaceRows, summaryKeyColumns } from './summaryRows';

/**
 * 超期 of summarised days without their reports. The half that moves with the clock is the
 * reports still open past their resolve deadline; a summarised day's open reports are those open
 * when it was summarised (any change since sends the day back to the reports, stats/summaryPlan.ts),
 * so the job keeps them counted by the China day of their deadline (stats_open_deadlines). As of
 * `now`: those with a deadline on an earlier day, plus the few due today and already past it,
 * read live from the deadline key.
 */

/** Rebuilds one day's open reports by deadline day, inside the day summary's transaction. */
export async function summariseOpenDeadlines(manager: EntityManager, day: string): Promise<void> {
  const period = daysPeriod(day, day);
  const dueDay = statsDialect(manager).shanghaiDay('r.resolveDueAt');
  const builder = manager
    .createQueryBuilder(Report, 'r')
    .select('COUNT(*)', 'open')
    .addSelect(dueDay, 'dueDay')
    .where(`${IN_COHORT} AND ${IS_OPEN} AND r.resolveDueAt IS NOT NULL`, {
      periodStart: period.start,
      periodEnd: period.end,
    });
  groupByReportColumns(builder, ALL_DIMENSIONS);
  builder.addGroupBy(dueDay);
  const rows: RawRow[] = await builder.getRawMany();
  const entities = rows.map((row) => {
    const key = keyOf(row, ALL_DIMENSIONS);
    return Object.assign(new StatsOpenDeadline(), {
      day,
      ...summaryKeyColumns(key),
      dueDay: String(row.dueDay),
      open: numberOf(row.open),
    });
  });
  await replaceRows(manager, StatsOpenDeadline, { day }, entities);
}

/** Open past the deadline on an earlier day than `now`'s, from the job's counts. */
async function dueBeforeToday(
  manager: EntityManager,
  periods: readonly Period[],
  query: CountsQuery,
): Promise<GroupCounts[]> {
  const builder = manager
    .createQueryBuilder(StatsOpenDeadline, 's')
    .select('SUM(s.open)', 'overdue')
    .where('s.dueDay < :today', { today: shanghaiDate(query.now) });
  whereSummaryDays(builder, periods);
  whereSummaryScope(builder, query.scope);
  for (const dimension of query.groupBy)
    builder.addSelect(SUMMARY_COLUMN[dimension], keyAlias(dimension)).addGroupBy(SUMMARY_COLUMN[dimension]);
  const rows: RawRow[] = await builder.getRawMany();
  return rows.map((row) => ({
    key: keyOf(row, query.groupBy, ''),
    counts: { ...ZERO_COUNTS, overdue: numberOf(row.overdue) },
  }));
}

/** Open and due earlier today than `now`, from the reports: a short range of the deadline key. */
async function dueEarlierToday(
  manager: EntityManager,
  periods: readonly Period[],
  query: CountsQuery,
): Promise<GroupCounts[]> {
  const builder = manager
    .createQueryBuilder(Report, 'r')
    .useIndex('idx_reports_resolve_due')
    .select('COUNT(*)', 'overdue')
    .where(`r.departmentId IS NOT NULL AND ${IS_OPEN} AND r.resolveDueAt >= :todayStart AND r.resolveDueAt < :now`, {
      todayStart: startOfDay(shanghaiDate(query.now)),
      now: query.now,
    });
  whereAnyOf(builder, periods, (index) => [
    `r.dispatchedAt >= :start${index} AND r.dispatchedAt < :end${index}`,
    { [`start${index}`]: periods[index].start, [`end${index}`]: periods[index].end },
  ]);
  whereReportScope(builder, query.scope);
  groupByReportColumns(builder, query.groupBy);
  const rows: RawRow[] = await builder.getRawMany();
  return rows.map((row) => ({
    key: keyOf(row, query.groupBy),
    counts: { ...ZERO_COUNTS, overdue: numberOf(row.overdue) },
  }));
}

/** The summarised days' reports open past the resolve deadline as of `query.now`, grouped as asked. */
export async function openOverdueRows(
  manager: EntityManager,
  periods: readonly Period[],
  query: CountsQuery,
): Promise<GroupCounts[]> {
  const parts = await Promise.all([dueBeforeToday(manager, periods, query), dueEarlierToday(manager, periods, query)]);
  return parts.flat();
}
