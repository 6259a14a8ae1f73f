import type {
  ArticleInput,
  ArticlePatch,
  ContentFile,
  NoticeInput,
  NoticePatch,
  Page,
  PublicationStatus,
  RegionNode,
  StaffArticle,
  StaffNotice,
  UploadResponse,
} from '@minqing/shared';
import { ApiError, request } from '../api';
import { currentToken } from '../session';
import type { ContentKind } from './scopeOptions';

export type StaffContent = StaffNotice | StaffArticle;

const segment = (kind: ContentKind) => (kind === 'notice' ? 'notices' : 'articles');
const one = (kind: ContentKind, id: string) => `/staff/${segment(kind)}/${encodeURIComponent(id)}`;

export interface ListQuery {
  status?: PublicationStatus;
  page: number;
  pageSize: number;
}

export const contentApi = {
  list: (kind: ContentKind, query: ListQuery) => {
    const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
    if (query.status) params.set('status', query.status);
    return request<Page<StaffContent>>(`/staff/${segment(kind)}?${params}`);
  },
  get: (kind: ContentKind, id: string) => request<StaffContent>(one(kind, id)),
  create: (kind: ContentKind, input: NoticeInput | ArticleInput) =>
    request<StaffContent>(`/staff/${segment(kind)}`, { method: 'POST', body: input }),
  patch: (kind: ContentKind, id: string, patch: NoticePatch | ArticlePatch) =>
    request<StaffContent>(one(kind, id), { method: 'PATCH', body: patch }),
  publish: (kind: ContentKind, id: string) => request<StaffContent>(`${one(kind, id)}/publish`, { method: 'POST' }),
  withdraw: (kind: ContentKind, id: string) => request<StaffContent>(`${one(kind, id)}/withdraw`, { method: 'POST' }),
  files: (kind: ContentKind, id: string) => request<ContentFile[]>(`${one(kind, id)}/files`),
  removeFile: (kind: ContentKind, id: string, fileId: string) =>
    request<unknown>(`${one(kind, id)}/files/${encodeURIComponent(fileId)}`, { method: 'DELETE' }),
  regions: () => request<RegionNode[]>('/regions?depth=village'),
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
  uploadWithProgress<UploadResponse>('/uploads', file, onProgress);

export const uploadFile = (kind: ContentKind, id: string, file: File, onProgress: (percent: number) => void) =>
  uploadWithProgress<ContentFile>(`${one(kind, id)}/files`, file, onProgress);
