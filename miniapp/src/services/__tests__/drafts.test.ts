import type { reply as replyType } from './fakeHttp';

type DraftsModule = typeof import('../drafts');
type TaroMockModule = typeof import('../../../test/mocks/taro');

/** Fresh modules, as after an app start: the queue reads storage again (the Taro mock is fresh too). */
function startApp(storedDrafts?: unknown[]) {
  jest.resetModules();
  const { taroMock } = jest.requireActual<TaroMockModule>('../../../test/mocks/taro');
  const { STORAGE_KEYS } = jest.requireActual<typeof import('../storage')>('../storage');
  taroMock.storage.set(STORAGE_KEYS.token, 'tok');
  if (storedDrafts) taroMock.storage.set(STORAGE_KEYS.drafts, storedDrafts);
  const { reply, requestCall } = jest.requireActual<typeof import('./fakeHttp')>('./fakeHttp');
  const module = jest.requireActual<DraftsModule>('../drafts');
  return { ...module, taroMock, STORAGE_KEYS, reply: reply as typeof replyType, requestCall };
}

const report = { id: '01JREPORT00000000000000000', serialNo: 'HY20261122-0007', status: 'submitted' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the app draft queue (Taro wiring)', () => {
  it('keeps a report typed offline in storage and sends it when the network is back, with the same key', async () => {
    const { drafts, startDraftSync, taroMock, STORAGE_KEYS, reply, requestCall } = startApp();
    startDraftSync();
    taroMock.request.mockRejectedValueOnce({ errMsg: 'request:fail' });

    const draft = await drafts.create({ serviceCode: 'direct', villageCode: '610921100201', text: '路灯不亮' });
    await expect(drafts.submit(draft.id)).resolves.toMatchObject({
      status: 'saved',
      message: '已保存，联网后自动提交',
    });
    expect(taroMock.storage.get(STORAGE_KEYS.drafts)).toHaveLength(1);

    taroMock.request.mockResolvedValueOnce(reply(201, report, { 'Idempotent-Replayed': 'true' }));
    const onNetwork = taroMock.onNetworkStatusChange.mock.calls[0][0] as (status: { isConnected: boolean }) => void;
    onNetwork({ isConnected: true });
    await flush();
    await flush();

    expect(requestCall()).toMatchObject({
      url: '/api/v1/reports',
      method: 'POST',
      data: { serviceCode: 'direct', villageCode: '610921100201', text: '路灯不亮' },
    });
    expect(requestCall(0).header['Idempotency-Key']).toBe(draft.idempotencyKey);
    expect(requestCall().header['Idempotency-Key']).toBe(draft.idempotencyKey);
    expect(taroMock.storage.get(STORAGE_KEYS.drafts)).toEqual([]);
  });

  it('sends what was left from the last time at start, and again when the app is shown', async () => {
    const { drafts, startDraftSync, taroMock, reply, requestCall } = startApp([
      {
        id: 'd1',
        idempotencyKey: 'r-d1-key',
        state: 'waiting',
        createdAt: 1,
        updatedAt: 1,
        serviceCode: 'risk',
        villageCode: '610921100201',
        text: '山体有裂缝',
        photos: [],
        attempts: 3,
        nextAttemptAt: Date.now() + 60_000,
      },
    ]);
    taroMock.request.mockRejectedValue({ errMsg: 'request:fail' });
    startDraftSync();
    await flush();
    // Its backoff is not over: nothing sent at start.
    expect(taroMock.request).not.toHaveBeenCalled();

    taroMock.request.mockReset();
    taroMock.request.mockResolvedValueOnce(reply(201, report));
    const onShow = taroMock.onAppShow.mock.calls[0][0] as () => void;
    onShow();
    await flush();
    await flush();
    expect(requestCall().header['Idempotency-Key']).toBe('r-d1-key');
    expect(drafts.list()).toEqual([]);
  });
});
