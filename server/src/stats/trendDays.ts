import { Brackets, type EntityManager } from 'typeorm';
import { Report, StatsDueDay, StatsResolutionDay, StatsSummarisedDay } from '../db/entities';
import { type Period, addDays, daysOf, daysPeriod, shanghaiDate, startOfDay } from './calendar';
import { IS_OPEN, IS_OVERDUE, IS_RESOLVED, IS_RESOLVED_LATE } from './figures';
import { type Dimension, type RawRow, groupByReportColumns, keyOf, numberOf } from './groups';
import { type StatsScope, whereReportScope } from './scope';
import { statsDialect } from './sqlDialect';
import { changedResolutionDays, rangesOf } from './summaryPlan';
import { whereAnyOf, whereSummaryScope } from './summaryReads';
import { replaceRows, summaryKeyColumns } from './summaryRows';

/**
 * The daily trend's 办结 and 超期 series (stats/trends.ts) of summarised days, kept by the
 * scheduler's summary job with each day (stats/summaries.ts):
 *
 * 办结 by day of resolution (stats_resolution_days): the reports resolved that day and resolved
 * still. A resolution time is set only by a resolving event at its own time (reportActor,
 * mergedOutcome), so the days a change may have moved are those of the changed reports' resolving
 * events and of their resolution now (changedResolutionDays).
 *
 * 超期 by day of deadline (stats_due_days), kept per day of dispatch: a deadline leaves no trace of
 * its earlier values, but every change of one moves the report's dispatch day's summary
 * (stats/summaryPlan.ts changedDays). A past deadline day's count is the rows of the summarised
 * dispatch days unchanged since, plus the other dispatch days read live; a deadline today or
 * later is read live, as the clock decides it.
 */

/** After every dispatch time: the open end of the live dispatch days (valid on both databases). */
const LATER = new Date('9999-01-01T00:00:00.000Z');

const PLACE: readonly Dimension[] = ['department', 'county', 'township', 'village', 'grid'];

const placeColumns = (row: RawRow) => {
  const { categoryCode: _category, ...place } = summaryKeyColumns(keyOf(row, PLACE));
  return place;
};

/** Rebuilds one day's 办结 by day of resolution, inside the caller's transaction. */
export async function summariseResolutions(manager: EntityManager, day: string): Promise<void> {
  const period = daysPeriod(day, day);
  const builder = manager
    .createQueryBuilder(Report, 'r')
    .useIndex('idx_reports_resolved_at')
    .select('COUNT(*)', 'resolved')
    .where(
      `r.resolvedAt >= :periodStart AND r.resolvedAt < :periodEnd AND r.departmentId IS NOT NULL AND ${IS_RESOLVED}`,
      {
        periodStart: period.start,
        periodEnd: period.end,
      },
    );
  groupByReportColumns(builder, PLACE);
  const rows: RawRow[] = await builder.getRawMany();
  const entities = rows.map((row) =>
    Object.assign(new StatsResolutionDay(), { day, ...placeColumns(row), resolved: numberOf(row.resolved) }),
  );
  await replaceRows(manager, StatsResolutionDay, { day }, entities);
}

/** Rebuilds the deadlines of one day's dispatches that are or will be overdue as they stand, inside the caller's transaction. */
export async function summariseDueDays(manager: EntityManager, day: string): Promise<void> {
  const period = daysPeriod(day, day);
  const dueDay = statsDialect(manager).shanghaiDay('r.resolveDueAt');
  const builder = manager
    .createQueryBuilder(Report, 'r')
    .select('COUNT(*)', 'overdue')
    .addSelect(dueDay, 'dueDay')
    .where(
      `r.dispatchedAt >= :periodStart AND r.dispatchedAt < :periodEnd AND r.departmentId IS NOT NULL AND r.resolveDueAt IS NOT NULL AND ((${IS_OPEN}) OR (${IS_RESOLVED_LATE}))`,
      { periodStart: period.start, periodEnd: period.end },
    );
  groupByReportColumns(builder, PLACE);
  builder.addGroupBy(dueDay);
  const rows: RawRow[] = await builder.getRawMany();
  const entities = rows.map((row) =>
    Object.assign(new StatsDueDay(), {
      dueDay: String(row.dueDay),
      day,
      ...placeColumns(row),
      overdue: numberOf(row.overdue),
    }),
  );
  await replaceRows(manager, StatsDueDay, { day }, entities);
}

/** What the summaries say of the days: which are summarised, and which changed since the job last looked. */
export interface SummaryView {
  summarised: Set<string>;
  /** stats/summaryPlan.ts changedDays: the dispatch days whose summaries no longer hold. */
  changedDispatch: Set<string>;
  changedResolution: Set<string>;
}

export interface TrendQuery {
  manager: EntityManager;
  scope: StatsScope;
  period: Period;
  now: Date;
}

const lastDayOf = (period: Period) => shanghaiDate(new Date(period.end.getTime() - 1));

/** Per-day counts of a statement grouped by `day`. */
async function perDay(rows: Promise<RawRow[]>, into = new Map<string, number>()): Promise<Map<string, number>> {
  for (const row of await rows) {
    const day = String(row.day);
    into.set(day, (into.get(day) ?? 0) + numberOf(row.n));
  }
  return into;
}

/** 办结 per day of resolution, from the reports, over ranges of whole days. */
function liveResolved(query: TrendQuery, ranges: readonly Period[]) {
  const day = statsDialect(query.manager).shanghaiDay('r.resolvedAt');
  const builder = query.manager
    .createQueryBuilder(Report, 'r')
    .useIndex('idx_reports_resolved_at')
    .select(day, 'day')
    .addSelect('COUNT(*)', 'n')
    .where(`r.departmentId IS NOT NULL AND ${IS_RESOLVED}`);
  whereAnyOf(builder, ranges, (index) => [
    `r.resolvedAt >= :start${index} AND r.resolvedAt < :end${index}`,
    { [`start${index}`]: ranges[index].start, [`end${index}`]: ranges[index].end },
  ]);
  whereReportScope(builder, query.scope);
  return builder.groupBy(day).getRawMany<RawRow>();
}

/** 办结 per day: the summarised days unchanged since from stats_resolution_days, the others from the reports. */
export async function resolvedPerDay(query: TrendQuery, view: SummaryView): Promise<Map<string, number>> {
  const days = daysOf(query.period);
  const usable = (day: string) => view.summarised.has(day) && !view.changedResolution.has(day);
  const summarised = rangesOf(days, usable);
  const live = rangesOf(days, (day) => !usable(day));
  const counts = new Map<string, number>();
  const reads: Promise<unknown>[] = [];
  if (live.length > 0) reads.push(perDay(liveResolved(query, live), counts));
  if (summarised.length > 0) {
    const builder = query.manager
      .createQueryBuilder(StatsResolutionDay, 's')
      .select('s.day', 'day')
      .addSelect('SUM(s.resolved)', 'n');
    whereAnyOf(builder, summarised, (index) => [
      `s.day >= :from${index} AND s.day <= :to${index}`,
      { [`from${index}`]: shanghaiDate(summarised[index].start), [`to${index}`]: lastDayOf(summarised[index]) },
    ]);
    whereSummaryScope(builder, query.scope);
    reads.push(perDay(builder.groupBy('s.day').getRawMany<RawRow>(), counts));
  }
  await Promise.all(reads);
  return counts;
}

/**
 * 超期 per deadline day, from the reports: those dispatched in `dispatched` (ranges, and with
 * `undated` those with no dispatch time) or, without them, any, with a deadline in `due`.
 */
function liveOverdue(query: TrendQuery, due: Period, dispatched: readonly Period[] | null, undated = false) {
  const day = statsDialect(query.manager).shanghaiDay('r.resolveDueAt');
  const builder = query.manager
    .createQueryBuilder(Report, 'r')
    .useIndex(dispatched ? 'idx_reports_stats' : 'idx_reports_resolve_due')
    .select(day, 'day')
    .addSelect('COUNT(*)', 'n')
    .where(`r.resolveDueAt >= :dueStart AND r.resolveDueAt < :dueEnd AND r.departmentId IS NOT NULL`, {
      dueStart: due.start,
      dueEnd: due.end,
    })
    .andWhere(IS_OVERDUE, { now: query.now });
  if (dispatched)
    builder.andWhere(
      new Brackets((any) => {
        dispatched.forEach((range, index) =>
          any.orWhere(`r.dispatchedAt >= :start${index} AND r.dispatchedAt < :end${index}`, {
            [`start${index}`]: range.start,
            [`end${index}`]: range.end,
          }),
        );
        if (undated) any.orWhere('r.dispatchedAt IS NULL');
      }),
    );
  whereReportScope(builder, query.scope);
  return builder.groupBy(day).getRawMany<RawRow>();
}

/**
 * 超期 per deadline day. Deadlines before today: the rows of the dispatch days summarised and
 * unchanged since (stats_due_days), and live the reports of every other dispatch day (before the
 * first summarised day, the gaps, the changed days, today) and those never dispatched. Deadlines
 * today or later: live, from the deadline key.
 */
export async function overduePerDay(query: TrendQuery, view: SummaryView): Promise<Map<string, number>> {
  const today = shanghaiDate(query.now);
  const first = shanghaiDate(query.period.start);
  const last = lastDayOf(query.period);
  const counts = new Map<string, number>();
  const reads: Promise<unknown>[] = [];
  if (last >= today) {
    const from = [first, today].sort()[1];
    reads.push(perDay(liveOverdue(query, daysPeriod(from, last), null), counts));
  }
  const pastLast = last < today ? last : addDays(today, -1);
  if (first <= pastLast) {
    const due = daysPeriod(first, pastLast);
    const usable = (day: string) => view.summarised.has(day) && !view.changedDispatch.has(day);
    // Every dispatch day not read from the summaries: before the first summarised day, the gaps, the changed days, today on.
    const summarisedDays = [...view.summarised].sort();
    const yesterday = addDays(today, -1);
    const dispatchDays = summarisedDays.length > 0 ? daysOf(daysPeriod(summarisedDays[0], yesterday)) : [];
    const live = rangesOf(dispatchDays, (day) => !usable(day));
    live.unshift({ start: new Date(0), end: startOfDay(dispatchDays[0] ?? today) });
    live.push({ start: startOfDay(today), end: LATER });
    reads.push(perDay(liveOverdue(query, due, live, true), counts));
    if (dispatchDays.length > 0) {
      const builder = query.manager
        .createQueryBuilder(StatsDueDay, 's')
        .select('s.day', 'dispatchDay')
        .addSelect('s.dueDay', 'day')
        .addSelect('SUM(s.overdue)', 'n')
        .where('s.dueDay >= :dueFrom AND s.dueDay <= :dueTo', { dueFrom: first, dueTo: pastLast });
      whereSummaryScope(builder, query.scope);
      const rows = builder.groupBy('s.day').addGroupBy('s.dueDay').getRawMany<RawRow>();
      reads.push(
        perDay(
          rows.then((all) => all.filter((row) => usable(String(row.dispatchDay)))),
          counts,
        ),
      );
    }
  }
  await Promise.all(reads);
  return counts;
}

/** The summaries' view for a request: the summarised days and the days changed since the job last looked. */
export async function summaryView(
  manager: EntityManager,
  since: Date,
  changedDays: (manager: EntityManager, since: Date) => Promise<Set<string>>,
): Promise<SummaryView> {
  const [rows, changedDispatch, changedResolution] = await Promise.all([
    manager.find(StatsSummarisedDay, { select: { day: true } }),
    changedDays(manager, since),
    changedResolutionDays(manager, since),
  ]);
  return { summarised: new Set(rows.map((row) => row.day)), changedDispatch, changedResolution };
}
