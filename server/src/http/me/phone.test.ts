import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Citizen } from '../../db/entities';
import { HttpWechatAuthClient } from '../../integrations/wechat/wechatAuthClient';
import { bearer, buildCitizen, buildStaff, buildWorld, citizenToken, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

interface TokenRequest {
  grant_type?: string;
  appid?: string;
  secret?: string;
  force_refresh?: boolean;
}

/**
 * A local stand-in for api.weixin.qq.com's stable_token and getuserphonenumber, speaking their
 * wire format. stable_token answers the current token until force_refresh asks for a new one;
 * `staleNow()` makes the server reject the current token with 40001 (as after a refresh elsewhere).
 */
async function startFakeWechat() {
  const state = {
    generation: 1,
    stale: new Set<string>(),
    tokenRequests: [] as TokenRequest[],
    phoneRequests: [] as { accessToken: string | null; code: string }[],
    tokenDelayMs: 0,
  };
  const current = () => `token-${state.generation}`;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      response.setHeader('Content-Type', 'application/json');
      const send = (body: object) => response.end(JSON.stringify(body));
      const body = raw ? JSON.parse(raw) : {};
      if (request.method !== 'POST') return send({ errcode: 43002, errmsg: 'require POST method' });
      if (url.pathname === '/cgi-bin/stable_token') {
        state.tokenRequests.push(body);
        if (body.grant_type !== 'client_credential' || body.appid !== 'wx-test' || body.secret !== 'secret') {
          return send({ errcode: 40013, errmsg: 'invalid appid' });
        }
        if (body.force_refresh) state.generation += 1;
        setTimeout(() => send({ access_token: current(), expires_in: 7200 }), state.tokenDelayMs);
        return;
      }
      if (url.pathname === '/wxa/business/getuserphonenumber') {
        const accessToken = url.searchParams.get('access_token');
        state.phoneRequests.push({ accessToken, code: body.code });
        if (!accessToken || accessToken !== current() || state.stale.has(accessToken)) {
          return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
        }
        const match = /^phone-(\d{11})$/.exec(body.code ?? '');
        if (!match) return send({ errcode: 40029, errmsg: 'invalid code' });
        return send({
          errcode: 0,
          errmsg: 'ok',
          phone_info: {
            phoneNumber: match[1],
            purePhoneNumber: match[1],
            countryCode: '86',
            watermark: { timestamp: 1637744274, appid: 'wx-test' },
          },
        });
      }
      response.statusCode = 404;
      send({ errcode: 404, errmsg: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    state,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    staleNow: () => state.stale.add(current()),
    reset: () => {
      state.tokenRequests.length = 0;
      state.phoneRequests.length = 0;
      state.tokenDelayMs = 0;
    },
  };
}

describe('POST /api/v1/me/phone', () => {
  let app: TestApp;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  let now: number;
  const client = () =>
    new HttpWechatAuthClient({ appid: 'wx-test', secret: 'secret', apiBase: wechat.base, clock: () => new Date(now) });
  const signedIn = async () => {
    const citizen = await buildCitizen(app.dataSource);
    return { citizen, auth: bearer(citizenToken(app.deps, citizen)) };
  };

  beforeAll(async () => {
    wechat = await startFakeWechat();
    app = await createTestApp();
    await buildWorld(app.dataSource);
  });
  beforeEach(() => {
    wechat.reset();
    now = Date.parse('2026-11-20T02:00:00Z');
    app.deps.wechat = client();
  });
  afterAll(async () => {
    await app.close();
    wechat.server.close();
  });

  it('binds the phone: stored encrypted with its lookup hash, answered masked', async () => {
    const { citizen, auth } = await signedIn();
    const response = await app.http.post('/api/v1/me/phone').set(auth).send({ code: 'phone-13812345678' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: citizen.id, phone: '138****5678' });
    const row = await app.dataSource.getRepository(Citizen).findOneByOrFail({ id: citizen.id });
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(JSON.stringify(row)).not.toContain('12345678');
    expect(row.phoneEncrypted).toMatch(/^v1:/);
    expect(app.deps.cipher.decrypt(row.phoneEncrypted!)).toBe('13812345678');
    expect(row.phoneHash).toBe(app.deps.cipher.lookupHash('13812345678'));
    expect((await app.http.get('/api/v1/me').set(auth)).body.phone).toBe('138****5678');
    expect(wechat.state.phoneRequests).toEqual([{ accessToken: 'token-1', code: 'phone-13812345678' }]);
  });

  it('fetches the access token once and reuses it, until shortly before it expires', async () => {
    const { auth } = await signedIn();
    expect((await app.http.post('/api/v1/me/phone').set(auth).send({ code: 'phone-13900000001' })).status).toBe(200);
    expect((await app.http.post('/api/v1/me/phone').set(auth).send({ code: 'phone-13900000002' })).status).toBe(200);
    expect(wechat.state.tokenRequests).toEqual([
      { grant_type: 'client_credential', appid: 'wx-test', secret: 'secret' },
    ]);
    now += 7200 * 1000 - 60_000; // a minute before WeChat's expiry: fetched again
    expect((await app.http.post('/api/v1/me/phone').set(auth).send({ code: 'phone-13900000003' })).status).toBe(200);
    expect(wechat.state.tokenRequests).toHaveLength(2);
  });

  it('shares one token request between concurrent bindings', async () => {
    wechat.state.tokenDelayMs = 100;
    const [first, second] = [await signedIn(), await signedIn()];
    const responses = await Promise.all([
      app.http.post('/api/v1/me/phone').set(first.auth).send({ code: 'phone-13700000001' }),
      app.http.post('/api/v1/me/phone').set(second.auth).send({ code: 'phone-13700000002' }),
    ]);
    expect(responses.map((response) => response.body.phone)).toEqual(['137****0001', '137****0002']);
    expect(wechat.state.tokenRequests).toHaveLength(1);
  });

  it('a 40001 answer forces exactly one token refresh and the call succeeds', async () => {
    const { auth } = await signedIn();
    expect((await app.http.post('/api/v1/me/phone').set(auth).send({ code: 'phone-13600000001' })).status).toBe(200);
    wechat.staleNow();
    const response = await app.http.post('/api/v1/me/phone').set(auth).send({ code: 'phone-13600000002' });
    expect(response.status).toBe(200);
    expect(response.body.phone).toBe('136****0002');
    expect(wechat.state.tokenRequests.map((request) => request.force_refresh ?? false)).toEqual([false, true]);
    expect(wechat.state.phoneRequests.map((request) => request.accessToken)).toEqual(['token-1', 'token-1', 'token-2']);
  });

  it('refuses with 409 a number another citizen bound, keeping both accounts as they were', async () => {
    const first = await signedIn();
    const second = await signedIn();
    expect((await app.http.post('/api/v1/me/phone').set(first.auth).send({ code: 'phone-13411112222' })).status).toBe(
      200,
    );
    const refused = await app.http.post('/api/v1/me/phone').set(second.auth).send({ code: 'phone-13411112222' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'conflict',
      message: '这个手机号已绑定其他账号，一个手机号只能绑定一个账号',
    });
    const rows = app.dataSource.getRepository(Citizen);
    expect((await rows.findOneByOrFail({ id: second.citizen.id })).phoneHash).toBeNull();
    expect((await rows.findOneByOrFail({ id: first.citizen.id })).phoneHash).toBe(
      app.deps.cipher.lookupHash('13411112222'),
    );
    // Binding one's own number again is not a conflict.
    expect((await app.http.post('/api/v1/me/phone').set(first.auth).send({ code: 'phone-13411112222' })).status).toBe(
      200,
    );
  });

  it('lets one of two concurrent bindings of the same number win; the other gets 409', async () => {
    const citizens = await Promise.all(Array.from({ length: 4 }, signedIn));
    const answers = await Promise.all(
      citizens.map(({ auth }) => app.http.post('/api/v1/me/phone').set(auth).send({ code: 'phone-13422223333' })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409]);
    expect(
      await app.dataSource.getRepository(Citizen).countBy({ phoneHash: app.deps.cipher.lookupHash('13422223333') }),
    ).toBe(1);
  });

  it('the database itself refuses a second citizen with the same number', async () => {
    const phoneHash = app.deps.cipher.lookupHash('13433334444');
    await buildCitizen(app.dataSource, { phoneHash });
    await expect(buildCitizen(app.dataSource, { phoneHash })).rejects.toThrow();
  });

  it('answers 400 on the code field for an invalid or missing code, keeping the old phone', async () => {
    const { citizen, auth } = await signedIn();
    const bad = await app.http.post('/api/v1/me/phone').set(auth).send({ code: 'used-up' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_request', field: 'code' });
    const missing = await app.http.post('/api/v1/me/phone').set(auth).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('code');
    expect((await app.dataSource.getRepository(Citizen).findOneByOrFail({ id: citizen.id })).phoneEncrypted).toBeNull();
  });

  it('answers 502 with a clear message when WeChat cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    app.deps.wechat = new HttpWechatAuthClient({
      appid: 'wx-test',
      secret: 'secret',
      apiBase: `http://127.0.0.1:${port}`,
    });
    const { auth } = await signedIn();
    const response = await app.http.post('/api/v1/me/phone').set(auth).send({ code: 'phone-13500000001' });
    expect(response.status).toBe(502);
    expect(response.body.error.message).toBe('微信服务暂时无法连接，手机号未绑定，请稍后再试');
  });

  it('answers 401 without a citizen token', async () => {
    const staff = await buildStaff(app.dataSource, { role: 'county' });
    expect((await app.http.post('/api/v1/me/phone').send({ code: 'phone-13812345678' })).status).toBe(401);
    expect(
      (
        await app.http
          .post('/api/v1/me/phone')
          .set(bearer(staffToken(app.deps, staff)))
          .send({ code: 'phone-13812345678' })
      ).status,
    ).toBe(401);
    expect(wechat.state.phoneRequests).toHaveLength(0);
  });

  it('answers 503 when WeChat is not configured', async () => {
    app.deps.wechat = null;
    const { auth } = await signedIn();
    const response = await app.http.post('/api/v1/me/phone').set(auth).send({ code: 'phone-13812345678' });
    expect(response.status).toBe(503);
    expect(response.body.error).toEqual({ code: 'not_configured', message: '手机号绑定暂不可用' });
  });
});
