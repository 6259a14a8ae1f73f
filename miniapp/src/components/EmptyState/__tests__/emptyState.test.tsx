import { fireEvent, render, screen } from '@testing-library/react';
import EmptyState, { ErrorBlock, ListFooter, LoadingBlock } from '../index';

describe('EmptyState and friends', () => {
  it('says what is missing and what to do, with a button for it', () => {
    const act = jest.fn();
    render(
      <EmptyState title="还没有反映过问题" hint="点「我要反映」试试" action={{ label: '我要反映', onClick: act }} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('还没有反映过问题');
    expect(screen.getByText('点「我要反映」试试')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '我要反映' }));
    expect(act).toHaveBeenCalledTimes(1);
  });

  it('shows loading in words, errors with a retry, and the list footer states', () => {
    const retry = jest.fn();
    const more = jest.fn();
    const { rerender } = render(<LoadingBlock />);
    expect(screen.getByRole('status')).toHaveTextContent('正在加载，请稍候…');

    rerender(<ErrorBlock message="网络不给力，请稍后再试" onRetry={retry} />);
    expect(screen.getByText('网络不给力，请稍后再试')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(retry).toHaveBeenCalled();

    rerender(<ListFooter state="idle" onLoadMore={more} />);
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(more).toHaveBeenCalled();
    rerender(<ListFooter state="error" errorMessage="加载失败" onLoadMore={more} />);
    expect(screen.getByRole('button', { name: '再试一次' })).toBeInTheDocument();
    rerender(<ListFooter state="end" onLoadMore={more} />);
    expect(screen.getByText('已经到底了')).toBeInTheDocument();
  });
});
