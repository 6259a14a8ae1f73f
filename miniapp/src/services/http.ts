import Taro from '@tarojs/taro';
import type { CallInput, ContractEndpoint, ResultOf, RouteContract } from '@minqing/shared';
import { pathWith, queryString } from '@minqing/shared';
import { ApiError, errorFromResponse, networkError } from './apiError';
import { REQUEST_TIMEOUT_MS, UPLOAD_TIMEOUT_MS, apiBase } from './config';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface SendOptions {
  method?: HttpMethod;
  query?: Query;
  /** JSON body. */
  data?: unknown;
  headers?: Record<string, string>;
  token?: string | null;
  timeoutMs?: number;
}

export interface HttpResult<T> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

/** `/things` + `{page: 2}` → `<base>/things?page=2` (undefined and null values are left out). */
export function buildUrl(path: string, query?: Query): string {
  const pairs = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${apiBase()}${path}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  if (data === '') return null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

function headersOf(header: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof header === 'object' && header !== null) {
    for (const [key, value] of Object.entries(header as Record<string, unknown>)) {
      if (typeof value === 'string') result[key.toLowerCase()] = value;
    }
  }
  return result;
}

function authHeaders(token: string | null | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** One JSON call; throws ApiError for a failed network or a non-2xx answer. No retries here. */
export async function send<T>(path: string, options: SendOptions = {}): Promise<HttpResult<T>> {
  const method = options.method ?? 'GET';
  let response: { statusCode: number; data: unknown; header?: unknown };
  try {
    response = await Taro.request({
      url: buildUrl(path, options.query),
      method,
      data: options.data === undefined ? undefined : (options.data as Record<string, unknown>),
      header: {
        ...(options.data === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...authHeaders(options.token),
        ...options.headers,
      },
      timeout: options.timeoutMs ?? REQUEST_TIMEOUT_MS,
      dataType: 'json',
    });
  } catch {
    throw networkError();
  }
  if (!response || typeof response.statusCode !== 'number' || response.statusCode === 0) throw networkError();
  const data = parseBody(response.data);
  if (response.statusCode < 200 || response.statusCode >= 300) throw errorFromResponse(response.statusCode, data);
  return { status: response.statusCode, data: data as T, headers: headersOf(response.header) };
}

/** What a call to a declared route sends besides its contract's input. */
export type CallOptions = Pick<SendOptions, 'headers' | 'token' | 'timeoutMs'>;

/** `citizenApi.reports.detail` + `{params: {id}}` → `/reports/<id>`, with the query the input has. */
export function pathOf<C extends RouteContract>(endpoint: ContractEndpoint<C>, input: CallInput<C>): string {
  return (
    pathWith(endpoint.path, input.params as Record<string, string> | undefined) +
    queryString(input.query as Record<string, unknown> | undefined)
  );
}

/** One call to a declared route: method, path and query from its contract, the answer typed by it. */
export function sendCall<C extends RouteContract>(
  endpoint: ContractEndpoint<C>,
  input: CallInput<C>,
  options: CallOptions = {},
): Promise<HttpResult<ResultOf<C>>> {
  const method = endpoint.method.toUpperCase() as HttpMethod;
  return send<ResultOf<C>>(pathOf(endpoint, input), { ...options, method, data: input.body });
}

export interface UploadOptions {
  filePath: string;
  /** Extra multipart fields, e.g. durationSeconds for a voice clip. */
  fields?: Record<string, string>;
  token?: string | null;
  /** 0–100 as bytes leave the phone. */
  onProgress?: (percent: number) => void;
}

/** One multipart upload of a local file as the `file` field; `data` comes back as a string and is parsed. */
export async function sendUpload<T>(path: string, options: UploadOptions): Promise<HttpResult<T>> {
  let response: { statusCode: number; data: unknown; header?: unknown };
  try {
    const task = Taro.uploadFile({
      url: buildUrl(path),
      filePath: options.filePath,
      name: 'file',
      formData: options.fields ?? {},
      header: authHeaders(options.token),
      timeout: UPLOAD_TIMEOUT_MS,
    });
    const onProgress = options.onProgress;
    if (onProgress && typeof task.onProgressUpdate === 'function') {
      task.onProgressUpdate((update) => onProgress(Math.max(0, Math.min(100, update.progress))));
    }
    response = await task;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw networkError();
  }
  if (!response || typeof response.statusCode !== 'number' || response.statusCode === 0) throw networkError();
  const data = parseBody(response.data);
  if (response.statusCode < 200 || response.statusCode >= 300) throw errorFromResponse(response.statusCode, data);
  if (typeof data !== 'object' || data === null) throw errorFromResponse(502, data);
  options.onProgress?.(100);
  return { status: response.statusCode, data: data as T, headers: headersOf(response.header) };
}
