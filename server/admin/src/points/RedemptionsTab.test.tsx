import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Redemption } from '@minqing/shared';
import { Modal } from 'antd';
import { ApiError } from '../api';
import { RedemptionsTab } from './RedemptionsTab';
import { normaliseCode } from './VerifyPanel';

const redemption = (overrides: Partial<Redemption> = {}): Redemption => ({
  id: '01J000000000000000000000RD',
  code: '12345678',
  item: { id: '01J000000000000000000000T1', name: '洗衣粉' },
  points: 30,
  status: 'reserved',
  regionName: '五一村',
  createdAt: '2026-11-22T02:00:00.000Z',
  fulfilledAt: null,
  cancelledAt: null,
  allowedActions: ['cancel'],
  ...overrides,
});

function fakeApi(rows: Redemption[] = [redemption()]) {
  return {
    redemptions: jest.fn().mockResolvedValue({ items: rows, total: rows.length, page: 1, pageSize: 20 }),
    verify: jest
      .fn()
      .mockResolvedValue(
        redemption({ status: 'fulfilled', fulfilledAt: '2026-11-23T02:00:00.000Z', allowedActions: [] }),
      ),
    cancelRedemption: jest.fn().mockResolvedValue(redemption({ status: 'cancelled', allowedActions: [] })),
  };
}

/** Text queries: *ByRole is very slow over antd's tables in jsdom. */
const button = (container: HTMLElement, words: RegExp | string) =>
  within(container).getByText(words).closest('button') as HTMLButtonElement;

afterEach(() => Modal.destroyAll());

describe('兑换核销', () => {
  it('checks the code’s form before asking the server', async () => {
    const api = fakeApi();
    render(<RedemptionsTab api={api} />);
    await screen.findByText('洗衣粉');
    fireEvent.change(screen.getByLabelText('兑换码'), { target: { value: '1234' } });
    fireEvent.click(button(document.body, /^核\s*销$/));
    expect(await screen.findByText('兑换码为 8 位数字')).toBeInTheDocument();
    expect(api.verify).not.toHaveBeenCalled();
    expect(normaliseCode(' 1234 5678 ')).toBe('12345678');
  });

  it('verifies a typed or scanned code after confirmation and says what to hand over', async () => {
    const api = fakeApi();
    render(<RedemptionsTab api={api} />);
    await waitFor(() => expect(api.redemptions).toHaveBeenCalledWith({ page: 1, pageSize: 20, status: 'reserved' }));
    // A scanner gun types the digits and Enter.
    fireEvent.change(screen.getByLabelText('兑换码'), { target: { value: '1234 5678' } });
    fireEvent.keyDown(screen.getByLabelText('兑换码'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(await screen.findAllByText('核销兑换码 12345678？')).not.toHaveLength(0);
    expect(api.verify).not.toHaveBeenCalled();
    fireEvent.click(button(document.querySelector('.ant-modal-confirm') as HTMLElement, /^核\s*销$/));
    await waitFor(() => expect(api.verify).toHaveBeenCalledWith('12345678'));
    expect(await screen.findByText('核销成功：请发放「洗衣粉」')).toBeInTheDocument();
    // The list is read again so the redemption shows as 已领取.
    await waitFor(() => expect(api.redemptions).toHaveBeenCalledTimes(2));
  });

  it('shows the server’s reason when a code cannot be verified', async () => {
    const api = fakeApi();
    api.verify.mockRejectedValue(new ApiError(409, 'conflict', '该兑换码已核销，请勿重复发放', 'code'));
    render(<RedemptionsTab api={api} />);
    await screen.findByText('洗衣粉');
    fireEvent.change(screen.getByLabelText('兑换码'), { target: { value: '12345678' } });
    fireEvent.click(button(document.body, /^核\s*销$/));
    await screen.findAllByText('核销兑换码 12345678？');
    fireEvent.click(button(document.querySelector('.ant-modal-confirm') as HTMLElement, /^核\s*销$/));
    expect(await screen.findByText('兑换码 12345678 核销失败：请勿发放物品')).toBeInTheDocument();
    expect(screen.getByText('该兑换码已核销，请勿重复发放')).toBeInTheDocument();
  });

  it('cancels a reserved redemption only after confirmation', async () => {
    const api = fakeApi();
    render(<RedemptionsTab api={api} />);
    const row = (await screen.findByText('洗衣粉')).closest('tr') as HTMLElement;
    fireEvent.click(button(row, /^取\s*消$/));
    expect(api.cancelRedemption).not.toHaveBeenCalled();
    fireEvent.click(button(document.querySelector('.ant-popconfirm') as HTMLElement, '取消兑换'));
    await waitFor(() => expect(api.cancelRedemption).toHaveBeenCalledWith('01J000000000000000000000RD'));
  });

  it('offers 取消 only where the server allows it', async () => {
    render(<RedemptionsTab api={fakeApi([redemption({ allowedActions: [] })])} />);
    const row = (await screen.findByText('洗衣粉')).closest('tr') as HTMLElement;
    expect(within(row).getByText('待领取')).toBeInTheDocument();
    expect(within(row).queryByText(/^取\s*消$/)).not.toBeInTheDocument();
  });
});
