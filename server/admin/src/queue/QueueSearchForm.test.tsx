import { fireEvent, render, screen } from '@testing-library/react';
import type { StaffRole } from '@minqing/shared';
import { QueueSearchForm } from './QueueSearchForm';

const dispatcher: StaffRole = 'dispatcher';

const search = (initial: Parameters<typeof QueueSearchForm>[0]['initial']) => {
  const onSearch = jest.fn();
  render(
    <QueueSearchForm
      initial={initial}
      role={dispatcher}
      regionCode="610921100"
      categories={[]}
      departments={[]}
      regions={[]}
      exportPath="/staff/reports/export"
      onSearch={onSearch}
    />,
  );
  return onSearch;
};

describe("the work queue's filter bar", () => {
  it('opens with the filters of the address and searches with them', async () => {
    const onSearch = search({ keyword: '路灯', serialNo: 'HY20260101-0001', from: '2026-01-01', to: '2026-01-31' });
    expect(screen.getByLabelText('关键词')).toHaveValue('路灯');
    expect(screen.getByLabelText('编号')).toHaveValue('HY20260101-0001');

    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await screen.findByRole('button', { name: /查\s*询/ });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onSearch).toHaveBeenLastCalledWith(
      expect.objectContaining({ keyword: '路灯', serialNo: 'HY20260101-0001', from: '2026-01-01', to: '2026-01-31' }),
    );
  });

  it('clears every field on 重置 and searches with none, replacing each filter searched before', () => {
    const onSearch = search({ keyword: '路灯', from: '2026-01-01' });
    fireEvent.click(screen.getByRole('button', { name: /重\s*置/ }));

    expect(screen.getByLabelText('关键词')).toHaveValue('');
    const searched = onSearch.mock.calls.at(-1)?.[0];
    // Each filter is named, empty, so it overwrites the queue's current one.
    expect(Object.keys(searched)).toEqual(
      expect.arrayContaining(['keyword', 'serialNo', 'from', 'to', 'serviceCode', 'tier', 'regionCode']),
    );
    expect(Object.values(searched).every((value) => value === undefined)).toBe(true);
  });
});
