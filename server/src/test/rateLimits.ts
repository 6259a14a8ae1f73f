import {
  DEFAULT_RATE_LIMITS,
  type Limit,
  type LimitScope,
  type LimitedAction,
  type RateLimitConfig,
  type RateLimits,
} from '../rateLimits/rateLimitConfig';

const GENEROUS: Limit = { points: 100_000, seconds: 60 };

/** Limits no test reaches, except the ones a test sets low on purpose. */
export function lowLimits(
  low: Partial<Record<LimitedAction, Partial<Record<LimitScope, Limit>>>>,
  redisUrl: string | null = null,
): RateLimitConfig {
  const limits = Object.fromEntries(
    Object.keys(DEFAULT_RATE_LIMITS).map((action) => [
      action,
      { client: GENEROUS, account: GENEROUS, ...low[action as LimitedAction] },
    ]),
  ) as RateLimits;
  return { limits, redisUrl };
}
