import Router from '@koa/router';
import { DevLoginRequestSchema, WechatLoginRequestSchema } from '@minqing/shared';
import { citizenSignIn } from '../../commands/citizenSignIn';
import { wechatSessionFor } from '../../commands/wechatOpenid';
import type { AppContext, AppDeps, AppState } from '../../context';
import { notFound } from '../../errors';
import { actionLimit } from '../../middleware/rateLimit';
import { parseBody } from '../../middleware/validate';
import { presentCitizen } from '../../presenters/citizen';

export function authRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/auth' });

  // A login code is single-use: only the client's address is counted.
  router.post(
    '/wechat-login',
    actionLimit('signIn', () => null),
    async (ctx: AppContext) => {
      const { code } = parseBody(ctx, WechatLoginRequestSchema);
      const { citizen, token } = await citizenSignIn(ctx.deps, await wechatSessionFor(ctx.deps, code));
      ctx.body = { token, user: presentCitizen(citizen, ctx.deps.cipher) };
    },
  );

  /** Sign in by openid without WeChat: exists only in demo mode. */
  router.post(
    '/dev-login',
    actionLimit('signIn', () => null),
    async (ctx: AppContext) => {
      if (!ctx.deps.config.demoMode) throw notFound();
      const { openid } = parseBody(ctx, DevLoginRequestSchema);
      const { citizen, token } = await citizenSignIn(ctx.deps, { openid });
      ctx.body = { token, user: presentCitizen(citizen, ctx.deps.cipher) };
    },
  );

  return router;
}
