import Router from '@koa/router';
import { staffAuthRoutes as routes } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import { staffSignIn } from '../../commands/staffSignIn';
import { bindStaffWechat, staffWechatSignIn, unbindOwnWechat } from '../../commands/staffWechat';
import type { AppContext } from '../../context';
import { Staff } from '../../db/entities';
import { currentStaff } from '../../middleware/auth';
import { actionLimit } from '../../middleware/rateLimit';
import { presentStaff } from '../../presenters/staff';
import { type ApiRouter, implement } from '../implement';

/** The username being tried, so that guessing one account's password from many addresses is limited too. */
function usernameTried(ctx: AppContext): string | null {
  const username = (ctx.request as { body?: { username?: unknown } }).body?.username;
  return typeof username === 'string' && username.trim()
    ? `staff-login:${username.trim().toLowerCase().slice(0, 64)}`
    : null;
}

export function staffAuthRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.login, actionLimit('signIn', usernameTried), async (ctx, { body }) => {
    const { staff, token, expiresAt } = await staffSignIn(ctx.deps, { ...body, ip: ctx.ip });
    return { token, expiresAt: expiresAt.toISOString(), staff: presentStaff(staff) };
  });

  // A login code is single-use: only the client's address is counted.
  implement(
    router,
    routes.wechatLogin,
    actionLimit('signIn', () => null),
    async (ctx, { body }) => {
      const { staff, token, expiresAt } = await staffWechatSignIn(ctx.deps, { code: body.code, ip: ctx.ip });
      return { token, expiresAt: expiresAt.toISOString(), staff: presentStaff(staff) };
    },
  );

  implement(router, routes.bindWechat, async (ctx, { body }) =>
    presentStaff(await bindStaffWechat(ctx.deps, { staff: currentStaff(ctx), code: body.code, ip: ctx.ip })),
  );

  implement(router, routes.unbindWechat, async (ctx) =>
    presentStaff(await unbindOwnWechat(ctx.deps, { staff: currentStaff(ctx), ip: ctx.ip })),
  );

  /** Ends every session of this account: older tokens stop working. */
  implement(router, routes.logout, async (ctx) => {
    const staff = currentStaff(ctx);
    await ctx.deps.dataSource.getRepository(Staff).increment({ id: staff.id }, 'tokenVersion', 1);
    await recordAudit(ctx.deps.dataSource.manager, { staff, action: 'logout', ip: ctx.ip });
    return null;
  });

  implement(router, routes.me, (ctx) => presentStaff(currentStaff(ctx)));

  return router;
}
