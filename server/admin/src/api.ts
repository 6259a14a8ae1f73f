import type { ErrorCode, ReportActionRequest } from '@minqing/shared';
import {
  type CallInput,
  type QueryInput,
  type ResultOf,
  type RouteContract,
  catalogRoutes,
  staffAuthRoutes,
  staffReportRoutes,
  urlOf,
} from '@minqing/shared';
import { clearSession, currentToken } from './session';

/** The server's `{error: {code, message, field?}}`, or a network failure (code `network`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
let onUnauthorized: Listener = () => {};

/** What to do when the server answers 401 (expired or revoked token): the app goes back to login. */
export function setUnauthorizedHandler(listener: Listener): void {
  onUnauthorized = listener;
}

/** A 401 met outside `request` (a file download): forget the session and go back to login. */
export function signOutExpired(): void {
  clearSession();
  onUnauthorized();
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sign-in itself (a public route) must not bounce to the login page on 401. */
  anonymous?: boolean;
}

/** One request to /api/v1: bearer token, JSON in and out, errors as ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const early = method === 'GET' ? takePrefetched(path) : undefined;
  return answer<T>(early ?? send(path, options), options);
}

function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.anonymous ? null : currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`/api/v1${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

/** The server's answer to a request already sent: its JSON, or an ApiError (a 401 signs out unless `anonymous`). */
export async function answer<T>(sent: Promise<Response>, options: Pick<RequestOptions, 'anonymous'> = {}): Promise<T> {
  let response: Response;
  try {
    response = await sent;
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请稍后再试');
  }
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : null;
  if (response.ok) return data as T;
  const error = (data as { error?: { code?: ErrorCode; message?: string; field?: string } } | null)?.error;
  if (response.status === 401 && !options.anonymous) {
    clearSession();
    onUnauthorized();
  }
  throw new ApiError(
    response.status,
    error?.code ?? 'internal_error',
    error?.message ?? `请求失败（${response.status}）`,
    error?.field,
  );
}

/** GETs sent ahead (the first screen's data, while its code still loads), each answered once. */
const prefetched = new Map<string, { sentAt: number; response: Promise<Response> }>();
/** An answer older than this is asked again rather than shown. */
const PREFETCH_FRESH_MS = 30_000;

/**
 * Sends a GET now, so the screen that asks for the same path soon gets its answer without waiting;
 * with `sentAhead`, the request already sent for it (index.html's sign-in frame), or undefined to send it.
 */
export function prefetch(path: string, sentAhead?: Promise<Response | undefined>): void {
  const response = sentAhead ? sentAhead.then((early) => early ?? send(path, {})) : send(path, {});
  // A prefetch nobody asks for again must not end as an unhandled rejection.
  response.catch(() => undefined);
  prefetched.set(path, { sentAt: Date.now(), response });
}

function takePrefetched(path: string): Promise<Response> | undefined {
  const entry = prefetched.get(path);
  prefetched.delete(path);
  return entry && Date.now() - entry.sentAt <= PREFETCH_FRESH_MS ? entry.response : undefined;
}

/** Forgets what was sent ahead (signing out: it was asked with the token that is gone). */
export function clearPrefetched(): void {
  prefetched.clear();
}

/** A call to a declared route: the path, query and method come from its contract, the answer is typed by it. */
export function call<C extends RouteContract>(
  contract: C,
  ...[input]: Record<string, never> extends CallInput<C> ? [CallInput<C>?] : [CallInput<C>]
): Promise<ResultOf<C>> {
  const method = contract.method.toUpperCase() as NonNullable<RequestOptions['method']>;
  return request<ResultOf<C>>(urlOf(contract, input ?? ({} as CallInput<C>)), {
    method,
    body: input?.body,
    anonymous: contract.access === 'public',
  });
}

/** `a=1&b=x` (a screen's filters, as kept in its URL) as a route's query. */
export function queryOf<C extends RouteContract>(queryString: string): QueryInput<C> {
  return Object.fromEntries(new URLSearchParams(queryString)) as QueryInput<C>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Uploaded photos and voice need the bearer token, so they are fetched and shown as object URLs. */
export async function fetchMedia(url: string): Promise<string> {
  const token = currentToken();
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, 'not_found', '附件加载失败');
  return URL.createObjectURL(await response.blob());
}

/** The work queue's page and tab counts, for the filters in a query string (queue/queueQuery.ts), and its filters' lists. */
export const queuePaths = {
  page: (queryString: string) => urlOf(staffReportRoutes.queue, { query: queryOf(queryString) }),
  counts: (queryString: string) => urlOf(staffReportRoutes.counts, { query: queryOf(queryString) }),
  departments: urlOf(catalogRoutes.departments, {}),
  categories: urlOf(catalogRoutes.categories, {}),
  regions: urlOf(catalogRoutes.regions, { query: { depth: 'village' } }),
};

export const api = {
  login: (username: string, password: string) => call(staffAuthRoutes.login, { body: { username, password } }),
  logout: () => call(staffAuthRoutes.logout),
  me: () => call(staffAuthRoutes.me),
  queue: (queryString: string) => call(staffReportRoutes.queue, { query: queryOf(queryString) }),
  report: (id: string) => call(staffReportRoutes.detail, { params: { id } }),
  act: (id: string, action: ReportActionRequest) => call(staffReportRoutes.act, { params: { id }, body: action }),
  departments: () => call(catalogRoutes.departments),
};
