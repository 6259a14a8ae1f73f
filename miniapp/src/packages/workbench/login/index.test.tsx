import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { StaffLoginResponse } from '@minqing/shared';
import { taroMock } from '../../../../test/mocks/taro';
import { answer } from '../../../../test/taroCalls';
import { STORAGE_KEYS } from '../../../services/storage';
import { currentStaffSession } from '../../../services/staffSession';
import StaffLoginPage from '.';

type Call = { url: string; method?: string; data?: unknown; header?: Record<string, string> };
const calls = () => taroMock.request.mock.calls.map(([call]) => call as Call);

const login = (overrides: Partial<StaffLoginResponse['staff']> = {}): StaffLoginResponse => ({
  token: 'staff-token',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  staff: {
    id: '01J000000000000000000000G1',
    username: 'wangge',
    name: '周明',
    role: 'grid_worker',
    regionCode: '610921100201001',
    abilities: ['queue', 'points', 'households', 'file_on_behalf', 'visit'],
    ...overrides,
  },
});

function signIn(username: string, password: string) {
  fireEvent.input(screen.getByPlaceholderText('请输入账号'), { target: { value: username } });
  fireEvent.input(screen.getByPlaceholderText('请输入密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('工作人员登录', () => {
  it('signs in with username and password in H5, keeps the staff token apart from the citizen one, and opens the 工作台', async () => {
    taroMock.storage.set(STORAGE_KEYS.token, 'citizen-token');
    taroMock.request.mockImplementation(() => answer(200, login()));
    render(<StaffLoginPage />);
    signIn('wangge', 'Demo@321');
    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalledWith({ url: '/packages/workbench/home/index' }));
    expect(calls()[0]).toMatchObject({
      url: '/api/v1/staff/auth/login',
      method: 'POST',
      data: { username: 'wangge', password: 'Demo@321' },
    });
    expect(currentStaffSession()?.token).toBe('staff-token');
    expect(taroMock.storage.get(STORAGE_KEYS.token)).toBe('citizen-token');
    expect(taroMock.login).not.toHaveBeenCalled();
  });

  it('asks for both fields, and shows a wrong password without signing in', async () => {
    taroMock.request.mockImplementation(() =>
      answer(401, { error: { code: 'invalid_credentials', message: '用户名或密码错误' } }),
    );
    render(<StaffLoginPage />);
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请输入账号和密码');
    expect(taroMock.request).not.toHaveBeenCalled();
    signIn('wangge', 'nope');
    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument();
    expect(currentStaffSession()).toBeNull();
    expect(taroMock.redirectTo).not.toHaveBeenCalled();
  });

  it('in WeChat, signs a bound WeChat in by wx.login alone', async () => {
    process.env.TARO_ENV = 'weapp';
    taroMock.request.mockImplementation(() => answer(200, login({ wechatBound: true })));
    render(<StaffLoginPage />);
    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalledWith({ url: '/packages/workbench/home/index' }));
    expect(calls()[0]).toMatchObject({
      url: expect.stringContaining('/staff/auth/wechat-login'),
      data: { code: 'wx-code' },
    });
  });

  it('in WeChat, an unbound WeChat gets the password form, then the offer to bind it', async () => {
    process.env.TARO_ENV = 'weapp';
    taroMock.request.mockImplementation((call: Call) => {
      if (call.url.endsWith('/wechat-login'))
        return answer(404, { error: { code: 'not_bound', message: '该微信尚未绑定工作人员账号' } });
      if (call.url.endsWith('/wechat-bind')) return answer(200, { ...login().staff, wechatBound: true });
      return answer(200, login());
    });
    render(<StaffLoginPage />);
    await screen.findByPlaceholderText('请输入账号');
    signIn('wangge', 'Demo@321');
    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalled());
    expect(taroMock.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '绑定微信', confirmText: '绑定' }),
    );
    expect(calls().map((call) => call.url.replace(/^.*\/api\/v1/, ''))).toEqual([
      '/staff/auth/wechat-login',
      '/staff/auth/login',
      '/staff/auth/wechat-bind',
    ]);
    expect(calls()[2].header).toMatchObject({ Authorization: 'Bearer staff-token' });
    expect(currentStaffSession()?.staff.wechatBound).toBe(true);
  });

  it('refuses to open the 工作台 while a password set by an administrator is unchanged', async () => {
    taroMock.request.mockImplementation(() => answer(200, login({ mustChangePassword: true })));
    render(<StaffLoginPage />);
    signIn('wangge', 'Temp@321x');
    expect(await screen.findByText(/请先在电脑上登录管理后台修改密码/)).toBeInTheDocument();
    expect(taroMock.redirectTo).not.toHaveBeenCalled();
  });
});
