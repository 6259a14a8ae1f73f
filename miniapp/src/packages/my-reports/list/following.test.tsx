import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FollowingItem } from '@minqing/shared';
import { fixClock } from '../../../../test/clock';
import { taroMock } from '../../../../test/mocks/taro';
import { STORAGE_KEYS } from '../../../services/storage';
import MyReportsPage from '.';
import { FOLLOWING_EMPTY, FOLLOWING_PAGE_SIZE } from './FollowingList';

const item = (index: number, overrides: Partial<FollowingItem> = {}): FollowingItem => ({
  id: `01FOLLOW${String(index).padStart(18, '0')}`,
  serialNo: `HY20261122-${String(index).padStart(4, '0')}`,
  excerpt: `村口电线杆倾斜${index}`,
  status: 'accepted',
  statusName: '处理中',
  category: { code: 'power', name: '供电' },
  department: { id: 'D1', name: '城关镇供电所' },
  followers: 3,
  villageName: '五一村',
  submittedAt: '2026-11-22T04:28:33.102Z',
  followedAt: '2026-11-22T06:00:00.000Z',
  ...overrides,
});

type Call = { url: string; method?: string };
const ok = (data: unknown) => Promise.resolve({ statusCode: 200, header: {}, data });
const asked = (path: string) =>
  taroMock.request.mock.calls.map(([call]) => (call as Call).url).filter((url) => url.includes(path));

function serve(following: (page: number) => Promise<unknown>) {
  taroMock.request.mockImplementation((call: Call) => {
    if (call.url.includes('/reports/following')) {
      const page = Number(new URL(call.url, 'http://x').searchParams.get('page') ?? '1');
      return following(page);
    }
    return ok({ items: [], total: 0, page: 1, pageSize: 20 });
  });
}

fixClock('2026-11-23T10:00:00+08:00');
beforeEach(() => {
  taroMock.storage.set(STORAGE_KEYS.token, 'tok');
  taroMock.setRouterParams({});
});

describe('我的反映 · 我关注的', () => {
  it('lists the reports one follows only on its tab, each opening the report', async () => {
    serve(() => ok({ items: [item(1)], total: 1, page: 1, pageSize: FOLLOWING_PAGE_SIZE }));
    render(<MyReportsPage />);
    await waitFor(() => expect(asked('/reports/mine')).toHaveLength(1));
    expect(asked('/reports/following')).toEqual([]);

    fireEvent.click(screen.getByRole('tab', { name: '我关注的' }));
    const rows = await screen.findAllByTestId('following-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('村口电线杆倾斜1');
    expect(rows[0]).toHaveTextContent('3 位村民也遇到');
    expect(rows[0]).toHaveTextContent('处理中');
    expect(rows[0]).toHaveTextContent('承办：城关镇供电所');
    expect(rows[0]).toHaveTextContent('编号 HY20261122-0001');
    expect(screen.getByText('没有更多了')).toBeInTheDocument();
    fireEvent.click(rows[0]);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({
      url: `/packages/my-reports/detail/index?id=${item(1).id}`,
    });
  });

  it('opens on 我关注的 from a link, says what to do when empty', async () => {
    taroMock.setRouterParams({ tab: 'following' });
    serve(() => ok({ items: [], total: 0, page: 1, pageSize: FOLLOWING_PAGE_SIZE }));
    render(<MyReportsPage />);
    expect(await screen.findByText(FOLLOWING_EMPTY)).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '我关注的' })).toHaveAttribute('aria-selected', 'true');
  });

  it('pages on with 加载更多', async () => {
    taroMock.setRouterParams({ tab: 'following' });
    const first = Array.from({ length: FOLLOWING_PAGE_SIZE }, (_, index) => item(index + 1));
    serve((page) =>
      ok({
        items: page === 1 ? first : [item(FOLLOWING_PAGE_SIZE + 1)],
        total: FOLLOWING_PAGE_SIZE + 1,
        page,
        pageSize: FOLLOWING_PAGE_SIZE,
      }),
    );
    render(<MyReportsPage />);
    expect(await screen.findAllByTestId('following-row')).toHaveLength(FOLLOWING_PAGE_SIZE);
    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('following-row')).toHaveLength(FOLLOWING_PAGE_SIZE + 1));
    expect(screen.getByText('没有更多了')).toBeInTheDocument();
  });

  it('says what went wrong and offers 重试', async () => {
    taroMock.setRouterParams({ tab: 'following' });
    let fail = true;
    serve(() =>
      fail
        ? Promise.resolve({
            statusCode: 500,
            header: {},
            data: { error: { code: 'internal_error', message: '服务器开小差了' } },
          })
        : ok({ items: [item(1)], total: 1, page: 1, pageSize: FOLLOWING_PAGE_SIZE }),
    );
    render(<MyReportsPage />);
    expect(await screen.findByText('服务器开小差了')).toBeInTheDocument();
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findAllByTestId('following-row')).toHaveLength(1);
  });
});
