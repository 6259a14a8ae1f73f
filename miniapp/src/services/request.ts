import type { CallInput, ContractEndpoint, ResultOf, RouteContract } from '@minqing/shared';
import { login, ensureToken } from './auth';
import { ApiError } from './apiError';
import { type CallOptions, type HttpResult, type UploadOptions, pathOf, sendCall, sendUpload } from './http';

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

/** What a route without params, query or body is called with: nothing. */
type Input<C extends RouteContract> = Record<string, never> extends CallInput<C> ? [CallInput<C>?] : [CallInput<C>];

/**
 * A call to a declared route (`citizenApi.…`), with status and headers: method, path and query come
 * from its contract, the answer is typed by it; public routes go without the token, the others
 * with it, logging in first when there is none and once more on a 401.
 */
export function callWithMeta<C extends RouteContract>(
  endpoint: ContractEndpoint<C>,
  input: CallInput<C>,
  options: Omit<CallOptions, 'token'> = {},
): Promise<HttpResult<ResultOf<C>>> {
  return withToken(endpoint.access !== 'public', (token) => sendCall(endpoint, input, { ...options, token }));
}

/** A call to a declared route; resolves to its answer. */
export async function call<C extends RouteContract>(
  endpoint: ContractEndpoint<C>,
  ...[input]: Input<C>
): Promise<ResultOf<C>> {
  return (await callWithMeta(endpoint, input ?? ({} as CallInput<C>))).data;
}

/** Uploads one local file (multipart field `file`) to a declared route with the token; same re-login rule as `call`. */
export async function upload<C extends RouteContract>(
  endpoint: ContractEndpoint<C>,
  options: Omit<UploadOptions, 'token'>,
): Promise<ResultOf<C>> {
  const path = pathOf(endpoint, {} as CallInput<C>);
  return (await withToken(true, (token) => sendUpload<ResultOf<C>>(path, { ...options, token }))).data;
}

export { ApiError } from './apiError';
