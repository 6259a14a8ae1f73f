import { ConfigError, loadConfig } from '../../config';

describe('Tencent Cloud ASR configuration', () => {
  const base = { TOKEN_SECRET: 's'.repeat(40), DATA_ENCRYPTION_KEY: 'ab'.repeat(32) };
  const keys = { ASR_TENCENT_SECRET_ID: 'AKIDexample', ASR_TENCENT_SECRET_KEY: 'example-key' };

  it('is off without any ASR_TENCENT_ variable', () => {
    expect(loadConfig(base).asr).toBeNull();
    // The engine alone is a setting with a default, not a half-configured service.
    expect(loadConfig({ ...base, ASR_ENGINE: '16k_zh' }).asr).toBeNull();
  });

  it('reads the keys with the defaults: ap-shanghai, asr.tencentcloudapi.com, 16k_zh_dialect', () => {
    expect(loadConfig({ ...base, ...keys }).asr).toEqual({
      secretId: 'AKIDexample',
      secretKey: 'example-key',
      region: 'ap-shanghai',
      endpoint: 'https://asr.tencentcloudapi.com',
      engine: '16k_zh_dialect',
    });
    expect(
      loadConfig({
        ...base,
        ...keys,
        ASR_TENCENT_REGION: 'ap-guangzhou',
        ASR_TENCENT_ENDPOINT: 'http://asr.localhost:4567/',
        ASR_ENGINE: '16k_zh',
      }).asr,
    ).toMatchObject({ region: 'ap-guangzhou', endpoint: 'http://asr.localhost:4567', engine: '16k_zh' });
  });

  it.each([
    [{ ASR_TENCENT_SECRET_ID: 'AKIDexample' }, /ASR_TENCENT_SECRET_KEY/],
    [{ ASR_TENCENT_SECRET_KEY: 'example-key' }, /ASR_TENCENT_SECRET_ID/],
    [{ ASR_TENCENT_ENDPOINT: 'https://asr.tencentcloudapi.com' }, /ASR_TENCENT_SECRET_ID, ASR_TENCENT_SECRET_KEY/],
    [{ ASR_TENCENT_REGION: 'ap-beijing' }, /ASR_TENCENT_SECRET_ID, ASR_TENCENT_SECRET_KEY/],
  ])('refuses to start with part of the keys: %j', (partial, message) => {
    expect(() => loadConfig({ ...base, ...partial })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...partial })).toThrow(message);
  });

  it.each([
    [{ ASR_TENCENT_ENDPOINT: 'ftp://asr.tencentcloudapi.com' }, /ASR_TENCENT_ENDPOINT/],
    [{ ASR_TENCENT_ENDPOINT: 'https://asr.tencentcloudapi.com/v1' }, /ASR_TENCENT_ENDPOINT/],
    [{ ASR_TENCENT_ENDPOINT: 'http://127.0.0.1:4567' }, /first label is asr/],
    [{ ASR_TENCENT_REGION: 'Shanghai' }, /ASR_TENCENT_REGION/],
    [{ ASR_ENGINE: 'whisper' }, /ASR_ENGINE/],
  ])('refuses a wrong setting: %j', (setting, message) => {
    expect(() => loadConfig({ ...base, ...keys, ...setting })).toThrow(message);
  });
});
