import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { levelOfCode } from '../policies/scope';

/** What a set of figures covers: a region subtree, and optionally one department's reports. */
export interface StatsScope {
  regionCode: string | null;
  departmentId: string | null;
}

export const WHOLE_SYSTEM: StatsScope = { regionCode: null, departmentId: null };

const REGION_COLUMN = { county: 'countyCode', township: 'townshipCode', village: 'villageCode' } as const;

/**
 * Restricts reports `r` to a region through the denormalised column of its level (one
 * equality on an indexed column, not a LIKE on codes). Reports are placed in villages, so a
 * grid narrows to its village.
 */
export function whereReportRegion<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, regionCode: string): void {
  const level = levelOfCode(regionCode);
  const column = level === 'grid' ? REGION_COLUMN.village : REGION_COLUMN[level];
  const value = level === 'grid' ? regionCode.slice(0, 12) : regionCode;
  query.andWhere(`r.${column} = :scopeRegion`, { scopeRegion: value });
}

/** Scope on reports `r`: the department holding the report. */
export function whereReportScope<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, scope: StatsScope): void {
  if (scope.regionCode) whereReportRegion(query, scope.regionCode);
  if (scope.departmentId) query.andWhere('r.departmentId = :scopeDepartment', { scopeDepartment: scope.departmentId });
}
