import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RegionNode, ReportDetail } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { forgetVillageTree } from '../../../components/VillagePicker/regions';
import { drafts } from '../../../services/drafts';
import type { ReportDraft } from '../../../services/draftTypes';
import { saveUser } from '../../../services/session';
import { STORAGE_KEYS } from '../../../services/storage';
import ReportComposePage, { ANONYMOUS_LABEL, PUBLIC_HINT, PUBLIC_LABEL } from '.';
import { DEPUTY_HINT } from './DeputyPicker';

const VILLAGE = '610921100201';
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
  status: 'dispatched',
  department: { id: 'D1', name: '城关镇供电所' },
  resolveDueAt: '2026-11-25T15:59:59.999Z',
} as ReportDetail;

const DEPUTY_ID = '01JBZ3K4M5N6P7Q8R9S0T1V2W3';
const deputies = [
  { id: DEPUTY_ID, name: '张德明', title: '镇人大代表', regionCode: VILLAGE, regionName: '五一村' },
  { id: '01JBZ3K4M5N6P7Q8R9S0T1V2W4', name: '刘建国', title: '县人大代表', regionCode: '610921', regionName: '汉阴县' },
];

const ok = (data: unknown, header: Record<string, string> = {}) => Promise.resolve({ statusCode: 200, data, header });

interface Call {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
}

/** The server: catalog answers, and `submit` decides what POST /reports does. */
function serve(submit: (call: Call) => Promise<unknown> = () => ok(report)) {
  taroMock.request.mockImplementation((call: Call) => {
    if (call.url.includes('/regions')) return ok(tree);
    if (call.url.includes('/categories')) return ok([]);
    if (call.url.includes('/deputies')) return ok(deputies);
    if (call.url.endsWith('/me') && call.method === 'PATCH')
      return ok({ id: 'U1', nickname: null, villageCode: VILLAGE, phone: null, careMode: false });
    if (call.url.includes('/reports') && call.method === 'POST') return submit(call);
    return ok({});
  });
}

/** The argument of a mock's call (the mocks are typed without parameters). */
const argOf = <T,>(mock: jest.Mock, index = -1): T => {
  const calls = mock.mock.calls as unknown as [T][];
  return calls[index < 0 ? calls.length + index : index][0];
};

const storedDrafts = (): ReportDraft[] =>
  (taroMock.storage.get(STORAGE_KEYS.drafts) as ReportDraft[] | undefined) ?? [];
const reportPosts = () =>
  taroMock.request.mock.calls.filter(
    ([call]) => (call as Call).url.includes('/reports') && (call as Call).method === 'POST',
  );

beforeEach(async () => {
  for (const draft of drafts.list()) await drafts.remove(draft.id);
  forgetVillageTree();
  taroMock.storage.set(STORAGE_KEYS.token, 'tok');
  saveUser({ id: 'U1', nickname: null, villageCode: VILLAGE, phone: null, careMode: false });
  taroMock.setRouterParams({ service: 'direct' });
});

async function renderPage() {
  render(<ReportComposePage />);
  await screen.findByText('城关镇 五一村');
}

describe('我要反映', () => {
  it('is voice first and defaults the village to the user’s own', async () => {
    serve();
    await renderPage();
    expect(screen.getByRole('button', { name: '按住说话，松开结束' })).toBeInTheDocument();
    expect(screen.getByText('0/2000')).toBeInTheDocument();
    expect(screen.getByText('选择问题类别（可不选）')).toBeInTheDocument();
    // 民情直通 cannot be anonymous.
    expect(screen.queryByText(ANONYMOUS_LABEL)).not.toBeInTheDocument();
  });

  it('asks for a voice, some text or a photo before submitting, and sends nothing', async () => {
    serve();
    await renderPage();
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('请说一段话、写几句话或拍一张照片')).toBeInTheDocument();
    expect(taroMock.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '请说一段话、写几句话或拍一张照片' }),
    );
    expect(reportPosts()).toHaveLength(0);
  });

  it('offers the anonymous switch for 违法举报 only, and sends it', async () => {
    taroMock.setRouterParams({ service: 'illegal' });
    serve();
    await renderPage();
    fireEvent.click(screen.getByRole('switch', { name: ANONYMOUS_LABEL }));
    fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), { target: { value: '河里有人电鱼' } });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(reportPosts()).toHaveLength(1));
    expect((reportPosts()[0][0] as Call).data).toEqual({
      serviceCode: 'illegal',
      villageCode: VILLAGE,
      text: '河里有人电鱼',
      anonymous: true,
    });
  });

  it('offers 公开 for 民情直通, on by default with its explanation, and sends it only when switched off', async () => {
    serve();
    await renderPage();
    const toggle = screen.getByRole('switch', { name: PUBLIC_LABEL });
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByText(PUBLIC_HINT)).toBeInTheDocument();
    expect(PUBLIC_HINT).toBe('公开后，本村群众可以看到这件事的处理情况（不显示您的姓名和电话）');
    fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), { target: { value: '村口路灯不亮' } });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(reportPosts()).toHaveLength(1));
    expect((reportPosts()[0][0] as Call).data).not.toHaveProperty('public');
  });

  it('sends public: false when the reporter switches 公开 off', async () => {
    serve();
    await renderPage();
    fireEvent.click(screen.getByRole('switch', { name: PUBLIC_LABEL }));
    expect(screen.getByRole('switch', { name: PUBLIC_LABEL })).toHaveAttribute('aria-checked', 'false');
    fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), {
      target: { value: '家里的事不想公开' },
    });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(reportPosts()).toHaveLength(1));
    expect((reportPosts()[0][0] as Call).data).toMatchObject({ public: false, text: '家里的事不想公开' });
  });

  it('offers no 公开 switch for other services', async () => {
    taroMock.setRouterParams({ service: 'illegal' });
    serve();
    await renderPage();
    expect(screen.queryByRole('switch', { name: PUBLIC_LABEL })).not.toBeInTheDocument();
  });

  it('for 代表工作 offers the area’s deputies and sends the one chosen', async () => {
    taroMock.setRouterParams({ service: 'deputy' });
    serve();
    await renderPage();
    expect(screen.getByText(DEPUTY_HINT)).toBeInTheDocument();
    const deputy = await screen.findByRole('radio', { name: '张德明（镇人大代表）' });
    expect(screen.getByRole('radio', { name: '刘建国（县人大代表）' })).toBeInTheDocument();
    fireEvent.click(deputy);
    expect(deputy).toHaveAttribute('aria-checked', 'true');
    fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), {
      target: { value: '建议修一座便民桥' },
    });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(reportPosts()).toHaveLength(1));
    expect((reportPosts()[0][0] as Call).data).toEqual({
      serviceCode: 'deputy',
      villageCode: VILLAGE,
      text: '建议修一座便民桥',
      deputyId: DEPUTY_ID,
    });
  });

  it('for 代表工作 submits without a deputy chosen', async () => {
    taroMock.setRouterParams({ service: 'deputy' });
    serve();
    await renderPage();
    await screen.findByRole('radio', { name: '张德明（镇人大代表）' });
    fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), {
      target: { value: '建议修一座便民桥' },
    });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(reportPosts()).toHaveLength(1));
    expect((reportPosts()[0][0] as Call).data).toEqual({
      serviceCode: 'deputy',
      villageCode: VILLAGE,
      text: '建议修一座便民桥',
    });
  });

  it('keeps the draft with its Idempotency-Key on the phone before sending, then shows the serial number', async () => {
    let storedAtSubmit: ReportDraft[] = [];
    serve((call) => {
      storedAtSubmit = storedDrafts();
      expect(call.header?.['Idempotency-Key']).toBe(storedAtSubmit[0]?.idempotencyKey);
      return ok(report);
    });
    await renderPage();
    fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), { target: { value: '电线杆倾斜了' } });
    expect(screen.getByText('6/2000')).toBeInTheDocument();
    fireEvent.click(screen.getByText('提交'));

    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalled());
    expect(storedAtSubmit).toHaveLength(1);
    expect(storedAtSubmit[0]).toMatchObject({ text: '电线杆倾斜了', villageCode: VILLAGE, serviceCode: 'direct' });
    const { url } = argOf<{ url: string }>(taroMock.redirectTo, 0);
    expect(url).toContain('/packages/report-flow/success/index?');
    expect(url).toContain('serialNo=HY20261122-0001');
    expect(url).toContain(`department=${encodeURIComponent('城关镇供电所')}`);
    // Sent: nothing is left to retry.
    expect(storedDrafts()).toHaveLength(0);
  });

  it('without a signal says 已保存，联网后自动提交 and keeps the report for later', async () => {
    serve(() => Promise.reject(new Error('request:fail timeout')));
    await renderPage();
    fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), { target: { value: '水管爆了' } });
    fireEvent.click(screen.getByText('提交'));

    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' })));
    expect(argOf<{ content: string }>(taroMock.showModal).content).toContain('已保存，联网后自动提交');
    expect(screen.getByText('已保存，联网后自动提交')).toBeInTheDocument();
    const kept = storedDrafts();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ state: 'waiting', text: '水管爆了' });
    expect(taroMock.redirectTo).not.toHaveBeenCalled();
  });

  it('shows the server’s message next to the field it names', async () => {
    serve(() =>
      Promise.resolve({
        statusCode: 400,
        data: { error: { code: 'bad_request', message: '这个村不在本县', field: 'villageCode' } },
        header: {},
      }),
    );
    await renderPage();
    fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), { target: { value: '路灯坏了' } });
    fireEvent.click(screen.getByText('提交'));
    const message = await screen.findAllByText('这个村不在本县');
    expect(message[0].closest('#field-villageCode')).not.toBeNull();
    // The draft is kept so nothing typed is lost.
    expect(storedDrafts()).toHaveLength(1);
  });

  it('shows each photo’s upload progress while sending, and a retry button when one fails', async () => {
    serve();
    taroMock.chooseMedia.mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'blob:photo-1', size: 1000 }] });
    let progress: ((update: { progress: number }) => void) | null = null;
    let finish: (value: unknown) => void = () => undefined;
    taroMock.uploadFile.mockImplementation(() => {
      const task = new Promise((resolve) => {
        finish = resolve;
      }) as Promise<unknown> & { onProgressUpdate: (callback: (update: { progress: number }) => void) => void };
      task.onProgressUpdate = (callback) => {
        progress = callback;
      };
      return task;
    });
    await renderPage();
    fireEvent.click(screen.getByText('🖼 从相册选'));
    await screen.findByTestId('photo');
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(progress).not.toBeNull());
    act(() => progress?.({ progress: 45 }));
    expect(await screen.findByText('上传中 45%')).toBeInTheDocument();
    expect(screen.getByText('正在上传（0/1）…')).toBeInTheDocument();

    // The server refuses the file: the photo says so and offers a retry.
    await act(async () =>
      finish({
        statusCode: 415,
        data: JSON.stringify({
          error: { code: 'unsupported_media_type', message: '只能上传照片或语音', field: 'file' },
        }),
      }),
    );
    expect(await screen.findByText('上传失败')).toBeInTheDocument();
    expect(screen.getByText('重试')).toBeInTheDocument();
    expect(screen.getAllByText('只能上传照片或语音').length).toBeGreaterThan(0);
  });

  it('restores an unfinished report of the same service', async () => {
    serve();
    await drafts.create({ serviceCode: 'direct', villageCode: VILLAGE, text: '上次没写完的', photos: [] }, 'editing');
    await renderPage();
    expect(screen.getByText('已为您恢复上次没有提交的内容')).toBeInTheDocument();
    expect(screen.getByDisplayValue('上次没写完的')).toBeInTheDocument();
  });

  it('keeps the village chosen while reporting in the profile, so it is asked once', async () => {
    saveUser({ id: 'U1', nickname: null, villageCode: null, phone: null, careMode: false });
    serve();
    render(<ReportComposePage />);
    expect(await screen.findByText('还没有选择村（社区）')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '选择' }));
    fireEvent.click(await screen.findByText('城关镇'));
    fireEvent.click(await screen.findByText('五一村'));
    await waitFor(() =>
      expect(taroMock.request).toHaveBeenCalledWith(
        expect.objectContaining({ method: 'PATCH', data: { villageCode: VILLAGE } }),
      ),
    );
    expect(screen.getByText('城关镇 五一村')).toBeInTheDocument();
  });

  it('offers a contact phone where none is bound (H5), sends the one typed and offers it next time', async () => {
    serve();
    await renderPage();
    const phone = screen.getByRole('textbox', { name: '联系电话' });
    fireEvent.change(phone, { target: { value: '1380013' } });
    fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), { target: { value: '路灯坏了' } });
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findAllByText('请输入正确的手机号')).not.toHaveLength(0);
    expect(reportPosts()).toHaveLength(0);

    fireEvent.change(phone, { target: { value: '13800138000' } });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(reportPosts()).toHaveLength(1));
    expect((reportPosts()[0][0] as Call).data).toEqual({
      serviceCode: 'direct',
      villageCode: VILLAGE,
      text: '路灯坏了',
      contactPhone: '13800138000',
    });
    expect(taroMock.storage.get(STORAGE_KEYS.contactPhone)).toBe('13800138000');
  });

  it('fills the contact phone with the number typed last time', async () => {
    taroMock.storage.set(STORAGE_KEYS.contactPhone, '13900139000');
    serve();
    await renderPage();
    expect(screen.getByRole('textbox', { name: '联系电话' })).toHaveValue('13900139000');
  });

  it('with a bound phone shows it and lets the server use it, unless another number is typed', async () => {
    saveUser({ id: 'U1', nickname: null, villageCode: VILLAGE, phone: '138****5678', careMode: false });
    serve();
    await renderPage();
    expect(screen.getByText('138****5678')).toBeInTheDocument();
    expect(screen.getByText('您绑定的手机号')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), { target: { value: '路灯坏了' } });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(reportPosts()).toHaveLength(1));
    expect((reportPosts()[0][0] as Call).data).not.toHaveProperty('contactPhone');
  });

  it('with a bound phone takes another number for this report, and can go back to the bound one', async () => {
    saveUser({ id: 'U1', nickname: null, villageCode: VILLAGE, phone: '138****5678', careMode: false });
    serve();
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: '换一个号码' }));
    fireEvent.change(screen.getByRole('textbox', { name: '联系电话' }), { target: { value: '13700137000' } });
    fireEvent.click(screen.getByRole('button', { name: '用绑定的 138****5678' }));
    expect(screen.getByText('您绑定的手机号')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '换一个号码' }));
    fireEvent.change(screen.getByRole('textbox', { name: '联系电话' }), { target: { value: '13700137000' } });
    fireEvent.change(screen.getByPlaceholderText('在这里写下您要反映的事情'), { target: { value: '路灯坏了' } });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(reportPosts()).toHaveLength(1));
    expect((reportPosts()[0][0] as Call).data).toMatchObject({ contactPhone: '13700137000' });
  });
});
