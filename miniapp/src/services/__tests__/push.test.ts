import type { PushSettings } from '@minqing/shared';
import { taroMock } from '../../../test/mocks/taro';
import { attachmentLocalPath, uploadMedia } from '../api';
import { resetDirectUploadMode } from '../directUpload';
import { STORAGE_KEYS } from '../storage';
import { askToSubscribe, preloadPushSettings, resetPushSettings } from '../subscribe';
import { reply, requestCall } from './fakeHttp';

const settings: PushSettings = {
  templates: { report_signed: 'tmpl-signed', report_resolved: 'tmpl-resolved', notice: null, article: 'tmpl-article' },
  subscriptions: [],
  follows: [],
};

beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  taroMock.storage.set(STORAGE_KEYS.token, 'tok-1');
  resetPushSettings();
  resetDirectUploadMode();
});

describe('subscribe messages', () => {
  it('asks for the configured templates inside the tap and reports only their answers', async () => {
    taroMock.request.mockResolvedValueOnce(reply(200, settings));
    await preloadPushSettings();
    taroMock.requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-signed': 'accept',
      'tmpl-resolved': 'reject',
    });
    taroMock.request.mockResolvedValueOnce(reply(200, settings));

    const asking = askToSubscribe(['report_signed', 'report_resolved', 'notice']);
    // Called synchronously, still inside the tap; the unconfigured notice template is not asked for.
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledWith({
      tmplIds: ['tmpl-signed', 'tmpl-resolved'],
      entityIds: [],
    });
    await asking;
    expect(requestCall()).toMatchObject({
      url: 'http://localhost:3210/api/v1/push/subscriptions',
      method: 'POST',
      data: { answers: { 'tmpl-signed': 'accept', 'tmpl-resolved': 'reject' } },
    });
  });

  it('never fails the tap: nothing asked without settings, a refusal swallowed, nothing at all in H5', async () => {
    await askToSubscribe(['report_signed']);
    expect(taroMock.requestSubscribeMessage).not.toHaveBeenCalled();

    taroMock.request.mockResolvedValueOnce(reply(200, settings));
    await preloadPushSettings();
    taroMock.requestSubscribeMessage.mockRejectedValueOnce({
      errMsg: 'requestSubscribeMessage:fail cancel',
      errCode: 20004,
    });
    await expect(askToSubscribe(['article'])).resolves.toBeUndefined();
    expect(taroMock.request).toHaveBeenCalledTimes(1);

    process.env.TARO_ENV = 'h5';
    await askToSubscribe(['article']);
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledTimes(1);
  });
});

describe('direct upload', () => {
  const policy = {
    host: 'https://minqing-media.oss-cn-hangzhou.aliyuncs.com',
    key: 'incoming/citizen-1/01ABC',
    fields: { key: 'incoming/citizen-1/01ABC', policy: 'cG9saWN5', 'x-oss-signature': 'sig' },
    maxBytes: 10485760,
    contentTypes: ['image/jpeg', 'image/png', 'image/webp'],
    expiresAt: '2030-01-01T00:00:00.000Z',
  };
  const attachment = {
    id: '01JUPLOAD00000000000000001',
    kind: 'photo',
    contentType: 'image/jpeg',
    size: 100,
    durationSeconds: null,
    url: '/api/v1/uploads/01JUPLOAD00000000000000001/content',
  };

  it('posts the file with the policy fields straight to OSS, then has the server confirm it', async () => {
    taroMock.request
      .mockResolvedValueOnce(reply(200, { direct: true }))
      .mockResolvedValueOnce(reply(200, policy))
      .mockResolvedValueOnce(reply(201, attachment));
    taroMock.uploadFile.mockResolvedValueOnce({ statusCode: 200, data: '', errMsg: 'uploadFile:ok' });

    expect(await uploadMedia('wxfile://tmp/photo.jpg')).toEqual(attachment);
    expect(requestCall(1)).toMatchObject({
      url: 'http://localhost:3210/api/v1/uploads/direct',
      method: 'POST',
      data: { kind: 'photo' },
    });
    const sent = taroMock.uploadFile.mock.calls[0][0];
    expect(sent).toMatchObject({
      url: policy.host,
      filePath: 'wxfile://tmp/photo.jpg',
      name: 'file',
      formData: { ...policy.fields, 'Content-Type': 'image/jpeg' },
    });
    expect(sent.header).toBeUndefined();
    expect(requestCall(2)).toMatchObject({
      url: 'http://localhost:3210/api/v1/uploads/direct/confirm',
      data: { key: policy.key },
    });
  });

  it('uses POST /uploads when the server has no object storage', async () => {
    taroMock.request.mockResolvedValueOnce(reply(200, { direct: false }));
    taroMock.uploadFile.mockResolvedValueOnce({
      statusCode: 201,
      data: JSON.stringify(attachment),
      errMsg: 'uploadFile:ok',
    });
    expect(await uploadMedia('wxfile://tmp/voice.mp3', { durationSeconds: 12 })).toEqual(attachment);
    expect(taroMock.uploadFile.mock.calls[0][0]).toMatchObject({
      url: 'http://localhost:3210/api/v1/uploads',
      formData: { durationSeconds: '12' },
    });
  });
});

describe('reading media from OSS', () => {
  it('downloads through the signed link without our token, and with the token from our own server', async () => {
    taroMock.request.mockResolvedValueOnce(reply(200, { direct: true }));
    taroMock.request.mockResolvedValueOnce(
      reply(200, { url: 'https://minqing-media.oss-cn-hangzhou.aliyuncs.com/photos/p1.jpg?x-oss-signature=abc' }),
    );
    taroMock.downloadFile.mockResolvedValueOnce({ statusCode: 200, tempFilePath: 'wxfile://tmp/p1.jpg' });
    await expect(attachmentLocalPath('/api/v1/uploads/01OSSPHOTO/content')).resolves.toBe('wxfile://tmp/p1.jpg');
    expect(taroMock.downloadFile).toHaveBeenLastCalledWith({
      url: 'https://minqing-media.oss-cn-hangzhou.aliyuncs.com/photos/p1.jpg?x-oss-signature=abc',
    });

    resetDirectUploadMode();
    taroMock.request.mockResolvedValueOnce(reply(200, { direct: false }));
    taroMock.downloadFile.mockResolvedValueOnce({ statusCode: 200, tempFilePath: 'wxfile://tmp/p2.jpg' });
    await expect(attachmentLocalPath('/api/v1/uploads/01DISKPHOTO/content')).resolves.toBe('wxfile://tmp/p2.jpg');
    expect(taroMock.downloadFile).toHaveBeenLastCalledWith({
      url: 'http://localhost:3210/api/v1/uploads/01DISKPHOTO/content',
      header: { Authorization: 'Bearer tok-1' },
    });
  });
});
