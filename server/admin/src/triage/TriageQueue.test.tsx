import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { TriageItem } from '@minqing/shared';
import { api } from '../api';
import { queueApi } from '../queue/queueApi';
import { TriageQueue } from './TriageQueue';

const POWER = '01J0000000000000000000000D';
const item: TriageItem = {
  id: '01J0000000000000000000000R',
  serialNo: 'HY20260101-0007',
  status: 'submitted',
  statusName: '待受理',
  serviceCode: 'direct',
  villageCode: '610921100201',
  villageName: '五一村',
  excerpt: '河边垃圾没人清理',
  text: '河边垃圾没人清理',
  transcript: null,
  transcriptSource: null,
  transcriptPending: false,
  category: null,
  department: null,
  tier: 'general',
  submittedAt: '2026-01-01T02:00:00.000Z',
  responseDueAt: null,
  resolveDueAt: null,
  rating: null,
  overdue: false,
  escalated: false,
  prediction: { categoryCode: 'sanitation', confidence: 0.45 },
  suggestions: [
    {
      categoryCode: 'sanitation',
      categoryName: '环境卫生',
      confidence: 0.45,
      departmentId: null,
      departmentName: null,
      confident: false,
    },
    {
      categoryCode: 'power',
      categoryName: '供电',
      confidence: 0.3,
      departmentId: POWER,
      departmentName: '城关镇供电所',
      confident: false,
    },
  ],
  threshold: 0.5,
  oneClick: false,
  duplicateOf: null,
};
const staff = {
  id: 'S',
  username: 'chengguan',
  name: '调度员',
  role: 'dispatcher',
  regionCode: '610921100',
  departmentId: null,
} as never;

describe('the triage screen', () => {
  beforeEach(() => {
    jest.spyOn(queueApi, 'triage').mockResolvedValue({ items: [item], total: 1, page: 1, pageSize: 20 });
    jest
      .spyOn(api, 'departments')
      .mockResolvedValue([{ id: POWER, name: '城关镇供电所', level: 'township', regionCode: '610921100' }]);
    global.fetch = jest.fn().mockResolvedValue({ ok: true, status: 200, text: async () => '[]' }) as never;
  });
  afterEach(() => jest.restoreAllMocks());

  it('below the threshold: the suggestions with their confidence are choices, none is the primary action', async () => {
    const act = jest.spyOn(api, 'act').mockResolvedValue({} as never);
    render(<TriageQueue staff={staff} query={new URLSearchParams()} />);
    expect(await screen.findByText('环境卫生')).toBeInTheDocument();
    expect(screen.getByText('45%（把握不足）')).toBeInTheDocument();
    expect(screen.getByText('30%（把握不足）')).toBeInTheDocument();
    expect(screen.getByText('→ 无对应部门')).toBeInTheDocument();
    expect(screen.getByText('→ 城关镇供电所')).toBeInTheDocument();
    expect(screen.getByText('把握不足，请从下列建议中选择或打开事项派单')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /一键派单/ })).not.toBeInTheDocument();
    // Only the suggestion that names a department can be dispatched, as a secondary choice.
    const buttons = screen.getAllByRole('button', { name: /派\s*单/ }).filter((button) => button.closest('td'));
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).not.toHaveClass('ant-btn-primary');
    fireEvent.click(buttons[0]);
    const popover = await screen.findByRole('tooltip');
    fireEvent.click(within(popover).getByRole('button', { name: /派\s*单/ }));
    await waitFor(() =>
      expect(act).toHaveBeenCalledWith(item.id, { action: 'assign', departmentId: POWER, categoryCode: 'power' }),
    );
    expect(queueApi.triage).toHaveBeenLastCalledWith({ view: 'dispatch', page: 1, pageSize: 20, keyword: '' });
  });

  it('above the threshold: one click on the primary button dispatches the first suggestion; the others stay choices', async () => {
    const act = jest.spyOn(api, 'act').mockResolvedValue({} as never);
    const confident: TriageItem = {
      ...item,
      oneClick: true,
      suggestions: [
        { ...item.suggestions[1], confidence: 0.82, confident: true },
        { ...item.suggestions[0], confidence: 0.11 },
        {
          categoryCode: 'road',
          categoryName: '道路',
          confidence: 0.07,
          departmentId: '01J0000000000000000000000E',
          departmentName: '城关镇交通站',
          confident: false,
        },
      ],
    };
    jest.spyOn(queueApi, 'triage').mockResolvedValue({ items: [confident], total: 1, page: 1, pageSize: 20 });
    render(<TriageQueue staff={staff} query={new URLSearchParams()} />);
    const primary = await screen.findByRole('button', { name: '一键派单：城关镇供电所（供电 82%）' });
    expect(primary).toHaveClass('ant-btn-primary');
    expect(screen.getByText('11%（把握不足）')).toBeInTheDocument();
    expect(screen.getByText('7%（把握不足）')).toBeInTheDocument();
    expect(screen.getAllByTestId('triage-suggestion')).toHaveLength(2);
    const others = screen.getAllByRole('button', { name: /^派\s*单$/ }).filter((button) => button.closest('td'));
    expect(others).toHaveLength(1);
    expect(others[0]).not.toHaveClass('ant-btn-primary');
    fireEvent.click(primary);
    await waitFor(() =>
      expect(act).toHaveBeenCalledWith(item.id, { action: 'assign', departmentId: POWER, categoryCode: 'power' }),
    );
  });

  it('a confident suggestion the server does not offer as one click (oneClick false) is not put forward', async () => {
    const notOffered = { ...item, oneClick: false, suggestions: [{ ...item.suggestions[1], confident: true }] };
    jest.spyOn(queueApi, 'triage').mockResolvedValue({ items: [notOffered], total: 1, page: 1, pageSize: 20 });
    render(<TriageQueue staff={staff} query={new URLSearchParams()} />);
    await screen.findByText('供电');
    expect(screen.queryByRole('button', { name: /一键派单/ })).not.toBeInTheDocument();
  });

  it("shows a voice report's transcript with its source, and says when a clip could not be transcribed", async () => {
    const transcribed: TriageItem = {
      ...item,
      id: '01J0000000000000000000000A',
      serialNo: 'HY20260101-0008',
      excerpt: '村里电线杆倒了',
      text: '村里电线杆倒了',
      transcript: '村里电线杆倒了',
      transcriptSource: 'asr',
    };
    const fromPhone: TriageItem = {
      ...transcribed,
      id: '01J0000000000000000000000B',
      serialNo: 'HY20260101-0009',
      text: '路灯坏了',
      excerpt: '路灯坏了',
      transcript: '路灯坏了',
      transcriptSource: 'wechat',
    };
    const silent: TriageItem = {
      ...item,
      id: '01J0000000000000000000000C',
      serialNo: 'HY20260101-0010',
      excerpt: '[语音]',
      text: '[语音]',
    };
    jest
      .spyOn(queueApi, 'triage')
      .mockResolvedValue({ items: [transcribed, fromPhone, silent], total: 3, page: 1, pageSize: 20 });
    render(<TriageQueue staff={staff} query={new URLSearchParams()} />);
    const row = (await screen.findByText('HY20260101-0008')).closest('tr') as HTMLElement;
    expect(within(row).getByText('村里电线杆倒了')).toBeInTheDocument();
    expect(within(row).getByTestId('transcript-source')).toHaveTextContent('语音转写');
    const phoneRow = screen.getByText('HY20260101-0009').closest('tr') as HTMLElement;
    expect(within(phoneRow).getByTestId('transcript-source')).toHaveTextContent('同声传译');
    const silentRow = screen.getByText('HY20260101-0010').closest('tr') as HTMLElement;
    expect(within(silentRow).getByText('未能转写，请收听语音')).toBeInTheDocument();
    expect(within(silentRow).queryByTestId('transcript-source')).not.toBeInTheDocument();
  });

  it("offers the county the selected reports' township first when they share one", async () => {
    jest.spyOn(api, 'departments').mockResolvedValue([
      { id: '01J0000000000000000000000C', name: '县民政局', level: 'county', regionCode: '610921' },
      { id: '01J0000000000000000000000T', name: '城关镇民政办', level: 'township', regionCode: '610921100' },
    ]);
    const county = { ...(staff as object), username: 'county', role: 'county', regionCode: '610921' } as never;
    render(<TriageQueue staff={county} query={new URLSearchParams()} />);
    await screen.findByText('环境卫生');
    fireEvent.click(document.querySelector('.ant-table-tbody .ant-checkbox-input') as HTMLElement);
    fireEvent.mouseDown(screen.getAllByRole('combobox')[0]);
    await screen.findByText('城关镇民政办');
    const labels = [...document.querySelectorAll('.ant-select-item-group, .ant-select-item-option')].map(
      (node) => node.textContent,
    );
    expect(labels).toEqual(['本镇', '城关镇民政办', '县直', '县民政局']);
  });
});
