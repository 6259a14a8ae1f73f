import { ConfigError } from '../../config';
import { decodeEncodingAesKey } from './messagePush';

/** The message push (消息推送) settings and where WeChat fetches media to check them. */
export interface ContentSecurityConfig {
  /** WECHAT_MSG_TOKEN: the push Token; without it the push endpoint answers 503. */
  msgToken: string | null;
  /** WECHAT_MSG_AES_KEY (EncodingAESKey, 43 characters) decoded; null: plaintext mode only. */
  msgAesKey: Buffer | null;
  /** PUBLIC_BASE_URL: this server's public origin, for the signed media URLs WeChat fetches. */
  publicBaseUrl: string | null;
}

export function contentSecurityConfigFrom(env: Record<string, string | undefined>): ContentSecurityConfig {
  let msgAesKey: Buffer | null = null;
  if (env.WECHAT_MSG_AES_KEY) {
    try {
      msgAesKey = decodeEncodingAesKey(env.WECHAT_MSG_AES_KEY);
    } catch {
      throw new ConfigError('WECHAT_MSG_AES_KEY must be the 43-character EncodingAESKey from the mini-program console');
    }
  }
  const publicBaseUrl = env.PUBLIC_BASE_URL ? env.PUBLIC_BASE_URL.replace(/\/+$/, '') : null;
  if (publicBaseUrl && !/^https?:\/\/[^/]+/.test(publicBaseUrl))
    throw new ConfigError('PUBLIC_BASE_URL must be an http(s) origin, e.g. https://minqing.example.cn');
  return { msgToken: env.WECHAT_MSG_TOKEN || null, msgAesKey, publicBaseUrl };
}
