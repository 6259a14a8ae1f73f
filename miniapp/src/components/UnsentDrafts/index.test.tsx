import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fixClock } from '../../../test/clock';
import { taroMock } from '../../../test/mocks/taro';
import MyReportsPage from '../../packages/my-reports/list';
import ReportPage from '../../pages/report';
import { drafts } from '../../services/drafts';
import { STORAGE_KEYS } from '../../services/storage';
import { draftSummary } from '.';

const VILLAGE = '610921100201';

fixClock('2026-11-23T10:00:00+08:00');
beforeEach(async () => {
  for (const draft of drafts.list()) await drafts.remove(draft.id);
  taroMock.storage.set(STORAGE_KEYS.token, 'tok');
  taroMock.request.mockImplementation((call: { url: string }) =>
    Promise.resolve({
      statusCode: 200,
      header: {},
      data: call.url.includes('/reports/mine') ? { items: [], total: 0, page: 1, pageSize: 20 } : [],
    }),
  );
});

/** A report recorded and left: saved on the phone as the page does while the villager speaks. */
const leftUnsent = () =>
  drafts.create(
    {
      serviceCode: 'direct',
      villageCode: VILLAGE,
      voice: { localPath: 'blob:http://localhost/voice-1', durationSeconds: 5 },
      photos: [],
    },
    'editing',
  );

describe('reports still on the phone', () => {
  it('民情直达 shows a recording never sent, with 继续提交 opening it again', async () => {
    const draft = await leftUnsent();
    render(<ReportPage />);
    const row = await screen.findByTestId('unsent-draft');
    expect(screen.getByText('还没有提交')).toBeInTheDocument();
    expect(row).toHaveTextContent('民情直通：一段 5 秒的录音');
    expect(row).toHaveTextContent('保存在手机上');
    fireEvent.click(within(row).getByRole('button', { name: '继续提交' }));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({
      url: `/packages/report-flow/compose/index?service=direct&draftId=${draft.id}`,
    });
  });

  it('我的反映 shows it above the reports sent, and a refused one with 去修改', async () => {
    await leftUnsent();
    const refused = await drafts.create({
      serviceCode: 'illegal',
      villageCode: VILLAGE,
      text: '河边有人电鱼，每天晚上都有',
      photos: [],
    });
    taroMock.request.mockImplementationOnce(() =>
      Promise.resolve({
        statusCode: 400,
        header: {},
        data: { error: { code: 'bad_request', message: '照片看不清', field: 'file' } },
      }),
    );
    await drafts.submit(refused.id);
    render(<MyReportsPage />);
    await screen.findByText('还没有反映过问题，点「我要反映」试试');
    const rows = screen.getAllByTestId('unsent-draft');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('民情直通：一段 5 秒的录音');
    expect(within(rows[0]).getByRole('button', { name: '继续提交' })).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('违法举报：河边有人电鱼，每天晚上都有');
    expect(rows[1]).toHaveTextContent('没能提交：照片看不清');
    expect(within(rows[1]).getByRole('button', { name: '去修改' })).toBeInTheDocument();
  });

  it('says how many wait for a signal and sends them on 现在提交', async () => {
    const waiting = await drafts.create({ serviceCode: 'direct', villageCode: VILLAGE, text: '路灯不亮', photos: [] });
    taroMock.request.mockImplementationOnce(() => Promise.reject({ errMsg: 'request:fail' }));
    await expect(drafts.submit(waiting.id)).resolves.toMatchObject({ status: 'saved' });
    render(<ReportPage />);
    await screen.findByText('有 1 条反映已保存，联网后自动提交');
    expect(screen.queryByText('还没有提交')).not.toBeInTheDocument();
    taroMock.request.mockImplementationOnce(() =>
      Promise.resolve({
        statusCode: 201,
        header: {},
        data: { id: '01JREPORT00000000000000000', serialNo: 'HY20261123-0001', status: 'submitted' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: '现在提交' }));
    await waitFor(() => expect(drafts.list()).toHaveLength(0));
    expect(screen.queryByText(/联网后自动提交/)).not.toBeInTheDocument();
  });

  it('names what a draft holds in a few words', () => {
    const base = {
      id: 'd',
      idempotencyKey: 'r-d',
      state: 'editing' as const,
      createdAt: 0,
      updatedAt: 0,
      serviceCode: 'direct' as const,
      villageCode: VILLAGE,
      photos: [],
      attempts: 0,
    };
    expect(draftSummary({ ...base, text: '五一村二组的路灯坏了三天，晚上出门看不见路' })).toBe(
      '五一村二组的路灯坏了三天，晚上出门看…',
    );
    expect(
      draftSummary({
        ...base,
        photos: [
          { localPath: 'a', sourcePath: 'a' },
          { localPath: 'b', sourcePath: 'b' },
        ],
      }),
    ).toBe('2 张照片');
    expect(
      draftSummary({ ...base, voice: { localPath: 'v', sourcePath: 'v', durationSeconds: 8, transcript: '水管破了' } }),
    ).toBe('水管破了');
  });
});
