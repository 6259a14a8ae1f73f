import {
  type ReportAction,
  type StaffRole,
  STAFF_ACTIONS,
  type StaffAction,
  type TransitionContext,
  allowedActions,
  canPerform,
  villageOf,
} from '@minqing/shared';
import type { Citizen, Department, Report, Staff } from '../db/entities';
import { reportInScope, reportScopeOf } from './reportScope';
import { isWithin, levelOfCode } from './scope';

const HANDLER_ACTIONS: readonly ReportAction[] = ['sign', 'reply', 'resolve', 'return', 'request_extension'];

/** The report's facts the state machine needs; with `now`, also whether its resolve deadline has passed. */
export function transitionContext(report: Report, now?: Date): TransitionContext {
  return {
    rated: report.rating !== null,
    extensionPending: report.extensionRequestedDays !== null,
    resolveDuePassed: Boolean(now && report.resolveDueAt && report.resolveDueAt <= now),
    tier: report.tier,
  };
}

export function citizenCanView(citizen: Citizen, report: Report): boolean {
  return report.citizenId === citizen.id;
}

/** Who may see a report: the rule of `reportScope.ts`, which the queue's queries follow too. */
export function staffCanView(staff: Staff, report: Report): boolean {
  const scope = reportScopeOf(staff);
  return scope !== null && reportInScope(scope, report);
}

export function staffCanAct(staff: Staff, report: Report, action: StaffAction, now?: Date): boolean {
  if (!staffCanView(staff, report)) return false;
  if (!canPerform(staff.role, action, report.status, transitionContext(report, now))) return false;
  // 小事不出村 belongs to the village itself: its grid workers and cadres, not a township's.
  if (action === 'resolve_on_spot')
    return levelOfCode(staff.regionCode) === 'village' || levelOfCode(staff.regionCode) === 'grid';
  // 回访评价 is the filer's: they went back to the household they reported for.
  if (action === 'rate_on_behalf') return report.filedByStaffId === staff.id;
  if (HANDLER_ACTIONS.includes(action)) {
    return staff.departmentId !== null && report.departmentId === staff.departmentId;
  }
  return true;
}

/** 代报: the people in the field (三线 members too) report for the households they serve. */
export const ON_BEHALF_ROLES = ['grid_worker', 'liaison', 'cadre'] as const satisfies readonly StaffRole[];

/** A filer reports for households of their own village (a grid worker's grid lies in one village). */
export function staffCanFileFor(staff: Staff, villageCode: string): boolean {
  if (!(ON_BEHALF_ROLES as readonly StaffRole[]).includes(staff.role)) return false;
  const home = levelOfCode(staff.regionCode) === 'grid' ? villageOf(staff.regionCode) : staff.regionCode;
  return isWithin(villageCode, home);
}

export function staffAllowedActions(staff: Staff, report: Report, now?: Date): StaffAction[] {
  return STAFF_ACTIONS.filter((action) => staffCanAct(staff, report, action, now));
}

export function citizenAllowedActions(report: Report): ReportAction[] {
  return allowedActions('citizen', report.status, transitionContext(report));
}

/** A department may receive a report when it serves the report's area (its region is an ancestor). */
export function departmentServes(department: Department, report: Pick<Report, 'villageCode'>): boolean {
  return isWithin(report.villageCode, department.regionCode);
}

/** Who dispatches (assign, merge in the state machine): the triage screen and bulk dispatch are theirs. */
export const DISPATCH_ROLES: readonly StaffRole[] = ['dispatcher', 'county'];
