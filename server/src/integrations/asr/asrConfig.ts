import { ConfigError } from '../../config';

/** Tencent Cloud ASR 一句话识别 (SentenceRecognition): voice reports are transcribed on the server. */
export interface AsrConfig {
  secretId: string;
  secretKey: string;
  /** ASR_TENCENT_REGION; default ap-shanghai. */
  region: string;
  /** ASR_TENCENT_ENDPOINT: the API's origin; default https://asr.tencentcloudapi.com (tests: a local fake over http). */
  endpoint: string;
  /** ASR_ENGINE (EngSerViceType); default 16k_zh_dialect, Mandarin and 23 dialects. */
  engine: string;
}

export const ASR_DEFAULTS = {
  region: 'ap-shanghai',
  endpoint: 'https://asr.tencentcloudapi.com',
  engine: '16k_zh_dialect',
} as const;

const KEYS = ['ASR_TENCENT_SECRET_ID', 'ASR_TENCENT_SECRET_KEY'] as const;
const SETTINGS = ['ASR_TENCENT_REGION', 'ASR_TENCENT_ENDPOINT'] as const;

/** Null when none of the ASR_TENCENT_ variables is set: transcription is off. */
export function asrConfigFrom(env: Record<string, string | undefined>): AsrConfig | null {
  const missing = KEYS.filter((name) => !env[name]);
  const settings = SETTINGS.filter((name) => env[name]);
  if (missing.length === KEYS.length && settings.length === 0) return null;
  // Half a configuration would look like switched-off transcription: refuse it instead.
  if (missing.length > 0)
    throw new ConfigError(
      `Tencent Cloud ASR needs ${missing.join(', ')} as well (or none of the ASR_TENCENT_ variables)`,
    );
  const endpoint = (env.ASR_TENCENT_ENDPOINT || ASR_DEFAULTS.endpoint).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ConfigError('ASR_TENCENT_ENDPOINT must be an http(s) origin, e.g. https://asr.tencentcloudapi.com');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search)
    throw new ConfigError('ASR_TENCENT_ENDPOINT must be an http(s) origin, e.g. https://asr.tencentcloudapi.com');
  // The SDK names the signed service after the host's first label: Tencent accepts only `asr`.
  if (url.hostname.split('.')[0] !== 'asr')
    throw new ConfigError('ASR_TENCENT_ENDPOINT must be a host whose first label is asr (asr.tencentcloudapi.com)');
  const region = env.ASR_TENCENT_REGION || ASR_DEFAULTS.region;
  if (!/^[a-z]+-[a-z-]+$/.test(region))
    throw new ConfigError('ASR_TENCENT_REGION must be a region such as ap-shanghai');
  const engine = env.ASR_ENGINE || ASR_DEFAULTS.engine;
  if (!/^(8k|16k)_[A-Za-z_-]+$/.test(engine))
    throw new ConfigError('ASR_ENGINE must be a 一句话识别 engine such as 16k_zh or 16k_zh_dialect');
  return { secretId: env.ASR_TENCENT_SECRET_ID!, secretKey: env.ASR_TENCENT_SECRET_KEY!, region, endpoint, engine };
}
