import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../app';
import type { Config } from '../config';
import type { AppDeps } from '../context';
import { PersonalDataCipher } from '../crypto/personalData';
import { TokenSigner } from '../crypto/tokens';
import { ReferenceData } from '../db/referenceData';
import { ClassifierHolder } from '../routing/classifierHolder';
import { createLogger } from '../logger';
import { DiskStorage } from '../storage/diskStorage';
import { createTestDataSource } from './testDatabase';

export interface TestApp {
  deps: AppDeps;
  dataSource: DataSource;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

export const TEST_KEY = Buffer.alloc(32, 7);

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    databaseUrl: 'sqlite::memory:',
    port: 0,
    tokenSecret: 'test-token-secret-that-is-long-enough-0123456789',
    dataEncryptionKey: TEST_KEY,
    storageDir: '',
    demoMode: true,
    serialPrefix: 'HY',
    logLevel: 'silent',
    wechat: null,
    routing: { modelPath: null, confidenceThreshold: 0.5, duplicateWindowDays: 7, duplicateMinSimilarity: 0.3 },
    // Tests run the scheduler themselves (Scheduler.runOnce) with their own clock.
    scheduler: { enabled: false, remindAtPercent: 80, autoCloseDays: 7, batchSize: 500 },
    // Tests send X-Forwarded-For to act as different clients.
    trustProxyHops: 1,
    ...overrides,
  };
}

/** A migrated database, a temporary storage folder and the app over HTTP (supertest). */
export async function createTestApp(
  overrides: Partial<Omit<AppDeps, 'config'>> & { config?: Partial<Config> } = {},
): Promise<TestApp> {
  const dataSource = await createTestDataSource();
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-test-'));
  const config = testConfig({ storageDir, ...overrides.config });
  const { config: _config, ...rest } = overrides;
  const deps: AppDeps = {
    dataSource,
    // No caching in tests: factories write reference rows at any time.
    reference: new ReferenceData(dataSource, 0),
    // No classifier unless a test brings one: reports without a category go to triage.
    classifier: new ClassifierHolder(null, createLogger('silent')),
    logger: createLogger('silent'),
    storage: new DiskStorage(storageDir),
    cipher: new PersonalDataCipher(config.dataEncryptionKey),
    tokens: new TokenSigner(config.tokenSecret),
    wechat: null,
    clock: () => new Date(),
    ...rest,
    config,
  };
  const server = createApp(deps).callback();
  return {
    deps,
    dataSource,
    http: request(server),
    async close() {
      await dataSource.destroy();
      fs.rmSync(storageDir, { recursive: true, force: true });
    },
  };
}
