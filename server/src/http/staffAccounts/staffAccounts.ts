import Router from '@koa/router';
import { staffAccountRoutes as routes } from '@minqing/shared';
import { createStaffAccount } from '../../commands/staffAccountCreator';
import { setStaffAccountDisabled, updateStaffAccount } from '../../commands/staffAccountEditor';
import { resetStaffPassword } from '../../commands/staffPasswordResetter';
import { unbindAccountWechat } from '../../commands/staffWechat';
import type { AppContext } from '../../context';
import type { Staff } from '../../db/entities';
import { currentStaff } from '../../middleware/auth';
import { pathId } from '../../middleware/validate';
import { presentStaffAccount } from '../../presenters/staffAccount';
import { type ApiRouter, implement } from '../implement';
import { findStaffAccounts } from './accountQuery';

/** 账号管理: the sysadmin and the county centre, each within its reach (policies/staffAccount.ts). */
export function staffAccountsRouter() {
  const router: ApiRouter = new Router();

  async function present(ctx: AppContext, account: Staff) {
    return presentStaffAccount(account, currentStaff(ctx), await ctx.deps.reference.snapshot(), ctx.deps.clock());
  }

  function accountId(ctx: AppContext): string {
    return pathId(ctx, '没有找到该账号');
  }

  implement(router, routes.list, async (ctx, { query }) => {
    const manager = currentStaff(ctx);
    const [accounts, total] = await findStaffAccounts(ctx.deps.dataSource.manager, manager, query);
    const reference = await ctx.deps.reference.snapshot();
    const now = ctx.deps.clock();
    return {
      items: accounts.map((account) => presentStaffAccount(account, manager, reference, now)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });

  implement(router, routes.create, async (ctx, { body: input }) => {
    const { account, generatedPassword } = await createStaffAccount(ctx.deps, {
      manager: currentStaff(ctx),
      input,
      ip: ctx.ip,
    });
    return { account: await present(ctx, account), generatedPassword };
  });

  implement(router, routes.update, async (ctx, { body: patch }) => {
    const account = await updateStaffAccount(ctx.deps, {
      actor: currentStaff(ctx),
      accountId: accountId(ctx),
      patch,
      ip: ctx.ip,
    });
    return present(ctx, account);
  });

  for (const [route, disabled] of [
    [routes.disable, true],
    [routes.enable, false],
  ] as const) {
    implement(router, route, async (ctx) => {
      const account = await setStaffAccountDisabled(ctx.deps, {
        actor: currentStaff(ctx),
        accountId: accountId(ctx),
        disabled,
        ip: ctx.ip,
      });
      return present(ctx, account);
    });
  }

  implement(router, routes.resetPassword, async (ctx, { body }) => {
    const { account, generatedPassword } = await resetStaffPassword(ctx.deps, {
      actor: currentStaff(ctx),
      accountId: accountId(ctx),
      password: body.password,
      ip: ctx.ip,
    });
    return { account: await present(ctx, account), generatedPassword };
  });

  /** 解绑微信 (a lost phone): the account signs in with its password again until it binds anew. */
  implement(router, routes.unbindWechat, async (ctx) => {
    const account = await unbindAccountWechat(ctx.deps, {
      actor: currentStaff(ctx),
      accountId: accountId(ctx),
      ip: ctx.ip,
    });
    return present(ctx, account);
  });

  return router;
}
