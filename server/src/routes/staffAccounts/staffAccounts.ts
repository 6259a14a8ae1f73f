import Router from '@koa/router';
import {
  ACCOUNT_MANAGER_ROLES,
  ResetPasswordRequestSchema,
  StaffAccountCreateSchema,
  StaffAccountQuerySchema,
  StaffAccountUpdateSchema,
} from '@minqing/shared';
import { createStaffAccount } from '../../commands/staffAccountCreator';
import { setStaffAccountDisabled, updateStaffAccount } from '../../commands/staffAccountEditor';
import { resetStaffPassword } from '../../commands/staffPasswordResetter';
import { unbindAccountWechat } from '../../commands/staffWechat';
import type { AppContext, AppDeps, AppState } from '../../context';
import type { Staff } from '../../db/entities';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { parseBody, parseQuery, pathId } from '../../middleware/validate';
import { presentStaffAccount } from '../../presenters/staffAccount';
import { findStaffAccounts } from './accountQuery';

/** 账号管理: the sysadmin and the county centre, each within its reach (policies/staffAccount.ts). */
export function staffAccountsRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff' });
  const managers = staffAuth(ACCOUNT_MANAGER_ROLES);

  async function present(ctx: AppContext, account: Staff) {
    return presentStaffAccount(account, currentStaff(ctx), await ctx.deps.reference.snapshot(), ctx.deps.clock());
  }

  function accountId(ctx: AppContext): string {
    return pathId(ctx, '没有找到该账号');
  }

  router.get('/accounts', managers, async (ctx: AppContext) => {
    const manager = currentStaff(ctx);
    const query = parseQuery(ctx, StaffAccountQuerySchema);
    const [accounts, total] = await findStaffAccounts(ctx.deps.dataSource.manager, manager, query);
    const reference = await ctx.deps.reference.snapshot();
    const now = ctx.deps.clock();
    ctx.body = {
      items: accounts.map((account) => presentStaffAccount(account, manager, reference, now)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  router.post('/accounts', managers, async (ctx: AppContext) => {
    const input = parseBody(ctx, StaffAccountCreateSchema);
    const { account, generatedPassword } = await createStaffAccount(ctx.deps, {
      manager: currentStaff(ctx),
      input,
      ip: ctx.ip,
    });
    ctx.status = 201;
    ctx.body = { account: await present(ctx, account), generatedPassword };
  });

  router.patch('/accounts/:id', managers, async (ctx: AppContext) => {
    const patch = parseBody(ctx, StaffAccountUpdateSchema);
    const account = await updateStaffAccount(ctx.deps, {
      actor: currentStaff(ctx),
      accountId: accountId(ctx),
      patch,
      ip: ctx.ip,
    });
    ctx.body = await present(ctx, account);
  });

  for (const [segment, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    router.post(`/accounts/:id/${segment}`, managers, async (ctx: AppContext) => {
      const account = await setStaffAccountDisabled(ctx.deps, {
        actor: currentStaff(ctx),
        accountId: accountId(ctx),
        disabled,
        ip: ctx.ip,
      });
      ctx.body = await present(ctx, account);
    });
  }

  router.post('/accounts/:id/reset-password', managers, async (ctx: AppContext) => {
    const { password } = parseBody(ctx, ResetPasswordRequestSchema);
    const { account, generatedPassword } = await resetStaffPassword(ctx.deps, {
      actor: currentStaff(ctx),
      accountId: accountId(ctx),
      password,
      ip: ctx.ip,
    });
    ctx.body = { account: await present(ctx, account), generatedPassword };
  });

  /** 解绑微信 (a lost phone): the account signs in with its password again until it binds anew. */
  router.post('/accounts/:id/unbind-wechat', managers, async (ctx: AppContext) => {
    const account = await unbindAccountWechat(ctx.deps, {
      actor: currentStaff(ctx),
      accountId: accountId(ctx),
      ip: ctx.ip,
    });
    ctx.body = await present(ctx, account);
  });

  return router;
}
