import type { EntityManager } from 'typeorm';
import type { TrendDay } from '@minqing/shared';
import { Report, StatsSummaryState } from '../db/entities';
import { type Period, daysOf } from './calendar';
import { IN_COHORT, IS_OVERDUE, IS_RESOLVED } from './figures';
import { type StatsScope, whereReportScope } from './scope';
import { instantOf, statsDialect } from './sqlDialect';
import { receivedFromSummaries } from './summaryReads';
import { SETTLE_MS, SUMMARY_STATE, changedDays, rangesOf } from './summaryPlan';
import { type SummaryView, overduePerDay, resolvedPerDay, summaryView } from './trendDays';

export interface TrendsProps {
  manager: EntityManager;
  scope: StatsScope;
  period: Period;
  now: Date;
}

type Series = Exclude<keyof TrendDay, 'date'>;

/**
 * One count per China calendar day, from the same definitions as the figures:
 * received — the cohort rule, by day of dispatch;
 * resolved — resolved or closed now, by day of resolution;
 * overdue  — overdue now (IS_OVERDUE), by the day the resolve deadline passed.
 * Each series is one grouped statement over its own timestamp column, so each can use its index:
 * resolutions and deadlines the scheduler's status-first keys, which carry the scope's columns
 * (migration StatsIndexes; named for MySQL, where a department's queue key would read rows).
 */
async function dailyCounts(props: TrendsProps, series: Series): Promise<Map<string, number>> {
  const dialect = statsDialect(props.manager);
  const bounds = { periodStart: props.period.start, periodEnd: props.period.end };
  const column = { received: 'r.dispatchedAt', resolved: 'r.resolvedAt', overdue: 'r.resolveDueAt' }[series];
  const day = dialect.shanghaiDay(column);
  const query = props.manager.createQueryBuilder(Report, 'r').select(day, 'day').addSelect('COUNT(*)', 'n');
  if (series === 'received') query.where(IN_COHORT, bounds);
  else {
    query.useIndex(series === 'resolved' ? 'idx_reports_resolved_at' : 'idx_reports_resolve_due');
    query.where(`${column} >= :periodStart AND ${column} < :periodEnd`, bounds).andWhere('r.departmentId IS NOT NULL');
    query.andWhere(series === 'resolved' ? IS_RESOLVED : IS_OVERDUE, { now: props.now });
  }
  whereReportScope(query, props.scope);
  const rows: { day: string; n: string | number }[] = await query.groupBy(day).getRawMany();
  return new Map(rows.map((row) => [row.day, Number(row.n)]));
}

/** Received per day: summarised days unchanged since from the day summaries, the others from the reports. */
async function receivedPerDay(props: TrendsProps, view: SummaryView): Promise<Map<string, number>> {
  const days = daysOf(props.period);
  const usable = (day: string) => view.summarised.has(day) && !view.changedDispatch.has(day);
  const summarised = rangesOf(days, usable);
  const [live, rows] = await Promise.all([
    Promise.all(rangesOf(days, (day) => !usable(day)).map((period) => dailyCounts({ ...props, period }, 'received'))),
    summarised.length === 0
      ? []
      : receivedFromSummaries(props.manager, { months: [], days: summarised, minus: [] }, props.scope, ['day']),
  ]);
  const counts = new Map(live.flatMap((days) => [...days]));
  for (const row of rows) counts.set(String(row.day), Number(row.n));
  return counts;
}

/**
 * Once the scheduler's job has summarised days, each series reads them from its summaries
 * (received: the day summaries; resolved and overdue: stats/trendDays.ts) and the rest live;
 * before, every series is one statement over the reports.
 */
async function series(props: TrendsProps): Promise<Record<Series, Map<string, number>>> {
  const { manager } = props;
  const state = await manager.findOneBy(StatsSummaryState, { name: SUMMARY_STATE });
  if (!state) {
    const [received, resolved, overdue] = await Promise.all(
      (['received', 'resolved', 'overdue'] as const).map((name) => dailyCounts(props, name)),
    );
    return { received, resolved, overdue };
  }
  const since = new Date(instantOf(state.checkedAt).getTime() - SETTLE_MS);
  const view = await summaryView(manager, since, changedDays);
  const [received, resolved, overdue] = await Promise.all([
    receivedPerDay(props, view),
    resolvedPerDay(props, view),
    overduePerDay(props, view),
  ]);
  return { received, resolved, overdue };
}

export async function computeTrends(props: TrendsProps): Promise<TrendDay[]> {
  const { received, resolved, overdue } = await series(props);
  return daysOf(props.period).map((date) => ({
    date,
    received: received.get(date) ?? 0,
    resolved: resolved.get(date) ?? 0,
    overdue: overdue.get(date) ?? 0,
  }));
}
