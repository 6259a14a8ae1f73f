/**
 * The 工作台's calls, with the staff token (never the citizen's). A 401 ends the staff session
 * on this phone: the pages then offer the sign-in again.
 */
import Taro from '@tarojs/taro';
import type {
  NoticeInput,
  QueueTabKey,
  ReportActionRequest,
  StaffLoginResponse,
  StaffMe,
  StaffNotice,
  StaffSubmitReportRequest,
  UploadResponse,
  VisitInput,
} from '@minqing/shared';
import {
  type CallInput,
  type ResultOf,
  type RouteContract,
  householdRoutes,
  staffAuthRoutes,
  staffReportRoutes,
  staffNoticeRoutes,
  uploadRoutes,
  urlOf,
} from '@minqing/shared';
import { ApiError, networkError } from '../../../services/apiError';
import { apiBase } from '../../../services/config';
import { send, sendUpload, type SendOptions } from '../../../services/http';
import {
  clearStaffSession,
  currentStaffSession,
  saveStaffSession,
  updateStaffMe,
} from '../../../services/staffSession';

export const SIGNED_OUT_MESSAGE = '登录已失效，请重新登录';

async function withStaffToken<T>(call: (token: string) => Promise<T>): Promise<T> {
  const session = currentStaffSession();
  if (!session) throw new ApiError('unauthorized', SIGNED_OUT_MESSAGE, 401);
  try {
    return await call(session.token);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) clearStaffSession();
    throw error;
  }
}

async function staffRequest<T>(
  path: string,
  options: Omit<SendOptions, 'token'> = {},
): Promise<{ data: T; replayed: boolean }> {
  const result = await withStaffToken((token) => send<T>(path, { ...options, token }));
  return { data: result.data, replayed: result.headers['idempotent-replayed'] === 'true' };
}

/**
 * A call to a declared route: path, query and method from its contract, the answer typed by it;
 * with the staff token, except for the public sign-in routes.
 */
async function staffCall<C extends RouteContract>(
  contract: C,
  input: CallInput<C>,
  headers?: Record<string, string>,
): Promise<ResultOf<C>> {
  const method = contract.method.toUpperCase() as NonNullable<SendOptions['method']>;
  const options = { method, data: input.body, headers };
  if (contract.access === 'public') return (await send<ResultOf<C>>(urlOf(contract, input), options)).data;
  return (await staffRequest<ResultOf<C>>(urlOf(contract, input), options)).data;
}

// ── signing in ─────────────────────────────────────────────────────────────────

function keep(login: StaffLoginResponse): StaffLoginResponse {
  saveStaffSession({ token: login.token, expiresAt: login.expiresAt, staff: login.staff });
  return login;
}

export async function signInWithPassword(username: string, password: string): Promise<StaffLoginResponse> {
  return keep(await staffCall(staffAuthRoutes.login, { body: { username, password } }));
}

/** 微信登录: answers 404 not_bound (ApiError) while this WeChat is bound to no account. */
export async function signInWithWechat(code: string): Promise<StaffLoginResponse> {
  return keep(await staffCall(staffAuthRoutes.wechatLogin, { body: { code } }));
}

export async function bindWechat(code: string): Promise<StaffMe> {
  const me = await staffCall(staffAuthRoutes.bindWechat, { body: { code } });
  updateStaffMe(me);
  return me;
}

export async function unbindWechat(): Promise<StaffMe> {
  const me = await staffCall(staffAuthRoutes.unbindWechat, {});
  updateStaffMe(me);
  return me;
}

// ── the queue and a report ─────────────────────────────────────────────────────

export const getQueueCounts = () => staffCall(staffReportRoutes.counts, { query: {} });

export const getQueue = (tab: QueueTabKey, page: number) =>
  staffCall(staffReportRoutes.queue, { query: { tab, page, pageSize: 20 } });

export const getStaffReport = (id: string) => staffCall(staffReportRoutes.detail, { params: { id } });

/** One action; the same key on a retry answers the report without acting twice. */
export const actOnReport = (id: string, body: ReportActionRequest, idempotencyKey: string) =>
  staffCall(staffReportRoutes.act, { params: { id }, body }, { 'Idempotency-Key': idempotencyKey });

export async function uploadStaffPhoto(
  filePath: string,
  onProgress?: (percent: number) => void,
): Promise<UploadResponse> {
  const path = uploadRoutes.upload.path;
  return (await withStaffToken((token) => sendUpload<UploadResponse>(path, { filePath, token, onProgress }))).data;
}

// ── 住户, 走访 and 代报 ──────────────────────────────────────────────────────────

export const getHouseholds = (page: number) => staffCall(householdRoutes.list, { query: { page, pageSize: 20 } });

/** One household's visits, or (null) every visit in my scope. */
export const getVisits = (householdId: string | null, page: number) =>
  staffCall(householdRoutes.visits, { query: { householdId: householdId ?? undefined, page, pageSize: 20 } });

/** 走访; the same key on a retry answers the visit already logged. */
export const logVisit = (body: VisitInput, idempotencyKey: string) =>
  staffCall(householdRoutes.logVisit, { body }, { 'Idempotency-Key': idempotencyKey });

/** 代报; the same key on a retry answers the report already filed. */
export const fileOnBehalf = (body: StaffSubmitReportRequest, idempotencyKey: string) =>
  staffCall(staffReportRoutes.fileOnBehalf, { body }, { 'Idempotency-Key': idempotencyKey });

// ── 政务村务 notices (the admin panel's editor uses the same routes and checks) ─────

export const getStaffNotices = () => staffCall(staffNoticeRoutes.list, { query: { page: 1, pageSize: 50 } });

/** Writes the notice, then publishes it: villagers of its region see it at once. */
export async function publishNewNotice(input: NoticeInput): Promise<StaffNotice> {
  const draft = await staffCall(staffNoticeRoutes.create, { body: input });
  return staffCall(staffNoticeRoutes.publish, { params: { id: draft.id } });
}

export const withdrawNotice = (id: string) => staffCall(staffNoticeRoutes.withdraw, { params: { id } });

const downloaded = new Map<string, string>();

/** A local copy of an attachment (citizenApi.uploads.content), fetched with the staff token or its signed link. */
export async function staffAttachmentPath(url: string): Promise<string> {
  const cached = downloaded.get(url);
  if (cached) return cached;
  const relative = url.startsWith('/api/v1') ? url.slice('/api/v1'.length) : url;
  const path = await withStaffToken(async (token) => {
    const signed = (await send<{ url: string | null }>(`${relative.replace(/\/content$/, '')}/link`, { token })).data
      .url;
    let result: { statusCode: number; tempFilePath: string };
    try {
      result = await Taro.downloadFile(
        signed ? { url: signed } : { url: `${apiBase()}${relative}`, header: { Authorization: `Bearer ${token}` } },
      );
    } catch {
      throw networkError();
    }
    if (result.statusCode !== 200) throw new ApiError('forbidden', '文件暂时无法查看', result.statusCode);
    return result.tempFilePath;
  });
  downloaded.set(url, path);
  return path;
}
