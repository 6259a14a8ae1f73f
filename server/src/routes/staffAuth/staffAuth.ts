import Router from '@koa/router';
import { StaffLoginRequestSchema, StaffWechatCodeRequestSchema } from '@minqing/shared';
import { recordAudit } from '../../commands/auditRecorder';
import { staffSignIn } from '../../commands/staffSignIn';
import { bindStaffWechat, staffWechatSignIn, unbindOwnWechat } from '../../commands/staffWechat';
import type { AppContext, AppDeps, AppState } from '../../context';
import { Staff } from '../../db/entities';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { actionLimit } from '../../middleware/rateLimit';
import { parseBody } from '../../middleware/validate';
import { presentStaff } from '../../presenters/staff';

/** The username being tried, so that guessing one account's password from many addresses is limited too. */
function usernameTried(ctx: AppContext): string | null {
  const username = (ctx.request as { body?: { username?: unknown } }).body?.username;
  return typeof username === 'string' && username.trim()
    ? `staff-login:${username.trim().toLowerCase().slice(0, 64)}`
    : null;
}

export function staffAuthRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff' });

  router.post('/auth/login', actionLimit('signIn', usernameTried), async (ctx: AppContext) => {
    const body = parseBody(ctx, StaffLoginRequestSchema);
    const { staff, token, expiresAt } = await staffSignIn(ctx.deps, { ...body, ip: ctx.ip });
    ctx.body = { token, expiresAt: expiresAt.toISOString(), staff: presentStaff(staff) };
  });

  // A login code is single-use: only the client's address is counted.
  router.post(
    '/auth/wechat-login',
    actionLimit('signIn', () => null),
    async (ctx: AppContext) => {
      const { code } = parseBody(ctx, StaffWechatCodeRequestSchema);
      const { staff, token, expiresAt } = await staffWechatSignIn(ctx.deps, { code, ip: ctx.ip });
      ctx.body = { token, expiresAt: expiresAt.toISOString(), staff: presentStaff(staff) };
    },
  );

  router.post('/auth/wechat-bind', staffAuth(), async (ctx: AppContext) => {
    const { code } = parseBody(ctx, StaffWechatCodeRequestSchema);
    ctx.body = presentStaff(await bindStaffWechat(ctx.deps, { staff: currentStaff(ctx), code, ip: ctx.ip }));
  });

  router.delete('/auth/wechat-bind', staffAuth(), async (ctx: AppContext) => {
    ctx.body = presentStaff(await unbindOwnWechat(ctx.deps, { staff: currentStaff(ctx), ip: ctx.ip }));
  });

  /** Ends every session of this account: older tokens stop working. */
  router.post('/auth/logout', staffAuth(undefined, { whilePasswordChangeDue: true }), async (ctx: AppContext) => {
    const staff = currentStaff(ctx);
    await ctx.deps.dataSource.getRepository(Staff).increment({ id: staff.id }, 'tokenVersion', 1);
    await recordAudit(ctx.deps.dataSource.manager, { staff, action: 'logout', ip: ctx.ip });
    ctx.status = 204;
  });

  router.get('/me', staffAuth(undefined, { whilePasswordChangeDue: true }), (ctx: AppContext) => {
    ctx.body = presentStaff(currentStaff(ctx));
  });

  return router;
}
