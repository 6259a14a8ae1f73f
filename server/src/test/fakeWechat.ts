import { createCipheriv, randomBytes } from 'node:crypto';
import { WechatAccessTokenProvider } from '../integrations/wechat/accessToken';
import { HttpWechatContentSecurity } from '../integrations/wechat/contentSecurityClient';
import { HttpWechatAuthClient } from '../integrations/wechat/wechatAuthClient';
import { pushSignature } from '../integrations/wechat/messagePush';
import { FakeHttpServer, type FakeRequest } from './fakeHttp';

/** Words the fake's msg_sec_check rates: anything else passes. */
export const RISKY_WORD = '赌博网址';
export const REVIEW_WORD = '待人工复核';

export const PUSH_TOKEN = 'push-token-for-tests';
/** An EncodingAESKey: 43 base64 characters. */
export const PUSH_AES_KEY = Buffer.alloc(32, 9).toString('base64').slice(0, 43);
export const APPID = 'wx-test-app';

/**
 * WeChat's server APIs for content security on a local port: stable_token (every token before
 * the current generation is stale, 42001), msg_sec_check v2, media_check_async v2 (answers a
 * trace_id; the verdict is pushed later by the test) and jscode2session (code `c` is the WeChat
 * `o-c`; `used` is spent, 40029). `down` makes every call fail with 503.
 */
export class FakeWechat {
  readonly http = new FakeHttpServer();
  generation = 1;
  down = false;
  /** The media_check_async calls accepted, with the URL WeChat would fetch. */
  readonly mediaChecks: { mediaUrl: string; mediaType: number; openid: string; traceId: string }[] = [];

  async start(): Promise<this> {
    const guarded = (answer: (request: FakeRequest) => object) => (request: FakeRequest) => {
      if (this.down) return { status: 503, body: 'Service Unavailable' };
      if (request.query.get('access_token') !== `token-${this.generation}`)
        return { body: { errcode: 42001, errmsg: 'access_token expired' } };
      return { body: answer(request) };
    };
    this.http.on('POST', '/cgi-bin/stable_token', (request) => {
      if (this.down) return { status: 503, body: 'Service Unavailable' };
      if ((request.json as { force_refresh?: boolean }).force_refresh) this.generation += 1;
      return { body: { access_token: `token-${this.generation}`, expires_in: 7200 } };
    });
    this.http.on(
      'POST',
      '/wxa/msg_sec_check',
      guarded((request) => {
        const { content, version } = request.json as { content: string; version: number };
        if (version !== 2) return { errcode: 47001, errmsg: 'version' };
        const suggest = content.includes(RISKY_WORD) ? 'risky' : content.includes(REVIEW_WORD) ? 'review' : 'pass';
        // v2: errcode 0 even for risky content.
        return {
          errcode: 0,
          errmsg: 'ok',
          result: { suggest, label: suggest === 'pass' ? 100 : 20006 },
          trace_id: 'sync',
        };
      }),
    );
    this.http.on(
      'POST',
      '/wxa/media_check_async',
      guarded((request) => {
        const body = request.json as { media_url: string; media_type: number; openid: string; version: number };
        if (body.version !== 2) return { errcode: 47001, errmsg: 'version' };
        const traceId = `trace-${this.mediaChecks.length + 1}`;
        this.mediaChecks.push({ mediaUrl: body.media_url, mediaType: body.media_type, openid: body.openid, traceId });
        return { errcode: 0, errmsg: 'ok', trace_id: traceId };
      }),
    );
    this.http.on('GET', '/sns/jscode2session', (request) => {
      if (this.down) return { status: 503, body: 'Service Unavailable' };
      const code = request.query.get('js_code') ?? '';
      if (code === 'used') return { body: { errcode: 40029, errmsg: 'invalid code' } };
      return { body: { openid: `o-${code}`, session_key: 'k' } };
    });
    await this.http.start();
    return this;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  /** A client for the app under test, with its own token cache. */
  client(): HttpWechatContentSecurity {
    const options = { appid: APPID, secret: 'secret', apiBase: this.http.baseUrl, timeoutMs: 2000 };
    return new HttpWechatContentSecurity(options, new WechatAccessTokenProvider(options));
  }

  /** A sign-in client (jscode2session) for the app under test. */
  authClient(): HttpWechatAuthClient {
    return new HttpWechatAuthClient({ appid: APPID, secret: 'secret', apiBase: this.http.baseUrl, timeoutMs: 2000 });
  }
}

/** The wxa_media_check event WeChat pushes (JSON format). */
export function mediaCheckEvent(traceId: string, suggest: 'pass' | 'review' | 'risky', openid = 'openid') {
  return {
    ToUserName: 'gh_test',
    FromUserName: openid,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: APPID,
    trace_id: traceId,
    version: 2,
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label: suggest === 'pass' ? 100 : 20002, prob: 90 }],
    errcode: 0,
    errmsg: 'ok',
    result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
  };
}

/** The query WeChat signs a plaintext push (or the GET handshake) with. */
export function signedQuery(token = PUSH_TOKEN, extra: Record<string, string> = {}): string {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(6).toString('hex');
  return new URLSearchParams({
    signature: pushSignature([token, timestamp, nonce]),
    timestamp,
    nonce,
    ...extra,
  }).toString();
}

/** 安全模式: WeChat's AES envelope around a message, and the query with its msg_signature. */
export function encryptedPush(
  message: object,
  encodingAesKey = PUSH_AES_KEY,
  appid = APPID,
): { query: string; body: { ToUserName: string; Encrypt: string } } {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const text = Buffer.from(JSON.stringify(message));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length);
  const plain = Buffer.concat([randomBytes(16), length, text, Buffer.from(appid)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  const encrypted = Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(6).toString('hex');
  const query = new URLSearchParams({
    signature: pushSignature([PUSH_TOKEN, timestamp, nonce]),
    timestamp,
    nonce,
    encrypt_type: 'aes',
    msg_signature: pushSignature([PUSH_TOKEN, timestamp, nonce, encrypted]),
  }).toString();
  return { query, body: { ToUserName: 'gh_test', Encrypt: encrypted } };
}
