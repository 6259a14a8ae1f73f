import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { PersonalDataCipher } from './crypto/personalData';
import { TokenSigner } from './crypto/tokens';
import { createDataSource } from './db/dataSource';
import { ReferenceData } from './db/referenceData';
import { DEFAULT_MODEL_PATH } from './routing/classifier';
import { ClassifierHolder } from './routing/classifierHolder';
import { RetrainJob, retrainScheduleOf } from './routing/retraining';
import { seedDemo } from './db/seed/demoSeed';
import { WechatAccessTokenProvider } from './integrations/wechat/accessToken';
import { HttpWechatContentSecurity } from './integrations/wechat/contentSecurityClient';
import { HttpWechatAuthClient } from './integrations/wechat/wechatAuthClient';
import { TencentAsrClient } from './integrations/asr/tencentAsrClient';
import { transcriberOf } from './jobs/transcriptions';
import { geocoderOf } from './jobs/geocoding';
import { TencentMapClient } from './integrations/tencentmap/tencentMapClient';
import type { AppDeps } from './context';
import { ContentCheckJob } from './jobs/contentChecks';
import { PushOutboxSender } from './jobs/pushOutbox';
import { Scheduler } from './jobs/scheduler';
import { StatsSummaryJob } from './stats/summaries';
import { WeeklyBriefJob } from './stats/weeklyBrief';
import { subscribeClientFor } from './integrations/wechat/subscribeClient';
import { createLogger } from './logger';
import { DiskStorage } from './storage/diskStorage';
import { OssStorage } from './storage/ossStorage';
import { createRequestLimiter } from './rateLimits/requestLimiter';

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
  const classifier = new ClassifierHolder(config.routing.modelPath ?? DEFAULT_MODEL_PATH, logger);
  await classifier.refresh();
  // Picks up a model retrained by `npm run routing:train` without a restart.
  setInterval(() => void classifier.refresh(), 60_000).unref();
  // One access token for this process's WeChat calls: separate caches would force-refresh each other's.
  const wechatToken = config.wechat ? new WechatAccessTokenProvider(config.wechat) : null;
  const contentSecurity =
    config.wechat && wechatToken
      ? new HttpWechatContentSecurity({ apiBase: config.wechat.apiBase }, wechatToken)
      : null;
  // Aliyun OSS when configured (OSS_*), else the local disk.
  const storage = config.oss ? new OssStorage(config.oss) : new DiskStorage(config.storageDir);
  // In this process, or in Redis (REDIS_URL) shared by every server process; RATE_LIMITS=off: none.
  const limiter = config.rateLimits ? createRequestLimiter(config.rateLimits) : null;
  const deps: AppDeps = {
    config,
    dataSource,
    reference: new ReferenceData(dataSource),
    classifier,
    logger,
    storage,
    cipher,
    tokens: new TokenSigner(config.tokenSecret),
    wechat: config.wechat && wechatToken ? new HttpWechatAuthClient(config.wechat, wechatToken) : null,
    contentSecurity,
    clock: () => new Date(),
    limiter,
    // Voice reports transcribed on the server (Tencent Cloud ASR 一句话识别); off without ASR_TENCENT_*.
    asr: config.asr ? new TencentAsrClient(config.asr) : null,
    // Points named and drawn by Tencent LBS; off without TENCENT_MAP_KEY.
    maps: config.tencentMap ? new TencentMapClient(config.tencentMap) : null,
  };
  const app = createApp(deps);
  if (!config.asr) logger.info('ASR_TENCENT_* not set: voice reports without a 同声传译 transcript wait in triage');
  const server = app.listen(config.port, () => {
    // PORT=0 lets the system choose: the port said is the one bound.
    const { port } = server.address() as AddressInfo;
    logger.info({ port, demoMode: config.demoMode }, `321 民情在线 listening on http://localhost:${port}`);
  });
  // Every process may run it; the database lease lets one at a time work. SCHEDULER=off opts out.
  const pushOutbox =
    config.wechat && wechatToken
      ? new PushOutboxSender(
          { config, dataSource, logger, subscribe: subscribeClientFor(wechatToken, config.wechat, config) },
          `${os.hostname()}:${process.pid}`,
        )
      : null;
  const scheduler = config.scheduler.enabled
    ? new Scheduler({
        config,
        dataSource,
        logger,
        clock: () => new Date(),
        ...(pushOutbox ? { pushOutbox } : {}),
        transcriptions: transcriberOf(deps),
        ...(contentSecurity
          ? { contentChecks: new ContentCheckJob({ config, dataSource, logger, storage, contentSecurity }) }
          : {}),
        weeklyBriefs: new WeeklyBriefJob({ dataSource }),
        statsSummaries: new StatsSummaryJob({ dataSource }),
        retraining: new RetrainJob({
          dataSource,
          logger,
          classifier,
          modelPath: config.routing.modelPath ?? DEFAULT_MODEL_PATH,
          schedule: retrainScheduleOf(config.routing),
        }),
      })
    : null;
  scheduler?.start();
  const stop = () => {
    server.close(
      () =>
        void (scheduler ? scheduler.stop() : Promise.resolve())
          // A clip being heard finishes, rather than being left claimed (and then given up).
          .then(() => transcriberOf(deps)?.idle())
          .then(() => geocoderOf(deps)?.idle())
          .then(() => limiter?.close())
          .then(() => dataSource.destroy())
          .then(() => process.exit(0)),
    );
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
