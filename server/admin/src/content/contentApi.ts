import type {
  ArticleInput,
  ArticlePatch,
  ContentFile,
  NoticeInput,
  NoticePatch,
  PublicationStatus,
  StaffArticle,
  StaffNotice,
  UploadResponse,
} from '@minqing/shared';
import {
  catalogRoutes,
  contentFileRoutes,
  pathWith,
  staffArticleRoutes,
  staffNoticeRoutes,
  uploadRoutes,
} from '@minqing/shared';
import { ApiError, call } from '../api';
import { currentToken } from '../session';
import type { ContentKind } from './scopeOptions';

export type StaffContent = StaffNotice | StaffArticle;

/** The notice or article routes (shared/src/contracts/staffContent.ts): the same six for both kinds. */
const routesOf = (kind: ContentKind) => (kind === 'notice' ? staffNoticeRoutes : staffArticleRoutes);

export interface ListQuery {
  status?: PublicationStatus;
  page: number;
  pageSize: number;
}

export const contentApi = {
  list: (kind: ContentKind, query: ListQuery) => call(routesOf(kind).list, { query }),
  get: (kind: ContentKind, id: string) => call(routesOf(kind).get, { params: { id } }),
  create: (kind: ContentKind, input: NoticeInput | ArticleInput) => call(routesOf(kind).create, { body: input }),
  patch: (kind: ContentKind, id: string, patch: NoticePatch | ArticlePatch) =>
    call(routesOf(kind).update, { params: { id }, body: patch }),
  publish: (kind: ContentKind, id: string) => call(routesOf(kind).publish, { params: { id } }),
  withdraw: (kind: ContentKind, id: string) => call(routesOf(kind).withdraw, { params: { id } }),
  files: (kind: ContentKind, id: string) => call(contentFileRoutes[kind].list, { params: { id } }),
  removeFile: (kind: ContentKind, id: string, fileId: string) =>
    call(contentFileRoutes[kind].remove, { params: { id, fileId } }),
  regions: () => call(catalogRoutes.regions, { query: { depth: 'village' } }),
};

/**
 * A multipart upload with progress (fetch cannot report it): `onProgress` gets 0–100.
 * Errors come back as ApiError with the server's message, like every other request.
 */
export function uploadWithProgress<T>(path: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    const token = currentToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '网络连接失败，请稍后再试'));
    xhr.onload = () => {
      let data: { error?: { code?: ApiError['code']; message?: string; field?: string } } | null = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else
        reject(
          new ApiError(
            xhr.status,
            data?.error?.code ?? 'internal_error',
            data?.error?.message ?? `上传失败（${xhr.status}）`,
            data?.error?.field,
          ),
        );
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** A notice picture, through the same upload route as report photos (re-encoded, EXIF removed). */
export const uploadImage = (file: File, onProgress: (percent: number) => void) =>
  uploadWithProgress<UploadResponse>(uploadRoutes.upload.path, file, onProgress);

export const uploadFile = (kind: ContentKind, id: string, file: File, onProgress: (percent: number) => void) =>
  uploadWithProgress<ContentFile>(pathWith(contentFileRoutes[kind].add.path, { id }), file, onProgress);
