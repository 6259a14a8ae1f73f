import type { ErrorCode } from '@minqing/shared';

/** An error the client may see: a stable code, a Chinese message, the HTTP status, maybe a field. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string) => new AppError(400, 'bad_request', message, field);
export const unauthorized = (message = '请先登录') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = '您没有权限进行此操作') => new AppError(403, 'forbidden', message);
export const notFound = (message = '没有找到') => new AppError(404, 'not_found', message);
export const conflict = (message: string, field?: string) => new AppError(409, 'conflict', message, field);
export const invalidTransition = (message: string) => new AppError(409, 'invalid_transition', message);
export const invalidCredentials = () => new AppError(401, 'invalid_credentials', '用户名或密码错误');
export const accountLocked = (minutes: number) =>
  new AppError(423, 'account_locked', `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
export const payloadTooLarge = (message: string) => new AppError(413, 'payload_too_large', message, 'file');
/** 503: the feature needs settings this server was started without; the message says which feature. */
export const notConfigured = (message: string) => new AppError(503, 'not_configured', message);
export const unsupportedMediaType = (message: string) => new AppError(415, 'unsupported_media_type', message, 'file');
