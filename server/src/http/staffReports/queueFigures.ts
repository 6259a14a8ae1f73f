import type { QueueFigure, StaffQueueQuery } from '@minqing/shared';
import type { SelectQueryBuilder } from 'typeorm';
import type { Report } from '../../db/entities';
import { badRequest } from '../../errors';
import { daysPeriod } from '../../stats/calendar';
import {
  IN_COHORT,
  IS_OPEN,
  IS_OVERDUE,
  IS_RATED,
  IS_REPEAT_COMPLAINT,
  IS_RESOLVED,
  IS_RESOLVED_ON_TIME,
  IS_RESPONDED,
  IS_SATISFIED,
} from '../../stats/figures';

/** Each figure's condition, the very fragment the dashboard counts with (alias `r`). */
const COHORT_CONDITIONS: Record<Exclude<QueueFigure, 'backlog'>, string> = {
  received: '1 = 1',
  responded: IS_RESPONDED,
  resolved: IS_RESOLVED,
  resolvedOnTime: IS_RESOLVED_ON_TIME,
  rated: IS_RATED,
  satisfied: IS_SATISFIED,
  overdue: IS_OVERDUE,
  repeatComplaints: IS_REPEAT_COMPLAINT,
};

/**
 * Dashboard drill-down: only the reports a figure counted (for the period), chosen by the stats'
 * own SQL in a subquery, so the list's total is the figure (both apply the same scope).
 */
export function whereFigure(
  query: SelectQueryBuilder<Report>,
  filters: Pick<StaffQueueQuery, 'figure' | 'periodFrom' | 'periodTo'>,
  now: Date,
): void {
  if (!filters.figure) return;
  if (filters.figure === 'backlog') {
    query.andWhere(`report.id IN (SELECT r.id FROM reports r WHERE ${IS_OPEN})`);
    return;
  }
  if (!filters.periodFrom) throw badRequest('请给出统计期间的开始日期', 'periodFrom');
  if (!filters.periodTo) throw badRequest('请给出统计期间的结束日期', 'periodTo');
  const period = daysPeriod(filters.periodFrom, filters.periodTo);
  query.andWhere(
    `report.id IN (SELECT r.id FROM reports r WHERE ${IN_COHORT} AND ${COHORT_CONDITIONS[filters.figure]})`,
    {
      periodStart: period.start,
      periodEnd: period.end,
      now,
    },
  );
}
