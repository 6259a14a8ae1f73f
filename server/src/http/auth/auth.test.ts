import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Citizen } from '../../db/entities';
import { HttpWechatAuthClient } from '../../integrations/wechat/wechatAuthClient';
import { bearer } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

/** A local stand-in for api.weixin.qq.com's jscode2session, speaking its wire format. */
function startFakeWechat(): Promise<{ server: http.Server; base: string; codes: string[] }> {
  const codes: string[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    response.setHeader('Content-Type', 'application/json');
    if (
      url.pathname !== '/sns/jscode2session' ||
      url.searchParams.get('appid') !== 'wx-test' ||
      url.searchParams.get('secret') !== 'secret'
    ) {
      response.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }));
      return;
    }
    const code = url.searchParams.get('js_code') ?? '';
    codes.push(code);
    if (code === 'used') response.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    else if (code === 'busy') response.end(JSON.stringify({ errcode: 45011, errmsg: 'api minute-quota reach limit' }));
    else response.end(JSON.stringify({ openid: `o-${code}`, session_key: 'k', unionid: `u-${code}` }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, codes }),
    ),
  );
}

describe('citizen auth', () => {
  let app: TestApp;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;

  beforeAll(async () => {
    wechat = await startFakeWechat();
    app = await createTestApp({
      wechat: new HttpWechatAuthClient({ appid: 'wx-test', secret: 'secret', apiBase: wechat.base }),
    });
  });
  afterAll(async () => {
    await app.close();
    wechat.server.close();
  });

  it('creates the citizen on first WeChat login and finds them again later', async () => {
    const first = await app.http.post('/api/v1/auth/wechat-login').send({ code: 'abc' });
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ nickname: null, villageCode: null, phone: null, careMode: false });
    const second = await app.http.post('/api/v1/auth/wechat-login').send({ code: 'abc' });
    expect(second.body.user.id).toBe(first.body.user.id);
    const rows = await app.dataSource.getRepository(Citizen).findBy({ openid: 'o-abc' });
    expect(rows).toHaveLength(1);
    expect(rows[0].unionid).toBe('u-abc');
    expect(wechat.codes).toEqual(['abc', 'abc']);
    const me = await app.http.get('/api/v1/me').set(bearer(first.body.token));
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(first.body.user.id);
  });

  it("turns WeChat's error codes into clear errors", async () => {
    const used = await app.http.post('/api/v1/auth/wechat-login').send({ code: 'used' });
    expect(used.status).toBe(400);
    expect(used.body.error).toMatchObject({ code: 'bad_request', field: 'code' });
    const busy = await app.http.post('/api/v1/auth/wechat-login').send({ code: 'busy' });
    expect(busy.status).toBe(429);
    expect(busy.body.error.code).toBe('rate_limited');
  });

  it('names the field on bad input', async () => {
    const response = await app.http.post('/api/v1/auth/wechat-login').send({});
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('code');
  });

  it('dev-login signs in by openid in demo mode', async () => {
    const response = await app.http.post('/api/v1/auth/dev-login').send({ openid: 'demo-villager' });
    expect(response.status).toBe(200);
    expect(await app.dataSource.getRepository(Citizen).countBy({ openid: 'demo-villager' })).toBe(1);
    const bad = await app.http.post('/api/v1/auth/dev-login').send({ openid: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('openid');
  });

  it('me answers 401 without a citizen token', async () => {
    expect((await app.http.get('/api/v1/me')).status).toBe(401);
  });
});

describe('citizen auth outside demo mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ config: { demoMode: false } });
  });
  afterAll(() => app.close());

  it('has no dev-login and no WeChat login without credentials', async () => {
    const dev = await app.http.post('/api/v1/auth/dev-login').send({ openid: 'someone' });
    expect(dev.status).toBe(404);
    expect(await app.dataSource.getRepository(Citizen).count()).toBe(0);
    const wechat = await app.http.post('/api/v1/auth/wechat-login').send({ code: 'abc' });
    expect(wechat.status).toBe(503);
    expect(wechat.body.error).toEqual({ code: 'not_configured', message: '微信登录尚未配置' });
  });
});
