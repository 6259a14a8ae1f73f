import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AuditLogEntry, StaffMe } from '@minqing/shared';
import { AuditLog } from './AuditLog';

const staff: StaffMe = {
  id: '01J000000000000000000000A1',
  username: 'admin',
  name: '刘志强',
  role: 'sysadmin',
  regionCode: '610921',
  abilities: [],
};
const entry: AuditLogEntry = {
  id: '01J000000000000000000000L1',
  staffId: '01J000000000000000000000C1',
  username: 'county',
  action: 'staff_account.disable',
  targetType: 'staff',
  targetId: '01J000000000000000000000S1',
  targetLabel: '王伟（wang）',
  ip: '10.0.0.7',
  detail: 'wang',
  createdAt: '2026-03-01T01:02:03.000Z',
};

describe('the audit log screen', () => {
  it("opens on a linked account's trail and shows who did what from where", async () => {
    const load = jest.fn().mockResolvedValue({ items: [entry], total: 1, page: 1, pageSize: 20 });
    render(
      <AuditLog
        staff={staff}
        query={new URLSearchParams('targetType=staff&targetId=01J000000000000000000000S1')}
        load={load}
      />,
    );
    expect(await screen.findByText('停用账号')).toBeInTheDocument();
    // The account by its name, not its id; no raw action key.
    expect(screen.getByText('王伟（wang）')).toBeInTheDocument();
    expect(screen.queryByText('staff_account.disable')).not.toBeInTheDocument();
    expect(screen.getByText('10.0.0.7')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
    expect(Object.fromEntries(new URLSearchParams(load.mock.calls[0][0]))).toEqual({
      targetType: 'staff',
      targetId: '01J000000000000000000000S1',
      page: '1',
      pageSize: '20',
    });
  });

  it('searches by username from the first page, and 重置 clears the filters', async () => {
    const load = jest.fn().mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 20 });
    render(<AuditLog staff={staff} query={new URLSearchParams()} load={load} />);
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('没有符合条件的记录')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('登录账号'), { target: { value: 'gongdian' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect(new URLSearchParams(load.mock.calls[1][0]).get('username')).toBe('gongdian');
    fireEvent.click(screen.getByRole('button', { name: /重\s*置/ }));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(3));
    expect(load.mock.calls[2][0]).toBe('page=1&pageSize=20');
    expect(screen.getByPlaceholderText('登录账号')).toHaveValue('');
  });

  it("shows a report by its serial number and an export's filters in words", async () => {
    const noted = {
      ...entry,
      id: '01J000000000000000000000L2',
      action: 'report.note',
      targetType: 'report',
      targetId: '01J000000000000000000000R1',
      targetLabel: 'HY20260301-0007',
      detail: null,
    };
    const exported = {
      ...entry,
      id: '01J000000000000000000000L3',
      action: 'report.export',
      targetType: 'report',
      targetId: null,
      targetLabel: null,
      detail: '2 件; tab=done&from=2026-03-01',
    };
    const load = jest.fn().mockResolvedValue({ items: [noted, exported], total: 2, page: 1, pageSize: 20 });
    render(<AuditLog staff={staff} query={new URLSearchParams()} load={load} />);
    expect(await screen.findByText('HY20260301-0007')).toBeInTheDocument();
    expect(screen.getByText('添加内部备注')).toBeInTheDocument();
    expect(screen.getByText('导出工单')).toBeInTheDocument();
    expect(screen.getByText('2 件，筛选：已办结，2026-03-01 起')).toBeInTheDocument();
    expect(screen.queryByText(/tab=done/)).not.toBeInTheDocument();
  });
});
