import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpWechatAuthClient, WechatApiError } from './wechatAuthClient';

/** stable_token and getuserphonenumber on a local server; every token before `token-N` is stale. */
describe('WeChat access token and getuserphonenumber', () => {
  let server: http.Server;
  let base: string;
  let generation = 1;
  const forced: boolean[] = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const body = JSON.parse(raw || '{}');
        response.setHeader('Content-Type', 'application/json');
        if (url.pathname === '/cgi-bin/stable_token') {
          forced.push(Boolean(body.force_refresh));
          if (body.force_refresh) generation += 1;
          setTimeout(() => response.end(JSON.stringify({ access_token: `token-${generation}`, expires_in: 7200 })), 30);
        } else if (url.searchParams.get('access_token') !== `token-${generation}`) {
          response.end(JSON.stringify({ errcode: 42001, errmsg: 'access_token expired' }));
        } else if (body.code === 'bad') {
          response.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
        } else {
          response.end(
            JSON.stringify({
              errcode: 0,
              errmsg: 'ok',
              phone_info: { phoneNumber: '+86 13812345678', purePhoneNumber: '', countryCode: '86' },
            }),
          );
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('concurrent calls meeting a stale token share one forced refresh; 40029 is a WechatApiError', async () => {
    const client = new HttpWechatAuthClient({ appid: 'wx', secret: 's', apiBase: base });
    await expect(client.getUserPhoneNumber('ok')).resolves.toBe('+86 13812345678'); // phoneNumber when purePhoneNumber is empty
    generation += 1; // the cached token-1 is now stale (42001)
    const phones = await Promise.all([
      client.getUserPhoneNumber('a'),
      client.getUserPhoneNumber('b'),
      client.getUserPhoneNumber('c'),
    ]);
    expect(phones).toEqual(['+86 13812345678', '+86 13812345678', '+86 13812345678']);
    expect(forced).toEqual([false, true]);
    const error = await client.getUserPhoneNumber('bad').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WechatApiError);
    expect(error).toMatchObject({ errcode: 40029, errmsg: 'invalid code' });
    expect(forced).toEqual([false, true]);
  });
});
