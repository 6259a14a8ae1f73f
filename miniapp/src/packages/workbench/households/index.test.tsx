import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import { answer } from '../../../../test/taroCalls';
import { household, signInGridWorker } from '../testFixtures';
import HouseholdsPage from '.';

type Call = { url: string; header?: Record<string, string> };
const urls = () => taroMock.request.mock.calls.map(([call]) => (call as Call).url);

describe('我的住户', () => {
  it('lists my households with masked phone, tags in Chinese and last visit, and opens one', async () => {
    signInGridWorker();
    taroMock.request.mockImplementation(() =>
      answer(200, {
        items: [
          household(),
          household({ id: '01M81KNHEEZY3C4PCQ1HHZPW41', headName: '张奶奶', tags: [], lastVisitedAt: null }),
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      }),
    );
    render(<HouseholdsPage />);
    expect(await screen.findByText('李大爷')).toBeInTheDocument();
    expect(screen.getAllByText('138****5678')).toHaveLength(2);
    expect(screen.getByText('独居老人')).toBeInTheDocument();
    expect(screen.getByText('低保')).toBeInTheDocument();
    expect(screen.getByText('还没有走访记录')).toBeInTheDocument();
    expect(screen.getByText('已经到底了')).toBeInTheDocument();
    expect(urls()[0]).toContain('/staff/households?page=1&pageSize=20');
    expect((taroMock.request.mock.calls[0][0] as Call).header).toMatchObject({ Authorization: 'Bearer staff-token' });
    fireEvent.click(screen.getByText('李大爷'));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({
      url: `/packages/workbench/household/index?id=${household().id}&name=${encodeURIComponent('李大爷')}&grid=610921100201001&address=${encodeURIComponent('五一村一组 12 号')}`,
    });
  });

  it('loads the next page with 加载更多', async () => {
    signInGridWorker();
    taroMock.request.mockImplementation(() => answer(200, { items: [household()], total: 2, page: 1, pageSize: 20 }));
    render(<HouseholdsPage />);
    await screen.findByText('李大爷');
    taroMock.request.mockImplementation(() =>
      answer(200, {
        items: [household({ id: '01M81KNHEEZY3C4PCQ1HHZPW41', headName: '张奶奶' })],
        total: 2,
        page: 2,
        pageSize: 20,
      }),
    );
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('张奶奶')).toBeInTheDocument();
    expect(urls()).toContainEqual(expect.stringContaining('page=2'));
  });

  it('says when nobody is assigned to me, and sends an expired session to the sign-in', async () => {
    signInGridWorker();
    taroMock.request.mockImplementation(() => answer(200, { items: [], total: 0, page: 1, pageSize: 20 }));
    const { unmount } = render(<HouseholdsPage />);
    expect(await screen.findByText('还没有分给您的住户')).toBeInTheDocument();
    unmount();
    taroMock.request.mockImplementation(() =>
      answer(401, { error: { code: 'unauthorized', message: '登录已失效，请重新登录' } }),
    );
    render(<HouseholdsPage />);
    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalledWith({ url: '/packages/workbench/login/index' }));
  });
});
