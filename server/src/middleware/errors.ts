import type { Middleware } from 'koa';
import { ZodError } from 'zod';
import type { ErrorBody } from '@minqing/shared';
import type { AppDeps, AppState } from '../context';
import { AppError } from '../errors';

export function zodToAppError(error: ZodError, prefix?: string): AppError {
  const issue = error.issues[0];
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || undefined;
  return new AppError(400, 'bad_request', issue.message, field);
}

interface HttpError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  message?: string;
}

/** Every failure leaves as `{error: {code, message, field?}}`; internals are logged, never answered. */
export function errorHandler(): Middleware<AppState, { deps: AppDeps }> {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new AppError(404, 'not_found', '没有找到');
      }
    } catch (caught) {
      let error: AppError;
      if (caught instanceof AppError) error = caught;
      else if (caught instanceof ZodError) error = zodToAppError(caught);
      else {
        const http = caught as HttpError;
        const status = http.status ?? http.statusCode;
        if (status === 413) error = new AppError(413, 'payload_too_large', '内容太大了', 'file');
        else if (status === 415) error = new AppError(415, 'unsupported_media_type', '不支持的内容类型');
        else if (status && status >= 400 && status < 500 && http.expose)
          error = new AppError(400, 'bad_request', '请求格式不正确');
        else {
          ctx.deps.logger.error({ requestId: ctx.state.requestId, err: caught }, 'unhandled error');
          error = new AppError(500, 'internal_error', '服务器开小差了，请稍后再试');
        }
      }
      const body: ErrorBody = {
        error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
      };
      ctx.status = error.status;
      ctx.body = body;
    }
  };
}
