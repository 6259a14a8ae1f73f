import { passwordWeakness } from '@minqing/shared';
import type { ChangeOwnPasswordRequest } from '@minqing/shared';
import type { FieldError, FormCheck } from './accountForm';

export interface ChangePasswordValues {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}
export type ChangePasswordField = keyof ChangePasswordValues;

/** 修改密码: the same strength rule as the server, and the new password typed twice alike. */
export function buildChangePasswordRequest(
  values: ChangePasswordValues,
  username: string,
): FormCheck<ChangeOwnPasswordRequest, ChangePasswordField> {
  const errors: FieldError<ChangePasswordField>[] = [];
  const currentPassword = values.currentPassword ?? '';
  const newPassword = values.newPassword ?? '';
  if (!currentPassword) errors.push({ field: 'currentPassword', message: '请输入当前密码' });
  const weakness = newPassword ? passwordWeakness(newPassword, username) : '请输入新密码';
  if (weakness) errors.push({ field: 'newPassword', message: weakness });
  else if (newPassword === currentPassword) errors.push({ field: 'newPassword', message: '新密码不能与当前密码相同' });
  if (!values.confirmPassword) errors.push({ field: 'confirmPassword', message: '请再次输入新密码' });
  else if (values.confirmPassword !== newPassword)
    errors.push({ field: 'confirmPassword', message: '两次输入的新密码不一致' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, request: { currentPassword, newPassword } };
}
