import Router from '@koa/router';
import { ChangeOwnPasswordRequestSchema } from '@minqing/shared';
import { changeOwnPassword } from '../../commands/ownPasswordChanger';
import type { AppContext, AppDeps, AppState } from '../../context';
import { currentStaff, staffAuth } from '../../middleware/auth';
import { parseBody } from '../../middleware/validate';

/** 修改密码: every signed-in staff member, also (above all) while a password set by an administrator is due for change. */
export function ownPasswordRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/staff' });

  router.post('/me/password', staffAuth(undefined, { whilePasswordChangeDue: true }), async (ctx: AppContext) => {
    const body = parseBody(ctx, ChangeOwnPasswordRequestSchema);
    const { token, expiresAt } = await changeOwnPassword(ctx.deps, { staff: currentStaff(ctx), ...body, ip: ctx.ip });
    ctx.body = { token, expiresAt: expiresAt.toISOString() };
  });

  return router;
}
