import type { AppDeps } from '../context';
import { AppError, notConfigured } from '../errors';
import { WechatApiError } from '../integrations/wechat/wechatAuthClient';
import type { WechatSession } from '../integrations/wechat/wechatAuthClient';

/** WeChat's error codes for a login code, as the person signing in should read them. */
function wechatLoginError(error: WechatApiError): AppError {
  if (error.errcode === 40029 || error.errcode === 40163)
    return new AppError(400, 'bad_request', '登录凭证无效或已使用，请重新进入小程序', 'code');
  if (error.errcode === 45011) return new AppError(429, 'rate_limited', '登录过于频繁，请稍后再试');
  return new AppError(502, 'internal_error', '微信登录暂时不可用，请稍后再试');
}

/** jscode2session for a wx.login code: the citizen's or the staff member's WeChat identity. */
export async function wechatSessionFor(deps: AppDeps, code: string): Promise<WechatSession> {
  if (!deps.wechat) throw notConfigured('微信登录尚未配置');
  try {
    return await deps.wechat.code2Session(code);
  } catch (error) {
    if (error instanceof WechatApiError) throw wechatLoginError(error);
    throw new AppError(502, 'internal_error', '微信登录暂时不可用，请稍后再试');
  }
}
