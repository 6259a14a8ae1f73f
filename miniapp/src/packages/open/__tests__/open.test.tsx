import { fireEvent, render, screen, within } from '@testing-library/react';
import type { PublicReport, RankingsResponse } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import HomePage from '../../../pages/home';
import NoticesPage from '../../../pages/notices';
import {
  REGION_TREE,
  VILLAGE,
  citizen,
  page,
  resetStores,
  serveApi,
  settle,
  signIn,
} from '../../../pages/home/__tests__/fakeApi';
import BoardPage from '../board';
import RankingPage, { duration, monthsBefore, percent } from '../ranking';

const figures = (overrides: Partial<RankingsResponse['departments'][number]> = {}) => ({
  received: 12,
  responded: 11,
  responseRate: 11 / 12,
  resolved: 10,
  resolvedOnTime: 9,
  onTimeRate: 0.9,
  resolvedRate: 10 / 12,
  rated: 8,
  satisfied: 7,
  satisfactionRate: 0.875,
  visitRated: 0,
  visitSatisfied: 0,
  visitSatisfactionRate: null,
  meanHoursToResolve: 30,
  overdue: 1,
  returns: 0,
  repeatComplaints: 0,
  ...overrides,
});

function ranking(month: string): RankingsResponse {
  return {
    month,
    from: `${month}-01T00:00:00.000Z`,
    to: `${month}-28T00:00:00.000Z`,
    generatedAt: '2026-11-20T02:00:00.000Z',
    departments: [
      {
        ...figures(),
        departmentId: '01JPOWER000000000000000000',
        name: '城关镇供电所',
        level: 'township',
        regionCode: '610921100',
        rank: 1,
        score: 88.5,
      },
      {
        ...figures({ received: 6, resolvedRate: 0.5, meanHoursToResolve: 96 }),
        departmentId: '01JWATER000000000000000000',
        name: '城关镇水务站',
        level: 'township',
        regionCode: '610921100',
        rank: 2,
        score: 61,
      },
    ],
    townships: [
      { ...figures({ received: 18 }), regionCode: '610921100', name: '城关镇', level: 'township', rank: 1, score: 80 },
    ],
    counties: [],
    insufficient: {
      departments: [
        {
          ...figures({ received: 2, satisfactionRate: null, meanHoursToResolve: null }),
          departmentId: '01JCIVIL000000000000000000',
          name: '县民政局',
          level: 'county',
          regionCode: '610921',
        },
      ],
      townships: [],
      counties: [],
    },
    minReceived: 5,
    definitions: [
      { figure: 'score', label: '综合得分', howComputed: '满意率占 40%，按时办结率占 30%……受理不足 5 件的不参与排名' },
      { figure: 'resolvedRate', label: '办结率', howComputed: '已办结的件数 ÷ 受理的件数' },
      { figure: 'onTimeRate', label: '按时办结率', howComputed: '在办结时限内办结的件数 ÷ 已办结的件数' },
      { figure: 'satisfactionRate', label: '满意率', howComputed: '群众评 4、5 星的件数 ÷ 群众评价的件数' },
      { figure: 'meanHoursToResolve', label: '平均办结时长', howComputed: '从派到部门到办结的平均小时数' },
      { figure: 'overdue', label: '超期', howComputed: '超过办结时限仍未办结的件数' },
    ],
  };
}

function boardReport(overrides: Partial<PublicReport> = {}): PublicReport {
  return {
    serialNo: 'HY20261110-0001',
    excerpt: '村口电线杆倾斜，存在安全隐患，请尽快处理',
    text: '村口电线杆倾斜，存在安全隐患，请尽快处理',
    status: 'resolved',
    state: 'resolved',
    category: { code: 'power', name: '供电' },
    department: { id: '01JPOWER000000000000000000', name: '城关镇供电所' },
    village: { code: VILLAGE, name: '五一村' },
    township: { code: '610921100', name: '城关镇' },
    photos: [{ url: '/api/v1/media/01JPHOTO000000000000000000?expires=1&signature=x' }],
    createdAt: '2026-11-10T02:00:00.000Z',
    updatedAt: '2026-11-12T02:00:00.000Z',
    dueAt: '2026-11-19T02:00:00.000Z',
    resolvedAt: '2026-11-12T02:00:00.000Z',
    answer: { text: '已更换电线杆并加固拉线，线路恢复正常。', at: '2026-11-12T02:00:00.000Z' },
    ...overrides,
  };
}

beforeEach(() => {
  resetStores();
});
afterEach(() => settle());

describe('排行榜', () => {
  it('is reached from 首页 without signing in', async () => {
    signIn();
    serveApi({ 'GET /notices': () => page([]), 'GET /articles': () => page([]) });
    render(<HomePage />);
    fireEvent.click(screen.getByRole('button', { name: '排行榜' }));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/open/ranking/index' });
    fireEvent.click(screen.getByRole('button', { name: '本村动态' }));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/open/board/index' });
  });

  it('shows this month’s departments with their figures, those with too few reports apart, and each figure explained', async () => {
    const calls = serveApi({ 'GET /public/rankings': () => ranking('2026-11') });
    render(<RankingPage />);
    const rows = await screen.findAllByTestId('ranking-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('1城关镇供电所受理 12 件');
    expect(rows[0]).toHaveTextContent('办结率 83.3%');
    expect(rows[0]).toHaveTextContent('按时办结率 90%');
    expect(rows[0]).toHaveTextContent('满意率 87.5%');
    expect(rows[0]).toHaveTextContent('平均办结 30 小时');
    expect(rows[1]).toHaveTextContent('平均办结 4 天');
    const apart = screen.getByRole('list', { name: '样本不足' });
    expect(apart).toHaveTextContent('受理不足 5 件，暂不排名');
    expect(within(apart).getByText('县民政局')).toBeInTheDocument();
    const explained = screen.getByRole('region', { name: '各项指标怎么算' });
    expect(explained).toHaveTextContent('办结率：已办结的件数 ÷ 受理的件数');
    expect(explained).toHaveTextContent('满意率：群众评 4、5 星');
    expect(explained).not.toHaveTextContent('超期');
    // No token is asked for: the ranking is public.
    expect(calls[0]).toMatchObject({ path: '/public/rankings', query: {} });
    expect(taroMock.request.mock.calls[0][0].header?.Authorization).toBeUndefined();
  });

  it('switches months, counting back from the server’s current month', async () => {
    const calls = serveApi({ 'GET /public/rankings': (request) => ranking(request.query.month ?? '2026-11') });
    render(<RankingPage />);
    const months = await screen.findAllByRole('tab', { name: /年/ });
    expect(months.map((tab) => tab.textContent)).toEqual([
      '2026年11月',
      '2026年10月',
      '2026年9月',
      '2026年8月',
      '2026年7月',
      '2026年6月',
    ]);
    expect(months[0]).toHaveAttribute('aria-selected', 'true');
    fireEvent.click(screen.getByRole('tab', { name: '2026年9月' }));
    await settle();
    expect(calls.at(-1)?.query).toEqual({ month: '2026-09' });
    expect(screen.getByRole('tab', { name: '2026年9月' })).toHaveAttribute('aria-selected', 'true');
  });

  it('shows townships on their own tab', async () => {
    serveApi({ 'GET /public/rankings': () => ranking('2026-11') });
    render(<RankingPage />);
    await screen.findAllByTestId('ranking-row');
    fireEvent.click(screen.getByRole('tab', { name: '乡镇' }));
    const rows = screen.getAllByTestId('ranking-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('城关镇受理 18 件');
  });

  it('opens a department’s trend of the last months on tap', async () => {
    const calls = serveApi({
      'GET /public/rankings': () => ranking('2026-11'),
      'GET /public/rankings/trend': (request) => ({
        departmentId: request.query.departmentId,
        name: '城关镇供电所',
        minReceived: 5,
        months: [
          {
            month: '2026-10',
            received: 3,
            resolvedRate: 1,
            onTimeRate: 1,
            satisfactionRate: null,
            meanHoursToResolve: 20,
            insufficient: true,
            rank: null,
          },
          {
            month: '2026-11',
            received: 12,
            resolvedRate: 0.8,
            onTimeRate: 0.9,
            satisfactionRate: 0.875,
            meanHoursToResolve: 30,
            insufficient: false,
            rank: 1,
          },
        ],
      }),
    });
    render(<RankingPage />);
    await screen.findAllByTestId('ranking-row');
    fireEvent.click(screen.getAllByRole('button', { expanded: false })[0]);
    const trend = await screen.findByTestId('trend');
    const months = within(trend).getAllByTestId('trend-month');
    expect(months[0]).toHaveTextContent('2026年10月受理 3 件办结率 100%满意率 —样本不足');
    expect(months[1]).toHaveTextContent('2026年11月受理 12 件办结率 80%满意率 87.5%第 1 名');
    expect(calls.at(-1)).toMatchObject({
      path: '/public/rankings/trend',
      query: { departmentId: '01JPOWER000000000000000000', month: '2026-11', months: '6' },
    });
    fireEvent.click(screen.getByRole('button', { expanded: true }));
    expect(screen.queryByTestId('trend')).not.toBeInTheDocument();
  });

  it('says so when the ranking cannot be loaded, and retries', async () => {
    let fail = true;
    serveApi({
      'GET /public/rankings': () =>
        fail ? { status: 503, body: { error: { code: 'internal', message: '服务暂时不可用' } } } : ranking('2026-11'),
    });
    render(<RankingPage />);
    expect(await screen.findByText('服务暂时不可用')).toBeInTheDocument();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findAllByTestId('ranking-row')).toHaveLength(3);
  });

  it('formats its figures', () => {
    expect(percent(null)).toBe('—');
    expect(percent(2 / 3)).toBe('66.7%');
    expect(duration(47)).toBe('47 小时');
    expect(duration(60)).toBe('2.5 天');
    expect(monthsBefore('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});

describe('本村动态', () => {
  it('is reached from 政务村务', async () => {
    signIn();
    serveApi({ 'GET /notices': () => page([]), 'GET /regions': () => REGION_TREE, 'GET /me': () => citizen() });
    render(<NoticesPage />);
    fireEvent.click(await screen.findByRole('link', { name: /本村动态/ }));
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/open/board/index' });
  });

  it('lists my village’s public reports with category, department, dates, photos and the department’s answer', async () => {
    signIn();
    const calls = serveApi({
      'GET /regions': () => REGION_TREE,
      'GET /public/reports': () =>
        page(
          [
            boardReport({
              serialNo: 'HY20261118-0003',
              status: 'accepted',
              state: 'open',
              answer: null,
              resolvedAt: null,
              photos: [],
            }),
            boardReport(),
          ],
          2,
          1,
          10,
        ),
    });
    render(<BoardPage />);
    const cards = await screen.findAllByTestId('board-report');
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveTextContent('处理中');
    expect(cards[0]).toHaveTextContent('前办结');
    expect(within(cards[0]).queryByTestId('board-answer')).not.toBeInTheDocument();
    expect(cards[1]).toHaveTextContent('已办结');
    expect(cards[1]).toHaveTextContent('供电');
    expect(cards[1]).toHaveTextContent('办理部门：城关镇供电所');
    expect(within(cards[1]).getByTestId('board-answer')).toHaveTextContent(
      '城关镇供电所答复：已更换电线杆并加固拉线，线路恢复正常。',
    );
    expect(cards[1]).not.toHaveTextContent('请评价');
    expect(within(cards[1]).getByLabelText('现场照片')).toBeInTheDocument();
    expect(calls.find((call) => call.path === '/public/reports')?.query).toEqual({
      villageCode: VILLAGE,
      page: '1',
      pageSize: '10',
    });
    expect(screen.getByText('已经到底了')).toBeInTheDocument();
  });

  it('filters 办理中 and 已办结', async () => {
    signIn();
    const calls = serveApi({
      'GET /regions': () => REGION_TREE,
      'GET /public/reports': () => page([boardReport()], 1, 1, 10),
    });
    render(<BoardPage />);
    await screen.findAllByTestId('board-report');
    fireEvent.click(screen.getByRole('tab', { name: '已办结' }));
    await settle();
    expect(calls.filter((call) => call.path === '/public/reports').at(-1)?.query).toMatchObject({ status: 'resolved' });
    fireEvent.click(screen.getByRole('tab', { name: '办理中' }));
    await settle();
    expect(calls.filter((call) => call.path === '/public/reports').at(-1)?.query).toMatchObject({ status: 'open' });
  });

  it('says what to do when the village has nothing public yet', async () => {
    signIn();
    serveApi({ 'GET /regions': () => REGION_TREE, 'GET /public/reports': () => page([], 0, 1, 10) });
    render(<BoardPage />);
    expect(await screen.findByText('本村近 90 天还没有公开的反映')).toBeInTheDocument();
    fireEvent.click(screen.getByText('我要反映'));
    expect(taroMock.switchTab).toHaveBeenLastCalledWith({ url: '/pages/report/index' });
  });

  it('asks for the village first', async () => {
    signIn(citizen({ villageCode: null }));
    const calls = serveApi({ 'GET /regions': () => REGION_TREE });
    render(<BoardPage />);
    expect(await screen.findByText('请先选择您所在的村（社区）')).toBeInTheDocument();
    expect(calls.some((call) => call.path === '/public/reports')).toBe(false);
  });

  it('shows a failure with 重新加载', async () => {
    signIn();
    serveApi({
      'GET /regions': () => REGION_TREE,
      'GET /public/reports': () => ({
        status: 400,
        body: { error: { code: 'bad_request', message: '请选择正确的村(社区)' } },
      }),
    });
    render(<BoardPage />);
    expect(await screen.findByText('请选择正确的村(社区)')).toBeInTheDocument();
    expect(screen.getByText('重新加载')).toBeInTheDocument();
  });
});
