import { ConfigError } from '../../config';
import { PUSH_AES_KEY } from '../../test/fakeWechat';
import { contentSecurityConfigFrom } from './contentSecurityConfig';

describe('WECHAT_MSG_TOKEN, WECHAT_MSG_AES_KEY, PUBLIC_BASE_URL', () => {
  it('are optional, and read when set', () => {
    expect(contentSecurityConfigFrom({})).toEqual({ msgToken: null, msgAesKey: null, publicBaseUrl: null });
    const config = contentSecurityConfigFrom({
      WECHAT_MSG_TOKEN: 't',
      WECHAT_MSG_AES_KEY: PUSH_AES_KEY,
      PUBLIC_BASE_URL: 'https://minqing.example.cn/',
    });
    expect(config.msgToken).toBe('t');
    expect(config.msgAesKey).toHaveLength(32);
    expect(config.publicBaseUrl).toBe('https://minqing.example.cn');
  });

  it('refuses a malformed AES key or base URL at start', () => {
    expect(() => contentSecurityConfigFrom({ WECHAT_MSG_AES_KEY: 'too-short' })).toThrow(ConfigError);
    expect(() => contentSecurityConfigFrom({ PUBLIC_BASE_URL: 'minqing.example.cn' })).toThrow(ConfigError);
  });
});
