import { fireEvent, render, screen } from '@testing-library/react';
import type { StaffMe } from '@minqing/shared';
import { ApiError } from '../api';
import { AppShell } from '../pages/AppShell';
import { currentToken, saveSession } from '../session';
import { ChangePassword } from './ChangePassword';

function fill(current: string, next: string, again = next) {
  fireEvent.change(screen.getByPlaceholderText('请输入当前密码'), { target: { value: current } });
  fireEvent.change(screen.getByPlaceholderText('请输入新密码'), { target: { value: next } });
  fireEvent.change(screen.getByPlaceholderText('请再次输入新密码'), { target: { value: again } });
  fireEvent.click(screen.getByRole('button', { name: /确认修改/ }));
}

describe('修改密码', () => {
  beforeEach(() => sessionStorage.clear());

  it('sends nothing while the new password is weak or typed differently twice', async () => {
    const submit = jest.fn();
    render(<ChangePassword username="wang" onClose={() => {}} onChanged={() => {}} submit={submit} />);
    fill('Demo@321', 'Better#2026', 'Better#2025');
    expect(await screen.findByText('两次输入的新密码不一致')).toBeInTheDocument();
    fill('Demo@321', 'weak', 'weak');
    expect(await screen.findByText('密码至少 8 位')).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();
  });

  it('shows a wrong current password on its field', async () => {
    const submit = jest.fn().mockRejectedValue(new ApiError(400, 'bad_request', '当前密码不正确', 'currentPassword'));
    render(<ChangePassword username="wang" onClose={() => {}} onChanged={() => {}} submit={submit} />);
    fill('nope', 'Better#2026');
    expect(await screen.findByText('当前密码不正确')).toBeInTheDocument();
  });

  it('shows a lockout above the form', async () => {
    const submit = jest
      .fn()
      .mockRejectedValue(new ApiError(423, 'account_locked', '登录失败次数过多，账号已锁定，请 15 分钟后再试'));
    render(<ChangePassword username="wang" onClose={() => {}} onChanged={() => {}} submit={submit} />);
    fill('nope', 'Better#2026');
    expect(await screen.findByRole('alert')).toHaveTextContent('账号已锁定');
  });

  it('keeps this session on the fresh token and says the other sessions were signed out', async () => {
    saveSession('old-token', new Date(Date.now() + 3600_000).toISOString());
    const submit = jest
      .fn()
      .mockResolvedValue({ token: 'fresh-token', expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString() });
    const onChanged = jest.fn();
    render(<ChangePassword username="wang" onClose={() => {}} onChanged={onChanged} submit={submit} />);
    fill('Demo@321', 'Better#2026');
    expect(await screen.findByText(/其他设备或浏览器上的登录已全部退出/)).toBeInTheDocument();
    expect(submit).toHaveBeenCalledWith({ currentPassword: 'Demo@321', newPassword: 'Better#2026' });
    expect(currentToken()).toBe('fresh-token');
    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    expect(onChanged).toHaveBeenCalled();
  });
});

describe('the header and a password an administrator set', () => {
  const staff: StaffMe = {
    id: '01J000000000000000000000A1',
    username: 'wang',
    name: '王芳',
    role: 'dispatcher',
    regionCode: '610921100',
    abilities: ['queue', 'triage', 'stats'],
  };

  it('opens 修改密码 from the header', async () => {
    render(
      <AppShell staff={staff} page="queue" onNavigate={() => {}} onLogout={() => {}}>
        工作内容
      </AppShell>,
    );
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    expect(await screen.findByPlaceholderText('请输入当前密码')).toBeInTheDocument();
    expect(screen.getByText('工作内容')).toBeInTheDocument();
  });

  it('holds back the screens until the password is changed; the only other way is to sign out', async () => {
    const onLogout = jest.fn();
    render(
      <AppShell staff={{ ...staff, mustChangePassword: true }} page="queue" onNavigate={() => {}} onLogout={onLogout}>
        工作内容
      </AppShell>,
    );
    expect(await screen.findByText('请先修改初始密码', { selector: '.ant-modal-title' })).toBeInTheDocument();
    expect(screen.queryByText('工作内容')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
    fireEvent.click(screen.getAllByRole('button', { name: '退出登录' }).at(-1) as HTMLElement);
    expect(onLogout).toHaveBeenCalled();
  });
});
