import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Staff } from '../db/entities';
import { isUniqueViolation } from '../db/uniqueViolation';
import { AppError, conflict, invalidCredentials } from '../errors';
import { recordAudit } from './auditRecorder';
import { loadManagedAccount } from './managedAccount';
import { issueStaffToken } from './staffPasswordGuard';
import { wechatSessionFor } from './wechatOpenid';

const notBound = () => new AppError(404, 'not_bound', '该微信尚未绑定工作人员账号，请先用账号密码登录后绑定');

/**
 * 绑定微信: the signed-in staff member's account takes the WeChat of this wx.login code. A WeChat
 * bound to another account stays there (409): that account's owner or an administrator unbinds it.
 */
export async function bindStaffWechat(
  deps: AppDeps,
  props: { staff: Staff; code: string; ip: string },
): Promise<Staff> {
  const { openid } = await wechatSessionFor(deps, props.code);
  try {
    return await bindOpenid(deps, props, openid);
  } catch (error) {
    // Two accounts binding one WeChat at the same moment: the unique index lets one win.
    if (isUniqueViolation(error)) throw boundElsewhere();
    throw error;
  }
}

const boundElsewhere = () => conflict('该微信已绑定其他工作人员账号，请先在原账号解绑或联系管理员', 'code');

function bindOpenid(deps: AppDeps, props: { staff: Staff; ip: string }, openid: string): Promise<Staff> {
  return transaction(deps.dataSource, async (manager) => {
    const repository = manager.getRepository(Staff);
    const holder = await repository.findOneBy({ wechatOpenid: openid });
    if (holder && holder.id !== props.staff.id) throw boundElsewhere();
    if (holder) return holder;
    await repository.update(props.staff.id, { wechatOpenid: openid });
    await recordAudit(manager, {
      staff: props.staff,
      action: 'wechat.bind',
      targetType: 'staff',
      targetId: props.staff.id,
      ip: props.ip,
      detail: props.staff.wechatOpenid ? '更换绑定的微信' : undefined,
    });
    return Object.assign(props.staff, { wechatOpenid: openid });
  });
}

/** 微信登录 on the 工作台: the account bound to this WeChat, or 404 not_bound. */
export async function staffWechatSignIn(deps: AppDeps, props: { code: string; ip: string }) {
  const { openid } = await wechatSessionFor(deps, props.code);
  const staff = await deps.dataSource.getRepository(Staff).findOneBy({ wechatOpenid: openid });
  if (!staff) throw notBound();
  if (staff.disabled) {
    await recordAudit(deps.dataSource.manager, {
      staff,
      action: 'login_failed',
      ip: props.ip,
      detail: 'disabled (wechat)',
    });
    throw invalidCredentials();
  }
  const now = deps.clock();
  await recordAudit(deps.dataSource.manager, { staff, action: 'wechat.login', ip: props.ip, at: now });
  return { staff, ...issueStaffToken(deps, staff, now) };
}

/** 解绑微信 by the staff member: that WeChat no longer signs anyone in. */
export async function unbindOwnWechat(deps: AppDeps, props: { staff: Staff; ip: string }): Promise<Staff> {
  if (!props.staff.wechatOpenid) return props.staff;
  return transaction(deps.dataSource, async (manager) => {
    await manager.getRepository(Staff).update(props.staff.id, { wechatOpenid: null });
    await recordAudit(manager, {
      staff: props.staff,
      action: 'wechat.unbind',
      targetType: 'staff',
      targetId: props.staff.id,
      ip: props.ip,
    });
    return Object.assign(props.staff, { wechatOpenid: null });
  });
}

/** An administrator unbinds an account in their reach (a lost phone): that phone's WeChat signs nobody in. */
export async function unbindAccountWechat(
  deps: AppDeps,
  props: { actor: Staff; accountId: string; ip: string },
): Promise<Staff> {
  return transaction(deps.dataSource, async (manager) => {
    const account = await loadManagedAccount(manager, { actor: props.actor, accountId: props.accountId });
    if (!account.wechatOpenid) return account;
    await manager.getRepository(Staff).update(account.id, { wechatOpenid: null });
    await recordAudit(manager, {
      staff: props.actor,
      action: 'staff_account.unbind_wechat',
      targetType: 'staff',
      targetId: account.id,
      ip: props.ip,
      detail: account.username,
    });
    return Object.assign(account, { wechatOpenid: null });
  });
}
