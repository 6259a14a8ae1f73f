import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { HolidayYearSchedule } from '@minqing/shared';
import { ApiError } from '../api';
import { HolidayEditor } from './HolidayEditor';

const national: HolidayYearSchedule = {
  year: 2027,
  source: 'custom',
  days: [
    { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
    { date: '2027-10-02', kind: 'holiday', name: '国庆节' },
    { date: '2027-10-09', kind: 'workday', name: '国庆节' },
  ],
};

/** Clicks a button, then the OK of the Popconfirm it opens. */
async function confirmVia(button: RegExp, ok: RegExp) {
  fireEvent.click(buttonOf(button));
  const popover = await waitFor(() => document.querySelector('.ant-popconfirm') as HTMLElement);
  fireEvent.click(within(popover).getByText(ok).closest('button')!);
}

/** Role queries are slow on antd's DOM: find the button by its text. */
const buttonOf = (text: RegExp | string) => screen.getByText(text).closest('button')!;

describe('holiday editor', () => {
  it('shows the periods, removes a day and saves the year after confirmation', async () => {
    const save = jest.fn().mockResolvedValue({});
    render(<HolidayEditor schedule={national} save={save} />);
    expect(screen.getByText('国庆节 10-01～10-02（2 天，10-09 上班）')).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('删除 2027-10-02'));
    expect(screen.getByText('国庆节 10-01～10-01（1 天，10-09 上班）')).toBeInTheDocument();
    await confirmVia(/保存安排/, /^保\s*存$/);
    await waitFor(() => expect(save).toHaveBeenCalledWith([national.days[0], national.days[2]]));
  });

  it('goes back to the built-in schedule only after confirmation', async () => {
    const save = jest.fn().mockResolvedValue({});
    render(<HolidayEditor schedule={national} save={save} />);
    await confirmVia(/恢复内置安排/, /^删\s*除$/);
    await waitFor(() => expect(save).toHaveBeenCalledWith([]));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('will not save a schedule the server would refuse', () => {
    const wrong: HolidayYearSchedule = {
      year: 2027,
      source: 'builtin',
      days: [{ date: '2027-09-30', kind: 'workday', name: '国庆节' }],
    };
    render(<HolidayEditor schedule={wrong} save={jest.fn()} />);
    expect(screen.getByText('2027-09-30 不是周末，无需调休上班')).toBeInTheDocument();
    expect(buttonOf(/保存安排/)).toBeDisabled();
    expect(screen.queryByText(/恢复内置安排/)).not.toBeInTheDocument();
  });

  it('asks for a name before adding days, and says when a year has no schedule', () => {
    render(<HolidayEditor schedule={{ year: 2028, source: 'none', days: [] }} save={jest.fn()} />);
    expect(screen.getByText(/本年尚无节假日安排/)).toBeInTheDocument();
    fireEvent.click(buttonOf(/添\s*加/));
    expect(screen.getByText('请选择日期')).toBeInTheDocument();
    expect(buttonOf(/保存安排/)).toBeDisabled();
  });

  it("shows the server's message when saving fails", async () => {
    const save = jest.fn().mockRejectedValue(new ApiError(403, 'forbidden', '只有县级管理员可以修改全县通用的配置'));
    render(<HolidayEditor schedule={{ ...national, source: 'builtin' }} save={save} />);
    await confirmVia(/保存安排/, /^保\s*存$/);
    expect(await screen.findByText('只有县级管理员可以修改全县通用的配置')).toBeInTheDocument();
  });
});
