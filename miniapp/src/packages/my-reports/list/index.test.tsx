import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReportSummary } from '@minqing/shared';
import { fixClock } from '../../../../test/clock';
import { taroMock } from '../../../../test/mocks/taro';
import { STORAGE_KEYS } from '../../../services/storage';
import MyReportsPage, { EMPTY_TEXT, PAGE_SIZE } from '.';

const summary = (index: number, overrides: Partial<ReportSummary> = {}): ReportSummary => ({
  id: `01REPORT${String(index).padStart(18, '0')}`,
  serialNo: `HY20261122-${String(index).padStart(4, '0')}`,
  status: 'dispatched',
  statusName: '已分派',
  serviceCode: 'direct',
  villageCode: '610921100201',
  villageName: '五一村',
  excerpt: `第${index}件事`,
  category: null,
  department: { id: 'D1', name: '城关镇供电所' },
  tier: 'general',
  submittedAt: '2026-11-22T04:28:33.102Z',
  responseDueAt: null,
  resolveDueAt: '2026-11-25T08:00:00.000Z',
  rating: null,
  ...overrides,
});

const page = (items: ReportSummary[], total: number, pageNo = 1) => ({
  statusCode: 200,
  header: {},
  data: { items, total, page: pageNo, pageSize: PAGE_SIZE },
});

fixClock('2026-11-23T10:00:00+08:00');
beforeEach(() => taroMock.storage.set(STORAGE_KEYS.token, 'tok'));

describe('我反映的问题', () => {
  it('when empty, says what to do and leads to 民情直达', async () => {
    taroMock.request.mockResolvedValueOnce(page([], 0));
    render(<MyReportsPage />);
    expect(await screen.findByText(EMPTY_TEXT)).toBeInTheDocument();
    expect(EMPTY_TEXT).toBe('还没有反映过问题，点「我要反映」试试');
    fireEvent.click(screen.getByText('我要反映'));
    expect(taroMock.switchTab).toHaveBeenCalledWith({ url: '/pages/report/index' });
  });

  it('shows each report with its status in the citizen’s words, the department and the due date', async () => {
    taroMock.request.mockResolvedValueOnce(
      page(
        [
          summary(1, { status: 'resolved', statusName: '已办结，请评价', resolveDueAt: null }),
          summary(2),
          summary(3, { status: 'submitted', statusName: '已收到', department: null, resolveDueAt: null }),
        ],
        3,
      ),
    );
    render(<MyReportsPage />);
    const rows = await screen.findAllByTestId('report-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('已办结，请评价');
    expect(rows[1]).toHaveTextContent('已分派');
    expect(rows[1]).toHaveTextContent('承办：城关镇供电所');
    expect(rows[1]).toHaveTextContent('预计 11月25日前办结');
    expect(rows[2]).toHaveTextContent('已收到');
    expect(rows[2]).toHaveTextContent('承办：正在分派给负责部门');
    expect(screen.getByText('没有更多了')).toBeInTheDocument();

    fireEvent.click(rows[1]);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: `/packages/my-reports/detail/index?id=${summary(2).id}` });
  });

  it('loads more page by page', async () => {
    const first = Array.from({ length: PAGE_SIZE }, (_unused, index) => summary(index + 1));
    taroMock.request.mockResolvedValueOnce(page(first, PAGE_SIZE + 1));
    render(<MyReportsPage />);
    expect(await screen.findAllByTestId('report-row')).toHaveLength(PAGE_SIZE);
    taroMock.request.mockResolvedValueOnce(page([summary(PAGE_SIZE + 1)], PAGE_SIZE + 1, 2));
    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('report-row')).toHaveLength(PAGE_SIZE + 1));
    expect((taroMock.request.mock.calls[1][0] as { url: string }).url).toContain('page=2');
    expect(screen.getByText('没有更多了')).toBeInTheDocument();
  });

  it('pull-down refresh reloads the first page', async () => {
    taroMock.request.mockResolvedValueOnce(page([summary(1)], 1));
    render(<MyReportsPage />);
    await screen.findAllByTestId('report-row');
    const refresh = taroMock.usePullDownRefresh.mock.calls.at(-1)?.[0] as () => void;
    taroMock.request.mockResolvedValueOnce(page([summary(1, { status: 'accepted', statusName: '处理中' })], 1));
    act(() => refresh());
    await waitFor(() => expect(screen.getByText('处理中')).toBeInTheDocument());
    expect(taroMock.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('a failed load says why and offers to retry', async () => {
    taroMock.request.mockRejectedValueOnce(new Error('request:fail'));
    render(<MyReportsPage />);
    expect(await screen.findByText('网络不给力，请稍后再试')).toBeInTheDocument();
    taroMock.request.mockResolvedValueOnce(page([summary(1)], 1));
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findAllByTestId('report-row')).toHaveLength(1);
  });
});
