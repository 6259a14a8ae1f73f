import { ConfigError } from '../config';

/** Aliyun OSS: chosen when all four of region, bucket, key id and secret are set. */
export interface OssConfig {
  region: string;
  bucket: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** A custom endpoint (e.g. the internal one, or a local fake in tests); default from the region. */
  endpoint: string | null;
}

const NAMES = ['OSS_REGION', 'OSS_BUCKET', 'OSS_ACCESS_KEY_ID', 'OSS_ACCESS_KEY_SECRET'] as const;

export function ossConfigFrom(env: Record<string, string | undefined>): OssConfig | null {
  const missing = NAMES.filter((name) => !env[name]);
  if (missing.length === NAMES.length) return null;
  // Half a configuration would silently fall back to local disk: refuse it instead.
  if (missing.length > 0)
    throw new ConfigError(`OSS needs ${missing.join(', ')} as well (or none of the OSS_ variables)`);
  if (!/^oss-[a-z0-9-]+$/.test(env.OSS_REGION!)) throw new ConfigError('OSS_REGION must look like oss-cn-hangzhou');
  return {
    region: env.OSS_REGION!,
    bucket: env.OSS_BUCKET!,
    accessKeyId: env.OSS_ACCESS_KEY_ID!,
    accessKeySecret: env.OSS_ACCESS_KEY_SECRET!,
    endpoint: env.OSS_ENDPOINT || null,
  };
}
