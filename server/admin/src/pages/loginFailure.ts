import { LIMITS } from '@minqing/shared';
import { ApiError } from '../api';

export interface LoginFailure {
  type: 'error' | 'warning';
  message: string;
  description?: string;
}

/** What the login page says after a refused sign-in: a lockout stands out from a mistyped password. */
export function loginFailure(error: unknown): LoginFailure {
  if (error instanceof ApiError && error.code === 'account_locked') {
    return {
      type: 'warning',
      message: '账号已锁定',
      description: `${error.message}。如需立即使用，请联系管理员重置密码。`,
    };
  }
  if (error instanceof ApiError && error.code === 'invalid_credentials') {
    return {
      type: 'error',
      message: error.message,
      description: `连续输错 ${LIMITS.staffLoginMaxFailures} 次，账号将锁定 ${LIMITS.staffLockMinutes} 分钟。`,
    };
  }
  return { type: 'error', message: error instanceof Error ? error.message : '登录失败' };
}
