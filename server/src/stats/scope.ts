import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { whereReportRegion as whereRegionOfReports } from '../policies/reportScope';

/** What a set of figures covers: a region subtree, and optionally one department's reports. */
export interface StatsScope {
  regionCode: string | null;
  departmentId: string | null;
}

export const WHOLE_SYSTEM: StatsScope = { regionCode: null, departmentId: null };

/** Restricts reports `r` to a region, by the rule the work queue uses (policies/reportScope). */
export function whereReportRegion<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, regionCode: string): void {
  whereRegionOfReports(query, 'r', regionCode);
}

/** Scope on reports `r`: the department holding the report. */
export function whereReportScope<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, scope: StatsScope): void {
  if (scope.regionCode) whereReportRegion(query, scope.regionCode);
  if (scope.departmentId) query.andWhere('r.departmentId = :scopeDepartment', { scopeDepartment: scope.departmentId });
}
