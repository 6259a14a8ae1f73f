import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { PersonalDataCipher } from './crypto/personalData';
import { TokenSigner } from './crypto/tokens';
import { createDataSource } from './db/dataSource';
import { ReferenceData } from './db/referenceData';
import { seedDemo } from './db/seed/demoSeed';
import { HttpWechatAuthClient } from './integrations/wechat/wechatAuthClient';
import { createLogger } from './logger';
import { DiskStorage } from './storage/diskStorage';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const cipher = new PersonalDataCipher(config.dataEncryptionKey);
  if (config.demoMode) {
    const seeded = await seedDemo(dataSource, { cipher });
    logger.info(seeded, 'demo county ready');
  }
  const app = createApp({
    config,
    dataSource,
    reference: new ReferenceData(dataSource),
    logger,
    storage: new DiskStorage(config.storageDir),
    cipher,
    tokens: new TokenSigner(config.tokenSecret),
    wechat: config.wechat ? new HttpWechatAuthClient(config.wechat) : null,
    clock: () => new Date(),
  });
  const server = app.listen(config.port, () => {
    logger.info({ port: config.port, demoMode: config.demoMode }, `321 民情在线 listening on http://localhost:${config.port}`);
  });
  const stop = () => {
    server.close(() => void dataSource.destroy().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`配置错误 (configuration error): ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
