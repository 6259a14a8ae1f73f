import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import {
  REGION_TREE,
  citizen,
  page,
  resetStores,
  serveApi,
  settle,
  signIn,
} from '../../../pages/home/__tests__/fakeApi';
import MePage from '../../../pages/me';
import PointsPage from '../balance';
import RedemptionsPage from '../redemptions';
import ShopPage from '../shop';
import { entry, redemption, shopItem } from './fixtures';

const conflict = (message: string) => ({
  status: 409,
  body: { error: { code: 'conflict', message, field: 'itemId' } },
});

beforeEach(() => {
  resetStores();
  signIn();
});
afterEach(() => settle());

describe('我的积分', () => {
  it('is reached from 我的, with the shop, my redemptions and my rewards', async () => {
    serveApi({
      'GET /me': () => citizen(),
      'GET /messages': () => ({ ...page([]), unread: 0 }),
      'GET /regions': () => REGION_TREE,
    });
    render(<MePage />);
    await screen.findByText('所在村：城关镇 五一村');
    await settle();
    for (const [label, url] of [
      ['我的积分', '/packages/points/balance/index'],
      ['积分超市', '/packages/points/shop/index'],
      ['我的兑换', '/packages/points/redemptions/index'],
      ['我的奖励', '/packages/points/rewards/index'],
    ]) {
      fireEvent.click(screen.getByRole('button', { name: label }));
      expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url });
    }
  });

  it('shows the balance, the ways to earn and the history with signed points', async () => {
    serveApi({
      'GET /points': () => ({
        balance: 42,
        entries: page(
          [entry({ delta: -30, reason: 'redemption', reasonName: '积分兑换', note: '洗衣粉' }), entry({ delta: 10 })],
          2,
        ),
      }),
    });
    render(<PointsPage />);
    expect(await screen.findByText('42')).toBeInTheDocument();
    const rows = await screen.findAllByTestId('points-entry');
    expect(rows[0]).toHaveTextContent('积分兑换');
    expect(rows[0]).toHaveTextContent('-30');
    expect(rows[1]).toHaveTextContent('反映问题已办结');
    expect(rows[1]).toHaveTextContent('+10');
    expect(screen.getByText('对办理结果进行评价')).toBeInTheDocument();
    expect(screen.getByText('已经到底了')).toBeInTheDocument();
  });

  it('loads the history page by page', async () => {
    const calls = serveApi({
      'GET /points': (request) =>
        request.query.page === '1'
          ? {
              balance: 100,
              entries: page(
                Array.from({ length: 20 }, () => entry()),
                21,
              ),
            }
          : {
              balance: 100,
              entries: page(
                [entry({ reasonName: '志愿服务', reason: 'volunteer', note: '2026-11-20 清扫河道' })],
                21,
                2,
              ),
            },
    });
    render(<PointsPage />);
    expect(await screen.findAllByTestId('points-entry')).toHaveLength(20);
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('2026-11-20 清扫河道')).toBeInTheDocument();
    expect(screen.getAllByTestId('points-entry')).toHaveLength(21);
    expect(calls.map((call) => call.query.page)).toEqual(['1', '2']);
  });

  it('leads to the shop and to my redemptions', async () => {
    serveApi({ 'GET /points': () => ({ balance: 0, entries: page([]) }) });
    render(<PointsPage />);
    expect(await screen.findByText('还没有积分记录')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '积分超市，用积分兑换物品' }));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/packages/points/shop/index' });
  });
});

describe('积分超市', () => {
  it('shows price and stock, and says why an item cannot be taken', async () => {
    serveApi({
      'GET /points/shop': () => [
        shopItem({ name: '洗衣粉', pointsPrice: 30, stock: 5 }),
        shopItem({ name: '电饭煲', pointsPrice: 500, stock: 2 }),
        shopItem({ name: '食用油', pointsPrice: 20, stock: 0 }),
      ],
      'GET /points': () => ({ balance: 40, entries: page([]) }),
    });
    render(<ShopPage />);
    const items = await screen.findAllByTestId('shop-item');
    expect(screen.getByText('我的积分：40')).toBeInTheDocument();
    expect(items[0]).toHaveTextContent('30 积分');
    expect(items[0]).toHaveTextContent('还剩 5 件');
    expect(within(items[0]).getByRole('button', { name: '兑换' })).toHaveAttribute('aria-disabled', 'false');
    expect(within(items[1]).getByRole('button', { name: '积分不足（还差 460 分）' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(within(items[2]).getByRole('button', { name: '已兑完' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('asks before redeeming, reserves the item and leads to the code', async () => {
    const item = shopItem({ name: '洗衣粉', pointsPrice: 30 });
    const calls = serveApi({
      'GET /points/shop': () => [item],
      'GET /points': () => ({ balance: 40, entries: page([]) }),
      'POST /points/redemptions': () => ({ status: 201, body: redemption({ code: '20261122' }) }),
    });
    render(<ShopPage />);
    const [card] = await screen.findAllByTestId('shop-item');

    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(within(card).getByRole('button', { name: '兑换' }));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(taroMock.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '确认兑换', content: expect.stringContaining('将使用 30 积分') }),
    );
    await settle();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    fireEvent.click(within(card).getByRole('button', { name: '兑换' }));
    await waitFor(() => expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1));
    expect(calls.find((call) => call.method === 'POST')?.data).toEqual({ itemId: item.id });
    await waitFor(() =>
      expect(taroMock.showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '兑换成功',
          content: expect.stringContaining('兑换码 20261122'),
          confirmText: '看兑换码',
          cancelText: '继续逛逛',
        }),
      ),
    );
    await waitFor(() =>
      expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/packages/points/redemptions/index' }),
    );
    expect(taroMock.showModal).not.toHaveBeenCalledWith(expect.objectContaining({ title: '没有兑换成功' }));
  });

  it('never calls a redemption that went through a failure, even when the success dialog cannot open', async () => {
    serveApi({
      'GET /points/shop': () => [shopItem({ name: '洗衣粉', pointsPrice: 30 })],
      'GET /points': () => ({ balance: 40, entries: page([]) }),
      'POST /points/redemptions': () => ({ status: 201, body: redemption({ code: '20261122' }) }),
    });
    render(<ShopPage />);
    const [card] = await screen.findAllByTestId('shop-item');
    taroMock.showModal
      .mockResolvedValueOnce({ confirm: true, cancel: false })
      .mockRejectedValueOnce({ errMsg: 'showModal:fail' });
    fireEvent.click(within(card).getByRole('button', { name: '兑换' }));
    // Straight to 我的兑换, where the code is.
    await waitFor(() =>
      expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/packages/points/redemptions/index' }),
    );
    expect(taroMock.showModal).toHaveBeenCalledTimes(2);
    expect(taroMock.showModal).not.toHaveBeenCalledWith(expect.objectContaining({ title: '没有兑换成功' }));
  });

  it('shows the server’s reason when the points ran short or the stock ran out meanwhile', async () => {
    serveApi({
      'GET /points/shop': () => [shopItem({ pointsPrice: 30 })],
      'GET /points': () => ({ balance: 40, entries: page([]) }),
      'POST /points/redemptions': () => conflict('该商品已兑完'),
    });
    render(<ShopPage />);
    const [card] = await screen.findAllByTestId('shop-item');
    fireEvent.click(within(card).getByRole('button', { name: '兑换' }));
    await waitFor(() =>
      expect(taroMock.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '没有兑换成功', content: '该商品已兑完' }),
      ),
    );
  });

  it('asks a citizen without a village to choose one first', async () => {
    signIn(citizen({ villageCode: null }));
    serveApi({ 'GET /points/shop': () => [], 'GET /points': () => ({ balance: 0, entries: page([]) }) });
    render(<ShopPage />);
    await settle();
    expect(screen.getByText('请先选择您所在的村（社区）')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '去选择' }));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/packages/profile/edit/index' });
  });
});

describe('我的兑换', () => {
  it('shows a reserved redemption’s code large and as a QR code; others without a code', async () => {
    serveApi({
      'GET /points/redemptions': () =>
        page([
          redemption({ code: '12345678' }),
          redemption({
            status: 'fulfilled',
            code: '87654321',
            fulfilledAt: '2026-11-23T02:00:00.000Z',
            allowedActions: [],
          }),
          redemption({
            status: 'cancelled',
            code: '11112222',
            cancelledAt: '2026-11-23T02:00:00.000Z',
            allowedActions: [],
          }),
        ]),
    });
    render(<RedemptionsPage />);
    const cards = await screen.findAllByTestId('redemption');
    expect(within(cards[0]).getByText('1234 5678')).toBeInTheDocument();
    expect(within(cards[0]).getByText('待领取')).toBeInTheDocument();
    expect(within(cards[0]).getByRole('img', { name: '兑换码 12345678 的二维码' })).toHaveAttribute(
      'data-modules',
      '21',
    );
    expect(cards[1]).toHaveTextContent('已领取');
    expect(cards[1]).not.toHaveTextContent('8765 4321');
    expect(within(cards[1]).queryByRole('img')).not.toBeInTheDocument();
    expect(cards[2]).toHaveTextContent('已取消，30 积分已退回');
  });

  it('cancels only after confirmation and shows the list as it now stands', async () => {
    const reserved = redemption();
    let cancelled = false;
    const calls = serveApi({
      'GET /points/redemptions': () =>
        page([cancelled ? { ...reserved, status: 'cancelled', allowedActions: [] } : reserved]),
      [`POST /points/redemptions/${reserved.id}/cancel`]: () => {
        cancelled = true;
        return { ...reserved, status: 'cancelled', allowedActions: [] };
      },
    });
    render(<RedemptionsPage />);
    await screen.findByText('1234 5678');
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByRole('button', { name: '取消兑换，积分会退回' }));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    await settle();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '取消兑换，积分会退回' }));
    await waitFor(() => expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1));
    await waitFor(() => expect(screen.getByText('已取消，30 积分已退回')).toBeInTheDocument());
    expect(screen.queryByText('1234 5678')).not.toBeInTheDocument();
  });

  it('offers 取消兑换 only where the server allows it', async () => {
    serveApi({ 'GET /points/redemptions': () => page([redemption({ code: '12345678', allowedActions: [] })]) });
    render(<RedemptionsPage />);
    await screen.findByText('1234 5678');
    expect(screen.queryByRole('button', { name: '取消兑换，积分会退回' })).not.toBeInTheDocument();
  });
});
