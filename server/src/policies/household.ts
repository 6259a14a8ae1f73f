import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { StaffRole } from '@minqing/shared';
import type { Household, Staff } from '../db/entities';
import { isWithin } from './scope';

/**
 * Who sees the household roster and its visits: the field (grid workers, 三线 members, village
 * cadres) and those who supervise it (township dispatchers, the county). Handlers work reports of
 * a department, and a sysadmin configures: neither sees who lives where.
 */
export const HOUSEHOLD_VIEWER_ROLES = [
  'grid_worker',
  'liaison',
  'cadre',
  'dispatcher',
  'county',
] as const satisfies readonly StaffRole[];
/** Who keeps the roster: adds households by hand or imports them. 三线 members look after households, they do not list them. */
export const HOUSEHOLD_EDITOR_ROLES = [
  'grid_worker',
  'cadre',
  'dispatcher',
  'county',
] as const satisfies readonly StaffRole[];
/** Imports are desk work in the admin panel: the village, the township and the county. */
export const HOUSEHOLD_IMPORTER_ROLES = ['cadre', 'dispatcher', 'county'] as const satisfies readonly StaffRole[];
/** Who supervises the field (走访督导): the village acts on the 未走访 list, the township and the county watch. */
export const SUPERVISOR_ROLES = ['cadre', 'dispatcher', 'county'] as const satisfies readonly StaffRole[];
/** Who logs visits: those in the field. */
export const VISITOR_ROLES = ['grid_worker', 'liaison', 'cadre'] as const satisfies readonly StaffRole[];

/**
 * The one rule of which households a staff member sees, as data: the roster, the visits and the
 * supervision figures all follow it. A 三线 member sees the households assigned to them; everyone
 * else the households of their region's subtree (a grid worker's grid, a cadre's village …).
 */
export interface HouseholdScope {
  regionCode: string;
  /** Only the households this 三线 member looks after; null for every household of the region. */
  liaisonId: string | null;
}

export function householdScopeOf(staff: Staff): HouseholdScope | null {
  if (!(HOUSEHOLD_VIEWER_ROLES as readonly StaffRole[]).includes(staff.role)) return null;
  return { regionCode: staff.regionCode, liaisonId: staff.role === 'liaison' ? staff.id : null };
}

export function householdInScope(scope: HouseholdScope, household: Pick<Household, 'gridCode' | 'liaisonId'>): boolean {
  if (!isWithin(household.gridCode, scope.regionCode)) return false;
  return scope.liaisonId === null || household.liaisonId === scope.liaisonId;
}

/** Whether an editor may place a household in this grid: a grid within their own region. */
export function staffCanKeepRosterOf(staff: Staff, gridCode: string): boolean {
  return (HOUSEHOLD_EDITOR_ROLES as readonly StaffRole[]).includes(staff.role) && isWithin(gridCode, staff.regionCode);
}

/**
 * `householdInScope` as query conditions on households (`alias`), within `regionCode` (the scope's
 * region or a narrower filter the caller already checked against it).
 */
export function whereHouseholdInScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  scope: HouseholdScope,
  regionCode = scope.regionCode,
): void {
  query.andWhere(`${alias}.gridCode LIKE :scopeRegion`, { scopeRegion: `${regionCode}%` });
  if (scope.liaisonId !== null) query.andWhere(`${alias}.liaisonId = :scopeLiaison`, { scopeLiaison: scope.liaisonId });
}
