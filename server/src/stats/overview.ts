import type { EntityManager } from 'typeorm';
import type { StaffOverview } from '@minqing/shared';
import { Report } from '../db/entities';
import { type RawRow, collectCounts, numberOf, totalOf } from './aggregate';
import { type Period, daysPeriod, shanghaiDate } from './calendar';
import { IN_COHORT, IS_OPEN, IS_OVERDUE, toFigures } from './figures';
import { type StatsScope, whereReportScope } from './scope';

export interface OverviewProps {
  manager: EntityManager;
  scope: StatsScope;
  period: Period;
  now: Date;
}

function scopedReports(manager: EntityManager, scope: StatsScope) {
  const query = manager.createQueryBuilder(Report, 'r');
  whereReportScope(query, scope);
  return query;
}

/** Today's intake: submitted by citizens today, and received by a department today (the cohort rule on one day). */
async function todayCounts(manager: EntityManager, scope: StatsScope, now: Date) {
  const date = shanghaiDate(now);
  const today = daysPeriod(date, date);
  const submitted: RawRow | undefined = await scopedReports(manager, scope)
    .select('COUNT(*)', 'n')
    .andWhere('r.createdAt >= :todayStart AND r.createdAt < :todayEnd', {
      todayStart: today.start,
      todayEnd: today.end,
    })
    .getRawOne();
  const received: RawRow | undefined = await scopedReports(manager, scope)
    .select('COUNT(*)', 'n')
    .andWhere(IN_COHORT, { periodStart: today.start, periodEnd: today.end })
    .getRawOne();
  return { date, submitted: numberOf(submitted?.n), received: numberOf(received?.n) };
}

/**
 * The backlog as it stands: every open report, and those of them past their deadline. On MySQL
 * read from the scheduler's (status, resolveDueAt, …) key, which carries every column this
 * reads (migration StatsIndexes): a township's queue key would fetch each open report's row.
 */
async function backlogCounts(manager: EntityManager, scope: StatsScope, now: Date) {
  const row: RawRow | undefined = await scopedReports(manager, scope)
    .useIndex('idx_reports_resolve_due')
    .select('COUNT(*)', 'backlog')
    .addSelect(`SUM(CASE WHEN ${IS_OVERDUE} THEN 1 ELSE 0 END)`, 'overdueNow')
    .andWhere(IS_OPEN)
    .setParameter('now', now)
    .getRawOne();
  return { backlog: numberOf(row?.backlog), overdueNow: numberOf(row?.overdueNow) };
}

/** The staff dashboard: today's intake, the backlog now, and the period's figures (as the ranking's). */
export async function computeOverview(props: OverviewProps): Promise<Omit<StaffOverview, 'from' | 'to' | 'scope'>> {
  const { manager, scope, now } = props;
  const [today, backlog, groups] = await Promise.all([
    todayCounts(manager, scope, now),
    backlogCounts(manager, scope, now),
    collectCounts(manager, { period: props.period, now, scope, groupBy: [] }),
  ]);
  return { today, ...backlog, figures: toFigures(totalOf(groups)) };
}
