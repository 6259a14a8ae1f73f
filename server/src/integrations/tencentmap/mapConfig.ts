import { ConfigError } from '../../config';

/** Tencent LBS WebService (腾讯位置服务): reverse geocoding and the static map for the admin panel. */
export interface TencentMapConfig {
  /** TENCENT_MAP_KEY: the WebService key (开发者密钥). */
  key: string;
  /** TENCENT_MAP_SECRET: the key's SK when 签名校验 is on; requests are then signed (sig). */
  secret: string | null;
  /** TENCENT_MAP_ENDPOINT: the API origin; default https://apis.map.qq.com (tests: a local fake). */
  endpoint: string;
}

export const TENCENT_MAP_DEFAULT_ENDPOINT = 'https://apis.map.qq.com';

/** Null without TENCENT_MAP_KEY: points are not turned into addresses and the admin panel shows no map image. */
export function tencentMapConfigFrom(env: Record<string, string | undefined>): TencentMapConfig | null {
  if (!env.TENCENT_MAP_KEY) {
    // A secret or an endpoint without the key would look like a working map that never answers: refuse it.
    if (env.TENCENT_MAP_SECRET || env.TENCENT_MAP_ENDPOINT)
      throw new ConfigError('TENCENT_MAP_SECRET and TENCENT_MAP_ENDPOINT need TENCENT_MAP_KEY as well');
    return null;
  }
  if (!/^[A-Za-z0-9-]{10,64}$/.test(env.TENCENT_MAP_KEY))
    throw new ConfigError('TENCENT_MAP_KEY must be a Tencent LBS key such as OB4BZ-D4W3U-B7VVO-4PJWW-6TKDJ-WPB77');
  const endpoint = (env.TENCENT_MAP_ENDPOINT || TENCENT_MAP_DEFAULT_ENDPOINT).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ConfigError('TENCENT_MAP_ENDPOINT must be an http(s) origin, e.g. https://apis.map.qq.com');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search)
    throw new ConfigError('TENCENT_MAP_ENDPOINT must be an http(s) origin, e.g. https://apis.map.qq.com');
  return { key: env.TENCENT_MAP_KEY, secret: env.TENCENT_MAP_SECRET || null, endpoint };
}
