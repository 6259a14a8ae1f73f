/**
 * 关怀模式: 说一说 and 拍一拍 from the care-mode home ask for one thing and one big 发送; the village
 * comes from the profile (asked once when it has none); the report goes to 民情直通.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RegionNode, ReportDetail } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { forgetVillageTree } from '../../../components/VillagePicker/regions';
import { drafts } from '../../../services/drafts';
import { saveUser } from '../../../services/session';
import { STORAGE_KEYS } from '../../../services/storage';
import { careModeStore } from '../../../stores/careMode';
import { userStore } from '../../../stores/user';
import ReportComposePage from '.';

const VILLAGE = '610921100201';
const UPLOAD_ID = '01JUPLOAD00000000000000001';
const tree: RegionNode[] = [
  {
    code: '610921',
    name: '汉阴县',
    level: 'county',
    children: [
      {
        code: '610921100',
        name: '城关镇',
        level: 'township',
        children: [{ code: VILLAGE, name: '五一村', level: 'village', children: [] }],
      },
    ],
  },
];
const report = {
  id: '01M81KNHEEZY3C4PCQ1HHZPW27',
  serialNo: 'HY20261122-0001',
  status: 'submitted',
  department: null,
  resolveDueAt: null,
} as unknown as ReportDetail;

interface Call {
  url: string;
  method?: string;
  data?: unknown;
}
const ok = (data: unknown) => Promise.resolve({ statusCode: 200, data, header: {} });
const posts = (path: string) =>
  taroMock.request.mock.calls
    .map(([call]) => call as Call)
    .filter((call) => call.url.endsWith(path) && call.method !== undefined && call.method !== 'GET');

function serve() {
  taroMock.request.mockImplementation((call: Call) => {
    if (call.url.includes('/regions')) return ok(tree);
    if (call.url.includes('/push/settings')) return ok({ templates: {} });
    if (call.url.endsWith('/me') && call.method === 'PATCH')
      return ok({ id: 'U1', nickname: null, villageCode: VILLAGE, phone: null, careMode: true });
    if (call.url.endsWith('/reports') && call.method === 'POST') return ok(report);
    return ok({});
  });
  taroMock.uploadFile.mockImplementation(() =>
    Promise.resolve({ statusCode: 201, data: JSON.stringify({ id: UPLOAD_ID, kind: 'photo' }) }),
  );
}

function signIn(villageCode: string | null) {
  const user = { id: 'U1', nickname: null, villageCode, phone: null, careMode: true };
  taroMock.storage.set(STORAGE_KEYS.token, 'tok');
  saveUser(user);
  userStore.set({ user, loading: false, error: null });
}

let now = 1_000_000;
beforeEach(async () => {
  for (const draft of drafts.list()) await drafts.remove(draft.id);
  forgetVillageTree();
  careModeStore.set({ enabled: true, suggested: false, chosen: true });
  now = 1_000_000;
});
afterEach(() => {
  careModeStore.set({ enabled: false, suggested: false, chosen: false });
  jest.restoreAllMocks();
});

describe('关怀模式 说一说', () => {
  it('is the hold-to-talk button and one big 发送, and sends the voice to 民情直通 for the profile village', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    signIn(VILLAGE);
    serve();
    taroMock.setRouterParams({ service: 'direct', mode: 'voice' });
    render(<ReportComposePage />);

    expect(screen.getByText('说一说')).toBeInTheDocument();
    // Nothing else is asked: no text, photos, place, category or phone.
    expect(screen.queryByPlaceholderText('在这里写下您要反映的事情')).not.toBeInTheDocument();
    expect(screen.queryByText('🖼 从相册选')).not.toBeInTheDocument();
    expect(screen.queryByText('选择问题类别（可不选）')).not.toBeInTheDocument();
    expect(screen.queryByText('联系电话（方便工作人员联系您）')).not.toBeInTheDocument();
    expect(await screen.findByText('反映到：城关镇 五一村')).toBeInTheDocument();
    const send = screen.getByRole('button', { name: /^发送/ });
    expect(send).toHaveAttribute('aria-disabled', 'true');

    const hold = screen.getByRole('button', { name: '按住说话，松开结束' });
    expect(screen.getByText('最长 60 秒，录好后点「发送」发出')).toBeInTheDocument();
    fireEvent.touchStart(hold, { touches: [{ clientY: 500 }] });
    await waitFor(() => expect(taroMock.recorder.start).toHaveBeenCalled());
    act(() => taroMock.recorder.emit('start'));
    now += 4200;
    fireEvent.touchEnd(hold, { changedTouches: [{ clientY: 500 }] });
    act(() =>
      taroMock.recorder.emit('stop', { tempFilePath: 'wxfile://tmp/voice.mp3', duration: 4200, fileSize: 25000 }),
    );
    expect(await screen.findByText('录好了，还没有发出：点「发送」才会发给工作人员')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '发送，发给工作人员' }));
    await waitFor(() => expect(posts('/reports')).toHaveLength(1));
    expect(posts('/reports')[0].data).toEqual({
      serviceCode: 'direct',
      villageCode: VILLAGE,
      voice: { uploadId: UPLOAD_ID },
    });
    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalled());
  });
});

describe('关怀模式 拍一拍', () => {
  it('opens the camera at once, then sends the photo with one big 发送', async () => {
    signIn(VILLAGE);
    serve();
    taroMock.chooseMedia.mockResolvedValueOnce({
      tempFiles: [{ tempFilePath: 'wxfile://tmp/photo-1.jpg', size: 1000 }],
    });
    taroMock.setRouterParams({ service: 'direct', mode: 'photo' });
    render(<ReportComposePage />);

    expect(screen.getByText('拍一拍')).toBeInTheDocument();
    await waitFor(() =>
      expect(taroMock.chooseMedia).toHaveBeenCalledWith(
        expect.objectContaining({ sourceType: ['camera'], mediaType: ['image'] }),
      ),
    );
    expect(await screen.findByLabelText('第1张照片')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^再拍一张/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '按住说话，松开结束' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '发送，发给工作人员' }));
    await waitFor(() => expect(posts('/reports')).toHaveLength(1));
    expect(posts('/reports')[0].data).toEqual({
      serviceCode: 'direct',
      villageCode: VILLAGE,
      photoUploadIds: [UPLOAD_ID],
    });
  });

  it('asks for the village only when the profile has none, and keeps it there', async () => {
    signIn(null);
    serve();
    taroMock.chooseMedia.mockResolvedValueOnce({
      tempFiles: [{ tempFilePath: 'wxfile://tmp/photo-1.jpg', size: 1000 }],
    });
    taroMock.setRouterParams({ service: 'direct', mode: 'photo' });
    render(<ReportComposePage />);
    expect(screen.getByText('您住在哪个村？选一次，以后不用再选')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '选择' }));
    fireEvent.click(await screen.findByText('城关镇'));
    fireEvent.click(await screen.findByText('五一村'));
    await waitFor(() => expect(posts('/me')).toHaveLength(1));
    expect(posts('/me')[0]).toMatchObject({ method: 'PATCH', data: { villageCode: VILLAGE } });
  });

  it('brings back photos taken and not sent, saying so, without opening the camera again', async () => {
    signIn(VILLAGE);
    serve();
    await drafts.create(
      { serviceCode: 'direct', villageCode: VILLAGE, photos: ['wxfile://tmp/photo-1.jpg'] },
      'editing',
    );
    taroMock.setRouterParams({ service: 'direct', mode: 'photo' });
    render(<ReportComposePage />);
    expect(screen.getByText('已为您恢复上次没有提交的内容')).toBeInTheDocument();
    expect(screen.getByLabelText('第1张照片')).toBeInTheDocument();
    expect(taroMock.chooseMedia).not.toHaveBeenCalled();
  });
});
