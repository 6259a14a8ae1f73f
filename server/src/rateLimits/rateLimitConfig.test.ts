import { loadConfig } from '../config';
import { DEFAULT_RATE_LIMITS } from './rateLimitConfig';

describe('rate limit configuration', () => {
  const base = { TOKEN_SECRET: 's'.repeat(40), DATA_ENCRYPTION_KEY: 'ab'.repeat(32) };

  it('limits by default, in this process, trusting one reverse proxy', () => {
    const config = loadConfig(base);
    expect(config.rateLimits).toEqual({ limits: DEFAULT_RATE_LIMITS, redisUrl: null });
    expect(config.trustProxyHops).toBe(1);
  });

  it('reads each limit as COUNT/SECONDS, Redis and the proxies in front', () => {
    const config = loadConfig({
      ...base,
      RATE_LIMIT_SIGN_IN_PER_CLIENT: '5/60',
      RATE_LIMIT_REDEEM_PER_ACCOUNT: '20/3600',
      REDIS_URL: 'redis://cache:6379/2',
      TRUST_PROXY: '0',
    });
    expect(config.rateLimits?.limits.signIn).toEqual({
      client: { points: 5, seconds: 60 },
      account: DEFAULT_RATE_LIMITS.signIn.account,
    });
    expect(config.rateLimits?.limits.redeem.account).toEqual({ points: 20, seconds: 3600 });
    expect(config.rateLimits?.limits.submit).toEqual(DEFAULT_RATE_LIMITS.submit);
    expect(config.rateLimits?.redisUrl).toBe('redis://cache:6379/2');
    expect(config.trustProxyHops).toBe(0);
    expect(loadConfig({ ...base, RATE_LIMITS: 'off' }).rateLimits).toBeNull();
  });

  it('refuses settings it cannot read, naming them', () => {
    expect(() => loadConfig({ ...base, RATE_LIMIT_SUBMIT_PER_ACCOUNT: '30' })).toThrow('RATE_LIMIT_SUBMIT_PER_ACCOUNT');
    expect(() => loadConfig({ ...base, RATE_LIMIT_UPLOAD_PER_CLIENT: '0/60' })).toThrow('RATE_LIMIT_UPLOAD_PER_CLIENT');
    expect(() => loadConfig({ ...base, RATE_LIMIT_REQUEST_PER_CLIENT: '10/100000' })).toThrow(
      'RATE_LIMIT_REQUEST_PER_CLIENT',
    );
    expect(() => loadConfig({ ...base, RATE_LIMITS: 'maybe' })).toThrow('RATE_LIMITS');
    expect(() => loadConfig({ ...base, REDIS_URL: 'cache:6379' })).toThrow('REDIS_URL');
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'yes' })).toThrow('TRUST_PROXY');
  });
});
