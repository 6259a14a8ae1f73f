import { ConfigError } from '../config';

/**
 * What is counted. `request` is every API call: by client address while signed out (this covers every
 * public route), by account while signed in. The others are counted both ways on top of it.
 */
export const LIMITED_ACTIONS = ['request', 'signIn', 'submit', 'upload', 'redeem'] as const;
export type LimitedAction = (typeof LIMITED_ACTIONS)[number];

/** Who a count belongs to: the client's address, or the account (signed in, or named at sign-in). */
export type LimitScope = 'client' | 'account';

/** At most `points` requests in `seconds`. */
export interface Limit {
  points: number;
  seconds: number;
}

export type RateLimits = Record<LimitedAction, Record<LimitScope, Limit>>;

export interface RateLimitConfig {
  limits: RateLimits;
  /** REDIS_URL: counts shared by every server process; null keeps them in this process. */
  redisUrl: string | null;
}

/**
 * Far above what a villager or a township clerk does, well below what a script does. A village
 * behind one mobile-network address, or a township office behind one router, shares the client count.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  request: { client: { points: 300, seconds: 60 }, account: { points: 1200, seconds: 60 } },
  signIn: { client: { points: 60, seconds: 60 }, account: { points: 10, seconds: 600 } },
  submit: { client: { points: 300, seconds: 3600 }, account: { points: 30, seconds: 3600 } },
  upload: { client: { points: 1000, seconds: 3600 }, account: { points: 300, seconds: 3600 } },
  redeem: { client: { points: 120, seconds: 600 }, account: { points: 60, seconds: 600 } },
};

const ENV_NAMES: Record<LimitedAction, string> = {
  request: 'REQUEST',
  signIn: 'SIGN_IN',
  submit: 'SUBMIT',
  upload: 'UPLOAD',
  redeem: 'REDEEM',
};

/** `RATE_LIMIT_SIGN_IN_PER_CLIENT`, `RATE_LIMIT_SUBMIT_PER_ACCOUNT` … */
export const rateLimitEnvName = (action: LimitedAction, scope: LimitScope) =>
  `RATE_LIMIT_${ENV_NAMES[action]}_PER_${scope.toUpperCase()}`;

function limitFrom(env: Record<string, string | undefined>, name: string, fallback: Limit): Limit {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d{1,7})\/(\d{1,6})$/.exec(raw.trim());
  const limit = match ? { points: Number(match[1]), seconds: Number(match[2]) } : null;
  if (!limit || limit.points < 1 || limit.seconds < 1 || limit.seconds > 86_400) {
    throw new ConfigError(`${name} must be COUNT/SECONDS, e.g. 30/60 (at least 1 request, 1 to 86400 seconds)`);
  }
  return limit;
}

/** RATE_LIMITS=off switches limiting off (a benchmark measuring the server itself); null then. */
export function rateLimitConfigFrom(env: Record<string, string | undefined>): RateLimitConfig | null {
  const switchedTo = (env.RATE_LIMITS ?? 'on').toLowerCase();
  if (switchedTo !== 'on' && switchedTo !== 'off') throw new ConfigError('RATE_LIMITS must be on or off');
  if (switchedTo === 'off') return null;
  const limits = Object.fromEntries(
    LIMITED_ACTIONS.map((action) => [
      action,
      {
        client: limitFrom(env, rateLimitEnvName(action, 'client'), DEFAULT_RATE_LIMITS[action].client),
        account: limitFrom(env, rateLimitEnvName(action, 'account'), DEFAULT_RATE_LIMITS[action].account),
      },
    ]),
  ) as RateLimits;
  const redisUrl = env.REDIS_URL || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must look like redis://host:6379');
  return { limits, redisUrl };
}

/** TRUST_PROXY: how many reverse proxies in front append to X-Forwarded-For (0: none, the socket's address is the client). */
export function trustedProxyHopsFrom(env: Record<string, string | undefined>): number {
  const raw = env.TRUST_PROXY;
  if (raw === undefined || raw === '') return 1;
  if (!/^[0-5]$/.test(raw)) throw new ConfigError('TRUST_PROXY must be the number of reverse proxies in front, 0 to 5');
  return Number(raw);
}
