import { LIMITS, passwordWeakness } from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Staff } from '../db/entities';
import { accountLocked, badRequest } from '../errors';
import { recordAudit } from './auditRecorder';
import { hashPassword, verifyPassword } from '../crypto/passwords';
import { countPasswordFailure, issueStaffToken, lockedMinutesLeft } from './staffPasswordGuard';

/**
 * 修改密码. The current password must be right (a wrong one counts toward the sign-in lockout);
 * every other session ends, and this one continues on the token answered.
 */
export async function changeOwnPassword(
  deps: AppDeps,
  props: { staff: Staff; currentPassword: string; newPassword: string; ip: string },
): Promise<{ token: string; expiresAt: Date }> {
  const { staff } = props;
  const now = deps.clock();
  const repository = deps.dataSource.getRepository(Staff);
  const audit = (action: string, detail?: string) =>
    recordAudit(deps.dataSource.manager, {
      staff,
      action,
      targetType: 'staff',
      targetId: staff.id,
      ip: props.ip,
      detail,
      at: now,
    });

  const minutesLeft = lockedMinutesLeft(staff, now);
  if (minutesLeft !== null) {
    await audit('password.change_refused_locked');
    throw accountLocked(minutesLeft);
  }
  if (!(await verifyPassword(staff.passwordHash, props.currentPassword))) {
    const { failures, locked } = await countPasswordFailure(repository, staff, now);
    await audit(locked ? 'password.change_locked' : 'password.change_failed', `failure ${failures}`);
    if (locked) throw accountLocked(LIMITS.staffLockMinutes);
    throw badRequest('当前密码不正确', 'currentPassword');
  }
  if (props.newPassword === props.currentPassword) throw badRequest('新密码不能与当前密码相同', 'newPassword');
  const weakness = passwordWeakness(props.newPassword, staff.username);
  if (weakness) throw badRequest(weakness, 'newPassword');

  const passwordHash = await hashPassword(props.newPassword);
  const updated = await transaction(deps.dataSource, async (manager) => {
    await manager
      .getRepository(Staff)
      .update(staff.id, { passwordHash, mustChangePassword: false, failedLogins: 0, lockedUntil: null });
    await manager.getRepository(Staff).increment({ id: staff.id }, 'tokenVersion', 1);
    await recordAudit(manager, {
      staff,
      action: 'password.change',
      targetType: 'staff',
      targetId: staff.id,
      ip: props.ip,
      at: now,
    });
    return manager.getRepository(Staff).findOneByOrFail({ id: staff.id });
  });
  return issueStaffToken(deps, updated, now);
}
