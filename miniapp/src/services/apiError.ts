import type { ErrorCode } from '@minqing/shared';

/** The server's stable codes plus what only the client can observe. */
export type ApiErrorCode = ErrorCode | 'network' | 'bad_response';

export const NETWORK_MESSAGE = '网络不给力，请稍后再试';
export const SERVER_BUSY_MESSAGE = '服务暂时不可用，请稍后再试';

/** Every failed API call ends as one of these, always with a message a citizen can read. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number;
  /** The request field the server blames, e.g. `text` or `file`. */
  readonly field?: string;

  constructor(code: ApiErrorCode, message: string, status: number, field?: string) {
    super(message || SERVER_BUSY_MESSAGE);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = field;
  }

  /** Worth trying again later without changing anything (no network, server busy, rate limit). */
  get retryable(): boolean {
    return this.code === 'network' || this.status >= 500 || this.status === 429 || this.code === 'bad_response';
  }
}

export const networkError = (): ApiError => new ApiError('network', NETWORK_MESSAGE, 0);

/** The `{error: {code, message, field?}}` body the server sends, read defensively. */
interface ErrorBodyShape {
  error?: { code?: unknown; message?: unknown; field?: unknown };
}

function asErrorBody(data: unknown): ErrorBodyShape | null {
  if (typeof data === 'string') {
    try {
      return asErrorBody(JSON.parse(data) as unknown);
    } catch {
      return null;
    }
  }
  return typeof data === 'object' && data !== null ? (data as ErrorBodyShape) : null;
}

/** Turns a non-2xx answer into an ApiError; bodies that are not the server's format get a plain message. */
export function errorFromResponse(status: number, data: unknown): ApiError {
  const body = asErrorBody(data)?.error;
  const message = typeof body?.message === 'string' && body.message.trim() !== '' ? body.message : null;
  const field = typeof body?.field === 'string' ? body.field : undefined;
  if (body && typeof body.code === 'string' && message) {
    return new ApiError(body.code as ErrorCode, message, status, field);
  }
  if (status === 401) return new ApiError('unauthorized', '请先登录', status);
  if (status === 404) return new ApiError('not_found', '没有找到', status);
  if (status === 413) return new ApiError('payload_too_large', '文件太大了', status);
  if (status === 429) return new ApiError('rate_limited', '操作太频繁，请稍后再试', status);
  if (status >= 500 || status === 0) return new ApiError('internal_error', SERVER_BUSY_MESSAGE, status);
  return new ApiError('bad_response', SERVER_BUSY_MESSAGE, status);
}

/** Any thrown value as an ApiError (programming errors become a generic message, never blank). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('bad_response', SERVER_BUSY_MESSAGE, 0);
}
