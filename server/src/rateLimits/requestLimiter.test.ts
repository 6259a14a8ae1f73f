import { Redis } from 'ioredis';
import { newId } from '../db/ids';
import { lowLimits } from '../test/rateLimits';
import { type TestApp, createTestApp } from '../test/testApp';
import { createRequestLimiter } from './requestLimiter';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Every test its own key prefix: parallel jest workers share the one Redis. */
const testPrefix = () => `minqing-test:${newId()}`;

describe('request limits shared through Redis', () => {
  let app: TestApp;
  let otherProcess: TestApp;
  const from = (address: string) => ({ 'X-Forwarded-For': address });

  beforeAll(async () => {
    app = await createTestApp();
    otherProcess = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
    await otherProcess.close();
  });

  it('counts requests to two server processes together', async () => {
    const prefix = testPrefix();
    const config = lowLimits({ request: { client: { points: 3, seconds: 60 } } }, REDIS_URL);
    const [first, second] = [createRequestLimiter(config, prefix), createRequestLimiter(config, prefix)];
    app.deps.limiter = first;
    otherProcess.deps.limiter = second;
    try {
      await Promise.all([first.connected(), second.connected()]);
      expect((await app.http.get('/healthz').set(from('192.0.2.60'))).status).toBe(200);
      expect((await otherProcess.http.get('/healthz').set(from('192.0.2.60'))).status).toBe(200);
      expect((await app.http.get('/healthz').set(from('192.0.2.60'))).status).toBe(200);
      const refused = await otherProcess.http.get('/healthz').set(from('192.0.2.60'));
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect((await app.http.get('/healthz').set(from('192.0.2.61'))).status).toBe(200);

      const redis = new Redis(REDIS_URL);
      try {
        expect(await redis.get(`${prefix}:request:client:192.0.2.60`)).toBe('4');
      } finally {
        redis.disconnect();
      }
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('starts a new count when the window has passed', async () => {
    const limiter = createRequestLimiter(
      lowLimits({ request: { client: { points: 1, seconds: 1 } } }, REDIS_URL),
      testPrefix(),
    );
    app.deps.limiter = limiter;
    try {
      await limiter.connected();
      expect((await app.http.get('/healthz').set(from('192.0.2.62'))).status).toBe(200);
      expect((await app.http.get('/healthz').set(from('192.0.2.62'))).status).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await app.http.get('/healthz').set(from('192.0.2.62'))).status).toBe(200);
    } finally {
      await limiter.close();
    }
  });

  it('keeps limiting in each process while Redis cannot be reached', async () => {
    const limiter = createRequestLimiter(
      lowLimits({ request: { client: { points: 2, seconds: 60 } } }, 'redis://127.0.0.1:1'),
      testPrefix(),
    );
    app.deps.limiter = limiter;
    try {
      expect((await app.http.get('/healthz').set(from('192.0.2.63'))).status).toBe(200);
      expect((await app.http.get('/healthz').set(from('192.0.2.63'))).status).toBe(200);
      expect((await app.http.get('/healthz').set(from('192.0.2.63'))).status).toBe(429);
    } finally {
      await limiter.close();
    }
  });
});
