import { fireEvent, render, screen } from '@testing-library/react';
import { taroMock } from '../../../../test/mocks/taro';
import NotFoundPage from '../../../packages/errors/not-found';
import PageHeader, { withPageHeader } from '../index';

const history = (depth: number) =>
  taroMock.getCurrentPages.mockReturnValue(Array.from({ length: depth }, (_, index) => ({ route: `page-${index}` })));

describe('PageHeader: a title and a way back on every page that is not a tab (H5)', () => {
  it('goes back to the page that opened this one', () => {
    history(2);
    render(<PageHeader title="反映详情" />);
    expect(screen.getByRole('heading')).toHaveTextContent('反映详情');
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    expect(taroMock.navigateBack).toHaveBeenCalledTimes(1);
    expect(taroMock.reLaunch).not.toHaveBeenCalled();
  });

  it('a page opened straight from a link offers 返回首页', () => {
    history(1);
    render(<PageHeader title="通知详情" />);
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }));
    expect(taroMock.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
    expect(taroMock.navigateBack).not.toHaveBeenCalled();
  });

  it('leaves the title bar to WeChat in the mini-program', () => {
    process.env.TARO_ENV = 'weapp';
    const { container } = render(<PageHeader title="我的消息" />);
    expect(container).toBeEmptyDOMElement();
  });

  it('withPageHeader shows the bar above the page', () => {
    history(2);
    const Page = withPageHeader(() => <p>页面内容</p>, '我的积分');
    render(<Page />);
    expect(screen.getByRole('banner')).toHaveTextContent('我的积分');
    expect(screen.getByText('页面内容')).toBeInTheDocument();
  });
});

describe('页面不存在', () => {
  it('says the page does not exist and takes the villager home', () => {
    render(<NotFoundPage />);
    expect(screen.getByText('页面不存在')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }));
    expect(taroMock.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });
});
