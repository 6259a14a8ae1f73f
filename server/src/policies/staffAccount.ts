import { ACCOUNT_MANAGER_ROLES, ASSIGNABLE_ROLES, ROLE_NAMES, ROLE_SCOPE } from '@minqing/shared';
import type { AccountManagerRole, StaffAccountAction, StaffRole } from '@minqing/shared';
import type { Staff } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';
import { isWithin } from './scope';

/**
 * Who manages which staff accounts. The sysadmin manages everyone in its region; the county
 * centre manages the working roles below it, never a county or sysadmin account (its own
 * included, so it cannot raise itself). Nobody disables, resets or re-scopes their own account.
 */
export function isAccountManager(staff: Staff): staff is Staff & { role: AccountManagerRole } {
  return (ACCOUNT_MANAGER_ROLES as readonly StaffRole[]).includes(staff.role);
}

export function mayGiveRole(manager: Staff, role: StaffRole): boolean {
  return isAccountManager(manager) && ASSIGNABLE_ROLES[manager.role].includes(role);
}

export function canSeeAccount(manager: Staff, account: Pick<Staff, 'regionCode'>): boolean {
  return isAccountManager(manager) && isWithin(account.regionCode, manager.regionCode);
}

export function canManageAccount(manager: Staff, account: Pick<Staff, 'regionCode' | 'role'>): boolean {
  return canSeeAccount(manager, account) && mayGiveRole(manager, account.role);
}

export function accountAllowedActions(manager: Staff, account: Staff): StaffAccountAction[] {
  if (!canManageAccount(manager, account)) return [];
  const unbind: StaffAccountAction[] = account.wechatOpenid ? ['unbind_wechat'] : [];
  if (manager.id === account.id) return ['edit', ...unbind];
  return ['edit', account.disabled ? 'enable' : 'disable', 'reset_password', ...unbind];
}

export interface AccountScope {
  role: StaffRole;
  regionCode: string;
  departmentId: string | null;
}

export interface ScopeProblem {
  status: 400 | 403;
  field: keyof AccountScope;
  message: string;
}

/**
 * Whether a role, region and department fit together and lie within the manager's reach:
 * the region exists at the role's level, and a department (where the role has one) serves it.
 */
export function accountScopeProblem(
  manager: Staff,
  scope: AccountScope,
  reference: ReferenceSnapshot,
): ScopeProblem | null {
  if (!mayGiveRole(manager, scope.role))
    return { status: 403, field: 'role', message: `您不能设置${ROLE_NAMES[scope.role]}账号` };
  const rule = ROLE_SCOPE[scope.role];
  const region = reference.regions.get(scope.regionCode);
  if (!region) return { status: 400, field: 'regionCode', message: '没有这个地区' };
  if (!isWithin(region.code, manager.regionCode))
    return { status: 403, field: 'regionCode', message: '只能管理本辖区的账号' };
  if (!rule.levels.includes(region.level))
    return {
      status: 400,
      field: 'regionCode',
      message: `${ROLE_NAMES[scope.role]}的管辖范围应为${levelNames(rule.levels)}`,
    };
  if (scope.departmentId === null) {
    return rule.department === 'required'
      ? { status: 400, field: 'departmentId', message: `${ROLE_NAMES[scope.role]}须选择所属部门` }
      : null;
  }
  if (rule.department === 'none')
    return { status: 400, field: 'departmentId', message: `${ROLE_NAMES[scope.role]}不属于部门，请不要选择部门` };
  const department = reference.departments.get(scope.departmentId);
  if (!department) return { status: 400, field: 'departmentId', message: '没有这个部门' };
  if (!isWithin(region.code, department.regionCode))
    return { status: 400, field: 'departmentId', message: '该部门不负责所选地区' };
  return null;
}

const LEVEL_NAMES = { county: '县', township: '镇', village: '村(社区)', grid: '网格' } as const;

function levelNames(levels: readonly (keyof typeof LEVEL_NAMES)[]): string {
  return levels.map((level) => LEVEL_NAMES[level]).join('或');
}
