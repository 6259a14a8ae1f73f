import type { Config } from '../config';
import { decodeEncodingAesKey } from '../integrations/wechat/messagePush';
import { APPID, type FakeWechat, PUSH_AES_KEY, PUSH_TOKEN } from './fakeWechat';
import { createTestApp, type TestApp } from './testApp';

export const PUBLIC_BASE_URL = 'https://minqing.example.cn';

/** The WeChat settings for an app talking to `wechat` (push token, AES key, public URL). */
export function wechatConfig(wechat: FakeWechat): Partial<Config> {
  return {
    wechat: { appid: APPID, secret: 'secret', apiBase: wechat.http.baseUrl },
    contentSecurity: {
      msgToken: PUSH_TOKEN,
      msgAesKey: decodeEncodingAesKey(PUSH_AES_KEY),
      publicBaseUrl: PUBLIC_BASE_URL,
    },
  };
}

/** A test app whose content security is the fake WeChat. */
export function createContentSecurityApp(wechat: FakeWechat): Promise<TestApp> {
  return createTestApp({ contentSecurity: wechat.client(), config: wechatConfig(wechat) });
}
