import { ApiError } from '../api';
import { loginFailure } from './loginFailure';

describe('what the login page says after a refused sign-in', () => {
  it('sets a lockout apart, with the wait from the server and who can help', () => {
    const failure = loginFailure(new ApiError(423, 'account_locked', '登录失败次数过多，账号已锁定，请 15 分钟后再试'));
    expect(failure).toEqual({
      type: 'warning',
      message: '账号已锁定',
      description: '登录失败次数过多，账号已锁定，请 15 分钟后再试。如需立即使用，请联系管理员重置密码。',
    });
  });

  it('warns that repeated wrong passwords lock the account', () => {
    expect(loginFailure(new ApiError(401, 'invalid_credentials', '用户名或密码错误'))).toEqual({
      type: 'error',
      message: '用户名或密码错误',
      description: '连续输错 5 次，账号将锁定 15 分钟。',
    });
  });

  it('passes any other failure through', () => {
    expect(loginFailure(new ApiError(0, 'network', '网络连接失败，请稍后再试'))).toEqual({
      type: 'error',
      message: '网络连接失败，请稍后再试',
    });
  });
});
