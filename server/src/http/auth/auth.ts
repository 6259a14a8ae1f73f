import Router from '@koa/router';
import { citizenAuthRoutes as routes } from '@minqing/shared';
import { citizenSignIn } from '../../commands/citizenSignIn';
import { wechatSessionFor } from '../../commands/wechatOpenid';
import { notFound } from '../../errors';
import { actionLimit } from '../../middleware/rateLimit';
import { presentCitizen } from '../../presenters/citizen';
import { type ApiRouter, implement } from '../implement';

export function authRouter() {
  const router: ApiRouter = new Router();
  // A login code is single-use: only the client's address is counted.
  const signInLimit = actionLimit('signIn', () => null);

  implement(router, routes.wechatLogin, signInLimit, async (ctx, { body }) => {
    const { citizen, token } = await citizenSignIn(ctx.deps, await wechatSessionFor(ctx.deps, body.code));
    return { token, user: presentCitizen(citizen, ctx.deps.cipher) };
  });

  /** Sign in by openid without WeChat: exists only in demo mode (elsewhere 404, whatever the body). */
  const demoSignIn: typeof signInLimit = (ctx, next) =>
    signInLimit(ctx, async () => {
      if (!ctx.deps.config.demoMode) throw notFound();
      await next();
    });
  implement(router, routes.devLogin, demoSignIn, async (ctx, { body }) => {
    const { citizen, token } = await citizenSignIn(ctx.deps, { openid: body.openid });
    return { token, user: presentCitizen(citizen, ctx.deps.cipher) };
  });

  return router;
}
