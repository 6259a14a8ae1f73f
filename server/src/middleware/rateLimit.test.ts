import { Report } from '../db/entities';
import { createRequestLimiter, type RequestLimiter } from '../rateLimits/requestLimiter';
import {
  DEMO_PASSWORD,
  REGIONS,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../test/factories';
import { lowLimits } from '../test/rateLimits';
import { type TestApp, createTestApp } from '../test/testApp';

describe('request limits (in this process)', () => {
  let app: TestApp;
  let limiter: RequestLimiter | null = null;
  const limitWith = (low: Parameters<typeof lowLimits>[0]) => {
    limiter = createRequestLimiter(lowLimits(low));
    app.deps.limiter = limiter;
  };
  const from = (address: string) => ({ 'X-Forwarded-For': address });

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
  });
  afterEach(async () => {
    await limiter?.close();
    app.deps.limiter = null;
  });
  afterAll(() => app.close());

  const expectLimited = (
    response: { status: number; body: { error?: { code: string; message: string } }; headers: Record<string, string> },
    maxSeconds: number,
  ) => {
    expect(response.status).toBe(429);
    expect(response.body.error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/^操作太频繁，请 \d+ (秒|分钟)后再试$/),
    });
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  };

  it('limits sign-in attempts per client address with 429 rate_limited and Retry-After; other addresses go on', async () => {
    limitWith({ signIn: { client: { points: 3, seconds: 60 }, account: { points: 100, seconds: 60 } } });
    for (let attempt = 0; attempt < 3; attempt++) {
      const wrong = await app.http
        .post('/api/v1/staff/auth/login')
        .set(from('203.0.113.1'))
        .send({ username: `guess${attempt}`, password: 'wrong' });
      expect(wrong.status).toBe(401);
    }
    expectLimited(
      await app.http
        .post('/api/v1/staff/auth/login')
        .set(from('203.0.113.1'))
        .send({ username: 'guess9', password: 'wrong' }),
      60,
    );
    expectLimited(
      await app.http.post('/api/v1/auth/dev-login').set(from('203.0.113.1')).send({ openid: 'someone' }),
      60,
    );
    expect(
      (await app.http.post('/api/v1/auth/dev-login').set(from('203.0.113.2')).send({ openid: 'someone' })).status,
    ).toBe(200);
  });

  it("limits attempts on one account's password from many addresses", async () => {
    limitWith({ signIn: { client: { points: 100, seconds: 60 }, account: { points: 2, seconds: 600 } } });
    const staff = await buildStaff(app.dataSource, { role: 'dispatcher' });
    expect(
      (
        await app.http
          .post('/api/v1/staff/auth/login')
          .set(from('198.51.100.1'))
          .send({ username: staff.username, password: 'wrong' })
      ).status,
    ).toBe(401);
    expect(
      (
        await app.http
          .post('/api/v1/staff/auth/login')
          .set(from('198.51.100.2'))
          .send({ username: staff.username, password: DEMO_PASSWORD })
      ).status,
    ).toBe(200);
    expectLimited(
      await app.http
        .post('/api/v1/staff/auth/login')
        .set(from('198.51.100.3'))
        .send({ username: ` ${staff.username.toUpperCase()} `, password: DEMO_PASSWORD }),
      600,
    );
    const other = await buildStaff(app.dataSource, { role: 'dispatcher' });
    expect(
      (
        await app.http
          .post('/api/v1/staff/auth/login')
          .set(from('198.51.100.3'))
          .send({ username: other.username, password: DEMO_PASSWORD })
      ).status,
    ).toBe(200);
  });

  it('counts the address the proxy appended, not the ones the client wrote before it', async () => {
    limitWith({ request: { client: { points: 2, seconds: 60 } } });
    expect((await app.http.get('/api/v1/services').set(from('10.9.9.1, 192.0.2.50'))).status).toBe(200);
    expect((await app.http.get('/api/v1/services').set(from('10.9.9.2, 192.0.2.50'))).status).toBe(200);
    expectLimited(await app.http.get('/api/v1/services').set(from('10.9.9.3, 192.0.2.50')), 60);
  });

  it('limits every public route per client address, and signed-in calls per account instead', async () => {
    limitWith({ request: { client: { points: 3, seconds: 60 }, account: { points: 2, seconds: 60 } } });
    expect((await app.http.get('/api/v1/services').set(from('192.0.2.10'))).status).toBe(200);
    expect((await app.http.get('/healthz').set(from('192.0.2.10'))).status).toBe(200);
    expect((await app.http.get('/api/v1/regions').set(from('192.0.2.10'))).status).toBe(200);
    expectLimited(await app.http.get('/api/v1/categories').set(from('192.0.2.10')), 60);
    // A forged token does not escape the address count.
    expectLimited(await app.http.get('/api/v1/services').set(from('192.0.2.10')).set(bearer('forged.token')), 60);

    const citizen = await buildCitizen(app.dataSource);
    const signedIn = bearer(citizenToken(app.deps, citizen));
    expect((await app.http.get('/api/v1/me').set(from('192.0.2.10')).set(signedIn)).status).toBe(200);
    expect((await app.http.get('/api/v1/me').set(from('192.0.2.11')).set(signedIn)).status).toBe(200);
    expectLimited(await app.http.get('/api/v1/me').set(from('192.0.2.12')).set(signedIn), 60);
    const neighbour = await buildCitizen(app.dataSource);
    expect(
      (
        await app.http
          .get('/api/v1/me')
          .set(from('192.0.2.10'))
          .set(bearer(citizenToken(app.deps, neighbour)))
      ).status,
    ).toBe(200);
  });

  it('limits submissions per citizen, storing nothing it refuses', async () => {
    limitWith({ submit: { account: { points: 2, seconds: 3600 } } });
    const citizen = await buildCitizen(app.dataSource);
    expect((await submitReport(app, citizen)).status).toBe(201);
    expect((await submitReport(app, citizen)).status).toBe(201);
    expectLimited(await submitReport(app, citizen), 3600);
    expect(await app.dataSource.getRepository(Report).countBy({ citizenId: citizen.id })).toBe(2);
    expect((await submitReport(app, await buildCitizen(app.dataSource))).status).toBe(201);
  });

  it('limits uploads per account and per client address, before reading the file', async () => {
    limitWith({ upload: { client: { points: 2, seconds: 3600 }, account: { points: 2, seconds: 3600 } } });
    const citizen = async () => bearer(citizenToken(app.deps, await buildCitizen(app.dataSource)));
    const [first, second, third] = [await citizen(), await citizen(), await citizen()];
    const upload = (auth: Record<string, string>, address: string) =>
      app.http.post('/api/v1/uploads').set(auth).set(from(address)).attach('file', Buffer.from('not a photo'), 'a.png');
    expect((await upload(first, '192.0.2.20')).status).toBe(415);
    expect((await upload(first, '192.0.2.21')).status).toBe(415);
    expectLimited(await upload(first, '192.0.2.22'), 3600);
    expect((await upload(second, '192.0.2.20')).status).toBe(415);
    expectLimited(await upload(third, '192.0.2.20'), 3600);
  });

  it('limits redemption code checks per staff member, so codes cannot be guessed', async () => {
    limitWith({ redeem: { account: { points: 3, seconds: 600 } } });
    const cadre = bearer(
      staffToken(app.deps, await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage })),
    );
    for (const code of ['00000001', '00000002', '00000003']) {
      const unknown = await app.http.post('/api/v1/staff/points/redemptions/verify').set(cadre).send({ code });
      expect(unknown.body.error).toMatchObject({ code: 'bad_request', field: 'code' });
    }
    expectLimited(
      await app.http.post('/api/v1/staff/points/redemptions/verify').set(cadre).send({ code: '00000004' }),
      600,
    );
    const colleague = bearer(
      staffToken(app.deps, await buildStaff(app.dataSource, { role: 'cadre', regionCode: REGIONS.chengguanVillage })),
    );
    expect(
      (await app.http.post('/api/v1/staff/points/redemptions/verify').set(colleague).send({ code: '00000004' })).status,
    ).toBe(400);
  });

  it('lets the client in again once the window has passed', async () => {
    limitWith({ request: { client: { points: 1, seconds: 1 } } });
    expect((await app.http.get('/healthz').set(from('192.0.2.30'))).status).toBe(200);
    expectLimited(await app.http.get('/healthz').set(from('192.0.2.30')), 1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await app.http.get('/healthz').set(from('192.0.2.30'))).status).toBe(200);
  });

  it('limits nothing without a limiter', async () => {
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await app.http.get('/healthz').set(from('192.0.2.40'))).status).toBe(200);
  });
});
