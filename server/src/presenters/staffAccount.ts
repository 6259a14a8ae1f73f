import type { StaffAccount } from '@minqing/shared';
import type { Staff } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';
import { accountAllowedActions } from '../policies/staffAccount';

/** A staff account as its manager sees it: never the password hash, the token version or the failure count. */
export function presentStaffAccount(
  account: Staff,
  manager: Staff,
  reference: ReferenceSnapshot,
  now: Date,
): StaffAccount {
  return {
    id: account.id,
    username: account.username,
    name: account.name,
    role: account.role,
    regionCode: account.regionCode,
    regionName: reference.regions.get(account.regionCode)?.name ?? account.regionCode,
    departmentId: account.departmentId,
    departmentName: account.departmentId ? (reference.departments.get(account.departmentId)?.name ?? null) : null,
    disabled: account.disabled,
    lockedUntil: account.lockedUntil && account.lockedUntil > now ? account.lockedUntil.toISOString() : null,
    mustChangePassword: account.mustChangePassword,
    wechatBound: account.wechatOpenid !== null,
    createdAt: account.createdAt.toISOString(),
    allowedActions: accountAllowedActions(manager, account),
  };
}
