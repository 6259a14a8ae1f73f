import { ConfigError, loadConfig } from '../../config';

describe('Tencent LBS configuration', () => {
  const base = { TOKEN_SECRET: 's'.repeat(40), DATA_ENCRYPTION_KEY: 'ab'.repeat(32) };
  const KEY = 'OB4BZ-D4W3U-B7VVO-4PJWW-6TKDJ-WPB77';

  it('is off without TENCENT_MAP_KEY', () => {
    expect(loadConfig(base).tencentMap).toBeNull();
  });

  it('is on with the key alone: unsigned, at apis.map.qq.com', () => {
    expect(loadConfig({ ...base, TENCENT_MAP_KEY: KEY }).tencentMap).toEqual({
      key: KEY,
      secret: null,
      endpoint: 'https://apis.map.qq.com',
    });
    expect(
      loadConfig({
        ...base,
        TENCENT_MAP_KEY: KEY,
        TENCENT_MAP_SECRET: 'sk-of-the-key',
        TENCENT_MAP_ENDPOINT: 'http://127.0.0.1:4567/',
      }).tencentMap,
    ).toEqual({ key: KEY, secret: 'sk-of-the-key', endpoint: 'http://127.0.0.1:4567' });
  });

  it.each([
    [{ TENCENT_MAP_SECRET: 'sk-of-the-key' }, 'TENCENT_MAP_KEY'],
    [{ TENCENT_MAP_ENDPOINT: 'http://127.0.0.1:4567' }, 'TENCENT_MAP_KEY'],
    [{ TENCENT_MAP_KEY: 'not a key!' }, 'TENCENT_MAP_KEY'],
    [{ TENCENT_MAP_KEY: KEY, TENCENT_MAP_ENDPOINT: 'ftp://apis.map.qq.com' }, 'TENCENT_MAP_ENDPOINT'],
    [{ TENCENT_MAP_KEY: KEY, TENCENT_MAP_ENDPOINT: 'https://apis.map.qq.com/ws/' }, 'TENCENT_MAP_ENDPOINT'],
  ])('refuses to start with %j', (settings, message) => {
    expect(() => loadConfig({ ...base, ...settings })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...settings })).toThrow(message);
  });
});
