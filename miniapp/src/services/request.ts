import { login, ensureToken } from './auth';
import { ApiError } from './apiError';
import { send, sendUpload, type HttpResult, type SendOptions, type UploadOptions } from './http';

export type RequestOptions = Omit<SendOptions, 'token'> & {
  /** false for public routes (services, regions, categories): no token, no login. */
  auth?: boolean;
};

/**
 * Runs a call with the citizen's token, logging in first when there is none; on 401 it logs in
 * once more and retries once. Throws ApiError (code, message, field) — never a blank error.
 */
async function withToken<T>(auth: boolean, call: (token: string | null) => Promise<T>): Promise<T> {
  if (!auth) return call(null);
  const token = await ensureToken();
  try {
    return await call(token);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    return call(await login());
  }
}

/** A JSON call with status and headers (e.g. to read `Idempotent-Replayed`). */
export function requestWithMeta<T>(path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
  const { auth = true, ...rest } = options;
  return withToken(auth, (token) => send<T>(path, { ...rest, token }));
}

/** A JSON call; resolves to the parsed body. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await requestWithMeta<T>(path, options)).data;
}

/** Uploads one local file (multipart field `file`) with the token; same re-login rule. */
export async function upload<T>(path: string, options: Omit<UploadOptions, 'token'>): Promise<T> {
  return (await withToken(true, (token) => sendUpload<T>(path, { ...options, token }))).data;
}

export { ApiError } from './apiError';
