import type { StaffAccountUpdate } from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Staff } from '../db/entities';
import { forbidden } from '../errors';
import { accountScopeProblem } from '../policies/staffAccount';
import { recordAudit } from './auditRecorder';
import { loadManagedAccount, scopeError } from './managedAccount';

const SCOPE_FIELDS = ['role', 'regionCode', 'departmentId'] as const;

/**
 * Name, role, region and department of an account in the manager's reach. One's own role and
 * scope are not edited here (nobody widens their own powers); the name is.
 */
export async function updateStaffAccount(
  deps: AppDeps,
  props: { actor: Staff; accountId: string; patch: StaffAccountUpdate; ip: string },
): Promise<Staff> {
  const reference = await deps.reference.snapshot();
  return transaction(deps.dataSource, async (manager) => {
    const account = await loadManagedAccount(manager, { actor: props.actor, accountId: props.accountId });
    const next = { ...pick(account), ...definedOnly(props.patch) };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((field) => next[field] !== account[field]);
    if (changed.length === 0) return account;
    const scopeChanged = changed.some((field) => (SCOPE_FIELDS as readonly string[]).includes(field));
    if (scopeChanged && account.id === props.actor.id) throw forbidden('不能修改自己的角色或管辖范围');
    if (scopeChanged) {
      const problem = accountScopeProblem(props.actor, next, reference);
      if (problem) throw scopeError(problem);
    }
    await manager.getRepository(Staff).update(account.id, next);
    await recordAudit(manager, {
      staff: props.actor,
      action: 'staff_account.update',
      targetType: 'staff',
      targetId: account.id,
      ip: props.ip,
      detail: `${account.username} ${changed.map((field) => `${field}: ${account[field] ?? '无'} → ${next[field] ?? '无'}`).join('; ')}`,
    });
    return Object.assign(account, next);
  });
}

/** 停用 / 启用. Disabling also ends every session, so re-enabling never revives an old token. */
export async function setStaffAccountDisabled(
  deps: AppDeps,
  props: { actor: Staff; accountId: string; disabled: boolean; ip: string },
): Promise<Staff> {
  return transaction(deps.dataSource, async (manager) => {
    const account = await loadManagedAccount(manager, {
      actor: props.actor,
      accountId: props.accountId,
      selfRefusal: '不能停用自己的账号',
    });
    if (account.disabled === props.disabled) return account;
    const changes = props.disabled
      ? { disabled: true, tokenVersion: account.tokenVersion + 1 }
      : { disabled: false, failedLogins: 0, lockedUntil: null };
    await manager.getRepository(Staff).update(account.id, changes);
    await recordAudit(manager, {
      staff: props.actor,
      action: props.disabled ? 'staff_account.disable' : 'staff_account.enable',
      targetType: 'staff',
      targetId: account.id,
      ip: props.ip,
      detail: account.username,
    });
    return Object.assign(account, changes);
  });
}

function pick(account: Staff) {
  return { name: account.name, role: account.role, regionCode: account.regionCode, departmentId: account.departmentId };
}

function definedOnly(patch: StaffAccountUpdate): Partial<ReturnType<typeof pick>> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}
