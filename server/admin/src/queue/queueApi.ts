import type {
  BulkAssignRequest,
  BulkAssignResponse,
  Page,
  QueueCounts,
  RegionNode,
  TriageItem,
  TriageQuery,
  UploadResponse,
} from '@minqing/shared';
import { ApiError, queuePaths, request } from '../api';
import { currentToken } from '../session';

/** The work queue's and triage screen's calls beyond those in api.ts. */
export const queueApi = {
  counts: (queryString: string) => request<QueueCounts>(queuePaths.counts(queryString)),
  triage: (query: Pick<TriageQuery, 'view' | 'page' | 'pageSize'> & { keyword?: string }) => {
    const params = new URLSearchParams({
      view: query.view,
      page: String(query.page),
      pageSize: String(query.pageSize),
    });
    if (query.keyword?.trim()) params.set('keyword', query.keyword.trim());
    return request<Page<TriageItem>>(`/staff/reports/triage?${params.toString()}`);
  },
  bulkAssign: (body: BulkAssignRequest) =>
    request<BulkAssignResponse>('/staff/reports/bulk-assign', { method: 'POST', body }),
  regions: () => request<RegionNode[]>('/regions?depth=village'),
};

/** A result photo for 办结: multipart to the same upload route citizens use (re-encoded, EXIF removed). */
export async function uploadPhoto(file: File): Promise<UploadResponse> {
  const form = new FormData();
  form.append('file', file);
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch('/api/v1/uploads', {
      method: 'POST',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      body: form,
    });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请稍后再试');
  }
  const data = (await response.json().catch(() => null)) as
    | (UploadResponse & { error?: { code: ApiError['code']; message: string } })
    | null;
  if (!response.ok)
    throw new ApiError(
      response.status,
      data?.error?.code ?? 'internal_error',
      data?.error?.message ?? '上传失败',
      'photoUploadIds',
    );
  return data as UploadResponse;
}
