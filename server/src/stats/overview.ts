import type { EntityManager } from 'typeorm';
import type { StaffOverview } from '@minqing/shared';
import { Report } from '../db/entities';
import { type RawRow, collectCounts, numberOf, totalOf } from './aggregate';
import { type Period, daysPeriod, shanghaiDate } from './calendar';
import { IN_COHORT, IS_OPEN, toFigures } from './figures';
import { levelOfCode } from '../policies/scope';
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
 * The key that counts a scope's open reports from its own entries: a department's queue key
 * (department, status, …; its few open reports' rows give the region), a county's or a township's
 * (region, status, …); any other scope the scheduler's (status, resolveDueAt, …) key, which carries
 * every region column (migration StatsIndexes).
 */
function openReportsKey(scope: StatsScope): string {
  if (scope.departmentId) return 'idx_reports_department_queue';
  const level = scope.regionCode ? levelOfCode(scope.regionCode) : null;
  if (level === 'county') return 'idx_reports_county_queue';
  if (level === 'township') return 'idx_reports_township_queue';
  return 'idx_reports_resolve_due';
}

/**
 * The backlog as it stands: every open report, and those of them past their deadline — every open
 * report but those with no deadline or one still ahead, a short range of the deadline key (or a
 * department's queue). Two
 * counts of narrow key ranges instead of one that reads each open report's deadlines from the
 * widest key (a county's 57,000 open reports at a million: about half the time).
 */
async function backlogCounts(manager: EntityManager, scope: StatsScope, now: Date) {
  const [open, notLate]: (RawRow | undefined)[] = await Promise.all([
    scopedReports(manager, scope).useIndex(openReportsKey(scope)).select('COUNT(*)', 'n').andWhere(IS_OPEN).getRawOne(),
    scopedReports(manager, scope)
      .useIndex(scope.departmentId ? 'idx_reports_department_queue' : 'idx_reports_resolve_due')
      .select('COUNT(*)', 'n')
      .andWhere(`${IS_OPEN} AND (r.resolveDueAt IS NULL OR r.resolveDueAt >= :now)`, { now })
      .getRawOne(),
  ]);
  const backlog = numberOf(open?.n);
  return { backlog, overdueNow: backlog - numberOf(notLate?.n) };
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
