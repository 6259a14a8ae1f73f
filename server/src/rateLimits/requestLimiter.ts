import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { LIMITED_ACTIONS, type LimitScope, type LimitedAction, type RateLimitConfig } from './rateLimitConfig';

/** Counts requests per client address and per account; shared through Redis when configured. */
export interface RequestLimiter {
  /** Counts one request under `key`; null while within the limit, else the seconds until it is allowed again. */
  consume(action: LimitedAction, scope: LimitScope, key: string): Promise<number | null>;
  /** Resolves once counts are shared (Redis connected); until then each process counts on its own. */
  connected(): Promise<void>;
  close(): Promise<void>;
}

const SCOPES: readonly LimitScope[] = ['client', 'account'];

class FlexibleRequestLimiter implements RequestLimiter {
  constructor(
    private readonly limiters: Map<string, RateLimiterAbstract>,
    private readonly redis: Redis | null,
  ) {}

  async consume(action: LimitedAction, scope: LimitScope, key: string): Promise<number | null> {
    try {
      await this.limiters.get(`${action}:${scope}`)!.consume(key);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  async connected(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    if (this.redis) this.redis.disconnect();
  }
}

/**
 * In this process by default; with `redisUrl`, in Redis so that several server processes share one
 * count. While Redis cannot be reached each process counts on its own (the insurance limiter)
 * rather than refusing or waving everything through. `keyPrefix` keeps apart servers (or tests)
 * that share a Redis.
 */
export function createRequestLimiter(config: RateLimitConfig, keyPrefix = 'minqing:rate'): RequestLimiter {
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : null;
  // Without a listener ioredis reports every failed reconnection as an unhandled error.
  redis?.on('error', () => undefined);
  const limiters = new Map<string, RateLimiterAbstract>();
  for (const action of LIMITED_ACTIONS) {
    for (const scope of SCOPES) {
      const { points, seconds } = config.limits[action][scope];
      const options = { points, duration: seconds, keyPrefix: `${keyPrefix}:${action}:${scope}` };
      const inProcess = new RateLimiterMemory(options);
      limiters.set(
        `${action}:${scope}`,
        redis
          ? new RateLimiterRedis({
              ...options,
              storeClient: redis,
              rejectIfRedisNotReady: true,
              insuranceLimiter: inProcess,
            })
          : inProcess,
      );
    }
  }
  return new FlexibleRequestLimiter(limiters, redis);
}
