import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { StaffQueueItem } from '@minqing/shared';
import { api } from '../api';
import { queueApi } from './queueApi';
import { WorkQueue } from './WorkQueue';

const row = (serialNo: string, extra: Partial<StaffQueueItem>): StaffQueueItem => ({
  id: `01J00000000000000000000${serialNo.slice(-3)}`,
  serialNo,
  status: 'dispatched',
  statusName: '已派单',
  serviceCode: 'direct',
  villageCode: '610921100201',
  villageName: '五一村',
  excerpt: '村口路灯不亮',
  category: null,
  department: null,
  tier: 'general',
  submittedAt: '2026-01-01T02:00:00.000Z',
  responseDueAt: null,
  resolveDueAt: null,
  rating: null,
  overdue: false,
  escalated: false,
  transcript: null,
  transcriptSource: null,
  transcriptPending: false,
  followers: 0,
  ...extra,
});

const staff = {
  id: 'S',
  username: 'chengguan',
  name: '调度员',
  role: 'dispatcher',
  regionCode: '610921100',
  departmentId: null,
  abilities: ['queue', 'triage', 'stats', 'moderate'],
} as never;

describe('the work queue', () => {
  afterEach(() => jest.restoreAllMocks());

  it("marks a voice report's transcript with its source, opens it in full, and says when a clip has none", async () => {
    const spoken = '五一村三组的电线杆歪了，快要倒了，下面就是娃娃上学走的路';
    jest.spyOn(api, 'queue').mockResolvedValue({
      items: [
        row('HY20260101-0001', { excerpt: spoken.slice(0, 12), transcript: spoken, transcriptSource: 'asr' }),
        row('HY20260101-0002', { excerpt: '路灯坏了', transcript: '路灯坏了', transcriptSource: 'wechat' }),
        row('HY20260101-0003', { excerpt: '[语音]' }),
        row('HY20260101-0004', { excerpt: '村口路灯不亮' }),
      ],
      total: 4,
      page: 1,
      pageSize: 20,
    });
    jest.spyOn(queueApi, 'counts').mockResolvedValue(null as never);
    jest.spyOn(queueApi, 'regions').mockResolvedValue([]);
    jest.spyOn(api, 'departments').mockResolvedValue([]);
    global.fetch = jest.fn().mockResolvedValue({ ok: true, status: 200, text: async () => '[]' }) as never;
    render(<WorkQueue staff={staff} query={new URLSearchParams()} />);

    const asr = (await screen.findByText('HY20260101-0001')).closest('tr') as HTMLElement;
    expect(within(asr).getByTestId('transcript-source')).toHaveTextContent('语音转写');
    const wechat = screen.getByText('HY20260101-0002').closest('tr') as HTMLElement;
    expect(within(wechat).getByTestId('transcript-source')).toHaveTextContent('同声传译');
    const silent = screen.getByText('HY20260101-0003').closest('tr') as HTMLElement;
    expect(within(silent).getByText('未能转写，请收听语音')).toBeInTheDocument();
    const text = screen.getByText('HY20260101-0004').closest('tr') as HTMLElement;
    expect(within(text).queryByTestId('transcript-source')).not.toBeInTheDocument();
    // A report without a transcript has nothing to expand (antd keeps only a blank placeholder).
    expect(text.querySelector('.ant-table-row-expand-icon-spaced')).not.toBeNull();
    expect(asr.querySelector('.ant-table-row-expand-icon-spaced')).toBeNull();

    // The row expands to the whole transcript (without opening the report).
    expect(screen.queryByLabelText('语音文字')).not.toBeInTheDocument();
    fireEvent.click(within(asr).getByRole('button', { name: /展开|Expand/ }));
    expect(await screen.findByLabelText('语音文字')).toHaveTextContent(spoken);
  });

  it('shows 热度 (我也遇到) on each row and sorts the most followed first on asking', async () => {
    const queue = jest.spyOn(api, 'queue').mockResolvedValue({
      items: [row('HY20260101-0001', { followers: 3 }), row('HY20260101-0002', {})],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    jest.spyOn(queueApi, 'counts').mockResolvedValue(null as never);
    jest.spyOn(queueApi, 'regions').mockResolvedValue([]);
    jest.spyOn(api, 'departments').mockResolvedValue([]);
    global.fetch = jest.fn().mockResolvedValue({ ok: true, status: 200, text: async () => '[]' }) as never;
    render(<WorkQueue staff={staff} query={new URLSearchParams()} />);

    const hot = (await screen.findByText('HY20260101-0001')).closest('tr') as HTMLElement;
    expect(within(hot).getByText('3 人也遇到')).toBeInTheDocument();
    const quiet = screen.getByText('HY20260101-0002').closest('tr') as HTMLElement;
    expect(within(quiet).queryByText(/人也遇到/)).not.toBeInTheDocument();
    expect(new URLSearchParams(queue.mock.calls.at(-1)?.[0]).get('sort')).toBe('-submittedAt');

    fireEvent.click(screen.getByRole('columnheader', { name: /热度/ }));
    await waitFor(() => expect(new URLSearchParams(queue.mock.calls.at(-1)?.[0]).get('sort')).toBe('followers'));
  });

  it('draws the rows before the filter bar, which then opens with the address’s filters', async () => {
    let answer: (page: Awaited<ReturnType<typeof api.queue>>) => void = () => undefined;
    jest.spyOn(api, 'queue').mockReturnValue(new Promise((resolve) => (answer = resolve)));
    jest.spyOn(queueApi, 'counts').mockResolvedValue(null as never);
    jest.spyOn(queueApi, 'regions').mockResolvedValue([]);
    jest.spyOn(api, 'departments').mockResolvedValue([]);
    global.fetch = jest.fn().mockResolvedValue({ ok: true, status: 200, text: async () => '[]' }) as never;
    render(<WorkQueue staff={staff} query={new URLSearchParams('keyword=路灯')} />);

    // While the first page is on its way, neither its code nor its fields are asked for.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByLabelText('关键词')).not.toBeInTheDocument();

    answer({ items: [row('HY20260101-0001', {})], total: 1, page: 1, pageSize: 20 });
    expect(await screen.findByText('HY20260101-0001')).toBeInTheDocument();
    expect(await screen.findByLabelText('关键词', undefined, { timeout: 10_000 })).toHaveValue('路灯');
  });
});
