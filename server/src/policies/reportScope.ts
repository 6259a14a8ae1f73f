import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { StaffRole } from '@minqing/shared';
import type { Report, Staff } from '../db/entities';
import { isWithin, levelOfCode } from './scope';

/**
 * Roles that work reports: sysadmins configure, they do not see citizens' reports, and 三线 members
 * (liaison) look after households, not a queue: what they report on a household's behalf comes
 * back to them as messages.
 */
export const REPORT_WORKER_ROLES = [
  'grid_worker',
  'cadre',
  'dispatcher',
  'handler',
  'county',
] as const satisfies readonly StaffRole[];

/** The reports one staff member may see, as data: the queue, exports, the detail, attachments and messages all follow it. */
export interface ReportScope {
  /** Reports placed in this region's subtree (a county, township or village code). */
  regionCode: string;
  /** Only this department's reports (handlers); null for every department. */
  departmentId: string | null;
  /** Whether anonymous reports are included. */
  anonymous: boolean;
}

/**
 * The one rule of who sees which report, or null for roles that see none (sysadmin).
 * Reports are placed in villages, never in grids, so a grid worker's grid widens to its village.
 * A grid worker lives among that village's households and visits them, so the anonymous reports
 * of the village stay with the roles that handle them: nothing a grid worker sees may point at
 * the neighbour who reported anonymously. A handler sees its own department's reports only.
 */
export function reportScopeOf(staff: Staff): ReportScope | null {
  if (!(REPORT_WORKER_ROLES as readonly StaffRole[]).includes(staff.role)) return null;
  const gridWorker = levelOfCode(staff.regionCode) === 'grid';
  return {
    regionCode: gridWorker ? staff.regionCode.slice(0, 12) : staff.regionCode,
    // A handler without a department sees nothing: no report has the empty department.
    departmentId: staff.role === 'handler' ? (staff.departmentId ?? '') : null,
    anonymous: staff.role !== 'grid_worker',
  };
}

export function reportInScope(
  scope: ReportScope,
  report: Pick<Report, 'villageCode' | 'departmentId' | 'anonymous'>,
): boolean {
  if (!isWithin(report.villageCode, scope.regionCode)) return false;
  if (scope.departmentId !== null && report.departmentId !== scope.departmentId) return false;
  return scope.anonymous || !report.anonymous;
}

const REGION_COLUMN = { county: 'countyCode', township: 'townshipCode', village: 'villageCode' } as const;

/**
 * Restricts reports (`alias`) to a region through the denormalised column of its level: one
 * equality on an indexed column, not a LIKE on codes. A grid narrows to its village.
 */
export function whereReportRegion<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  regionCode: string,
  parameter = 'scopeRegion',
): void {
  const level = levelOfCode(regionCode);
  const column = level === 'grid' ? REGION_COLUMN.village : REGION_COLUMN[level];
  query.andWhere(`${alias}.${column} = :${parameter}`, {
    [parameter]: level === 'grid' ? regionCode.slice(0, 12) : regionCode,
  });
}

/**
 * `reportInScope` as query conditions on reports (`alias`), within `regionCode` (the scope's
 * region or a narrower filter the caller already checked against it).
 */
export function whereReportInScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  scope: ReportScope,
  regionCode = scope.regionCode,
): void {
  whereReportRegion(query, alias, regionCode, 'scopeRegion');
  if (scope.departmentId !== null)
    query.andWhere(`${alias}.departmentId = :scopeDepartment`, { scopeDepartment: scope.departmentId });
  if (!scope.anonymous) query.andWhere(`${alias}.anonymous = :scopeAnonymous`, { scopeAnonymous: false });
}
