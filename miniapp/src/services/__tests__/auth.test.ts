import { taroMock } from '../../../test/mocks/taro';
import { devOpenid, ensureToken, login } from '../auth';
import { currentToken, currentUser } from '../session';
import { STORAGE_KEYS } from '../storage';
import { citizen, errorBody, reply, requestCall } from './fakeHttp';

describe('auth', () => {
  it('H5 signs in through dev-login with an openid made once and kept', async () => {
    taroMock.request.mockResolvedValue(reply(200, { token: 'tok-h5', user: citizen }));

    await login();
    const first = (requestCall(0).data as { openid: string }).openid;
    await login();
    const second = (requestCall(1).data as { openid: string }).openid;

    expect(first).toMatch(/^h5-[a-z0-9]+$/);
    expect(second).toBe(first);
    expect(taroMock.storage.get(STORAGE_KEYS.devOpenid)).toBe(first);
    expect(taroMock.login).not.toHaveBeenCalled();
  });

  it('stores the token and the user', async () => {
    taroMock.request.mockResolvedValueOnce(reply(200, { token: 'tok-h5', user: { ...citizen, nickname: '张大爷' } }));
    await login();
    expect(currentToken()).toBe('tok-h5');
    expect(currentUser()).toMatchObject({ nickname: '张大爷' });
  });

  it('WeChat sends the Taro.login code to wechat-login', async () => {
    process.env.TARO_ENV = 'weapp';
    taroMock.request.mockResolvedValueOnce(reply(200, { token: 'tok-wx', user: citizen }));
    await expect(login()).resolves.toBe('tok-wx');
    expect(requestCall(0)).toMatchObject({
      url: 'http://localhost:3210/api/v1/auth/wechat-login',
      method: 'POST',
      data: { code: 'wx-code' },
    });
  });

  it('WeChat falls back to dev-login when the server has no WeChat credentials (503, demo)', async () => {
    process.env.TARO_ENV = 'weapp';
    taroMock.request
      .mockResolvedValueOnce(reply(503, errorBody('not_configured', '微信登录尚未配置')))
      .mockResolvedValueOnce(reply(200, { token: 'tok-dev', user: citizen }));
    await expect(login()).resolves.toBe('tok-dev');
    expect(requestCall(1).url).toBe('http://localhost:3210/api/v1/auth/dev-login');
    expect(currentToken()).toBe('tok-dev');
  });

  it('WeChat does not fall back on other errors', async () => {
    process.env.TARO_ENV = 'weapp';
    taroMock.request.mockResolvedValueOnce(
      reply(400, errorBody('bad_request', '登录凭证无效或已使用，请重新进入小程序', 'code')),
    );
    await expect(login()).rejects.toMatchObject({
      code: 'bad_request',
      message: '登录凭证无效或已使用，请重新进入小程序',
    });
    expect(taroMock.request).toHaveBeenCalledTimes(1);
  });

  it('explains a server without dev-login instead of saying 没有找到', async () => {
    taroMock.request.mockResolvedValueOnce(reply(404, errorBody('not_found', '没有找到')));
    await expect(login()).rejects.toMatchObject({ message: '暂时无法登录，请在微信中打开' });
  });

  it('ensureToken reuses a stored token', async () => {
    taroMock.storage.set(STORAGE_KEYS.token, 'kept');
    await expect(ensureToken()).resolves.toBe('kept');
    expect(taroMock.request).not.toHaveBeenCalled();
  });

  it('devOpenid fits the server limit', () => {
    expect(devOpenid().length).toBeLessThanOrEqual(64);
  });
});
