import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { StaffAccount } from '@minqing/shared';
import { staffMe } from '../../test/staff';
import { StaffAccounts } from './StaffAccounts';
import { accountsApi } from './accountsApi';

jest.mock('./accountsApi', () => ({
  accountsApi: { list: jest.fn(), regions: jest.fn(), departments: jest.fn(), unbindWechat: jest.fn() },
}));
const api = accountsApi as jest.Mocked<typeof accountsApi>;

const county = staffMe();
const gridWorker = (overrides: Partial<StaffAccount> = {}): StaffAccount => ({
  id: '01J000000000000000000000G1',
  username: 'wangge',
  name: '王强',
  role: 'grid_worker',
  regionCode: '610921100201001',
  regionName: '五一村第一网格',
  departmentId: null,
  departmentName: null,
  disabled: false,
  lockedUntil: null,
  mustChangePassword: false,
  wechatBound: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  allowedActions: ['edit', 'disable', 'reset_password', 'unbind_wechat'],
  ...overrides,
});

describe('账号管理: 解绑微信', () => {
  beforeEach(() => {
    jest.resetAllMocks();
    api.regions.mockResolvedValue([]);
    api.departments.mockResolvedValue([]);
  });

  it('unbinds a lost phone only after the confirmation, then shows the account unbound', async () => {
    api.list.mockResolvedValueOnce({ items: [gridWorker()], total: 1, page: 1, pageSize: 20 });
    api.list.mockResolvedValueOnce({
      items: [gridWorker({ wechatBound: false, allowedActions: ['edit', 'disable', 'reset_password'] })],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    api.unbindWechat.mockResolvedValue(gridWorker({ wechatBound: false }));
    render(<StaffAccounts staff={county} query={new URLSearchParams()} />);
    expect(await screen.findByText('已绑定微信')).toBeInTheDocument();
    fireEvent.click(screen.getByText('解绑微信').closest('button')!);
    const confirm = await screen.findByText('为 王强 解绑微信？');
    expect(api.unbindWechat).not.toHaveBeenCalled();
    fireEvent.click(
      within(confirm.closest('.ant-popover') as HTMLElement)
        .getByText(/^解 ?绑$/)
        .closest('button')!,
    );
    await waitFor(() => expect(api.unbindWechat).toHaveBeenCalledWith(gridWorker().id));
    await waitFor(() => expect(screen.queryByText('已绑定微信')).not.toBeInTheDocument());
    expect(screen.queryByText('解绑微信')).not.toBeInTheDocument();
  });

  it('offers no unbinding where the server does not allow it', async () => {
    api.list.mockResolvedValue({
      items: [gridWorker({ wechatBound: false, allowedActions: ['edit'] })],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    render(<StaffAccounts staff={county} query={new URLSearchParams()} />);
    expect(await screen.findByText('王强')).toBeInTheDocument();
    expect(screen.queryByText('解绑微信')).not.toBeInTheDocument();
  });
});
