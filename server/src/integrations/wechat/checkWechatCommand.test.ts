import { FakeHttpServer, type FakeRequest } from '../../test/fakeHttp';
import { HARMLESS_TEXT, checkWechat } from './checkWechatCommand';

describe('npm run check:wechat', () => {
  let wechat: FakeHttpServer;
  let suggest = 'pass';

  beforeAll(async () => {
    wechat = await new FakeHttpServer()
      .on('POST', '/cgi-bin/stable_token', (request: FakeRequest) => {
        const body = request.json as { appid: string; secret: string };
        if (body.secret !== 'right') return { body: { errcode: 40125, errmsg: 'invalid appsecret' } };
        return { body: { access_token: 'ACCESS-TOKEN-123', expires_in: 7200 } };
      })
      .on('POST', '/wxa/msg_sec_check', () => ({
        body: { errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20001 } },
      }))
      .start();
  });
  afterAll(() => wechat.stop());

  const run = async (env: Record<string, string>, argv: string[] = []) => {
    const lines: string[] = [];
    const code = await checkWechat({ WECHAT_API_BASE: wechat.baseUrl, ...env }, argv, {
      print: (line) => lines.push(line),
    });
    return { code, output: lines.join('\n') };
  };

  it('passes with a token and a harmless text judged pass, sent for the given openid', async () => {
    const { code, output } = await run({ WECHAT_APPID: 'wx1', WECHAT_SECRET: 'right' }, ['--openid', 'o-operator']);
    expect(code).toBe(0);
    expect(output).toContain('✓ 1/2 access_token');
    expect(output).not.toContain('ACCESS-TOKEN-123');
    expect(output).toContain('✓ 2/2 msg_sec_check: pass');
    const check = wechat.received('/wxa/msg_sec_check').at(-1)!;
    expect(check.query.get('access_token')).toBe('ACCESS-TOKEN-123');
    expect(check.json).toEqual({ content: HARMLESS_TEXT, version: 2, scene: 2, openid: 'o-operator' });
  });

  it('fails clearly on a wrong secret, a missing openid, missing credentials, or a text not passed', async () => {
    const wrong = await run({ WECHAT_APPID: 'wx1', WECHAT_SECRET: 'wrong' }, ['--openid', 'o']);
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain(
      '✗ 1/2 access_token (stable_token): errcode 40125 invalid appsecret — WECHAT_SECRET 不正确',
    );

    const noOpenid = await run({ WECHAT_APPID: 'wx1', WECHAT_SECRET: 'right' });
    expect(noOpenid.code).toBe(2);
    expect(noOpenid.output).toContain('--openid');

    expect((await run({})).code).toBe(2);

    suggest = 'risky';
    const risky = await run({ WECHAT_APPID: 'wx1', WECHAT_SECRET: 'right', WECHAT_CHECK_OPENID: 'o' });
    expect(risky.code).toBe(1);
    expect(risky.output).toContain('✗ 2/2 msg_sec_check: 无害文本被判为 risky');
  });
});
