import {
  type BulkAssignRequest,
  type TriageQuery,
  type UploadResponse,
  catalogRoutes,
  staffReportRoutes as routes,
  uploadRoutes,
  urlOf,
} from '@minqing/shared';
import { ApiError, call, queryOf } from '../api';
import { currentToken } from '../session';

/** The work queue's and triage screen's calls beyond those in api.ts (shared/src/contracts/staffReports.ts). */
export const queueApi = {
  counts: (queryString: string) => call(routes.counts, { query: queryOf(queryString) }),
  triage: (query: Pick<TriageQuery, 'view' | 'page' | 'pageSize'> & { keyword?: string }) =>
    call(routes.triage, { query: { ...query, keyword: query.keyword?.trim() } }),
  bulkAssign: (body: BulkAssignRequest) => call(routes.bulkAssign, { body }),
  regions: () => call(catalogRoutes.regions, { query: { depth: 'village' } }),
};

/** The work queue under its filters as an .xlsx download (the ExportButton's path under /api/v1). */
export const exportPath = (queryString: string) => urlOf(routes.export, { query: queryOf(queryString) });

/** A result photo for 办结: multipart to the same upload route citizens use (re-encoded, EXIF removed). */
export async function uploadPhoto(file: File): Promise<UploadResponse> {
  const form = new FormData();
  form.append('file', file);
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(`/api/v1${uploadRoutes.upload.path}`, {
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
