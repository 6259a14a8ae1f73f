import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { OPEN_STATUSES, type StaffQueueQuery } from '@minqing/shared';
import { Report, type Staff } from '../../db/entities';
import { forbidden } from '../../errors';
import { reportScopeOf, whereReportInScope } from '../../policies/reportScope';
import { narrowerRegion } from '../../policies/scope';
import { whereFigure } from './queueFigures';
import { TAB_CONDITIONS, tabParameters } from './queueTabs';
import { paged } from '../paging';

/** The filters that narrow the selection; tab, status, paging and sort pick from it. */
export type QueueFilters = Omit<StaffQueueQuery, 'page' | 'pageSize' | 'sort' | 'tab' | 'status' | 'overdue'>;

/** A keyword in the text or the voice transcript. */
export function whereKeyword(query: SelectQueryBuilder<Report>, keyword: string): void {
  // '!' escapes LIKE wildcards the same way on SQLite and MySQL (a backslash does not).
  const like = `%${keyword.replace(/[!%_]/g, (match) => `!${match}`)}%`;
  query.andWhere("(report.text LIKE :keyword ESCAPE '!' OR report.transcript LIKE :keyword ESCAPE '!')", {
    keyword: like,
  });
}

/**
 * The reports the caller may see (policies/reportScope: the same rule as a report's detail), then
 * the chosen filters; the scope and a region filter reduce to one predicate on one indexed column.
 */
export function scopedQueue(manager: EntityManager, staff: Staff, filters: QueueFilters): SelectQueryBuilder<Report> {
  const scope = reportScopeOf(staff);
  const region = scope && narrowerRegion(scope.regionCode, filters.regionCode);
  if (!scope || !region) throw forbidden('不能查看其他地区的事项');
  const query = manager.getRepository(Report).createQueryBuilder('report');
  whereReportInScope(query, 'report', scope, region);
  if (filters.departmentId)
    query.andWhere('report.departmentId = :departmentId', { departmentId: filters.departmentId });
  if (filters.serviceCode) query.andWhere('report.serviceCode = :serviceCode', { serviceCode: filters.serviceCode });
  if (filters.categoryCode) {
    // A first-level category stands for itself and its subcategories.
    query.andWhere(
      '(report.categoryCode = :categoryCode OR report.categoryCode IN (SELECT sub.code FROM categories sub WHERE sub.parentCode = :categoryCode))',
      {
        categoryCode: filters.categoryCode,
      },
    );
  }
  if (filters.tier) query.andWhere('report.tier = :tier', { tier: filters.tier });
  if (filters.serialNo)
    query.andWhere('report.serialNo = :serialNo', { serialNo: filters.serialNo.trim().toUpperCase() });
  if (filters.keyword) whereKeyword(query, filters.keyword);
  if (filters.triage) query.andWhere("report.status = 'submitted' AND report.departmentId IS NULL");
  if (filters.duplicates)
    query
      .andWhere('report.duplicateOfId IS NOT NULL')
      .andWhere('report.status IN (:...openForMerge)', { openForMerge: OPEN_STATUSES });
  if (filters.from) query.andWhere('report.createdAt >= :from', { from: new Date(`${filters.from}T00:00:00+08:00`) });
  if (filters.to)
    query.andWhere('report.createdAt < :to', {
      to: new Date(new Date(`${filters.to}T00:00:00+08:00`).getTime() + 86400_000),
    });
  return query;
}

/** The staff work queue without paging: scope, filters, the tab and status, in the chosen order. */
export function orderedQueue(
  manager: EntityManager,
  staff: Staff,
  filters: Omit<StaffQueueQuery, 'page' | 'pageSize'>,
  now: Date,
): SelectQueryBuilder<Report> {
  const query = scopedQueue(manager, staff, filters);
  whereFigure(query, filters, now);
  if (filters.tab) query.andWhere(`(${TAB_CONDITIONS[filters.tab]})`, tabParameters(now, staff.id));
  if (filters.status?.length) query.andWhere('report.status IN (:...statuses)', { statuses: filters.status });
  if (filters.overdue !== undefined) {
    const late = TAB_CONDITIONS.overdue;
    query.andWhere(filters.overdue ? `(${late})` : `(NOT (${late}) OR report.resolveDueAt IS NULL)`, { now });
  }
  // 热度: the most followed (我也遇到) first, the newest among equals.
  if (filters.sort === 'followers')
    return query
      .orderBy('report.followerCount', 'DESC')
      .addOrderBy('report.createdAt', 'DESC')
      .addOrderBy('report.id', 'DESC');
  const descending = filters.sort.startsWith('-');
  const column = filters.sort.replace('-', '') === 'resolveDueAt' ? 'report.resolveDueAt' : 'report.createdAt';
  return query.orderBy(column, descending ? 'DESC' : 'ASC').addOrderBy('report.id', descending ? 'DESC' : 'ASC');
}

/** The staff work queue: the caller's scope first, then the filters they chose, one page of it. */
export function buildQueueQuery(
  manager: EntityManager,
  staff: Staff,
  filters: StaffQueueQuery,
  now: Date,
): SelectQueryBuilder<Report> {
  return paged(orderedQueue(manager, staff, filters, now), filters);
}
