/**
 * Typed calls for every route the mini-program uses. Types come from `@minqing/shared`;
 * every function throws ApiError (see request.ts) with a message ready to show.
 */
import Taro from '@tarojs/taro';
import type {
  ArticleCategory,
  CitizenUser,
  DisputeRequest,
  NoticeCategory,
  RatingRequest,
  RegionLevel,
  ReportDetail,
  ReportStatus,
  SubmitReportRequest,
  SupplementRequest,
  UpdateProfileRequest,
  UploadResponse,
} from '@minqing/shared';
import { citizenApi } from '@minqing/shared';
import { ApiError, networkError } from './apiError';
import { directUploadEnabled, mediaTypeOf, uploadDirect } from './directUpload';
import { apiBase } from './config';
import { ensureToken } from './auth';
import { call, callWithMeta, upload } from './request';
import { saveUser } from './session';

export interface PageParams {
  page?: number;
  pageSize?: number;
}

// ── catalog (public) ────────────────────────────────────────────────────────────

export const getServices = () => call(citizenApi.catalog.services);

/** The region tree down to villages by default (county → township → village). */
export const getRegions = (depth: RegionLevel = 'village') => call(citizenApi.catalog.regions, { query: { depth } });

export const getCategories = () => call(citizenApi.catalog.categories);

// ── uploads ────────────────────────────────────────────────────────────────────

export interface UploadMediaOptions {
  /** Seconds of a voice clip. */
  durationSeconds?: number;
  onProgress?: (percent: number) => void;
}

/**
 * Uploads one photo or voice clip from a local path (temp file, saved file or H5 blob URL):
 * straight to object storage when the server uses it, else through POST /uploads.
 */
export async function uploadMedia(filePath: string, options: UploadMediaOptions = {}): Promise<UploadResponse> {
  const type = mediaTypeOf(filePath);
  if (type && (await directUploadEnabled())) return uploadDirect(filePath, type, options);
  const fields: Record<string, string> = {};
  if (options.durationSeconds !== undefined) fields.durationSeconds = String(Math.round(options.durationSeconds));
  return upload(citizenApi.uploads.upload, { filePath, fields, onProgress: options.onProgress });
}

const downloaded = new Map<string, string>();

/** An attachment's content path (citizenApi.uploads.content), matched against its route. */
const contentPath = new RegExp(`^${citizenApi.uploads.content.path.replace(':id', '([^/?]+)')}$`);

/** An attachment's content path → its short-lived object-storage link, when the server has one. */
async function signedLinkOf(relative: string): Promise<string | null> {
  const id = contentPath.exec(relative)?.[1];
  if (!id) return null;
  return (await call(citizenApi.uploads.link, { params: { id: decodeURIComponent(id) } })).url;
}

/**
 * A local path for an attachment's `url` (citizenApi.uploads.content), which needs the token
 * and so cannot go straight into `<Image src>`: downloads it once per app session.
 */
export async function attachmentLocalPath(url: string): Promise<string> {
  const cached = downloaded.get(url);
  if (cached) return cached;
  const relative = url.startsWith('/api/v1') ? url.slice('/api/v1'.length) : url;
  const token = await ensureToken();
  // With OSS the bytes come from a signed link, fetched without our token (OSS refuses a request signed twice).
  const signed = (await directUploadEnabled()) ? await signedLinkOf(relative) : null;
  const absolute = signed ?? (/^https?:/.test(url) ? url : `${apiBase()}${relative}`);
  let result: { statusCode: number; tempFilePath: string };
  try {
    result = await Taro.downloadFile(
      signed ? { url: absolute } : { url: absolute, header: { Authorization: `Bearer ${token}` } },
    );
  } catch {
    throw networkError();
  }
  if (result.statusCode !== 200)
    throw new ApiError(result.statusCode === 404 ? 'not_found' : 'forbidden', '文件暂时无法查看', result.statusCode);
  downloaded.set(url, result.tempFilePath);
  return result.tempFilePath;
}

// ── reports ────────────────────────────────────────────────────────────────────

export interface SubmitResult {
  report: ReportDetail;
  /** true when the server had this Idempotency-Key already and answered the same report. */
  replayed: boolean;
}

/** Submits a report; the same `idempotencyKey` on a retry answers the same report, never a second one. */
export async function submitReport(body: SubmitReportRequest, idempotencyKey: string): Promise<SubmitResult> {
  const result = await callWithMeta(
    citizenApi.reports.submit,
    { body },
    { headers: { 'Idempotency-Key': idempotencyKey } },
  );
  return { report: result.data, replayed: result.headers['idempotent-replayed'] === 'true' };
}

export const getMyReports = (params: PageParams & { status?: ReportStatus } = {}) =>
  call(citizenApi.reports.mine, { query: params });

export const getReport = (id: string) => call(citizenApi.reports.detail, { params: { id } });

export const rateReport = (id: string, rating: RatingRequest) =>
  call(citizenApi.reports.rate, { params: { id }, body: rating });

/** 我也遇到: open reports of the village that look like what is being written (public text only). */
export const getSimilarReports = (villageCode: string, text: string) =>
  call(citizenApi.following.similar, { query: { villageCode, text } });

/** 我也遇到: follow someone else's report instead of filing it again; following twice changes nothing. */
export const followReport = (id: string) => call(citizenApi.following.follow, { params: { id } });

export const unfollowReport = (id: string) => call(citizenApi.following.unfollow, { params: { id } });

/** 我关注的: the reports one follows, latest joined first. */
export const getFollowing = (params: PageParams = {}) => call(citizenApi.following.list, { query: params });

/** 要求重办. */
export const disputeReport = (id: string, dispute: DisputeRequest) =>
  call(citizenApi.reports.dispute, { params: { id }, body: dispute });

/** 补充说明 (text and/or photos uploaded first with uploadMedia). */
export const addSupplement = (id: string, supplement: SupplementRequest) =>
  call(citizenApi.reports.supplement, { params: { id }, body: supplement });

// ── notices and articles ───────────────────────────────────────────────────────

export const getNotices = (params: PageParams & { category?: NoticeCategory; villageCode?: string } = {}) =>
  call(citizenApi.notices.list, { query: params });

export const getNotice = (id: string, villageCode?: string) =>
  call(citizenApi.notices.detail, { params: { id }, query: { villageCode } });

export const getArticles = (params: PageParams & { category?: ArticleCategory } = {}) =>
  call(citizenApi.articles.list, { query: params });

export const getArticle = (id: string) => call(citizenApi.articles.detail, { params: { id } });

/** 附件 of a published notice or article (PDF, Word, Excel). */
export const getContentFiles = (kind: 'notices' | 'articles', id: string) =>
  kind === 'notices'
    ? call(citizenApi.contentFiles.notices, { params: { id } })
    : call(citizenApi.contentFiles.articles, { params: { id } });

// ── me and messages ────────────────────────────────────────────────────────────

export async function getMe(): Promise<CitizenUser> {
  const user = await call(citizenApi.me.profile);
  saveUser(user);
  return user;
}

/** Saves name, village or 关怀模式 and updates the stored profile. */
export async function updateMe(patch: UpdateProfileRequest): Promise<CitizenUser> {
  const user = await call(citizenApi.me.update, { body: patch });
  saveUser(user);
  return user;
}

export const getMessages = (params: PageParams & { unread?: boolean } = {}) =>
  call(citizenApi.messages.list, { query: params });

export const markMessageRead = (id: string) => call(citizenApi.messages.markRead, { params: { id } });

/** 绑定手机号: sends the getPhoneNumber code; the server answers the profile with the phone masked. */
export async function bindPhone(code: string): Promise<CitizenUser> {
  const user = await call(citizenApi.me.bindPhone, { body: { code } });
  saveUser(user);
  return user;
}

/** 代表工作: the deputies of a village, its township and its county, nearest first. */
export const getDeputies = (villageCode: string) => call(citizenApi.catalog.deputies, { query: { villageCode } });
