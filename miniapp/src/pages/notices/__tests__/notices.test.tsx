import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Notice } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { mergeNotices, pinnedFirst } from '../../../components/NoticeCard';
import {
  REGION_TREE,
  VILLAGE,
  citizen,
  notice,
  page,
  resetStores,
  serveApi,
  settle,
  signIn,
} from '../../home/__tests__/fakeApi';
import NoticesPage from '../index';

const board = {
  party: notice({
    title: '五一村党支部关于开展主题党日活动的通知',
    category: 'party',
    categoryName: '党务公开',
    publishedAt: '2026-11-19T02:00:00.000Z',
  }),
  finance: notice({
    title: '五一村村级财务收支情况公开',
    category: 'finance',
    categoryName: '财务公开',
    publishedAt: '2026-11-21T02:00:00.000Z',
  }),
  pinned: notice({
    title: '“321 民情在线”小程序正式上线',
    category: 'government',
    categoryName: '政务公告',
    pinned: true,
    regionName: '汉阴县',
    publishedAt: '2026-11-10T02:00:00.000Z',
  }),
};

/** The server's board, in an order that does NOT put the pinned notice first: the page must. */
function serveBoard(items: Notice[] = [board.finance, board.party, board.pinned]) {
  return serveApi({
    'GET /notices': (request) => {
      const shown = request.query.category ? items.filter((item) => item.category === request.query.category) : items;
      return page(shown, shown.length, 1, Number(request.query.pageSize));
    },
    'GET /regions': () => REGION_TREE,
  });
}

const noticeCards = () => Array.from(document.querySelectorAll<HTMLElement>('.notice-card'));
const titles = () => noticeCards().map((card) => card.getAttribute('aria-label'));

describe('政务村务', () => {
  beforeEach(() => resetStores());

  it('puts pinned notices first, with a 置顶 mark', async () => {
    signIn();
    serveBoard();
    render(<NoticesPage />);
    await screen.findByText('城关镇 五一村 公告栏');
    const cards = noticeCards();
    expect(cards).toHaveLength(3);
    expect(cards[0]).toHaveTextContent('“321 民情在线”小程序正式上线');
    expect(within(cards[0]).getByText('置顶')).toBeInTheDocument();
    expect(within(cards[1]).queryByText('置顶')).not.toBeInTheDocument();
    expect(titles().slice(1)).toEqual([
      '财务公开，五一村村级财务收支情况公开',
      '党务公开，五一村党支部关于开展主题党日活动的通知',
    ]);
    fireEvent.click(cards[1]);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: `/packages/notices/detail/index?id=${board.finance.id}` });
  });

  it('filters by category tab, and 全部 shows every notice again', async () => {
    signIn();
    const calls = serveBoard();
    render(<NoticesPage />);
    await screen.findByText('五一村村级财务收支情况公开');
    const tabs = screen.getAllByRole('tab').map((tab) => tab.textContent);
    expect(tabs).toEqual(['全部', '党务公开', '村务公开', '财务公开', '政务公告']);

    fireEvent.click(screen.getByRole('tab', { name: '财务公开' }));
    await waitFor(() => expect(titles()).toEqual(['财务公开，五一村村级财务收支情况公开']));
    expect(screen.getByRole('tab', { name: '财务公开' })).toHaveAttribute('aria-selected', 'true');
    expect(calls.filter((call) => call.path === '/notices').pop()?.query).toMatchObject({
      category: 'finance',
      page: '1',
    });

    fireEvent.click(screen.getByRole('tab', { name: '全部' }));
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(calls.filter((call) => call.path === '/notices').pop()?.query.category).toBeUndefined();
  });

  it('says what to do when a category is empty', async () => {
    signIn();
    serveBoard();
    render(<NoticesPage />);
    await screen.findByText('五一村村级财务收支情况公开');
    fireEvent.click(screen.getByRole('tab', { name: '村务公开' }));
    expect(await screen.findByText('暂时没有村务公开')).toBeInTheDocument();
    expect(screen.getByText('可以点「全部」看看其他公告，或下拉刷新')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '看全部公告' }));
    await waitFor(() => expect(titles()).toHaveLength(3));
  });

  it('loads more pages on demand and refreshes on pull-down', async () => {
    signIn();
    const many = Array.from({ length: 12 }, (_, index) =>
      notice({
        title: `通知${index + 1}`,
        publishedAt: `2026-11-${String(20 - index).padStart(2, '0')}T02:00:00.000Z`,
      }),
    );
    const calls = serveApi({
      'GET /notices': (request) => {
        const size = Number(request.query.pageSize);
        const from = (Number(request.query.page) - 1) * size;
        return page(many.slice(from, from + size), many.length, Number(request.query.page), size);
      },
      'GET /regions': () => REGION_TREE,
    });
    render(<NoticesPage />);
    await screen.findByText('通知1');
    expect(titles()).toHaveLength(10);
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    await screen.findByText('通知12');
    expect(titles()).toHaveLength(12);
    expect(screen.getByText('已经到底了')).toBeInTheDocument();

    const pullDown = taroMock.usePullDownRefresh.mock.calls.at(-1)?.[0] as () => void;
    await act(async () => pullDown());
    await waitFor(() => expect(taroMock.stopPullDownRefresh).toHaveBeenCalled());
    expect(calls.filter((call) => call.path === '/notices').map((call) => call.query.page)).toEqual(['1', '2', '1']);
  });

  it('asks for the village first when none is bound', async () => {
    signIn(citizen({ villageCode: null }));
    const calls = serveBoard();
    render(<NoticesPage />);
    expect(screen.getByText('请先选择您所在的村（社区）')).toBeInTheDocument();
    expect(screen.getByText('选好后，这里会显示本村、本镇和全县发布的公告')).toBeInTheDocument();
    expect(screen.getByText('还没有选择村（社区）')).toBeInTheDocument();
    expect(calls.some((call) => call.path === '/notices')).toBe(false);
    await settle();
  });

  it('keeps the village chosen there in the profile, with the same chooser as the report form', async () => {
    signIn(citizen({ villageCode: null }));
    const calls = serveApi({
      'GET /regions': () => REGION_TREE,
      'PATCH /me': () => citizen(),
      'GET /notices': () => page([], 0),
    });
    render(<NoticesPage />);
    fireEvent.click(screen.getByRole('button', { name: '选择' }));
    fireEvent.click(await screen.findByText('城关镇'));
    fireEvent.click(await screen.findByText('五一村'));
    await waitFor(() =>
      expect(calls.find((call) => call.method === 'PATCH' && call.path === '/me')?.data).toEqual({
        villageCode: VILLAGE,
      }),
    );
    await settle();
  });
});

describe('pinnedFirst / mergeNotices', () => {
  it('keeps the server order within pinned and unpinned, and never repeats a notice', () => {
    const a = notice({ title: 'a' });
    const b = notice({ title: 'b', pinned: true });
    const c = notice({ title: 'c' });
    expect(pinnedFirst([a, b, c]).map((item) => item.title)).toEqual(['b', 'a', 'c']);
    expect(mergeNotices([b, a], [a, c]).map((item) => item.title)).toEqual(['b', 'a', 'c']);
    expect(VILLAGE).toBe(citizen().villageCode);
  });
});
