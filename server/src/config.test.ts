import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  const key = 'ab'.repeat(32);
  const secret = 's'.repeat(40);

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/minqing',
      PORT: '8080',
      TOKEN_SECRET: secret,
      DATA_ENCRYPTION_KEY: key,
      STORAGE_DIR: '/srv/uploads',
      SERIAL_PREFIX: 'AK',
      WECHAT_APPID: 'wx1',
      WECHAT_SECRET: 'sec',
    });
    expect(config).toMatchObject({
      databaseUrl: 'mysql://root@127.0.0.1:3306/minqing',
      port: 8080,
      demoMode: false,
      storageDir: '/srv/uploads',
      serialPrefix: 'AK',
    });
    expect(config.dataEncryptionKey).toEqual(Buffer.from(key, 'hex'));
    expect(config.wechat).toEqual({ appid: 'wx1', secret: 'sec', apiBase: 'https://api.weixin.qq.com' });
  });

  it('runs the deadline scheduler by default and reads its settings', () => {
    const base = { TOKEN_SECRET: secret, DATA_ENCRYPTION_KEY: key };
    expect(loadConfig(base).scheduler).toEqual({
      enabled: true,
      remindAtPercent: 80,
      autoCloseDays: 7,
      batchSize: 500,
    });
    const tuned = loadConfig({
      ...base,
      SCHEDULER: 'off',
      REMIND_AT_PERCENT: '75',
      AUTO_CLOSE_DAYS: '10',
      SCHEDULER_BATCH_SIZE: '100',
    });
    expect(tuned.scheduler).toEqual({ enabled: false, remindAtPercent: 75, autoCloseDays: 10, batchSize: 100 });
    expect(() => loadConfig({ ...base, SCHEDULER: 'maybe' })).toThrow('SCHEDULER');
    expect(() => loadConfig({ ...base, AUTO_CLOSE_DAYS: '0' })).toThrow('AUTO_CLOSE_DAYS');
    expect(() => loadConfig({ ...base, AUTO_CLOSE_DAYS: '2.5' })).toThrow('AUTO_CLOSE_DAYS');
    expect(() => loadConfig({ ...base, REMIND_AT_PERCENT: '100' })).toThrow('REMIND_AT_PERCENT');
  });

  it('ranks departments from 5 reports a month unless RANKING_MIN_RECEIVED says otherwise', () => {
    const base = { TOKEN_SECRET: secret, DATA_ENCRYPTION_KEY: key };
    expect(loadConfig(base).rankingMinReceived).toBe(5);
    expect(loadConfig({ ...base, RANKING_MIN_RECEIVED: '10' }).rankingMinReceived).toBe(10);
    expect(() => loadConfig({ ...base, RANKING_MIN_RECEIVED: '0' })).toThrow('RANKING_MIN_RECEIVED');
    expect(() => loadConfig({ ...base, RANKING_MIN_RECEIVED: 'few' })).toThrow('RANKING_MIN_RECEIVED');
  });

  it('requires secrets outside demo mode and checks them', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({ TOKEN_SECRET: secret })).toThrow('DATA_ENCRYPTION_KEY');
    expect(() => loadConfig({ TOKEN_SECRET: 'short', DATA_ENCRYPTION_KEY: key })).toThrow('TOKEN_SECRET');
    expect(() => loadConfig({ TOKEN_SECRET: secret, DATA_ENCRYPTION_KEY: 'abcd' })).toThrow('32 bytes');
    expect(() => loadConfig({ TOKEN_SECRET: secret, DATA_ENCRYPTION_KEY: key, PORT: 'x' })).toThrow('PORT');
  });

  it('generates demo secrets once and keeps them across restarts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-config-'));
    const first = loadConfig({ DEMO_MODE: 'true', DATA_DIR: dir });
    const second = loadConfig({ DEMO_MODE: 'true', DATA_DIR: dir });
    expect(first.demoMode).toBe(true);
    expect(second.tokenSecret).toBe(first.tokenSecret);
    expect(second.dataEncryptionKey).toEqual(first.dataEncryptionKey);
    expect(first.databaseUrl).toBe(`sqlite:${path.join(dir, 'minqing.sqlite')}`);
    fs.rmSync(dir, { recursive: true });
  });
});
