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

  it('shows the top suggestions with confidence and dispatches to the one with a department, never as the primary action below the threshold', async () => {
    const act = jest.spyOn(api, 'act').mockResolvedValue({} as never);
    render(<TriageQueue staff={staff} query={new URLSearchParams()} />);
    expect(await screen.findByText('环境卫生')).toBeInTheDocument();
    expect(screen.getByText('45%（把握不足）')).toBeInTheDocument();
    expect(screen.getByText('→ 无对应部门')).toBeInTheDocument();
    expect(screen.getByText('→ 城关镇供电所')).toBeInTheDocument();
    // Only the suggestion that names a department can be dispatched.
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

  it('puts a confident suggestion forward as the primary 派单', async () => {
    const confident = { ...item, suggestions: [{ ...item.suggestions[1], confidence: 0.8, confident: true }] };
    jest.spyOn(queueApi, 'triage').mockResolvedValue({ items: [confident], total: 1, page: 1, pageSize: 20 });
    render(<TriageQueue staff={staff} query={new URLSearchParams()} />);
    expect(await screen.findByText('80%')).toBeInTheDocument();
    const button = screen.getAllByRole('button', { name: /派\s*单/ }).find((candidate) => candidate.closest('td'));
    expect(button).toHaveClass('ant-btn-primary');
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
