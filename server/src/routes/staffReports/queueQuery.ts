import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { OPEN_STATUSES, StaffQueueQuery } from '@minqing/shared';
import { Report, Staff } from '../../db/entities';
import { forbidden } from '../../errors';
import { levelOfCode, narrowerRegion } from '../../policies/scope';

const REGION_COLUMN = { county: 'countyCode', township: 'townshipCode', village: 'villageCode' } as const;

/** Restricts to a region by the denormalised column of its level, so the queue indexes apply. */
function whereRegion(query: SelectQueryBuilder<Report>, code: string, parameter: string): void {
  const level = levelOfCode(code);
  const column = level === 'grid' ? 'villageCode' : REGION_COLUMN[level];
  const value = level === 'grid' ? code.slice(0, 12) : code;
  query.andWhere(`report.${column} = :${parameter}`, { [parameter]: value });
}

/** The scope and a region filter reduce to one predicate on one indexed column. */
function queueRegion(staff: Staff, filterRegion: string | undefined): string {
  const region = narrowerRegion(staff.regionCode, filterRegion);
  if (!region) throw forbidden('不能查看其他地区的事项');
  return region;
}

/** The staff work queue: the caller's scope first, then the filters they chose. */
export function buildQueueQuery(manager: EntityManager, staff: Staff, filters: StaffQueueQuery, now: Date): SelectQueryBuilder<Report> {
  const query = manager.getRepository(Report).createQueryBuilder('report');
  whereRegion(query, queueRegion(staff, filters.regionCode), 'region');
  if (staff.role === 'handler') query.andWhere('report.departmentId = :ownDepartment', { ownDepartment: staff.departmentId ?? '' });
  if (filters.status?.length) query.andWhere('report.status IN (:...statuses)', { statuses: filters.status });
  if (filters.departmentId) query.andWhere('report.departmentId = :departmentId', { departmentId: filters.departmentId });
  if (filters.serviceCode) query.andWhere('report.serviceCode = :serviceCode', { serviceCode: filters.serviceCode });
  if (filters.categoryCode) query.andWhere('report.categoryCode = :categoryCode', { categoryCode: filters.categoryCode });
  if (filters.tier) query.andWhere('report.tier = :tier', { tier: filters.tier });
  if (filters.serialNo) query.andWhere('report.serialNo = :serialNo', { serialNo: filters.serialNo.toUpperCase() });
  if (filters.keyword) {
    // '!' escapes LIKE wildcards the same way on SQLite and MySQL (a backslash does not).
    const like = `%${filters.keyword.replace(/[!%_]/g, (match) => `!${match}`)}%`;
    query.andWhere("(report.text LIKE :keyword ESCAPE '!' OR report.transcript LIKE :keyword ESCAPE '!')", { keyword: like });
  }
  if (filters.triage) query.andWhere("report.status = 'submitted' AND report.departmentId IS NULL");
  if (filters.duplicates) query.andWhere('report.duplicateOfId IS NOT NULL').andWhere('report.status IN (:...openForMerge)', { openForMerge: OPEN_STATUSES });
  if (filters.overdue !== undefined) {
    const open = `report.status IN (${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')})`;
    const late = `${open} AND report.resolveDueAt < :now`;
    query.andWhere(filters.overdue ? late : `NOT (${late}) OR report.resolveDueAt IS NULL`, { now });
  }
  if (filters.from) query.andWhere('report.createdAt >= :from', { from: new Date(`${filters.from}T00:00:00+08:00`) });
  if (filters.to) query.andWhere('report.createdAt < :to', { to: new Date(new Date(`${filters.to}T00:00:00+08:00`).getTime() + 86400_000) });
  const descending = filters.sort.startsWith('-');
  const column = filters.sort.replace('-', '') === 'resolveDueAt' ? 'report.resolveDueAt' : 'report.createdAt';
  query.orderBy(column, descending ? 'DESC' : 'ASC').addOrderBy('report.id', descending ? 'DESC' : 'ASC');
  return query.skip((filters.page - 1) * filters.pageSize).take(filters.pageSize);
}
