import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type PushConfig, pushConfigFrom } from './integrations/wechat/pushConfig';
import { type ContentSecurityConfig, contentSecurityConfigFrom } from './integrations/wechat/contentSecurityConfig';
import { type AsrConfig, asrConfigFrom } from './integrations/asr/asrConfig';
import { type TencentMapConfig, tencentMapConfigFrom } from './integrations/tencentmap/mapConfig';
import { type OssConfig, ossConfigFrom } from './storage/ossConfig';
import {
  type PayoutLimits,
  type WechatPayConfig,
  payoutLimitsFrom,
  wechatPayConfigFrom,
} from './integrations/wechatpay/wechatPayConfig';
import { type RateLimitConfig, rateLimitConfigFrom, trustedProxyHopsFrom } from './rateLimits/rateLimitConfig';
import { DEFAULT_RANKING_MIN_RECEIVED } from './stats/rankingOrder';

/** The mini-program's H5 build in this repository (from server/src and server/dist alike). */
const DEFAULT_H5_DIR = path.resolve(__dirname, '../../miniapp/dist/h5');
/** The staff admin panel's build in this repository (server/admin/dist). */
const DEFAULT_ADMIN_DIR = path.resolve(__dirname, '../admin/dist');

/** Everything the server reads from its environment, validated once at start. */
export interface Config {
  databaseUrl: string;
  port: number;
  tokenSecret: string;
  dataEncryptionKey: Buffer;
  storageDir: string;
  demoMode: boolean;
  serialPrefix: string;
  logLevel: string;
  /** WeChat mini-program credentials; without them citizen WeChat login answers 503. */
  wechat: { appid: string; secret: string; apiBase: string } | null;
  /** Subscribe-message templates per topic (WECHAT_TEMPLATE_*) and WECHAT_MINIPROGRAM_STATE. */
  push?: PushConfig;
  /** Content security: message push token and AES key (WECHAT_MSG_TOKEN, WECHAT_MSG_AES_KEY), PUBLIC_BASE_URL for signed media URLs. */
  contentSecurity?: ContentSecurityConfig;
  /** Tencent Cloud ASR 一句话识别 (ASR_TENCENT_*, ASR_ENGINE); null: voice is not transcribed on the server. */
  asr?: AsrConfig | null;
  /** Tencent LBS (TENCENT_MAP_KEY, TENCENT_MAP_SECRET, TENCENT_MAP_ENDPOINT); null: no geocoding, no map image. */
  tencentMap?: TencentMapConfig | null;
  /** Aliyun OSS (OSS_REGION, OSS_BUCKET, OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET); null: local disk. */
  oss?: OssConfig | null;
  /** WeChat Pay 商家转账 (WECHATPAY_*); null: cash rewards and subsidies are switched off. */
  wechatPay?: WechatPayConfig | null;
  /** PAYOUT_MAX_PER_PAYMENT_FEN, PAYOUT_MAX_PER_MONTH_FEN. */
  payoutLimits?: PayoutLimits;
  /** Requests per client and per account (RATE_LIMIT_*, REDIS_URL); null: RATE_LIMITS=off. */
  rateLimits?: RateLimitConfig | null;
  /** TRUST_PROXY: how many reverse proxies' X-Forwarded-For entries are believed; 0: the socket's address is the client. */
  trustProxyHops: number;
  /** RANKING_MIN_RECEIVED: fewer reports in the period and a department (township) is listed as 样本不足, not ranked; unset: 5. */
  rankingMinReceived?: number;
  routing: RoutingConfig;
  scheduler: SchedulerConfig;
  /** The mini-program's H5 build, served at /h5/ when the folder exists (H5_DIR; default miniapp/dist/h5). */
  h5Dir?: string | null;
  /** The staff admin panel's build, served at /admin/ when the folder exists (ADMIN_DIR; default server/admin/dist). */
  adminDir?: string | null;
}

/** The deadline scheduler (催办, 督办, auto-close); see jobs/scheduler.ts. */
export interface SchedulerConfig {
  /** SCHEDULER=off keeps this process from ever running the jobs (another one does). */
  enabled: boolean;
  /** Remind when this share of the response or resolve window has passed. */
  remindAtPercent: number;
  /** A resolved report nobody rated is closed after this many days. */
  autoCloseDays: number;
  /** Reports each job handles per run at most; the rest wait for the next minute. */
  batchSize: number;
}

function integerIn(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

function schedulerConfig(env: Env): SchedulerConfig {
  const switchedTo = (env.SCHEDULER ?? 'on').toLowerCase();
  if (switchedTo !== 'on' && switchedTo !== 'off') throw new ConfigError('SCHEDULER must be on or off');
  return {
    enabled: switchedTo === 'on',
    remindAtPercent: integerIn(env, 'REMIND_AT_PERCENT', 80, 1, 99),
    autoCloseDays: integerIn(env, 'AUTO_CLOSE_DAYS', 7, 1, 365),
    batchSize: integerIn(env, 'SCHEDULER_BATCH_SIZE', 500, 1, 10_000),
  };
}

export interface RoutingConfig {
  /** The classifier model file; null uses the one shipped in server/models. */
  modelPath: string | null;
  /** Below this confidence a report waits for a dispatcher; null uses the model's recommendation. */
  confidenceThreshold: number | null;
  duplicateWindowDays: number;
  duplicateMinSimilarity: number;
  /** Nightly retraining from dispatchers' corrections (routing/retraining.ts); absent: the default schedule. */
  retrain?: { enabled: boolean; hour: number; minValidation: number };
}

function retrainConfig(env: Env): NonNullable<RoutingConfig['retrain']> {
  const switchedTo = (env.ROUTING_RETRAIN ?? 'on').toLowerCase();
  if (switchedTo !== 'on' && switchedTo !== 'off') throw new ConfigError('ROUTING_RETRAIN must be on or off');
  return {
    enabled: switchedTo === 'on',
    hour: integerIn(env, 'ROUTING_RETRAIN_HOUR', 3, 0, 23),
    minValidation: integerIn(env, 'ROUTING_RETRAIN_MIN_VALIDATION', 10, 1, 100_000),
  };
}

function numberIn(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new ConfigError(`${name} must be a number from ${min} to ${max}`);
  return value;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

function parseKey(value: string, name: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new ConfigError(`${name} must be 32 bytes, as 64 hex characters or base64`);
  return key;
}

/**
 * In demo mode missing secrets are generated once and kept beside the demo database, so that
 * encrypted phone numbers and issued tokens survive a restart. Outside demo mode they are required.
 */
function demoSecret(dir: string, name: string): string {
  const file = path.join(dir, '.demo-secrets.json');
  const secrets: Record<string, string> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  if (!secrets[name]) {
    secrets[name] = randomBytes(32).toString('hex');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets[name];
}

export function loadConfig(env: Env = process.env): Config {
  const demoMode = env.DEMO_MODE === 'true' || env.DEMO_MODE === '1';
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const required = (name: string): string => {
    const value = env[name];
    if (value) return value;
    if (demoMode) return demoSecret(dataDir, name);
    throw new ConfigError(`${name} is required (set it in the environment, or run with DEMO_MODE=true)`);
  };
  const port = Number(env.PORT ?? 3210);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PORT must be a port number');
  const tokenSecret = required('TOKEN_SECRET');
  if (tokenSecret.length < 32) throw new ConfigError('TOKEN_SECRET must be at least 32 characters');
  const serialPrefix = env.SERIAL_PREFIX ?? 'HY';
  if (!/^[A-Z]{2,4}$/.test(serialPrefix)) throw new ConfigError('SERIAL_PREFIX must be 2–4 capital letters');
  return {
    databaseUrl: env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'minqing.sqlite')}`,
    port,
    tokenSecret,
    dataEncryptionKey: parseKey(required('DATA_ENCRYPTION_KEY'), 'DATA_ENCRYPTION_KEY'),
    storageDir: path.resolve(env.STORAGE_DIR ?? path.join(dataDir, 'uploads')),
    demoMode,
    serialPrefix,
    logLevel: env.LOG_LEVEL ?? 'info',
    wechat:
      env.WECHAT_APPID && env.WECHAT_SECRET
        ? {
            appid: env.WECHAT_APPID,
            secret: env.WECHAT_SECRET,
            apiBase: env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com',
          }
        : null,
    push: pushConfigFrom(env),
    contentSecurity: contentSecurityConfigFrom(env),
    oss: ossConfigFrom(env),
    asr: asrConfigFrom(env),
    tencentMap: tencentMapConfigFrom(env),
    wechatPay: wechatPayConfigFrom(env),
    payoutLimits: payoutLimitsFrom(env),
    rateLimits: rateLimitConfigFrom(env),
    trustProxyHops: trustedProxyHopsFrom(env),
    rankingMinReceived: integerIn(env, 'RANKING_MIN_RECEIVED', DEFAULT_RANKING_MIN_RECEIVED, 1, 1000),
    routing: {
      modelPath: env.CLASSIFIER_MODEL_PATH ? path.resolve(env.CLASSIFIER_MODEL_PATH) : null,
      confidenceThreshold: env.ROUTING_CONFIDENCE_THRESHOLD
        ? numberIn(env, 'ROUTING_CONFIDENCE_THRESHOLD', 0, 0, 1)
        : null,
      duplicateWindowDays: numberIn(env, 'DUPLICATE_WINDOW_DAYS', 7, 0, 90),
      duplicateMinSimilarity: numberIn(env, 'DUPLICATE_MIN_SIMILARITY', 0.3, 0, 1),
      retrain: retrainConfig(env),
    },
    scheduler: schedulerConfig(env),
    h5Dir: path.resolve(env.H5_DIR ?? DEFAULT_H5_DIR),
    adminDir: path.resolve(env.ADMIN_DIR ?? DEFAULT_ADMIN_DIR),
  };
}
