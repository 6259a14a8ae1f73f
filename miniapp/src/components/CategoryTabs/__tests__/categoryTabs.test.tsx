import { fireEvent, render, screen } from '@testing-library/react';
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_NAMES } from '@minqing/shared';
import CategoryTabs, { tabsFrom } from '../index';

describe('CategoryTabs', () => {
  it('lists 全部 then each category, marks the selected one, and reports a new choice only', () => {
    const onChange = jest.fn();
    render(
      <CategoryTabs
        tabs={tabsFrom(NOTICE_CATEGORIES, NOTICE_CATEGORY_NAMES)}
        value="party"
        onChange={onChange}
        label="公告栏目"
      />,
    );
    expect(screen.getByRole('tablist', { name: '公告栏目' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      '全部',
      '党务公开',
      '村务公开',
      '财务公开',
      '政务公告',
    ]);
    expect(screen.getByRole('tab', { name: '党务公开' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: '全部' })).toHaveAttribute('aria-selected', 'false');

    fireEvent.click(screen.getByRole('tab', { name: '党务公开' }));
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('tab', { name: '财务公开' }));
    fireEvent.click(screen.getByRole('tab', { name: '全部' }));
    expect(onChange.mock.calls).toEqual([['finance'], ['']]);
  });
});
