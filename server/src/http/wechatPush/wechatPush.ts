import Router from '@koa/router';
import { wechatRoutes as routes } from '@minqing/shared';
import { applyMediaVerdict } from '../../commands/contentCheckRunner';
import type { AppContext, AppDeps, AppState } from '../../context';
import { badRequest, forbidden, notConfigured } from '../../errors';
import {
  PushDecryptError,
  decryptPushMessage,
  isMsgSignedByWechat,
  isSignedByWechat,
  mediaVerdictOf,
} from '../../integrations/wechat/messagePush';

type PushQuery = {
  signature?: string;
  msg_signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
  encrypt_type?: string;
};

function pushToken(ctx: AppContext): string {
  const token = ctx.deps.config.contentSecurity?.msgToken;
  if (!token) throw notConfigured('消息推送未配置');
  return token;
}

function queryOf(ctx: AppContext): PushQuery {
  const single = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const q = ctx.query;
  return {
    signature: single(q.signature),
    msg_signature: single(q.msg_signature),
    timestamp: single(q.timestamp),
    nonce: single(q.nonce),
    echostr: single(q.echostr),
    encrypt_type: single(q.encrypt_type),
  };
}

function jsonBody(ctx: AppContext): Record<string, unknown> {
  const body = (ctx.request as { body?: unknown }).body;
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw badRequest('消息不是 JSON');
    }
  }
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/**
 * The message in a push: in 安全模式 (encrypt_type=aes) the body's `Encrypt` is checked against
 * msg_signature and decrypted with the EncodingAESKey; in 明文模式 the query's signature is checked.
 */
function verifiedMessage(ctx: AppContext, token: string): unknown {
  const query = queryOf(ctx);
  const body = jsonBody(ctx);
  const encrypted = typeof body.Encrypt === 'string' ? body.Encrypt : null;
  if (query.encrypt_type === 'aes' || encrypted) {
    const aesKey = ctx.deps.config.contentSecurity?.msgAesKey;
    const appid = ctx.deps.config.wechat?.appid;
    if (!aesKey || !appid) throw notConfigured('消息推送未配置');
    if (!encrypted || !isMsgSignedByWechat(token, query, encrypted)) throw forbidden('签名无效');
    try {
      return JSON.parse(decryptPushMessage(aesKey, encrypted, appid));
    } catch (error) {
      if (error instanceof PushDecryptError) throw forbidden('消息无法解密');
      throw badRequest('消息不是 JSON');
    }
  }
  if (!isSignedByWechat(token, query)) throw forbidden('签名无效');
  return body;
}

/**
 * WeChat's message push (消息推送) URL: the GET handshake answers `echostr` to a correctly
 * signed request; POSTed events are verified, and `wxa_media_check` verdicts update the
 * attachment they are about. Every other event is acknowledged and ignored.
 */
export function wechatPushRouter() {
  const router = new Router<AppState, { deps: AppDeps }>();

  // Plain-text answers to WeChat's signed requests: registered from the contracts' methods and paths.
  router[routes.pushHandshake.method](routes.pushHandshake.path, (ctx: AppContext) => {
    const token = pushToken(ctx);
    const query = queryOf(ctx);
    if (!isSignedByWechat(token, query)) throw forbidden('签名无效');
    ctx.type = 'text/plain';
    ctx.body = query.echostr ?? '';
  });

  router[routes.push.method](routes.push.path, async (ctx: AppContext) => {
    const message = verifiedMessage(ctx, pushToken(ctx));
    const verdict = mediaVerdictOf(message);
    if (verdict) {
      const applied = await applyMediaVerdict(ctx.deps, verdict);
      if (!applied)
        ctx.deps.logger.info(
          { traceId: verdict.traceId },
          'media check verdict for no waiting check (repeated or superseded)',
        );
    }
    // WeChat retries a push until it reads "success".
    ctx.type = 'text/plain';
    ctx.body = 'success';
  });

  return router;
}
