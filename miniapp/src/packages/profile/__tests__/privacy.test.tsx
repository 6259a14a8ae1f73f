import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import { resetStores, serveApi, settle, signIn } from '../../../pages/home/__tests__/fakeApi';
import PrivacyPage from '../privacy';
import { DELETION_CONFIRM, DELETION_STORAGE_KEY, summarize } from '../privacy/dataRights';
import { MY_DATA } from './exportFixture';

const PENDING = {
  id: '01JDELETION000000000000000',
  status: 'pending',
  reason: null,
  requestedAt: '2026-11-22T02:00:00.000Z',
  dueBy: '2026-12-12T15:59:59.999Z',
  handledAt: null,
  message: '我们已收到您的注销申请，将在 15 个工作日内（2026年12月12日前）处理。',
};

const EXPORT = MY_DATA;

const readText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

let cleanups: (() => void)[] = [];
const afterTest = (cleanup: () => void) => cleanups.push(cleanup);
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

describe('隐私政策 page', () => {
  beforeEach(() => {
    resetStores();
    signIn();
  });

  it('explains what is collected and why, and the PIPL rights', () => {
    serveApi({});
    render(<PrivacyPage />);
    for (const what of ['位置', '录音（麦克风）', '照片（相机、相册）', '手机号'])
      expect(screen.getByText(what)).toBeInTheDocument();
    for (const right of ['查阅、复制', '更正、补充', '删除、注销', '撤回同意'])
      expect(screen.getByText(right)).toBeInTheDocument();
    expect(screen.getByText(/个人信息保护法/)).toBeInTheDocument();
  });

  it('asks for confirmation before asking to delete the account, and sends nothing when the answer is no', async () => {
    const calls = serveApi({ 'POST /me/deletion-request': () => ({ status: 202, body: PENDING }) });
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<PrivacyPage />);

    fireEvent.click(screen.getByRole('button', { name: /申请注销账号/ }));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect((taroMock.showModal.mock.calls[0] as unknown[])[0]).toMatchObject({
      title: DELETION_CONFIRM.title,
      confirmText: '确定注销',
      cancelText: '再想想',
    });
    await settle();
    expect(calls.filter((call) => call.path === '/me/deletion-request')).toHaveLength(0);

    taroMock.showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    fireEvent.click(screen.getByRole('button', { name: /申请注销账号/ }));
    expect(await screen.findByText(PENDING.message)).toBeInTheDocument();
    expect(taroMock.showModal).toHaveBeenCalledTimes(2);
    const sent = calls.filter((call) => call.path === '/me/deletion-request');
    expect(sent).toHaveLength(1);
    expect(sent[0].method).toBe('POST');
    // Remembered: coming back shows the pending request instead of the button.
    expect(taroMock.storage.get(DELETION_STORAGE_KEY)).toEqual(PENDING);
    expect(screen.queryByRole('button', { name: /申请注销账号/ })).not.toBeInTheDocument();
  });

  it('exports my data and says what it holds', async () => {
    const calls = serveApi({ 'GET /me/export': () => EXPORT });
    render(<PrivacyPage />);
    fireEvent.click(screen.getByRole('button', { name: '导出我的数据' }));
    expect(await screen.findByText(`包含：${summarize(EXPORT)}。`)).toBeInTheDocument();
    expect(screen.getByText(/反映的问题 1 件/)).toBeInTheDocument();
    expect(calls.filter((call) => call.path === '/me/export')).toHaveLength(1);
  });

  it('downloads the file with Chinese labels, as the server wrote it (H5)', async () => {
    serveApi({ 'GET /me/export': () => EXPORT });
    const saved: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:my-data';
    });
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    afterTest(() => Object.assign(URL, original));
    render(<PrivacyPage />);
    fireEvent.click(screen.getByRole('button', { name: '导出我的数据' }));
    expect(await screen.findByText(/已下载到您的设备，文件名：我的数据-\d{8}\.json/)).toBeInTheDocument();
    const file = JSON.parse(await readText(saved[0]));
    expect(Object.keys(file)).toEqual([
      '说明',
      '导出时间',
      '个人资料',
      '反映的问题',
      '消息',
      '上传的照片和语音',
      '看过的通知',
      '注销申请',
    ]);
    expect(file.反映的问题[0]).toMatchObject({ 编号: 'HY20261122-0001', 状态: '已办结，请评价' });
  });

  it('shows why an export failed', async () => {
    serveApi({
      'GET /me/export': () => ({
        status: 503,
        body: { error: { code: 'internal_error', message: '服务暂时不可用，请稍后再试' } },
      }),
    });
    render(<PrivacyPage />);
    fireEvent.click(screen.getByRole('button', { name: '导出我的数据' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('服务暂时不可用，请稍后再试');
  });
});
