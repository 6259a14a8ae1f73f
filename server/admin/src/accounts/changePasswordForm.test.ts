import { buildChangePasswordRequest } from './changePasswordForm';

describe('修改密码 form', () => {
  it('builds the request from a strong new password typed twice', () => {
    expect(
      buildChangePasswordRequest(
        { currentPassword: 'Demo@321', newPassword: 'Better#2026', confirmPassword: 'Better#2026' },
        'wang',
      ),
    ).toEqual({
      ok: true,
      request: { currentPassword: 'Demo@321', newPassword: 'Better#2026' },
    });
  });

  it('names each problem on its field', () => {
    expect(buildChangePasswordRequest({}, 'wang')).toEqual({
      ok: false,
      errors: [
        { field: 'currentPassword', message: '请输入当前密码' },
        { field: 'newPassword', message: '请输入新密码' },
        { field: 'confirmPassword', message: '请再次输入新密码' },
      ],
    });
    expect(
      buildChangePasswordRequest(
        { currentPassword: 'x', newPassword: 'Better#2026', confirmPassword: 'Better#2025' },
        'wang',
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'confirmPassword', message: '两次输入的新密码不一致' }],
    });
  });

  it('applies the strength rule, refuses the username and the same password again', () => {
    expect(
      buildChangePasswordRequest(
        { currentPassword: 'x', newPassword: 'password', confirmPassword: 'password' },
        'wang',
      ),
    ).toMatchObject({ ok: false, errors: [{ field: 'newPassword' }] });
    expect(
      buildChangePasswordRequest(
        { currentPassword: 'x', newPassword: 'Wang#2026x', confirmPassword: 'Wang#2026x' },
        'wang',
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'newPassword', message: '密码不能包含账号' }],
    });
    expect(
      buildChangePasswordRequest(
        { currentPassword: 'Demo@321', newPassword: 'Demo@321', confirmPassword: 'Demo@321' },
        'wang',
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'newPassword', message: '新密码不能与当前密码相同' }],
    });
  });
});
