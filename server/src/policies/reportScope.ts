import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { StaffRole } from '@minqing/shared';
import type { Report, Staff } from '../db/entities';
import { isWithin, levelOfCode } from './scope';

/** The village a grid lies in (grid codes extend their village's). */
const villageOf = (gridCode: string) => gridCode.slice(0, 12);

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
  /**
   * Reports placed in this region's subtree (a county, township or village code), or for a grid
   * code the grid's reports and its village's grid-less ones (see `reportInRegion`).
   */
  regionCode: string;
  /** Only this department's reports (handlers); null for every department. */
  departmentId: string | null;
  /** Whether anonymous reports are included. */
  anonymous: boolean;
}

/**
 * The one rule of who sees which report, or null for roles that see none (sysadmin).
 * A grid worker sees their grid: the reports placed in it and the village's reports placed in no
 * grid (the village's shared matters), never another grid's. A grid worker lives among those
 * households and visits them, so the anonymous reports stay with the roles that handle them:
 * nothing a grid worker sees may point at the neighbour who reported anonymously. A handler sees
 * its own department's reports only.
 */
export function reportScopeOf(staff: Staff): ReportScope | null {
  if (!(REPORT_WORKER_ROLES as readonly StaffRole[]).includes(staff.role)) return null;
  return {
    regionCode: staff.regionCode,
    // A handler without a department sees nothing: no report has the empty department.
    departmentId: staff.role === 'handler' ? (staff.departmentId ?? '') : null,
    anonymous: staff.role !== 'grid_worker',
  };
}

/**
 * Whether a report lies in a region: a county, township or village holds the reports of its
 * villages; a grid holds the reports placed in it and its village's reports placed in no grid.
 */
export function reportInRegion(report: Pick<Report, 'villageCode' | 'gridCode'>, regionCode: string): boolean {
  if (levelOfCode(regionCode) !== 'grid') return isWithin(report.villageCode, regionCode);
  return report.villageCode === villageOf(regionCode) && (report.gridCode === null || report.gridCode === regionCode);
}

export function reportInScope(
  scope: ReportScope,
  report: Pick<Report, 'villageCode' | 'gridCode' | 'departmentId' | 'anonymous'>,
): boolean {
  if (!reportInRegion(report, scope.regionCode)) return false;
  if (scope.departmentId !== null && report.departmentId !== scope.departmentId) return false;
  return scope.anonymous || !report.anonymous;
}

const REGION_COLUMN = { county: 'countyCode', township: 'townshipCode', village: 'villageCode' } as const;

/**
 * `reportInRegion` as query conditions on reports (`alias`), through the denormalised column of
 * the region's level: one equality on an indexed column, not a LIKE on codes. A grid is its
 * village's reports of that grid or of none (idx_reports_grid: village, grid, date).
 */
export function whereReportRegion<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  regionCode: string,
  parameter = 'scopeRegion',
): void {
  const level = levelOfCode(regionCode);
  if (level !== 'grid') {
    query.andWhere(`${alias}.${REGION_COLUMN[level]} = :${parameter}`, { [parameter]: regionCode });
    return;
  }
  query.andWhere(
    `(${alias}.villageCode = :${parameter} AND (${alias}.gridCode IS NULL OR ${alias}.gridCode = :${parameter}Grid))`,
    { [parameter]: villageOf(regionCode), [`${parameter}Grid`]: regionCode },
  );
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
