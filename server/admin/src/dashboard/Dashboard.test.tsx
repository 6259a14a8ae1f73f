import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { BreakdownItem, StaffMe, StaffOverview, StaffRanking } from '@minqing/shared';
import type { ChartClick, ChartOption } from './chartOptions';
import { Dashboard } from './Dashboard';
import { statsApi } from './statsApi';
import { FIGURES } from './testFigures';

// jsdom cannot draw a canvas: the wrapper is replaced by a record of what each chart was given.
const mockCharts: Record<string, { option: ChartOption; onClick?: (click: ChartClick) => void }> = {};
jest.mock('./EChart', () => ({
  EChart: (props: { label: string; option: ChartOption; onClick?: (click: ChartClick) => void }) => {
    mockCharts[props.label] = props;
    return <div>{props.label}</div>;
  },
}));
jest.mock('../nav', () => ({ navigate: jest.fn() }));
jest.mock('../households/SupervisionCard', () => ({
  SupervisionCard: ({ month }: { month: string }) => <div>走访督导 {month}</div>,
}));
// 热点研判 and 研判简报 load themselves; their own tests (HotspotsCard, BriefList) cover them.
jest.mock('./HotspotsCard', () => ({ HotspotsCard: () => <div>热点研判</div> }));
jest.mock('./BriefList', () => ({ BriefList: () => <div>研判简报</div> }));
jest.mock('./statsApi', () => ({
  statsApi: { overview: jest.fn(), trends: jest.fn(), breakdown: jest.fn(), ranking: jest.fn() },
  rankingExportPath: (period: { from: string; to: string }) =>
    `/staff/stats/rankings/export?from=${period.from}&to=${period.to}`,
}));
const { navigate } = jest.requireMock<{ navigate: jest.Mock }>('../nav');

const scope = { regionCode: '610921', regionName: '汉阴县', departmentId: null, departmentName: null };
const TODAY = new Date().toISOString().slice(0, 10);

function answer(today: string) {
  const period = { from: `${today.slice(0, 7)}-01`, to: today, scope };
  const overview: StaffOverview = {
    ...period,
    today: { date: today, submitted: 2, received: 1 },
    backlog: 9,
    overdueNow: 5,
    figures: FIGURES,
  };
  const township = (key: string, name: string): BreakdownItem => ({ ...FIGURES, key, name });
  const ranking: StaffRanking = {
    ...period,
    departments: [
      {
        ...FIGURES,
        departmentId: 'DEPT-POWER',
        name: '城关镇供电所',
        level: 'township',
        regionCode: '610921100',
        rank: 1,
        score: 60.5,
      },
    ],
    insufficient: { departments: [] },
    minReceived: 5,
    definitions: [],
  };
  (statsApi.overview as jest.Mock).mockResolvedValue(overview);
  (statsApi.trends as jest.Mock).mockResolvedValue({
    ...period,
    days: [{ date: period.from, received: 1, resolved: 0, overdue: 0 }],
  });
  (statsApi.breakdown as jest.Mock).mockImplementation(async (_period: unknown, by: string) => ({
    ...period,
    by,
    items:
      by === 'category'
        ? [{ ...township('power', '供电') }, { ...FIGURES, key: null, name: '未分类' }]
        : [township('610921100', '城关镇'), township('610921101', '涧池镇')],
  }));
  (statsApi.ranking as jest.Mock).mockResolvedValue(ranking);
  return period;
}

/** What the server grants these roles (server/src/policies/abilities.ts), as far as the dashboard asks. */
const ABILITIES: Partial<Record<StaffMe['role'], StaffMe['abilities']>> = {
  county: ['queue', 'triage', 'stats', 'briefs', 'households', 'supervise'],
  dispatcher: ['queue', 'triage', 'stats', 'briefs', 'households', 'supervise'],
  sysadmin: ['stats', 'config', 'accounts', 'audit'],
};

const staff = (role: StaffMe['role']): StaffMe => ({
  id: 'S1',
  username: role,
  name: '测试',
  role,
  regionCode: '610921',
  abilities: ABILITIES[role] ?? [],
});

describe('the dashboard', () => {
  beforeEach(() => {
    navigate.mockClear();
    for (const key of Object.keys(mockCharts)) delete mockCharts[key];
  });

  it('loads the period in scope and shows the figures as the ranking does', async () => {
    // The first of the month in China may be the last of the previous one in UTC: read it back from the call.
    answer(TODAY);
    render(<Dashboard staff={staff('county')} query={new URLSearchParams()} />);
    expect(await screen.findByText('城关镇供电所')).toBeInTheDocument();
    const period = (statsApi.overview as jest.Mock).mock.calls[0][0];
    expect(period.from.endsWith('-01')).toBe(true);
    expect(statsApi.breakdown).toHaveBeenCalledWith(period, 'township');
    expect(statsApi.ranking).toHaveBeenCalledWith(period);
    expect(screen.getByText('当前超期', { selector: '.ant-statistic-title' }).closest('.ant-card')).toHaveTextContent(
      '5',
    );
    expect(screen.getByText('满意率', { selector: '.ant-statistic-title' }).closest('.ant-card')).toHaveTextContent(
      '66.7%',
    );
    expect(screen.getByText('按镇')).toBeInTheDocument();
    expect(screen.getByText('热点研判')).toBeInTheDocument();
    expect(screen.getByText('研判简报')).toBeInTheDocument();
  });

  it('drills from cards, chart points, slices, bars and ranking rows into the queue', async () => {
    answer(TODAY);
    render(<Dashboard staff={staff('county')} query={new URLSearchParams()} />);
    await screen.findByText('城关镇供电所');
    const { from, to, today } = {
      ...(statsApi.overview as jest.Mock).mock.calls[0][0],
      today: (await (statsApi.overview as jest.Mock).mock.results[0].value).today.date,
    };

    fireEvent.click(screen.getByLabelText('查看当前超期的反映'));
    expect(navigate).toHaveBeenLastCalledWith('queue', { tab: 'overdue' });
    fireEvent.click(screen.getByLabelText('查看今日新增的反映'));
    expect(navigate).toHaveBeenLastCalledWith('queue', { tab: 'all', from: today, to: today });
    fireEvent.click(screen.getByLabelText('查看办结的反映'));
    expect(navigate).toHaveBeenLastCalledWith('queue', {
      tab: 'all',
      figure: 'resolved',
      periodFrom: from,
      periodTo: to,
    });
    // The backlog opens only the open reports, not the finished ones of 全部.
    fireEvent.click(screen.getByLabelText('查看待办积压的反映'));
    expect(navigate).toHaveBeenLastCalledWith('queue', { tab: 'all', figure: 'backlog' });
    // Returns have no queue filter: not clickable.
    expect(screen.queryByLabelText('查看退单的反映')).toBeNull();

    act(() => mockCharts['每日受理、办结、超期趋势'].onClick?.({ seriesId: 'received', dataIndex: 0 }));
    expect(navigate).toHaveBeenLastCalledWith('queue', { tab: 'all', from, to: from });
    act(() => mockCharts.各分类受理件数.onClick?.({ seriesId: 'category', dataIndex: 0 }));
    expect(navigate).toHaveBeenLastCalledWith('queue', { tab: 'all', categoryId: 'power', from, to });
    act(() => mockCharts['各镇受理、办结、超期件数'].onClick?.({ seriesId: 'resolved', dataIndex: 1 }));
    expect(navigate).toHaveBeenLastCalledWith('queue', { tab: 'done', regionCode: '610921101', from, to });

    fireEvent.click(within(document.querySelector('.ant-table-tbody') as HTMLElement).getByText('城关镇供电所'));
    expect(navigate).toHaveBeenLastCalledWith('queue', { tab: 'all', departmentId: 'DEPT-POWER', from, to });
  });

  it('shows a sysadmin the figures without drill-down, since no queue is theirs', async () => {
    answer(TODAY);
    render(<Dashboard staff={staff('sysadmin')} query={new URLSearchParams()} />);
    await screen.findByText('城关镇供电所');
    expect(document.querySelectorAll('[aria-label^="查看"]')).toHaveLength(0);
    expect(mockCharts['每日受理、办结、超期趋势'].onClick).toBeUndefined();
    fireEvent.click(screen.getByText('城关镇供电所'));
    expect(navigate).not.toHaveBeenCalled();
    // Hot spots are figures; the weekly briefs are the county centre's and dispatchers'.
    expect(screen.getByText('热点研判')).toBeInTheDocument();
    expect(screen.queryByText('研判简报')).toBeNull();
  });

  it("splits a township's scope by village and shows the server's message on failure", async () => {
    answer(TODAY);
    const { unmount } = render(
      <Dashboard staff={{ ...staff('dispatcher'), regionCode: '610921100' }} query={new URLSearchParams()} />,
    );
    await screen.findByText('城关镇供电所');
    expect(statsApi.breakdown).toHaveBeenLastCalledWith(expect.anything(), 'village');
    expect(screen.getByText('按村（社区）')).toBeInTheDocument();
    unmount();

    (statsApi.trends as jest.Mock).mockRejectedValue(new Error('不能查看其他地区的统计'));
    render(<Dashboard staff={staff('county')} query={new URLSearchParams()} />);
    expect(await screen.findByText('不能查看其他地区的统计')).toBeInTheDocument();
  });
});
