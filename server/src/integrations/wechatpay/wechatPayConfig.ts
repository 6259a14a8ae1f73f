import fs from 'node:fs';
import type { PayoutKind } from '@minqing/shared';
import { ConfigError } from '../../config';
import { sceneProblem } from './transferScenes';

/** WeChat Pay (商家转账) for rewards and subsidies; cash features are off without it. */
export interface WechatPayConfig {
  mchid: string;
  appid: string;
  /** The merchant's API private key (apiclient_key.pem), PEM. */
  privateKey: string;
  /** The serial number of the merchant's API certificate. */
  certSerial: string;
  /** The APIv3 key: 32 characters, decrypts notifications. */
  apiV3Key: string;
  /** WeChat Pay's public key (微信支付公钥), PEM, and its id (PUB_KEY_ID_…): verify answers and notifications. */
  platformPublicKey: string;
  platformPublicKeyId: string;
  apiBase: string;
  /** Where WeChat Pay posts transfer results: PUBLIC_BASE_URL + /api/v1/wechatpay/transfer-notify unless set. */
  notifyUrl: string | null;
  /**
   * The 转账场景 each kind of payout is sent in, among those the merchant was granted: rewards
   * WECHATPAY_TRANSFER_SCENE_ID (1000 现金营销), subsidies WECHATPAY_SUBSIDY_SCENE_ID (1005 佣金报酬).
   */
  sceneIds: Record<PayoutKind, string>;
}

/** Amount limits in fen, configurable with or without WeChat Pay (the admin panel shows them). */
export interface PayoutLimits {
  perPaymentFen: number;
  perMonthFen: number;
}

const NAMES = [
  'WECHATPAY_MCHID',
  'WECHATPAY_APPID',
  'WECHATPAY_PRIVATE_KEY',
  'WECHATPAY_CERT_SERIAL',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_PLATFORM_PUBLIC_KEY',
  'WECHATPAY_PLATFORM_PUBLIC_KEY_ID',
] as const;

/** A PEM given inline, or a path to a file holding it. */
function pem(value: string, name: string): string {
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  try {
    return fs.readFileSync(value, 'utf8');
  } catch {
    throw new ConfigError(`${name} must be a PEM or the path of a PEM file`);
  }
}

export function wechatPayConfigFrom(env: Record<string, string | undefined>): WechatPayConfig | null {
  const missing = NAMES.filter((name) => !env[name]);
  if (missing.length === NAMES.length) return null;
  // Half a configuration would look like a switched-off feature: refuse it instead.
  if (missing.length > 0)
    throw new ConfigError(`WeChat Pay needs ${missing.join(', ')} as well (or none of the WECHATPAY_ variables)`);
  if (env.WECHATPAY_APIV3_KEY!.length !== 32) throw new ConfigError('WECHATPAY_APIV3_KEY must be 32 characters');
  const publicBase = env.PUBLIC_BASE_URL?.replace(/\/$/, '');
  const sceneIds = {
    reward: env.WECHATPAY_TRANSFER_SCENE_ID || '1000',
    subsidy: env.WECHATPAY_SUBSIDY_SCENE_ID || '1005',
  };
  const rewardProblem = sceneProblem(sceneIds.reward, 'reward');
  if (rewardProblem) throw new ConfigError(`WECHATPAY_TRANSFER_SCENE_ID: ${rewardProblem}`);
  const subsidyProblem = sceneProblem(sceneIds.subsidy, 'subsidy');
  if (subsidyProblem) throw new ConfigError(`WECHATPAY_SUBSIDY_SCENE_ID: ${subsidyProblem}`);
  return {
    mchid: env.WECHATPAY_MCHID!,
    appid: env.WECHATPAY_APPID!,
    privateKey: pem(env.WECHATPAY_PRIVATE_KEY!, 'WECHATPAY_PRIVATE_KEY'),
    certSerial: env.WECHATPAY_CERT_SERIAL!,
    apiV3Key: env.WECHATPAY_APIV3_KEY!,
    platformPublicKey: pem(env.WECHATPAY_PLATFORM_PUBLIC_KEY!, 'WECHATPAY_PLATFORM_PUBLIC_KEY'),
    platformPublicKeyId: env.WECHATPAY_PLATFORM_PUBLIC_KEY_ID!,
    apiBase: (env.WECHATPAY_API_BASE ?? 'https://api.mch.weixin.qq.com').replace(/\/$/, ''),
    notifyUrl: env.WECHATPAY_NOTIFY_URL ?? (publicBase ? `${publicBase}/api/v1/wechatpay/transfer-notify` : null),
    sceneIds,
  };
}

function fen(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 10 || value > 10_000_000)
    throw new ConfigError(`${name} must be a whole number of fen from 10 to 10000000`);
  return value;
}

export function payoutLimitsFrom(env: Record<string, string | undefined>): PayoutLimits {
  return {
    perPaymentFen: fen(env, 'PAYOUT_MAX_PER_PAYMENT_FEN', 50_000),
    perMonthFen: fen(env, 'PAYOUT_MAX_PER_MONTH_FEN', 100_000),
  };
}
