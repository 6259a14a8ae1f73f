import {
  FakeWechat,
  PUSH_AES_KEY,
  PUSH_TOKEN,
  RISKY_WORD,
  encryptedPush,
  mediaCheckEvent,
} from '../../test/fakeWechat';
import { WechatAccessTokenProvider } from './accessToken';
import { HttpWechatContentSecurity, isPermanentWechatError } from './contentSecurityClient';
import { decodeEncodingAesKey, decryptPushMessage, isMsgSignedByWechat, mediaVerdictOf } from './messagePush';
import { WechatApiError } from './wechatApiError';

describe('WeChat content security client', () => {
  let wechat: FakeWechat;
  beforeAll(async () => {
    wechat = await new FakeWechat().start();
  });
  afterAll(() => wechat.stop());

  it('rates text (v2: errcode 0 even when risky) and answers a media trace_id; concurrent stale calls share one refresh', async () => {
    const client = wechat.client();
    await expect(client.checkText({ openid: 'o', scene: 3, content: `${RISKY_WORD}` })).resolves.toEqual({
      suggest: 'risky',
      label: 20006,
    });
    wechat.generation += 1;
    const before = wechat.http.received('/cgi-bin/stable_token').length;
    const verdicts = await Promise.all(
      [1, 2, 3].map(() => client.checkText({ openid: 'o', scene: 2, content: '你好' })),
    );
    expect(verdicts.map((verdict) => verdict.suggest)).toEqual(['pass', 'pass', 'pass']);
    expect(
      wechat.http
        .received('/cgi-bin/stable_token')
        .slice(before)
        .map((request) => (request.json as { force_refresh?: boolean }).force_refresh),
    ).toEqual([true]);
    await expect(
      client.checkMediaAsync({ openid: 'o', scene: 3, mediaUrl: 'https://x/y.jpg', mediaType: 2 }),
    ).resolves.toMatch(/^trace-/);
  });

  it('maps failures: unreachable or busy is retryable, a bad openid or stale user is not', async () => {
    const options = { appid: 'wx', secret: 's', apiBase: 'http://127.0.0.1:9', timeoutMs: 500 };
    const unreachable = new HttpWechatContentSecurity(options, new WechatAccessTokenProvider(options));
    const error = await unreachable
      .checkText({ openid: 'o', scene: 3, content: 'x' })
      .catch((caught: unknown) => caught);
    expect(isPermanentWechatError(error)).toBe(false);
    wechat.down = true;
    const busy = await wechat
      .client()
      .checkText({ openid: 'o', scene: 3, content: 'x' })
      .catch((caught: unknown) => caught);
    wechat.down = false;
    expect(busy).toMatchObject({ errcode: -1 });
    expect(isPermanentWechatError(busy)).toBe(false);
    expect(isPermanentWechatError(new WechatApiError(61010, 'user not active'))).toBe(true);
    expect(isPermanentWechatError(new WechatApiError(40003, 'invalid openid'))).toBe(true);
  });
});

describe('message push envelope', () => {
  const key = decodeEncodingAesKey(PUSH_AES_KEY);

  it('decrypts what WeChat encrypts, checking msg_signature and the appid', () => {
    const { query, body } = encryptedPush(mediaCheckEvent('trace-9', 'review'));
    const params = Object.fromEntries(new URLSearchParams(query));
    expect(isMsgSignedByWechat(PUSH_TOKEN, params, body.Encrypt)).toBe(true);
    expect(isMsgSignedByWechat('other', params, body.Encrypt)).toBe(false);
    const message = JSON.parse(decryptPushMessage(key, body.Encrypt, 'wx-test-app'));
    expect(mediaVerdictOf(message)).toEqual({ traceId: 'trace-9', suggest: 'review', label: 20002 });
    expect(() => decryptPushMessage(key, body.Encrypt, 'wx-other')).toThrow('another appid');
    expect(() => decryptPushMessage(key, 'bm90IGEgY2lwaGVydGV4dA==', 'wx-test-app')).toThrow();
  });

  it('rejects an EncodingAESKey of the wrong length, and ignores events that are not media verdicts', () => {
    expect(() => decodeEncodingAesKey('short')).toThrow();
    expect(mediaVerdictOf({ Event: 'wxa_media_check', trace_id: 't' })).toBeNull();
    expect(mediaVerdictOf({ Event: 'subscribe_msg_popup_event' })).toBeNull();
  });
});
