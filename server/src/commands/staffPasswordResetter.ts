import { passwordWeakness } from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Staff } from '../db/entities';
import { badRequest } from '../errors';
import { recordAudit } from './auditRecorder';
import { loadManagedAccount } from './managedAccount';
import { generatePassword } from '../crypto/passwordGenerator';
import { hashPassword } from '../crypto/passwords';

/**
 * 重置密码: the manager's choice or a generated one (answered once). The account's sessions end,
 * its lock is lifted, and it must choose its own password at the next sign-in.
 */
export async function resetStaffPassword(
  deps: AppDeps,
  props: { actor: Staff; accountId: string; password?: string; ip: string },
): Promise<{ account: Staff; generatedPassword: string | null }> {
  const password = props.password ?? generatePassword();
  // argon2 is slow: hash outside the transaction, after a first check that the account may be reset.
  const target = await loadManagedAccount(deps.dataSource.manager, {
    actor: props.actor,
    accountId: props.accountId,
    selfRefusal: '请通过“修改密码”修改自己的密码',
  });
  const weakness = props.password === undefined ? null : passwordWeakness(props.password, target.username);
  if (weakness) throw badRequest(weakness, 'password');
  const passwordHash = await hashPassword(password);
  const account = await transaction(deps.dataSource, async (manager) => {
    const current = await loadManagedAccount(manager, {
      actor: props.actor,
      accountId: props.accountId,
      selfRefusal: '请通过“修改密码”修改自己的密码',
    });
    const changes = {
      passwordHash,
      mustChangePassword: true,
      tokenVersion: current.tokenVersion + 1,
      failedLogins: 0,
      lockedUntil: null,
    };
    await manager.getRepository(Staff).update(current.id, changes);
    await recordAudit(manager, {
      staff: props.actor,
      action: 'staff_account.reset_password',
      targetType: 'staff',
      targetId: current.id,
      ip: props.ip,
      detail: `${current.username} ${props.password === undefined ? '系统生成' : '管理员设定'}`,
    });
    return Object.assign(current, changes);
  });
  return { account, generatedPassword: props.password === undefined ? password : null };
}
