import type Router from '@koa/router';
import type Koa from 'koa';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { PersonalDataCipher } from './crypto/personalData';
import type { TokenClaims, TokenSigner } from './crypto/tokens';
import type { Citizen, Staff } from './db/entities';
import type { ReferenceData } from './db/referenceData';
import type { ContentSecurityClient } from './integrations/wechat/contentSecurityClient';
import type { SpeechRecognizer } from './integrations/asr/tencentAsrClient';
import type { MapService } from './integrations/tencentmap/tencentMapClient';
import type { WechatAuthClient } from './integrations/wechat/wechatAuthClient';
import type { ClassifierHolder } from './routing/classifierHolder';
import type { Logger } from './logger';
import type { RequestLimiter } from './rateLimits/requestLimiter';
import type { Storage } from './storage/storage';

/** What the app is built from; tests pass their own database, storage, clock and fakes. */
export interface AppDeps {
  config: Config;
  dataSource: DataSource;
  reference: ReferenceData;
  classifier: ClassifierHolder;
  logger: Logger;
  storage: Storage;
  cipher: PersonalDataCipher;
  tokens: TokenSigner;
  wechat: WechatAuthClient | null;
  /** msg_sec_check / media_check_async; null (or absent) without WeChat: content is recorded as not checked. */
  contentSecurity?: ContentSecurityClient | null;
  /** Tencent Cloud ASR 一句话识别; null (or absent) without ASR_TENCENT_*: voice reports are not transcribed on the server. */
  asr?: SpeechRecognizer | null;
  /** Tencent LBS (reverse geocoding, static map); null (or absent) without TENCENT_MAP_KEY. */
  maps?: MapService | null;
  clock: () => Date;
  /** Request limits (429 rate_limited); absent or null: nothing is limited (tests that do not test limits, the e2e demo server). */
  limiter?: RequestLimiter | null;
}

export interface AppState {
  requestId: string;
  citizen?: Citizen;
  staff?: Staff;
  /** The bearer token's claims once verified (null: none or invalid); see tokenClaims. */
  tokenClaims?: TokenClaims | null;
}

export type AppContext = Koa.ParameterizedContext<AppState, Router.RouterParamContext<AppState> & { deps: AppDeps }>;
export type AppRouter = Router<AppState, { deps: AppDeps }>;
