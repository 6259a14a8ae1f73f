import Router from '@koa/router';
import { DevLoginRequestSchema, WechatLoginRequestSchema } from '@minqing/shared';
import { citizenSignIn } from '../../commands/citizenSignIn';
import type { AppContext, AppDeps, AppState } from '../../context';
import { AppError, notConfigured, notFound } from '../../errors';
import { WechatApiError } from '../../integrations/wechat/wechatAuthClient';
import { actionLimit } from '../../middleware/rateLimit';
import { parseBody } from '../../middleware/validate';
import { presentCitizen } from '../../presenters/citizen';

/** WeChat's error codes for a login code, as the citizen should read them. */
function wechatLoginError(error: WechatApiError): AppError {
  if (error.errcode === 40029 || error.errcode === 40163) return new AppError(400, 'bad_request', '登录凭证无效或已使用，请重新进入小程序', 'code');
  if (error.errcode === 45011) return new AppError(429, 'rate_limited', '登录过于频繁，请稍后再试');
  return new AppError(502, 'internal_error', '微信登录暂时不可用，请稍后再试');
}

export function authRouter() {
  const router = new Router<AppState, { deps: AppDeps }>({ prefix: '/auth' });

  // A login code is single-use: only the client's address is counted.
  router.post('/wechat-login', actionLimit('signIn', () => null), async (ctx: AppContext) => {
    const { code } = parseBody(ctx, WechatLoginRequestSchema);
    const wechat = ctx.deps.wechat;
    if (!wechat) throw notConfigured('微信登录尚未配置');
    let session;
    try {
      session = await wechat.code2Session(code);
    } catch (error) {
      if (error instanceof WechatApiError) throw wechatLoginError(error);
      throw new AppError(502, 'internal_error', '微信登录暂时不可用，请稍后再试');
    }
    const { citizen, token } = await citizenSignIn(ctx.deps, session);
    ctx.body = { token, user: presentCitizen(citizen, ctx.deps.cipher) };
  });

  /** Sign in by openid without WeChat: exists only in demo mode. */
  router.post('/dev-login', actionLimit('signIn', () => null), async (ctx: AppContext) => {
    if (!ctx.deps.config.demoMode) throw notFound();
    const { openid } = parseBody(ctx, DevLoginRequestSchema);
    const { citizen, token } = await citizenSignIn(ctx.deps, { openid });
    ctx.body = { token, user: presentCitizen(citizen, ctx.deps.cipher) };
  });

  return router;
}
