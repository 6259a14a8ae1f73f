import Router from '@koa/router';
import { staffAccountRoutes as routes } from '@minqing/shared';
import { changeOwnPassword } from '../../commands/ownPasswordChanger';
import { currentStaff } from '../../middleware/auth';
import { type ApiRouter, implement } from '../implement';

/** 修改密码: every signed-in staff member, also (above all) while a password set by an administrator is due for change. */
export function ownPasswordRouter() {
  const router: ApiRouter = new Router();

  implement(router, routes.changeOwnPassword, async (ctx, { body }) => {
    const { token, expiresAt } = await changeOwnPassword(ctx.deps, { staff: currentStaff(ctx), ...body, ip: ctx.ip });
    return { token, expiresAt: expiresAt.toISOString() };
  });

  return router;
}
