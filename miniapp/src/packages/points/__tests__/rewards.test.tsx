import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import { resetStores, serveApi, settle, signIn } from '../../../pages/home/__tests__/fakeApi';
import RewardsPage, { yuan } from '../rewards';
import { OPEN_IN_WECHAT, UPDATE_WECHAT } from '../rewards/merchantTransfer';
import { reward } from './fixtures';

type Wx = { requestMerchantTransfer?: jest.Mock };
const globals = globalThis as { wx?: Wx };

beforeEach(() => {
  resetStores();
  signIn();
});
afterEach(async () => {
  await settle();
  delete globals.wx;
});

describe('我的奖励', () => {
  it('lists rewards with the amount in 元 and offers 确认收款 only while the recipient must confirm', async () => {
    serveApi({
      'GET /me/rewards': () => [
        reward({ amountFen: 5000 }),
        reward({
          kind: 'subsidy',
          kindName: '网格员补贴',
          amountFen: 30050,
          status: 'succeeded',
          statusName: '已到账',
          confirm: null,
        }),
      ],
    });
    render(<RewardsPage />);
    const cards = await screen.findAllByTestId('reward');
    expect(cards[0]).toHaveTextContent('¥ 50.00');
    expect(cards[0]).toHaveTextContent('待收款人确认');
    expect(cards[1]).toHaveTextContent('¥ 300.50');
    expect(cards[1]).toHaveTextContent('已到账');
    expect(screen.getAllByRole('button', { name: /确认收款/ })).toHaveLength(1);
    expect(yuan(10)).toBe('0.10');
  });

  it('in the browser says to open WeChat and asks the server nothing', async () => {
    const calls = serveApi({ 'GET /me/rewards': () => [reward()] });
    render(<RewardsPage />);
    fireEvent.click(await screen.findByRole('button', { name: /确认收款/ }));
    await waitFor(() =>
      expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: OPEN_IN_WECHAT })),
    );
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('in WeChat opens the confirmation with the merchant, app and package, then shows what the server found', async () => {
    process.env.TARO_ENV = 'weapp';
    const waiting = reward();
    const requestMerchantTransfer = jest.fn((options: { success: (result: { errMsg: string }) => void }) =>
      options.success({ errMsg: 'requestMerchantTransfer:ok' }),
    );
    globals.wx = { requestMerchantTransfer };
    const calls = serveApi({
      'GET /me/rewards': () => [waiting],
      [`POST /me/rewards/${waiting.id}/refresh`]: () => ({
        ...waiting,
        status: 'succeeded',
        statusName: '已到账',
        confirm: null,
      }),
    });
    render(<RewardsPage />);
    fireEvent.click(await screen.findByRole('button', { name: /确认收款/ }));
    await waitFor(() => expect(calls.some((call) => call.path === `/me/rewards/${waiting.id}/refresh`)).toBe(true));
    expect(requestMerchantTransfer).toHaveBeenCalledWith(
      expect.objectContaining({
        mchId: '1900000109',
        appId: 'wx1234567890abcdef',
        package: 'ABBQO+oYAAABAAAAAACE1Wyu',
      }),
    );
    expect(await screen.findByText('已到账')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /确认收款/ })).not.toBeInTheDocument();
    expect(taroMock.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '50.00 元已到账，请在微信零钱中查看' }),
    );
  });

  it('when the recipient closes the page without confirming, still asks the server and keeps the button', async () => {
    process.env.TARO_ENV = 'weapp';
    const waiting = reward();
    globals.wx = {
      requestMerchantTransfer: jest.fn((options: { fail: (result: { errMsg: string }) => void }) =>
        options.fail({ errMsg: 'requestMerchantTransfer:fail cancel' }),
      ),
    };
    const calls = serveApi({
      'GET /me/rewards': () => [waiting],
      [`POST /me/rewards/${waiting.id}/refresh`]: () => waiting,
    });
    render(<RewardsPage />);
    fireEvent.click(await screen.findByRole('button', { name: /确认收款/ }));
    await waitFor(() =>
      expect(taroMock.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: '还没有确认收款，可以再点「确认收款」' }),
      ),
    );
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
    expect(screen.getByRole('button', { name: /确认收款/ })).toBeInTheDocument();
  });

  it('in a WeChat too old for the API asks to update it', async () => {
    process.env.TARO_ENV = 'weapp';
    globals.wx = {};
    serveApi({ 'GET /me/rewards': () => [reward()] });
    render(<RewardsPage />);
    fireEvent.click(await screen.findByRole('button', { name: /确认收款/ }));
    await waitFor(() =>
      expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: UPDATE_WECHAT })),
    );
  });

  it('says so when there is nothing yet', async () => {
    serveApi({ 'GET /me/rewards': () => [] });
    render(<RewardsPage />);
    expect(await screen.findByText('还没有奖励')).toBeInTheDocument();
  });
});
