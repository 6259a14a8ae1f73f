import { type SubmitReportRequest, citizenApi } from '@minqing/shared';
import { taroMock } from '../../../test/mocks/taro';
import { ApiError, NETWORK_MESSAGE } from '../apiError';
import { call } from '../request';
import { STORAGE_KEYS } from '../storage';
import { citizen, errorBody, reply, requestCall } from './fakeHttp';

describe('request wrapper', () => {
  it('sends the stored token to the same-origin API in H5, with a 15 s timeout', async () => {
    taroMock.storage.set(STORAGE_KEYS.token, 'tok-1');
    taroMock.request.mockResolvedValueOnce(reply(200, { items: [], total: 0, page: 2, pageSize: 20 }));

    const page = await call(citizenApi.reports.mine, { query: { page: 2, status: undefined } });

    expect(page).toEqual({ items: [], total: 0, page: 2, pageSize: 20 });
    expect(requestCall()).toMatchObject({ url: '/api/v1/reports/mine?page=2', method: 'GET', timeout: 15000 });
    expect(requestCall().header.Authorization).toBe('Bearer tok-1');
  });

  it('uses the build-time API_BASE in WeChat', async () => {
    process.env.TARO_ENV = 'weapp';
    taroMock.request.mockResolvedValueOnce(reply(200, []));
    await call(citizenApi.catalog.services);
    expect(requestCall().url).toBe('http://localhost:3210/api/v1/services');
    expect(requestCall().header.Authorization).toBeUndefined();
  });

  it('signs in first when there is no token', async () => {
    taroMock.request
      .mockResolvedValueOnce(reply(200, { token: 'fresh', user: citizen }))
      .mockResolvedValueOnce(reply(200, citizen));
    await call(citizenApi.me.profile);
    expect(requestCall(0).url).toBe('/api/v1/auth/dev-login');
    expect(requestCall(1).header.Authorization).toBe('Bearer fresh');
  });

  it('turns the server error body into a typed ApiError with code, message and field', async () => {
    taroMock.storage.set(STORAGE_KEYS.token, 'tok-1');
    taroMock.request.mockResolvedValueOnce(
      reply(400, errorBody('bad_request', '请说一段话、写几句话或拍一张照片', 'text')),
    );

    const error = await call(citizenApi.reports.submit, { body: {} as SubmitReportRequest }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'bad_request',
      status: 400,
      field: 'text',
      message: '请说一段话、写几句话或拍一张照片',
    });
    expect((error as ApiError).retryable).toBe(false);
  });

  it('reads an error body that arrives as a JSON string', async () => {
    taroMock.storage.set(STORAGE_KEYS.token, 'tok-1');
    taroMock.request.mockResolvedValueOnce(
      reply(409, JSON.stringify(errorBody('invalid_transition', '该事项当前不能评价'))),
    );
    await expect(call(citizenApi.reports.rate, { params: { id: 'x' }, body: { score: 5 } })).rejects.toMatchObject({
      code: 'invalid_transition',
      message: '该事项当前不能评价',
    });
  });

  it('never gives a blank error: a bare 502 gets a readable message', async () => {
    taroMock.storage.set(STORAGE_KEYS.token, 'tok-1');
    taroMock.request.mockResolvedValueOnce(reply(502, '<html>Bad Gateway</html>'));
    const error = (await call(citizenApi.me.profile).catch((caught: unknown) => caught)) as ApiError;
    expect(error.message).toBe('服务暂时不可用，请稍后再试');
    expect(error.retryable).toBe(true);
  });

  it('reports a network failure as code "network" with a plain message', async () => {
    taroMock.storage.set(STORAGE_KEYS.token, 'tok-1');
    taroMock.request.mockRejectedValueOnce({ errMsg: 'request:fail timeout' });
    const error = (await call(citizenApi.me.profile).catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('network');
    expect(error.message).toBe(NETWORK_MESSAGE);
    expect(error.message).toBe('网络不给力，请稍后再试');
    expect(error.retryable).toBe(true);
  });

  it('on 401 signs in again once and retries with the new token', async () => {
    taroMock.storage.set(STORAGE_KEYS.token, 'expired');
    taroMock.request
      .mockResolvedValueOnce(reply(401, errorBody('unauthorized', '请先登录')))
      .mockResolvedValueOnce(reply(200, { token: 'renewed', user: citizen }))
      .mockResolvedValueOnce(reply(200, citizen));

    await expect(call(citizenApi.me.profile)).resolves.toEqual(citizen);

    expect(taroMock.request).toHaveBeenCalledTimes(3);
    expect(requestCall(0).header.Authorization).toBe('Bearer expired');
    expect(requestCall(1).url).toBe('/api/v1/auth/dev-login');
    expect(requestCall(2).header.Authorization).toBe('Bearer renewed');
    expect(taroMock.storage.get(STORAGE_KEYS.token)).toBe('renewed');
  });

  it('does not loop: a second 401 after re-login is returned as the error', async () => {
    taroMock.storage.set(STORAGE_KEYS.token, 'expired');
    taroMock.request
      .mockResolvedValueOnce(reply(401, errorBody('unauthorized', '请先登录')))
      .mockResolvedValueOnce(reply(200, { token: 'renewed', user: citizen }))
      .mockResolvedValueOnce(reply(401, errorBody('unauthorized', '请先登录')));

    await expect(call(citizenApi.me.profile)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(taroMock.request).toHaveBeenCalledTimes(3);
  });

  it('concurrent 401s share one re-login', async () => {
    taroMock.storage.set(STORAGE_KEYS.token, 'expired');
    taroMock.request.mockImplementation(async (options: { url: string; header: Record<string, string> }) => {
      if (options.url.endsWith('/auth/dev-login')) return reply(200, { token: 'renewed', user: citizen });
      return options.header.Authorization === 'Bearer renewed'
        ? reply(200, citizen)
        : reply(401, errorBody('unauthorized', '请先登录'));
    });
    await Promise.all([call(citizenApi.me.profile), call(citizenApi.me.profile), call(citizenApi.me.profile)]);
    const logins = taroMock.request.mock.calls.filter(([options]: [{ url: string }]) =>
      options.url.endsWith('/auth/dev-login'),
    );
    expect(logins).toHaveLength(1);
  });
});

describe('uploads', () => {
  it('parses the string data Taro.uploadFile returns and reports progress', async () => {
    const { uploadMedia } = await import('../api');
    taroMock.storage.set(STORAGE_KEYS.token, 'tok-1');
    const progress: number[] = [];
    const answer = {
      id: '01JUPLOAD00000000000000000',
      kind: 'voice',
      contentType: 'audio/mpeg',
      size: 9000,
      durationSeconds: 3,
      url: '/api/v1/uploads/01JUPLOAD00000000000000000/content',
    };
    taroMock.uploadFile.mockImplementationOnce(() => {
      const task = Promise.resolve({ statusCode: 201, data: JSON.stringify(answer), errMsg: 'uploadFile:ok' });
      return Object.assign(task, {
        onProgressUpdate: (callback: (update: { progress: number }) => void) => callback({ progress: 40 }),
      });
    });

    await expect(
      uploadMedia('tmp/v.mp3', { durationSeconds: 3.4, onProgress: (percent) => progress.push(percent) }),
    ).resolves.toEqual(answer);

    const options = taroMock.uploadFile.mock.calls[0][0];
    expect(options).toMatchObject({
      url: '/api/v1/uploads',
      filePath: 'tmp/v.mp3',
      name: 'file',
      formData: { durationSeconds: '3' },
    });
    expect(options.header.Authorization).toBe('Bearer tok-1');
    expect(progress).toEqual([40, 100]);
  });

  it('an upload refused by the server carries its message and field', async () => {
    const { uploadMedia } = await import('../api');
    taroMock.storage.set(STORAGE_KEYS.token, 'tok-1');
    taroMock.uploadFile.mockImplementationOnce(() =>
      Promise.resolve({
        statusCode: 413,
        data: JSON.stringify(errorBody('payload_too_large', '文件不能超过 10MB', 'file')),
      }),
    );
    await expect(uploadMedia('tmp/big.jpg')).rejects.toMatchObject({
      code: 'payload_too_large',
      field: 'file',
      message: '文件不能超过 10MB',
    });
  });

  it('a failed upload connection is a network error', async () => {
    const { uploadMedia } = await import('../api');
    taroMock.storage.set(STORAGE_KEYS.token, 'tok-1');
    taroMock.uploadFile.mockImplementationOnce(() => Promise.reject({ errMsg: 'uploadFile:fail timeout' }));
    await expect(uploadMedia('tmp/a.jpg')).rejects.toMatchObject({
      code: 'network',
      message: '网络不给力，请稍后再试',
    });
  });
});
