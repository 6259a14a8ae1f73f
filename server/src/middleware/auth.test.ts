import { createRequestLimiter } from '../rateLimits/requestLimiter';
import { bearer, buildCitizen, buildWorld, citizenToken, submitReport } from '../test/factories';
import { lowLimits } from '../test/rateLimits';
import { type TestApp, createTestApp } from '../test/testApp';

describe('bearer tokens', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
  });
  afterAll(() => app.close());

  it('are verified once per request, though the request limit and the guard both read them', async () => {
    const limiter = createRequestLimiter(lowLimits({}));
    app.deps.limiter = limiter;
    try {
      const citizen = await buildCitizen(app.dataSource);
      const verify = jest.spyOn(app.deps.tokens, 'verify');
      expect((await app.http.get('/api/v1/reports/mine').set(bearer(citizenToken(app.deps, citizen)))).status).toBe(
        200,
      );
      expect(verify).toHaveBeenCalledTimes(1);
      verify.mockClear();
      expect((await submitReport(app, citizen, { categoryCode: 'power', text: '二组的电线杆歪了' })).status).toBe(201);
      expect(verify).toHaveBeenCalledTimes(1);
      verify.mockRestore();
    } finally {
      app.deps.limiter = null;
      await limiter.close();
    }
  });

  it('still answer 401 when invalid, with or without a request limit', async () => {
    expect((await app.http.get('/api/v1/reports/mine').set(bearer('not.valid'))).status).toBe(401);
    const limiter = createRequestLimiter(lowLimits({}));
    app.deps.limiter = limiter;
    try {
      expect((await app.http.get('/api/v1/reports/mine').set(bearer('not.valid'))).status).toBe(401);
    } finally {
      app.deps.limiter = null;
      await limiter.close();
    }
  });
});
